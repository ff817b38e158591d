import type { APIGatewayProxyEvent } from 'aws-lambda';
// zod/mini's parse works on either zod's schemas; their modules (schemas/zod.ts) set its messages.
import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { BadRequest, UnsupportedMediaType, ValidationFailed, type ErrorDetail } from '../errors.ts';
import { IDEMPOTENCY_KEY } from '../definitions/api-headers.ts';

/** Bodies above this are refused before parsing (the route may set a smaller cap). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const toDetails = (error: z.core.$ZodError): ErrorDetail[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));

/** Validates any value against a schema; a failure is a 400 naming each field. */
export const validate = <S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = safeParse(schema, value);
  if (!result.success) throw new ValidationFailed(toDetails(result.error));
  return result.data;
};

/** A request header by its name in any case (API Gateway passes the client's spelling). */
export const header = (event: APIGatewayProxyEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  return Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1] ?? undefined;
};

/** `application/json`, with parameters (`; charset=utf-8`) or without. */
const JSON_MEDIA_TYPE = /^application\/json\s*(;.*)?$/i;

/**
 * Parses and validates a JSON body. A missing, unparseable or oversized one is a 400; one sent
 * as anything but `application/json` (or with no `Content-Type`) a 415 naming the header.
 */
export const parseBody = <S extends z.core.$ZodType>(
  schema: S,
  event: APIGatewayProxyEvent,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): z.output<S> => {
  const raw =
    event.body == null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw.trim() === '')
    throw new BadRequest(
      'A JSON request body is required.',
      [{ field: '', message: 'body is empty' }],
      'body_required',
    );
  const contentType = header(event, 'content-type');
  if (!contentType || !JSON_MEDIA_TYPE.test(contentType.trim())) throw new UnsupportedMediaType(contentType);
  const size = Buffer.byteLength(raw, 'utf8');
  if (size > maxBytes) {
    throw new BadRequest(
      `The request body is ${size} bytes; the limit is ${maxBytes}.`,
      [{ field: '', message: `body exceeds ${maxBytes} bytes` }],
      'body_too_large',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BadRequest(
      'The request body is not valid JSON.',
      [{ field: '', message: 'not valid JSON' }],
      'invalid_json',
    );
  }
  return validate(schema, parsed);
};

/** A path parameter that API Gateway guarantees by the route, checked against its schema. */
export const pathParam = <S extends z.core.$ZodType>(
  event: APIGatewayProxyEvent,
  name: string,
  schema: S,
): z.output<S> => {
  const result = safeParse(schema, event.pathParameters?.[name]);
  if (!result.success) throw new ValidationFailed([{ field: name, message: `invalid ${name}` }]);
  return result.data;
};

/** Query-string parameters validated like a body: unknown parameters and bad values are 400s. */
export const parseQuery = <S extends z.core.$ZodType>(schema: S, event: APIGatewayProxyEvent): z.output<S> =>
  validate(schema, event.queryStringParameters ?? {});

/** The version a DELETE names in `If-Match` (a bare number or a quoted ETag-style number). */
export const ifMatchVersion = (event: APIGatewayProxyEvent): number => {
  const value = header(event, 'if-match');
  const version = Number(value?.replace(/^W\//, '').replace(/"/g, ''));
  if (!value || !Number.isInteger(version) || version < 1) {
    throw new BadRequest(
      'Send the version you last read in the If-Match header.',
      [{ field: 'If-Match', message: 'required: the current version number' }],
      'version_required',
    );
  }
  return version;
};

/**
 * The `Idempotency-Key` the client sent (decision 69), its quotes taken off when sent as the IETF
 * draft's quoted string; undefined when absent. A malformed key is a 400 naming the header.
 */
export const idempotencyKey = (event: APIGatewayProxyEvent): string | undefined => {
  const name = IDEMPOTENCY_KEY.header.toLowerCase();
  const header = Object.entries(event.headers ?? {}).find(([n]) => n.toLowerCase() === name)?.[1];
  if (header === undefined || header === null) return undefined;
  const key = /^"(.*)"$/.exec(header)?.[1] ?? header;
  if (!IDEMPOTENCY_KEY.pattern.test(key)) {
    throw new BadRequest(
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.',
      [{ field: IDEMPOTENCY_KEY.header, message: 'must be 1 to 255 visible ASCII characters' }],
      'invalid_idempotency_key',
    );
  }
  return key;
};

/** The client's address as API Gateway saw it. */
export const sourceIp = (event: APIGatewayProxyEvent): string => event.requestContext?.identity?.sourceIp ?? 'unknown';
