/**
 * Issue 17, item 2: no header or content injection through names. The two text helpers, with a
 * table of payloads, and a walk over every route's example body: each string a request carries
 * refuses control characters and bidirectional overrides, and only the fields written down here
 * as multi-line may hold a line break.
 */
import { describe, expect, it } from 'vitest';
import { MultiLine, SingleLine } from '../../functions/schemas/common.ts';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { INJECTION_PAYLOADS } from '../support/injection.ts';

const ORDINARY_NAMES = [
  "Dana O'Brien-Reyes",
  'José Martínez Núñez',
  'Zoë Müller',
  '山田 太郎',
  '김민준',
  'Łukasz Żółć',
  'Acme Imports, LLC (U.S.)',
  'Nguyễn Thị Minh Khai',
  'عبد الله',
];

const messageOf = (result: { success: boolean; error?: { issues: readonly { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message).join('; ') ?? '';

describe('SingleLine', () => {
  const Name = SingleLine(120);

  it.each(INJECTION_PAYLOADS)('refuses %s', (_what, payload) => {
    const result = Name.safeParse(payload);
    expect(result.success).toBe(false);
    expect(messageOf(result)).toMatch(/must (be a single line|not contain)/);
  });

  it.each(ORDINARY_NAMES)('accepts %s', (name) => {
    expect(Name.parse(name)).toBe(name);
  });

  it('says what is wrong in words, naming the character', () => {
    expect(messageOf(Name.safeParse('a\r\nb'))).toBe('must be a single line: no line breaks (found U+000D)');
    expect(messageOf(Name.safeParse('a\u202Eb'))).toBe(
      'must not contain bidirectional override or isolate characters (found U+202E)',
    );
    expect(messageOf(Name.safeParse('a\u0000b'))).toBe('must not contain control characters (found U+0000)');
    expect(messageOf(Name.safeParse('a\u200Fb'))).toBe('must not contain invisible bidirectional marks (found U+200F)');
  });

  it('refuses a trailing line break rather than trimming it away, and a tab', () => {
    expect(Name.safeParse('Dana Reyes\n').success).toBe(false);
    expect(Name.safeParse('Dana\tReyes').success).toBe(false);
    expect(Name.parse('  Dana Reyes  ')).toBe('Dana Reyes');
  });
});

describe('MultiLine', () => {
  const Body = MultiLine(2000);

  it('keeps new lines and tabs, and turns CRLF into LF', () => {
    expect(Body.parse('First line\n\tindented\nlast')).toBe('First line\n\tindented\nlast');
    expect(Body.parse('First line\r\nsecond')).toBe('First line\nsecond');
    expect(Body.parse('בדיקה \u200Fשל\u200E text')).toBe('בדיקה \u200Fשל\u200E text');
  });

  it.each(INJECTION_PAYLOADS.filter(([what]) => !['CRLF', 'LF'].includes(what)))('refuses %s', (_what, payload) => {
    expect(Body.safeParse(payload).success).toBe(false);
  });
});

/**
 * Free-text fields that may hold several lines, by route id and dotted path. Anything else that
 * accepts a line break is a single-line field someone forgot: add it here only if the web
 * portal gives it a text area.
 */
const MULTI_LINE_FIELDS = new Set([
  'publishAlert body',
  'startThread body',
  'postMessage body',
  'reviewCertification comments',
  'reviseDeadline reason',
  'proposeDeadline reason',
  'extendDeadline reason',
  'removeCompany reason',
  'reinstateCompany reason',
  'reapply statement',
  'decideReapplication comments',
  'changePoc reason',
  'requestGrant message',
  'changeProgramStatus reason',
  'changeProgramStatus actionPlan',
  'assignSpecialist reason',
  'fileAppeal statement',
  'decideAppeal comments',
  'reportValidation summary',
  'reportValidation actions.0.finding',
  'answerAction text',
  'reviewAction comments',
]);
/** Opaque secrets and tokens that go to Cognito and are never shown or sent to anyone. */
const OPAQUE = new Set(['password', 'newPassword', 'session', 'refreshToken', 'accessToken']);

const stringLeaves = (value: unknown, path: string[] = []): string[][] => {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
};

const withLeaf = (example: unknown, path: readonly string[], leaf: (old: string) => string): unknown => {
  const copy = structuredClone(example) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  node[last] = leaf(node[last] as string);
  return copy;
};

const cases = (ROUTES as readonly RouteDefinition[])
  .filter((r) => r.body && r.example)
  .flatMap((r) =>
    stringLeaves(r.example)
      .filter((p) => !OPAQUE.has(p[p.length - 1]!))
      .map((p) => [`${r.id} ${p.join('.')}`, r, p] as const),
  );

describe('every string in every route body', () => {
  it('has text fields to check', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('%s refuses a bidirectional override and a NUL, naming the field', (_name, route, path) => {
    for (const payload of ['\u202E', '\u0000']) {
      const result = route.body!.safeParse(
        withLeaf(route.example, path, (old) => `${old.slice(0, 2)}${payload}${old.slice(2)}`),
      );
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path.join('.'));
    }
  });

  it.each(cases)('%s holds a line break only if it is a multi-line field', (name, route, path) => {
    const result = route.body!.safeParse(
      withLeaf(route.example, path, (old) => `${old.slice(0, 2)}\r\nACCOUNT LOCKED${old.slice(2)}`),
    );
    expect(result.success, `${name} accepted a line break`).toBe(MULTI_LINE_FIELDS.has(name));
  });
});
