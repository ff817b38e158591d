import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod/v4';
import { ROUTES, type RouteDefinition } from './definitions/routes.ts';
import { ErrorBody } from './schemas/error-body.ts';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/** The OpenAPI 3 document, generated from the same zod schemas that validate requests. */
export const openApiDocument = () => {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'cognito', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The Cognito ID token from POST /auth/login',
  });
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const isPublic = route.auth === 'public';
    registry.registerPath({
      operationId: route.id,
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: route.path,
      summary: route.summary,
      description: isPublic ? 'Public.' : `Roles: ${(route.auth as readonly string[]).join(', ')}.`,
      ...(isPublic ? {} : { security: [{ [bearer.name]: [] }] }),
      request: {
        ...(route.pathParams ? { params: z.object(route.pathParams) } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body
          ? {
              body: {
                required: true,
                content: {
                  'application/json': { schema: route.body, ...(route.example ? { example: route.example } : {}) },
                },
              },
            }
          : {}),
      },
      responses: {
        [route.successStatus ?? 200]: {
          description: 'Success',
          ...(route.response ? { content: { 'application/json': { schema: route.response } } } : {}),
        },
        400: errorResponse('Invalid request; `details` names each field'),
        ...(isPublic
          ? {}
          : {
              401: errorResponse('No valid token'),
              403: errorResponse('Not allowed'),
              404: errorResponse('Not found'),
            }),
        429: errorResponse('Throttled; see Retry-After'),
        ...Object.fromEntries(
          Object.entries(route.otherResponses ?? {}).map(([status, r]) => [
            status,
            { description: r.description, content: { 'application/json': { schema: r.schema } } },
          ]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'C-TPAT Communications Portal API',
      version: '1.0.0',
      description: 'Two-way communication between CBP and C-TPAT participants.',
    },
  });
};
