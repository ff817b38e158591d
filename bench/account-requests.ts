/**
 * Account requests answer alike in time (the timing half of the account-request test, moved
 * here by issue 18): POST /auth/signup through the dev server for an email nobody registered,
 * for a registered POC email (the request creates the account and invites the POC) and for a
 * POC whose account exists, interleaved. The handler holds every answer to one floor, so that
 * nobody learns from the time which emails are registered; this prints each kind's median and
 * p90 and their ratios to the unregistered kind's. (The test keeps asserting that the answers
 * are the same in status and body.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, progress, quantile, round, signInThroughApi } from './lib.ts';

/** Timed requests of each kind, after WARM_UP untimed ones of each. */
const REQUESTS = 30;
const WARM_UP = 3;
/** How far apart two kinds' medians, and their p90s, may be: the bound the test asserted on one pair of requests. */
const BOUND_MS = 400;

type Figures = { medianMs: number; p90Ms: number };
const ratios = (kind: Figures, reference: Figures) => ({
  median: round(kind.medianMs / reference.medianMs, 3),
  p90: round(kind.p90Ms / reference.p90Ms, 3),
});

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

export const accountRequests = async () => {
  const { startBackends, startApi } = await import('../lib/local/runtime.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-bench-signup-'));
  progress('starting the emulators (DynamoDB Local in memory) for the account-request benchmark ...');
  const backends = await startBackends({ dataDir, persist: false });
  try {
    const api = await startApi(backends);
    const { provisionUser } = await import('../functions/domain/users.ts');
    const { allPorts } = await import('../lib/local/all-ports.ts');

    // Account requests are limited per source address (functions/domain/accounts.ts), so each
    // request comes from an address of its own on the loopback network (127.0.0.0/8, as Linux
    // routes it), on a connection of its own: the same cost for every kind.
    let sources = 0;
    const nextSource = () => {
      const n = sources++;
      return `127.0.${Math.floor(n / 250)}.${(n % 250) + 2}`;
    };
    const post = (path: string, body: unknown, token?: string) =>
      new Promise<Answer>((resolve, reject) => {
        const started = performance.now();
        const req = request(
          `${api.url}${path}`,
          {
            method: 'POST',
            agent: false,
            localAddress: nextSource(),
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });

    const password = 'account request benchmark 2006';
    await provisionUser(allPorts, {
      email: 'signup-officer@cbp.example.gov',
      name: 'Bench Officer',
      companyId: 'CBP',
      role: 'cbp-officer',
      password,
    });
    const officer = await signInThroughApi(api.url, 'signup-officer@cbp.example.gov', password);
    const rounds = WARM_UP + REQUESTS;
    progress(`enrolling ${rounds} companies, each with a registered POC email and no account yet ...`);
    const pocEmails: string[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const pocEmail = `poc${i}@signup.example.com`;
      const enrolled = await post(
        '/companies',
        {
          legalName: `Signup Co ${i}`,
          category: 'importer',
          pocEmail,
          identifiers: { iorNumber: '12-3456789', ein: '12-3456789' },
        },
        officer,
      );
      if (enrolled.status !== 201) throw new Error(`enrollment failed: ${enrolled.status} ${enrolled.body}`);
      pocEmails.push(pocEmail);
    }

    progress(`${WARM_UP} untimed and ${REQUESTS} timed account requests of each kind, interleaved ...`);
    const kinds = { unregistered: [] as Answer[], registered: [] as Answer[], existing: [] as Answer[] };
    for (let i = 0; i < rounds; i += 1) {
      const timed = i >= WARM_UP;
      const unregistered = await post('/auth/signup', { email: `nobody${i}@signup.example.com` });
      // Its first request creates the POC's account; the second finds it.
      const registered = await post('/auth/signup', { email: pocEmails[i] });
      const existing = await post('/auth/signup', { email: pocEmails[i] });
      if (timed) {
        kinds.unregistered.push(unregistered);
        kinds.registered.push(registered);
        kinds.existing.push(existing);
      }
    }
    api.server.close();

    const reference = kinds.unregistered[0]!;
    const figures = (answers: Answer[]) => {
      const ms = answers.map((a) => a.ms);
      return {
        medianMs: round(median(ms)),
        p90Ms: round(quantile(ms, 0.9)),
        maxMs: round(Math.max(...ms)),
        // Every answer should be the unregistered one's, word for word.
        differentAnswers: answers.filter((a) => a.status !== reference.status || a.body !== reference.body).length,
      };
    };
    const unregistered = figures(kinds.unregistered);
    const registered = figures(kinds.registered);
    const existing = figures(kinds.existing);
    return {
      requestsPerKind: REQUESTS,
      warmUpPerKind: WARM_UP,
      answer: { status: reference.status, body: reference.body },
      unregistered,
      registered,
      existing,
      /** Each kind against the unregistered one, median to median and p90 to p90. */
      ratios: {
        registered: ratios(registered, unregistered),
        existing: ratios(existing, unregistered),
      },
      boundMs: BOUND_MS,
      withinBound: [registered, existing].every(
        (f) =>
          Math.abs(f.medianMs - unregistered.medianMs) < BOUND_MS && Math.abs(f.p90Ms - unregistered.p90Ms) < BOUND_MS,
      ),
      sameAnswers: registered.differentAnswers + existing.differentAnswers + unregistered.differentAnswers === 0,
    };
  } finally {
    await backends.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** `npx tsx bench/account-requests.ts` runs this benchmark alone (bench/run.ts runs it in its own process). */
if (import.meta.url === `file://${process.argv[1]}`) {
  await import('../lib/local/quiet-sdk.ts');
  console.log(JSON.stringify(await accountRequests(), null, 2));
}
