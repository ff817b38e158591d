import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { parseBody, pathParam } from '../../functions/http/request.ts';
import { BadRequest, UnsupportedMediaType } from '../../functions/errors.ts';
import { EnrollCompany } from '../../functions/schemas/requests/companies.ts';
import { Id } from '../../functions/schemas/id.ts';
import { apiEvent } from '../support/factories.ts';

const Body = z.strictObject({ name: z.string().min(1), nested: z.strictObject({ n: z.number() }) });
const failure = (fn: () => unknown): BadRequest => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadRequest) return error;
    throw error;
  }
  throw new Error('expected a BadRequest');
};

describe('parseBody', () => {
  it('returns the validated body', () => {
    expect(parseBody(Body, apiEvent({ body: '{"name":"a","nested":{"n":1}}' }))).toEqual({
      name: 'a',
      nested: { n: 1 },
    });
  });

  it('decodes a base64-encoded body', () => {
    const body = Buffer.from('{"name":"a","nested":{"n":1}}').toString('base64');
    expect(parseBody(Body, apiEvent({ body, isBase64Encoded: true })).name).toBe('a');
  });

  it.each([
    ['no body', null, 'body_required'],
    ['a blank body', '   ', 'body_required'],
    ['text that is not JSON', '{"name":', 'invalid_json'],
    ['a body over the limit', JSON.stringify({ name: 'x'.repeat(100) }), 'body_too_large'],
  ])('refuses %s with a 400 of code %s', (_name, body, code) => {
    const error = failure(() => parseBody(Body, apiEvent({ body }), 64));
    expect(error.status).toBe(400);
    expect(error.code).toBe(code);
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON-looking but another type', { 'Content-Type': 'application/jsonp' }],
    ['no Content-Type at all', {}],
  ])('refuses a JSON body sent as %s with a 415 naming the Content-Type header', (_name, headers) => {
    const event = apiEvent({ body: '{"name":"a","nested":{"n":1}}', headers });
    let refused: unknown;
    try {
      parseBody(Body, event);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(UnsupportedMediaType);
    expect((refused as UnsupportedMediaType).status).toBe(415);
    expect((refused as UnsupportedMediaType).details).toEqual([{ field: 'Content-Type', message: expect.any(String) }]);
  });

  it('accepts application/json in any case and with a charset', () => {
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8'])
      expect(
        parseBody(Body, apiEvent({ body: '{"name":"a","nested":{"n":1}}', headers: { 'CONTENT-TYPE': type } })),
      ).toEqual({ name: 'a', nested: { n: 1 } });
  });

  it('names every invalid field by its dotted path, and unknown fields by name', () => {
    const error = failure(() => parseBody(Body, apiEvent({ body: '{"name":"","nested":{"n":"1"},"extra":true}' })));
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.field).sort()).toEqual(['', 'name', 'nested.n']);
    expect(error.details.find((d) => d.field === '')!.message).toContain('extra');
  });
});

describe('pathParam', () => {
  it('refuses an id that is not one the portal issues', () => {
    const error = failure(() => pathParam(apiEvent({ pathParameters: { companyId: '../etc' } }), 'companyId', Id));
    expect(error.details[0]!.field).toBe('companyId');
  });
});

describe('EnrollCompany', () => {
  const valid = {
    legalName: 'Great Lakes Freight',
    category: 'highway-carrier-us-canada',
    pocEmail: 'a@b.example.com',
    identifiers: { scac: 'GLFC' },
  };

  it('accepts a carrier with its SCAC', () => {
    expect(EnrollCompany.safeParse(valid).success).toBe(true);
  });

  it("requires the identifiers of the company's category", () => {
    const result = EnrollCompany.safeParse({ ...valid, category: 'customs-broker' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['identifiers.filerCode']);
  });

  it('refuses a lower-case SCAC and an EIN without its dash', () => {
    const result = EnrollCompany.safeParse({ ...valid, identifiers: { scac: 'glfc', ein: '123456789' } });
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['identifiers.ein', 'identifiers.scac']);
  });

  it('trims names and refuses control characters', () => {
    expect(EnrollCompany.parse({ ...valid, legalName: '  Great Lakes  ' }).legalName).toBe('Great Lakes');
    expect(EnrollCompany.safeParse({ ...valid, legalName: 'Bad\u0000Name' }).success).toBe(false);
  });
});
