/**
 * Issue 19 item 5's must-show: the OpenAPI document `/openapi.json` serves passes Redocly CLI's
 * recommended rules with our own (redocly.yaml, decision 70) and Spectral's `spectral:oas`
 * ruleset, run by Spectral itself (decision 81), with no error and no operation missing its tag.
 * Redocly runs offline: telemetry off in redocly.yaml, and with no network at all where the
 * machine lets this test take it away (`unshare --net`, as root). Spectral runs in this process
 * through its library (no CLI) over a document whose every `$ref` is local, so it fetches nothing.
 * A planted document shows that the rules bite.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, type ISpectralDiagnostic, type RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { handler } from '../../functions/handlers/openapi.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { apiEvent } from '../support/factories.ts';

const CLI = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

/** Whether this process may run a command in a network namespace of its own (root, unshare present). */
const canCutNetwork = (() => {
  try {
    execFileSync('unshare', ['--net', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Problem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  readonly location: readonly { readonly source: { readonly ref: string }; readonly pointer: string }[];
}

/** Lints the files in one Redocly run; its JSON answer per file (one object each, one after another). */
const lint = async (files: readonly string[]): Promise<Problem[]> => {
  const command = [process.execPath, CLI, 'lint', ...files, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'];
  const [file, ...args] = canCutNetwork ? ['unshare', '--net', ...command] : command;
  const stdout = await promisify(execFile)(file!, args, {
    cwd: ROOT,
    env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => r.stdout,
    // Redocly exits 1 when it found an error; the answer is still on stdout.
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  // Redocly writes the objects back to back, the next opening on the line that closes the last (`}{`).
  const answers = JSON.parse(`[${stdout.trim().replace(/^\}\s*\{$/gm, '},\n{')}]`) as { problems: Problem[] }[];
  expect(answers.length, `one answer per file from Redocly:\n${stdout.slice(0, 2000)}`).toBe(files.length);
  return answers.flatMap((answer) => answer.problems);
};

/** Spectral's severities (`DiagnosticSeverity` of @stoplight/types): 0 error, 1 warning, 2 information, 3 hint. */
const SPECTRAL_ERROR = 0;

/**
 * Spectral's answer for one document under `spectral:oas` as a ruleset file's `extends: spectral:oas`
 * gives it: the ruleset's recommended rules at their own severities.
 */
const spectralLint = async (document: unknown, name: string): Promise<ISpectralDiagnostic[]> => {
  const spectral = new Spectral();
  // `oas` is a ruleset with rules and no `extends`; its published type does not narrow to RulesetDefinition's union.
  spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
  return spectral.run(new Document(JSON.stringify(document, null, 1), Json, name));
};

/** Spectral's finding as one line: rule, where, what. */
const said = (d: ISpectralDiagnostic) => `${d.code} ${d.path.join('.')}: ${d.message}`;

/** Every `$ref` in a document. */
const refsOf = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(refsOf)
    : node && typeof node === 'object'
      ? Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : refsOf(value)))
      : [];

const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
let served: Record<string, any>;
let problems: Problem[];
let spectralServed: ISpectralDiagnostic[];
let spectralPlanted: ISpectralDiagnostic[];
const inFile = (name: string) => (p: Problem) => p.location[0]?.source.ref.endsWith(name);

beforeAll(async () => {
  // What the function answers behind API Gateway (its own domain and the v1 stage).
  const answer = await handler(
    apiEvent({
      httpMethod: 'GET',
      path: '/openapi.json',
      headers: { 'X-Forwarded-Proto': 'https' },
      requestContext: {
        domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
        path: '/v1/openapi.json',
      } as never,
    }),
    {} as never,
  );
  served = JSON.parse((answer as { body: string }).body);
  writeFileSync(join(dir, 'served.json'), JSON.stringify(served, null, 1));

  // The planted faults: one per rule redocly.yaml adds or hardens, and Spectral's array-items in
  // both the 3.0 form and 3.1's list of types.
  const planted = structuredClone(served);
  delete planted.paths['/health'].get.tags;
  delete planted.paths['/auth/login'].post.security;
  delete planted.paths['/auth/login'].post.requestBody.content['application/json'].example;
  planted.paths['/auth/refresh'].post.requestBody.content['application/json'].example = { refreshToken: 5 };
  planted.components.schemas.Error.properties.error.properties.details = { type: 'array' };
  planted.components.schemas.Error.properties.error.properties.fields = { type: ['array', 'null'] };
  planted.tags = [...planted.tags.slice(1), { name: 'Sharing' }];
  writeFileSync(join(dir, 'planted.json'), JSON.stringify(planted, null, 1));

  [problems, spectralServed, spectralPlanted] = await Promise.all([
    lint([join(dir, 'served.json'), join(dir, 'planted.json')]),
    spectralLint(served, 'served.json'),
    spectralLint(planted, 'planted.json'),
  ]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the served OpenAPI document, linted by Redocly', () => {
  it(`has no error under Redocly's recommended rules and our own (${canCutNetwork ? 'with no network' : 'telemetry off'})`, () => {
    const found = problems.filter(inFile('served.json'));
    expect(
      found.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`),
    ).toEqual([]);
    console.log(
      `[openapi-lint] served document: 0 errors, ${found.length} warnings (${found.map((p) => p.ruleId).join(', ')})`,
    );
  });

  it('reports each planted fault', () => {
    const rules = new Set(
      problems
        .filter(inFile('planted.json'))
        .filter((p) => p.severity === 'error')
        .map((p) => p.ruleId),
    );
    for (const rule of [
      'rule/operation-tags',
      'security-defined',
      'rule/request-body-example',
      'no-invalid-media-type-examples',
      'tag-description',
      'operation-tag-defined',
      'no-duplicated-tag-names',
    ])
      expect(rules, rule).toContain(rule);
  });

  it('names the API it was fetched from as its server', () => {
    expect(served.servers).toEqual([
      { url: 'https://abc123.execute-api.us-east-1.amazonaws.com/v1', description: 'This API' },
    ]);
  });
});

describe("the served OpenAPI document, linted by Spectral's spectral:oas", () => {
  it('refers only within itself, so Spectral resolves it with no network', () => {
    const refs = refsOf(served);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('#/'))).toEqual([]);
  });

  it('has no error and no operation missing its tag', () => {
    expect(spectralServed.filter((d) => d.severity === SPECTRAL_ERROR).map(said)).toEqual([]);
    expect(
      spectralServed.filter((d) => d.code === 'operation-tags' || d.code === 'operation-tag-defined').map(said),
    ).toEqual([]);
    console.log(
      `[openapi-lint] Spectral spectral:oas, served document: 0 errors, ${spectralServed.length} other findings (${spectralServed.map((d) => `${d.code} ${d.path.join('.')}`).join(', ')})`,
    );
  });

  it('reports the planted untagged operation, the tag no longer declared and the planted errors', () => {
    const at = (code: string) => spectralPlanted.filter((d) => d.code === code).map((d) => d.path.join('.'));
    expect(at('operation-tags')).toEqual(['paths./health.get']);
    expect(at('operation-tag-defined').length).toBeGreaterThan(0);
    const errors = new Set(spectralPlanted.filter((d) => d.severity === SPECTRAL_ERROR).map((d) => d.code));
    for (const rule of ['array-items', 'oas3-valid-media-example', 'openapi-tags-uniqueness'])
      expect(errors, rule).toContain(rule);
    expect(at('array-items').sort()).toEqual([
      'components.schemas.Error.properties.error.properties.details',
      'components.schemas.Error.properties.error.properties.fields',
    ]);
  });
});

describe('the route table behind the document', () => {
  it('puts every route in exactly one area, each area tagged and described once', () => {
    const placed = AREAS.flatMap((area) => area.routes.map((r) => r.id));
    expect([...placed].sort()).toEqual((ROUTES as readonly RouteDefinition[]).map((r) => r.id).sort());
    expect(new Set(AREAS.map((a) => a.tag)).size).toBe(AREAS.length);
    for (const area of AREAS) expect(area.description.length, area.tag).toBeGreaterThan(10);
  });

  it('declares If-Match on exactly the routes whose handler reads it', () => {
    const handlersDir = join(ROOT, 'functions', 'handlers');
    const reading = readdirSync(handlersDir)
      .filter((f) => readFileSync(join(handlersDir, f), 'utf8').includes('ifMatchVersion('))
      .map((f) => f.replace(/\.ts$/, ''));
    const declaring = (ROUTES as readonly RouteDefinition[])
      .filter((r) => r.headers && 'If-Match' in r.headers.shape)
      .map((r) => r.handler);
    expect(reading.length).toBeGreaterThan(0);
    expect(declaring.sort()).toEqual(reading.sort());
  });
});
