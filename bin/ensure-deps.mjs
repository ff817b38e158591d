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
