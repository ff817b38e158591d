/**
 * Schema-driven fuzzing of every route in the route table: random and malformed input always
 * gets a 4xx in the portal's error shape, never a 5xx, and changes nothing in the table.
 * A new route joins automatically; one with a body needs an `example` to mutate.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { CBP_ROLES } from '../../functions/definitions/roles.ts';
import { enrollCompany, startTestApi, userWithRole, type ApiResponse, type TestApi } from '../support/api.ts';
import { allItems } from '../support/table.ts';

const RUNS = 25;
let api: TestApi;
let tokens: Record<string, string>;
let companyId: string;
let checked = 0;
/** Random values of a route's own query parameters that were valid after all (a page of results). */
let answered = 0;

beforeAll(async () => {
  api = await startTestApi();
  const admin = await userWithRole(api, 'cbp-admin');
  const officer = await userWithRole(api, 'cbp-officer');
  companyId = (await enrollCompany(api, admin.token)).companyId;
  const poc = await userWithRole(api, 'primary-poc', companyId);
  tokens = { 'cbp-admin': admin.token, 'cbp-officer': officer.token, 'primary-poc': poc.token };
});
afterAll(async () => {
  console.log(
    `[fuzz] ${checked + answered} requests over ${ROUTES.length} routes: ${checked} refused with a 4xx and the error body, ${answered} random query values that happened to be valid answered with a page, none a 5xx; none stored anything`,
  );
  await api.close();
});

const expectClientError = (res: ApiResponse, what: string) => {
  checked += 1;
  expect(res.status, `${what} -> ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} -> ${res.status}`).toBeLessThan(500);
  expect(res.body?.error, what).toMatchObject({
    code: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
  });
};

/** A JSON value whose type differs from the original's: never valid where the original was. */
const otherType = (original: unknown) =>
  fc
    .jsonValue()
    .filter(
      (v) =>
        typeof v !== typeof original ||
        Array.isArray(v) !== Array.isArray(original) ||
        (v === null) !== (original === null),
    );

const mutations = (example: Readonly<Record<string, unknown>>) => {
  const keys = Object.keys(example);
  return fc.oneof(
    fc
      .constantFrom(...keys)
      .map((k) => Object.fromEntries(Object.entries(example).filter(([key]) => key !== k && !(k === 'pocName')))),
    fc.constantFrom(...keys).chain((k) => otherType(example[k]).map((v) => ({ ...example, [k]: v }))),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !keys.includes(k) && k !== '__proto__')
      .map((k) => ({ ...example, [k]: 1 })),
  );
};

const tokenFor = (route: RouteDefinition) => {
  if (route.auth === 'public') return undefined;
  const role = route.auth.find((r) => CBP_ROLES.includes(r)) ?? route.auth[0]!;
  return tokens[role];
};

const pathWith = (route: RouteDefinition, value: string) =>
  route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(value));

/** The path with `value` in each parameter its schema takes it for, else the schema's first option (a category). */
const validPathWith = (route: RouteDefinition, value: string) =>
  route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const schema = route.pathParams?.[name];
    if (!schema || schema.safeParse(value).success) return encodeURIComponent(value);
    const options = (schema as { options?: readonly unknown[] }).options;
    return encodeURIComponent(String(options?.[0] ?? value));
  });

describe.each((ROUTES as readonly RouteDefinition[]).map((r) => [r.id, r] as const))('%s', (_id, route) => {
  // Tokens and the enrolled company exist only once the file's beforeAll has run.
  let token: string | undefined;
  let concrete: string;
  let before: number;
  beforeAll(async () => {
    token = tokenFor(route);
    concrete = pathWith(route, companyId);
    before = (await allItems()).length;
  });
  afterAll(async () => {
    expect((await allItems()).length, `${route.id} stored something`).toBe(before);
  });

  it('refuses every method the route table does not define on this path, whatever the body', async () => {
    const defined = new Set(
      (ROUTES as readonly RouteDefinition[]).filter((r) => r.path === route.path).map((r) => r.method),
    );
    const others = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter(
      (m) => !defined.has(m as RouteDefinition['method']),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...others), fc.jsonValue(), async (method, body) => {
        const res = await api.request(method, concrete, { token, body: method === 'GET' ? undefined : body });
        expectClientError(res, `${method} ${concrete}`);
        expect(res.status).toBe(405);
      }),
      { numRuns: RUNS },
    );
  });

  if (route.body) {
    it('refuses random JSON and text bodies', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.string(),
          ),
          async (body) => {
            const res = await api.request(route.method, concrete, { token, body, raw: true });
            expectClientError(res, `${route.method} ${concrete} ${body.slice(0, 80)}`);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('refuses a valid example with one field missing, of another type, or one unknown field added', async () => {
      expect(route.example, `${route.id} needs an example in the route table`).toBeDefined();
      await fc.assert(
        fc.asyncProperty(mutations(route.example!), async (body) => {
          const res = await api.request(route.method, concrete, { token, body });
          expectClientError(res, `${route.method} ${concrete} ${JSON.stringify(body).slice(0, 120)}`);
        }),
        { numRuns: RUNS },
      );
    });

    it('refuses a valid example sent as another media type than JSON with a 415 naming Content-Type', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/xml',
              'multipart/form-data',
            ),
            fc.stringMatching(/^[a-z]{1,10}\/[a-z+.-]{1,15}$/).filter((t) => !/^application\/json$/i.test(t)),
          ),
          async (type) => {
            // Parameters that pass, so the answer is about the body's media type.
            const path = validPathWith(route, companyId);
            const res = await api.request(route.method, path, {
              token,
              body: JSON.stringify(route.example),
              raw: true,
              headers: { 'Content-Type': type },
            });
            expectClientError(res, `${route.method} ${path} as ${type}`);
            expect(res.status, `${route.method} ${path} as ${type}`).toBe(415);
            expect(res.body.error.details[0].field).toBe('Content-Type');
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('refuses an oversized body', async () => {
      const res = await api.request(route.method, concrete, {
        token,
        body: { ...route.example, padding: 'x'.repeat(100_000) },
      });
      expectClientError(res, 'oversized');
    });
  }

  if (route.query) {
    const known = Object.keys((route.query as unknown as { shape: Record<string, unknown> }).shape);
    const withQuery = (key: string, value: string) => `${concrete}?${new URLSearchParams({ [key]: value })}`;

    it('refuses an unknown query parameter with a 400 naming it', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.includes(k)),
          fc.string({ maxLength: 40 }),
          async (key, value) => {
            const res = await api.request(route.method, withQuery(key, value), {
              token,
              body: route.method === 'GET' ? undefined : route.example,
            });
            expectClientError(res, `${route.method} ${withQuery(key, value)}`);
            expect(res.status).toBe(400);
            expect(JSON.stringify(res.body.error.details), `the error names ${JSON.stringify(key)}`).toContain(
              JSON.stringify(key).slice(1, -1),
            );
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('answers random values of its own query parameters with a page or a 4xx, never a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...known),
          fc.oneof(fc.string({ maxLength: 300 }), fc.integer().map(String), fc.base64String({ maxLength: 200 })),
          async (key, value) => {
            const res = await api.request(route.method, withQuery(key, value), {
              token,
              body: route.method === 'GET' ? undefined : route.example,
            });
            if (res.status >= 400) expectClientError(res, `${route.method} ${withQuery(key, value)}`);
            else {
              expect(res.status, `${route.method} ${withQuery(key, value)}`).toBeLessThan(300);
              answered += 1;
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  if (route.pathParams) {
    it('refuses random path parameters', async () => {
      await fc.assert(
        // Not `.` or `..`: a client resolves dot segments before sending (RFC 3986 5.2.4), so the
        // request would go to another path (`/deadlines/./history` is `/deadlines/history`).
        fc.asyncProperty(
          fc.oneof(
            fc.string({ minLength: 1 }).filter((v) => v !== '.' && v !== '..'),
            fc.uuid(),
          ),
          async (value) => {
            const res = await api.request(route.method, pathWith(route, value), {
              token,
              body: route.method === 'GET' ? undefined : route.example,
            });
            expectClientError(res, `${route.method} ${pathWith(route, value)}`);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  if (route.auth !== 'public') {
    it('refuses random and truncated tokens', async () => {
      // Cut at least three characters: the last base64url character of a signature carries
      // padding bits, so changing only that one can leave the signature valid.
      const junkTokens = fc.oneof(
        fc.string({ minLength: 1 }),
        fc.nat({ max: token!.length - 3 }).map((n) => `${token!.slice(0, n)}x`),
      );
      await fc.assert(
        fc.asyncProperty(junkTokens, async (junk) => {
          const res = await api.request(route.method, concrete, {
            token: junk,
            body: route.method === 'GET' ? undefined : route.example,
          });
          expectClientError(res, `${route.method} ${concrete} with a junk token`);
          expect(res.status).toBe(401);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
