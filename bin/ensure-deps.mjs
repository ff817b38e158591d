#!/usr/bin/env node
// Runs before `npm start`, `npm test` and the other scripts: installs dependencies when
// node_modules is missing or older than package-lock.json, so a fresh clone needs no manual step.
// Plain JavaScript with no imports beyond Node itself: it must work before anything is installed.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
// npm writes this file on every successful install; it is newer than the lockfile when up to date.
const marker = join(root, 'node_modules', '.package-lock.json');

const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.log('[setup] node_modules is missing or older than package-lock.json: running npm ci ...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  console.log('[setup] dependencies installed.');
}

// The browser tests drive Debian's Chromium (no browser download: this machine's network is
// the npm registry and Debian's packages). Installed here when missing and allowed (root).
const wantsBrowser = process.env.npm_lifecycle_event === 'test';
const haveChromium = () => {
  try {
    execSync('command -v chromium', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};
if (wantsBrowser && !haveChromium()) {
  if (process.getuid?.() === 0) {
    console.log("[setup] chromium is missing: installing Debian's chromium for the browser tests (apt-get) ...");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
      shell: '/bin/sh',
    });
  } else {
    console.log(
      '[setup] chromium is missing and this user cannot install it: run `sudo apt-get install chromium` (the browser tests need it).',
    );
  }
}
