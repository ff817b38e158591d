/**
 * The contract check (issue 19 item 5): every answer the integration suite receives is checked
 * against the OpenAPI document the API serves, with openapi-backend (its router and its
 * response validators, on ajv's JSON Schema 2020-12 as OpenAPI 3.1 reads schemas): the status is
 * one the operation documents, the body matches that status's schema, and the headers it
 * requires (`Retry-After` on a 503) are there. A method a path does not define must be the
 * document's `Error405` (decision 72). `test/support/api.ts` checks each answer; `integration-setup.ts` fails the
 * test (or the file, for answers outside a test) that received one that does not match.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats, { type FormatsPlugin } from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';

// A CommonJS module: Node's loader hands its exports object, whose `default` is the plugin.
const addFormats = ((formats as unknown as { default?: FormatsPlugin }).default ?? formats) as FormatsPlugin;

/** One answer, as the client received it. */
export interface Answer {
  readonly method: string;
  /** The path with its query string, as requested. */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers | Readonly<Record<string, string>>;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** What is wrong with an answer, in words, or nothing. */
export type ContractCheck = (answer: Answer) => string[];

const describeErrors = (errors: readonly { instancePath?: string; message?: string }[] | null | undefined) =>
  (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`.trim());

/** A checker for answers against `document` (an OpenAPI 3.1 document, as `/openapi.json` serves it). */
export const contractCheck = async (document: object): Promise<ContractCheck> => {
  const ajvs = new Map<string, Ajv2020>();
  const api = new OpenAPIBackend({
    definition: structuredClone(document) as Document,
    // The document is validated by Redocly (test/unit/openapi-lint.test.ts); openapi-backend's own
    // check knows OpenAPI 3.0's schema only.
    quick: true,
    // One ajv per set of options for the whole document, not a new one per operation: the
    // shared responses (the error answers every operation lists) are then compiled once, where
    // a fresh ajv each time compiled them again for every operation (1-2 s of a worker's event
    // loop per new operation, long enough for the dev server to drop a kept-alive connection).
    customizeAjv: (_ajv, options) => {
      const key = JSON.stringify(options);
      let ajv = ajvs.get(key);
      if (!ajv) {
        ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
        addFormats(ajv);
        ajvs.set(key, ajv);
      }
      return ajv as never;
    },
  });
  await api.init();
  const errorResponse = (api.definition.components?.responses?.Error405 ?? {}) as { content?: object };
  const errorSchema = (api.definition.components?.schemas?.Error ?? {}) as object;
  const validateError = new Ajv2020({ strict: false, allErrors: true }).compile(errorSchema);
  const match = (method: string, path: string): Operation | undefined =>
    api.router.matchOperation({ method, path, headers: {} }, false) || undefined;

  return (answer) => {
    const path = answer.path.split('?')[0]!;
    const method = answer.method.toUpperCase();
    if (method === 'OPTIONS') return []; // the CORS preflight: API Gateway's, not an operation
    const operation = match(method, path);
    if (!operation) {
      const pathExists = METHODS.some((m) => match(m, path));
      const expected = pathExists ? 405 : 404;
      const problems: string[] = [];
      if (pathExists && !errorResponse.content) problems.push('the document has no Error405 response');
      if (answer.status !== expected)
        problems.push(
          pathExists
            ? `${method} is not an operation of ${path}: the document says it answers 405 (Error405), not ${answer.status}`
            : `${path} is no path of the document: an unknown path answers 404, not ${answer.status}`,
        );
      if (!validateError(answer.body))
        problems.push(`the ${answer.status} body is not the error body: ${describeErrors(validateError.errors)}`);
      return problems;
    }
    const documented = Object.keys(operation.responses ?? {});
    if (!documented.includes(String(answer.status)))
      return [
        `${operation.operationId} answered ${answer.status}, which it does not document (${documented.join(', ')})`,
      ];
    const problems: string[] = [];
    const body = api.validateResponse(answer.body ?? null, operation, answer.status);
    if (!body.valid)
      problems.push(`${operation.operationId} ${answer.status} body: ${describeErrors(body.errors).join('; ')}`);
    const headers =
      answer.headers instanceof Headers ? Object.fromEntries(answer.headers.entries()) : { ...answer.headers };
    const required = api.validateResponseHeaders(headers, operation, {
      statusCode: answer.status,
      setMatchType: 'superset' as never,
    });
    if (!required.valid)
      problems.push(`${operation.operationId} ${answer.status} headers: ${describeErrors(required.errors).join('; ')}`);
    return problems;
  };
};

/** A mismatch, with the test that received it. */
export interface Mismatch {
  readonly test: string;
  readonly request: string;
  readonly problems: readonly string[];
}

const mismatches: Mismatch[] = [];

export const recordMismatch = (mismatch: Mismatch): void => {
  mismatches.push(mismatch);
};

/** The mismatches recorded since the last call. */
export const takeMismatches = (): Mismatch[] => mismatches.splice(0);

/**
 * Fails (throws) when an answer was recorded as not matching the document since the last call,
 * naming each; `integration-setup.ts` calls it after each test and after the file.
 */
export const expectContractKept = (): void => {
  const found = takeMismatches();
  if (found.length === 0) return;
  const lines = found.map((m) => `- ${m.request} (in "${m.test}"): ${m.problems.join('; ')}`);
  throw new Error(
    `${found.length} answer(s) do not match the served /openapi.json (fix the document, or the API):\n${lines.join('\n')}`,
  );
};
