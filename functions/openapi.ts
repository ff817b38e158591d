import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod/v4';
import { type AnswerScope, COMMON_ANSWERS, type CommonAnswer, METHOD_NOT_ALLOWED } from './definitions/api-answers.ts';
import { AREAS, ROUTES, type RouteDefinition } from './definitions/routes.ts';
import { ErrorBody } from './schemas/error-body.ts';
import { IDEMPOTENCY_KEY } from './definitions/api-headers.ts';

/** The header a keyed route takes (decision 69): optional; with it, a retry answers the first answer. */
const idempotencyHeader = z.object({
  [IDEMPOTENCY_KEY.header]: z.string().regex(IDEMPOTENCY_KEY.pattern).optional().meta({
    description:
      'A new value (a UUID) for each request; send the same value to retry it safely. A retry with the same key and body answers the first answer (`Idempotent-Replayed: true`) for a day.',
  }),
});

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorContent = { 'application/json': { schema: ERROR_REF } };

/** `Retry-After` on a 429 or a 503: seconds to wait. */
const retryAfter = (required: boolean) => ({
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required,
    schema: { type: 'integer' as const, minimum: 0 },
  },
});

const appliesTo = (scope: AnswerScope, route: RouteDefinition): boolean => {
  switch (scope) {
    case 'every':
      return true;
    case 'authed':
      return route.auth !== 'public';
    case 'public':
      return route.auth === 'public';
    case 'body':
      return route.body !== undefined;
    case 'aws':
      return route.access.length > 0;
    case 'keyed':
      return route.idempotency === 'key';
  }
};

/**
 * A schema as classic zod's classes build it. zod-to-openapi reads each node through classic
 * zod's methods (`meta()`, `unwrap()`), and the request schemas are zod/mini's (decision 84): the
 * same zod core and the same definitions with fewer methods. So each mini node is built again
 * from its own definition by the classic class of the same name, and so is each classic node
 * holding one; a node with none below it is kept as it is. Metadata registered on a node
 * (`register(z.globalRegistry, ...)`) follows it.
 */
const classicOf = new WeakMap<z.core.$ZodType, z.ZodType>();
const asClassic = (schema: z.core.$ZodType): z.ZodType => {
  const known = classicOf.get(schema);
  if (known) return known;
  const def = schema._zod.def as unknown as Record<string, unknown>;
  let below = false;
  const convert = (child: unknown) => {
    const classic = asClassic(child as z.core.$ZodType);
    below ||= classic !== child;
    return classic;
  };
  const children: Record<string, unknown> = {};
  for (const key of ['innerType', 'element', 'keyType', 'valueType', 'in', 'out'])
    if (def[key] !== undefined) children[key] = convert(def[key]);
  if (Array.isArray(def.options)) children.options = def.options.map(convert);
  if (def.type === 'object')
    children.shape = Object.fromEntries(
      Object.entries(def.shape as Record<string, unknown>).map(([key, child]) => [key, convert(child)]),
    );
  const name = schema._zod.constr.name;
  const mini = name.startsWith('ZodMini');
  if (!mini && !below) {
    classicOf.set(schema, schema as z.ZodType);
    return schema as z.ZodType;
  }
  const Classic = (z as unknown as Record<string, new (def: unknown) => z.ZodType>)[name.replace('ZodMini', 'Zod')];
  if (!Classic) throw new Error(`no classic zod class for ${name}`);
  const classic = new Classic({ ...def, ...children });
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(classic, meta);
  classicOf.set(schema, classic);
  return classic;
};

/** A common answer's name under `components/responses`: its status, and its scope where two share one. */
const componentName = (answer: CommonAnswer): string =>
  COMMON_ANSWERS.filter((a) => a.status === answer.status).length > 1
    ? `Error${answer.status}${answer.on[0]!.toUpperCase()}${answer.on.slice(1)}`
    : `Error${answer.status}`;

/** The success answer, the common answers that reach this route and the route's own (`errors`), by status. */
const responsesOf = (route: RouteDefinition): Record<string, ResponseConfig | { $ref: string }> => {
  const responses: Record<string, ResponseConfig | { $ref: string }> = {
    [route.successStatus ?? 200]: {
      description: route.successStatus === 204 ? 'Done; no body' : 'Success',
      ...(route.response
        ? { content: { [route.responseMediaType ?? 'application/json']: { schema: asClassic(route.response) } } }
        : {}),
    },
  };
  for (const answer of COMMON_ANSWERS)
    if (appliesTo(answer.on, route))
      responses[answer.status] = { $ref: `#/components/responses/${componentName(answer)}` };
  for (const [status, description] of Object.entries(route.errors ?? {}))
    responses[status] = { description, content: errorContent };
  // A route's own body for a status (the readiness route's 503 names its checks) wins over the shared one.
  for (const [status, answer] of Object.entries(route.otherResponses ?? {}))
    responses[status] = {
      description: answer.description,
      content: { 'application/json': { schema: asClassic(answer.schema) } },
    };
  return responses;
};

const descriptionOf = (route: RouteDefinition): string =>
  route.auth === 'public'
    ? 'Public: no token.'
    : `Roles: ${route.auth.join(', ')}.${route.allowRemovedCompany ? ' Open to users of a removed company.' : ''}`;

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests: every
 * operation tagged by its area, with an example body, and every status it can answer (its own
 * `errors`, and the wrapper's and API Gateway's from `definitions/api-answers.ts`).
 */
export const openApiDocument = () => {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'cognito', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The Cognito ID token from POST /auth/login',
  });
  const { $schema: _draft, ...errorSchema } = z.toJSONSchema(ErrorBody);
  registry.registerComponent('schemas', 'Error', errorSchema as Record<string, unknown>);
  for (const answer of COMMON_ANSWERS)
    registry.registerComponent('responses', componentName(answer), {
      description: answer.description,
      content: errorContent,
      ...(answer.retryAfter ? { headers: retryAfter(answer.retryAfter === 'always') } : {}),
    });
  registry.registerComponent('responses', `Error${METHOD_NOT_ALLOWED.status}`, {
    description: METHOD_NOT_ALLOWED.description,
    content: errorContent,
  });
  const tagOf = new Map(AREAS.flatMap((area) => area.routes.map((r) => [r.id, area.tag] as const)));
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const isPublic = route.auth === 'public';
    registry.registerPath({
      operationId: route.id,
      method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: route.path,
      tags: [tagOf.get(route.id) ?? 'untagged'],
      summary: route.summary,
      description: descriptionOf(route),
      security: isPublic ? [] : [{ [bearer.name]: [] }],
      request: {
        ...(route.pathParams ? { params: asClassic(z.object(route.pathParams)) as z.ZodObject } : {}),
        ...(route.query ? { query: asClassic(route.query) as z.ZodObject } : {}),
        ...(route.headers || route.idempotency === 'key'
          ? {
              headers:
                route.idempotency === 'key'
                  ? (route.headers ? (asClassic(route.headers) as z.ZodObject) : z.object({})).extend(
                      idempotencyHeader.shape,
                    )
                  : (asClassic(route.headers!) as z.ZodObject),
            }
          : {}),
        ...(route.body
          ? {
              body: {
                required: true,
                content: {
                  'application/json': {
                    schema: asClassic(route.body),
                    ...(route.example ? { example: route.example } : {}),
                  },
                },
              },
            }
          : {}),
      },
      responses: responsesOf(route),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'C-TPAT Communications Portal API',
      version: '1.0.0',
      description: [
        'Two-way communication between CBP and C-TPAT participants. JSON over HTTPS: every request body',
        'is `application/json`, every error has the body `{"error": {"code", "message", "details"}}`, and',
        '`details` names each offending field. Lists are pages with an opaque `nextCursor`.',
        '',
        'A method a path does not define is answered by the `Error405` response of `components`.',
      ].join('\n'),
    },
    servers: [
      {
        url: '{api}',
        description: "The API's base URL; `/openapi.json` fetched from an API names that API here",
        variables: {
          api: {
            default: 'http://127.0.0.1:3000',
            description:
              "The stack's API URL output in AWS (`https://<api-id>.execute-api.<region>.amazonaws.com/v1`); http://127.0.0.1:3000 on the local stack",
          },
        },
      },
    ],
    tags: AREAS.map((area) => ({ name: area.tag, description: area.description })),
  });
};
