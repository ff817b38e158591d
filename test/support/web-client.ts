import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the built web client (web/dist): an index.html and one hashed asset, so CDK tests
 * need no Vite build. One folder for every test and run (the content never changes), so runs leave
 * nothing behind but it. Returns the folder.
 */
export const stubWebClient = (): string => {
  const dir = join(tmpdir(), 'ctpat-web-client-stub');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><title>C-TPAT Portal</title><script type="module" src="/assets/app-0000.js"></script></head><body><div id="root"></div></body></html>\n',
  );
  writeFileSync(join(dir, 'assets', 'app-0000.js'), 'document.getElementById("root").textContent = "stand-in";\n');
  return dir;
};
