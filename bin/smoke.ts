/**
 * `npm run smoke -- --api URL --web URL [--email ADDRESS]`: a short, non-destructive journey
 * through a deployed portal (or the local one), printing each step; exits 1 when any step fails.
 * The smoke account's password comes from SMOKE_PASSWORD (never the command line, which shells
 * keep), its authenticator secret, if it has one, from SMOKE_TOTP_SECRET.
 */
import { parseArgs } from 'node:util';
import { runSmoke, type SmokeStep } from '../lib/smoke/journey.ts';

const USAGE = `Usage: npm run smoke -- --api URL --web URL [--email ADDRESS]
  --api    the API's base URL (the stack's ApiUrl output)
  --web    the web portal's URL (the stack's WebUrl output)
  --email  a smoke account: a participant user whose password is in SMOKE_PASSWORD (and, if it has
           an authenticator app, its secret in SMOKE_TOTP_SECRET). Without it, the signed-in steps
           are skipped.`;

const fail = (message: string): never => {
  console.error(`[smoke] ${message}\n${USAGE}`);
  process.exit(2);
};

const parse = () => {
  try {
    return parseArgs({
      options: {
        api: { type: 'string' },
        web: { type: 'string' },
        email: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
};

const url = (name: string, value: string | undefined): string => {
  if (!value) return fail(`--${name} is required`);
  try {
    return new URL(value).toString();
  } catch {
    return fail(`--${name} is not a URL: ${value}`);
  }
};

const main = async () => {
  const values = parse();
  if (values.help) return console.log(USAGE);
  const api = url('api', values.api);
  const web = url('web', values.web);
  const password = process.env.SMOKE_PASSWORD;
  if (values.email && !password) fail('--email needs the account password in SMOKE_PASSWORD');
  const totpSecret = process.env.SMOKE_TOTP_SECRET;
  const account = values.email
    ? { email: values.email, password: password!, ...(totpSecret ? { totpSecret } : {}) }
    : undefined;

  console.log(`[smoke] API ${api}, web portal ${web}`);
  const print = (step: SmokeStep) =>
    console.log(`[smoke] ${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${step.ms} ms): ${step.detail}`);
  const steps = await runSmoke({ api, web, ...(account ? { account } : {}) }, print);
  const failed = steps.filter((step) => !step.ok);
  console.log(
    failed.length === 0
      ? `[smoke] passed: ${steps.length} steps`
      : `[smoke] FAILED: ${failed.length} of ${steps.length} steps (${failed.map((s) => s.name).join('; ')})`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
};

await main();
