/** The request and response schemas of the routes in functions/definitions/routes/service.ts, by route id. */
import * as z from 'zod/v4';
import { Readiness } from '../readiness.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { SERVICE_ROUTES } from '../../definitions/routes/service.ts';

export const SERVICE_SCHEMAS = {
  health: { response: z.object({ status: z.literal('ok') }) },
  openapi: {
    response: z.looseObject({
      openapi: z.string(),
      info: z.looseObject({ title: z.string() }),
      paths: z.looseObject({}),
    }),
  },
  ready: {
    response: Readiness,
    otherResponses: { 503: { description: 'A service is down: the same body names which', schema: Readiness } },
  },
} as const satisfies RouteSchemaTable<typeof SERVICE_ROUTES>;
