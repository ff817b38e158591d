/**
 * Issue 19 item 5's must-show: the OpenAPI document `/openapi.json` serves passes Redocly CLI's
 * recommended rules and, as errors, the checks of Spectral's `spectral:oas` ruleset
 * (redocly.yaml: Spectral itself is not installed, decision 70) with no error, every operation
 * tagged by its area. Redocly runs offline: telemetry off in redocly.yaml, and with no network at
 * all where the machine lets this test take it away (`unshare --net`, as root). A planted
 * document shows that each added rule bites.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
let served: Record<string, any>;
let problems: Problem[];
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

  // The planted faults, one per rule redocly.yaml adds or hardens.
  const planted = structuredClone(served);
  delete planted.paths['/health'].get.tags;
  delete planted.paths['/auth/login'].post.security;
  delete planted.paths['/auth/login'].post.requestBody.content['application/json'].example;
  planted.paths['/auth/refresh'].post.requestBody.content['application/json'].example = { refreshToken: 5 };
  planted.components.schemas.Error.properties.error.properties.details = { type: 'array' };
  planted.tags = [...planted.tags.slice(1), { name: 'Sharing' }];
  writeFileSync(join(dir, 'planted.json'), JSON.stringify(planted, null, 1));

  problems = await lint([join(dir, 'served.json'), join(dir, 'planted.json')]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the served OpenAPI document, linted by Redocly', () => {
  it(`has no error under Redocly's recommended rules and the spectral:oas equivalents (${canCutNetwork ? 'with no network' : 'telemetry off'})`, () => {
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
      'spectral/array-items',
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
