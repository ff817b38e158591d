/**
 * `npm run code -- officer@cbp.example.gov`: the six-digit code the demo staff member's
 * authenticator app would show now. Cognito's staff pool requires a second factor at every
 * sign-in; the demo's staff have an app already (set up by the seed), and this stands in for
 * their phone. Only the local demo's sign-ins have one here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../lib/local/paths.ts';
import type { DemoSignIn } from '../lib/local/seed.ts';
import { totp } from '../lib/local/totp.ts';

const email = process.argv[2]?.toLowerCase();
const seedFile = join(DATA_DIR, 'demo-sign-ins.json');
if (!existsSync(seedFile)) {
  console.error('No demo yet: `npm start` seeds it.');
  process.exit(1);
}
const signIns = JSON.parse(readFileSync(seedFile, 'utf8')) as DemoSignIn[];
const withApps = signIns.filter((s) => s.authenticatorSecret);
const found = withApps.find((s) => s.email === email);
if (!found?.authenticatorSecret) {
  console.error(`Usage: npm run code -- <email>, one of: ${withApps.map((s) => s.email).join(', ')}`);
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totp(found.authenticatorSecret)}   (${found.email}; valid for ${secondsLeft} more seconds)`);
