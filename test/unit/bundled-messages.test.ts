/**
 * A function's bundle holds zod/mini only (decision 84), and mini sets no error messages of its
 * own: `schemas/zod.ts` sets classic zod's English ones. In this process classic zod is loaded
 * (and sets them itself), so the check bundles a validation as a Lambda bundle is made and runs
 * it in a Node process of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../lib/local/paths.ts';
import { BUNDLE_OPTIONS } from '../../bench/foundation.ts';

const dir = mkdtempSync(join(tmpdir(), 'bundled-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bundled request validation', () => {
  it('answers in zod English, with no classic zod in the bundle', async () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        `import { validate } from ${JSON.stringify(join(ROOT, 'functions', 'http', 'request.ts'))};`,
        `import { AddStaff } from ${JSON.stringify(join(ROOT, 'functions', 'schemas', 'requests', 'users.ts'))};`,
        'try {',
        "  validate(AddStaff, { email: 'a@example.com', name: 'Ann', role: 'boss', version: 1 });",
        '} catch (error) {',
        '  console.log(JSON.stringify(error.details));',
        '}',
      ].join('\n'),
    );
    const outfile = join(dir, 'entry.mjs');
    const { metafile } = await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile, metafile: true });
    expect(Object.keys(metafile.inputs).filter((input) => input.includes('zod/v4/classic'))).toEqual([]);
    const details = JSON.parse(execFileSync(process.execPath, [outfile]).toString()) as unknown;
    expect(details).toEqual([
      { field: 'role', message: 'Invalid option: expected one of "cbp-officer"|"cbp-admin"' },
      { field: '', message: 'unknown field(s): version' },
    ]);
  });
});
