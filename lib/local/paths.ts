import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Everything `npm start` keeps between runs (git-ignored). */
export const DATA_DIR = join(ROOT, '.local');
/** The built web portal (`npm run build:web`; git-ignored). */
export const WEB_DIST = join(ROOT, 'web', 'dist');
