/**
 * A handler builds only the request schemas it validates (issue 18: each route's cold import): the
 * schema modules a handler imports declare each schema inside a call the bundler may drop, so one
 * route's bundle leaves out its neighbours' schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SCHEMAS = join(import.meta.dirname, '..', '..', 'functions', 'schemas');
const modules = [
  ...readdirSync(join(SCHEMAS, 'requests')).map((f) => join(SCHEMAS, 'requests', f)),
  join(SCHEMAS, 'common.ts'),
  join(SCHEMAS, 'fields.ts'),
];

/** The handler's bundle, built as the Lambda construct builds it (AWS SDK external). */
const bundle = async (handler: string): Promise<string> => {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '..', '..', 'functions', 'handlers', `${handler}.ts`)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
};

describe('request schema modules', () => {
  it('declare every schema inside a pure call, so an unused one stays out of a bundle', () => {
    for (const file of modules) {
      const source = readFileSync(file, 'utf8');
      // A declaration built straight from zod (or another schema's method) runs in every bundle
      // that imports the module; aliases (`= Refresh;`) and functions build nothing.
      const bare = [...source.matchAll(/^export const (\w+)(?::[^=]+)? = (?!\/\* @__PURE__ \*\/ schema\()(.*)$/gm)]
        .filter(([, , rhs]) => !/^\(|^[A-Z]\w*;$/.test(rhs!))
        .map(([, name]) => name);
      expect(bare, file).toEqual([]);
    }
  });

  it("leave a neighbour's schema out of a handler's bundle, and keep the handler's own", async () => {
    // Both validate bodies declared in requests/auth.ts; only the reset checks its emailed code.
    const message = 'must be the code from the email';
    expect(await bundle('confirm-forgot-password')).toContain(message);
    expect(await bundle('login')).not.toContain(message);
  });
});
