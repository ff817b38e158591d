import { cpus, totalmem } from 'node:os';

export const median = (values: number[]): number => quantile(values, 0.5);
export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
};
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Which machine produced the figures: they are quoted with it. */
export const machine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
});

export const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** The authenticator apps the benchmarks' staff set up, by email. */
const apps = new Map<string, string>();

/**
 * Signs in through the API as a person would, with the second factor CBP staff's user pool
 * requires: an app set up at the first sign-in (MFA_SETUP), its code at every later one.
 */
export const signInThroughApi = async (apiUrl: string, email: string, password: string): Promise<string> => {
  const { totp } = await import('../lib/local/totp.ts');
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as {
      tokens?: { idToken: string };
      challenge?: string;
      session: string;
      secretCode: string;
    };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  let answer = await call('/auth/login', { email, password });
  if (answer.challenge === 'MFA_SETUP') {
    const setup = await call('/auth/mfa-setup', { email, session: answer.session });
    apps.set(email, setup.secretCode);
    answer = await call('/auth/mfa-setup/verify', { email, session: setup.session, code: totp(setup.secretCode) });
  } else if (answer.challenge === 'SOFTWARE_TOKEN_MFA') {
    const secret = apps.get(email);
    if (!secret) throw new Error(`${email} has an authenticator app this run did not set up`);
    answer = await call('/auth/mfa', { email, session: answer.session, code: totp(secret) });
  }
  if (!answer.tokens) throw new Error(`sign-in of ${email} ended without tokens: ${JSON.stringify(answer)}`);
  return answer.tokens.idToken;
};
