/** `npm run reset`: wipes the local portal's data; the next `npm start` seeds the demo again. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../lib/local/paths.ts';

const runtime = join(DATA_DIR, 'runtime.json');
if (existsSync(runtime)) {
  const { pid } = JSON.parse(readFileSync(runtime, 'utf8')) as { pid: number };
  const alive = (() => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  })();
  if (alive) {
    console.error(`The local portal is running (pid ${pid}); stop it with Ctrl-C before resetting.`);
    process.exit(1);
  }
}
rmSync(DATA_DIR, { recursive: true, force: true });
console.log(`Removed ${DATA_DIR}. The next npm start creates the table, the user pool and the demo again.`);
