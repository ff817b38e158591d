/**
 * A steady open-loop load for the recovery tests (issue 25, items 4 and 5): while an emulator is
 * paused or killed, CBP replies in a thread every 250 ms (each reply commits its message and the
 * POC's notice in one transaction), reads the thread every 500 ms and the POC signs in every
 * 2.5 s, without waiting for earlier requests. Afterwards the outbox is drained as its scheduled sender would (moving the clock past
 * each backoff), and the row of the reliability table is counted: the answers by status, the
 * acknowledged replies missing from the thread, the refused ones stored all the same, and the
 * notices lost or sent twice.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { expect } from 'vitest';
import { useClock } from '../../functions/domain/clock.ts';
import { TEST_PASSWORD, enrollCompany, userWithRole, type TestApi } from './api.ts';
import { sendOutboxJob } from './functions.ts';
import { mailTo } from './mail.ts';
import { streamPoller } from './stream.ts';
import { deliveries } from './table.ts';

export const NOTICE = 'C-TPAT: a new secure message from CBP';

export interface Thread {
  readonly companyId: string;
  readonly threadId: string;
  readonly poc: { readonly email: string; readonly token: string };
  readonly officer: string;
}

/** A new company whose POC started a thread: each reply from CBP sends the POC one notice. */
export const threadWithPoc = async (api: TestApi): Promise<Thread> => {
  const admin = (await userWithRole(api, 'cbp-admin')).token;
  const officer = (await userWithRole(api, 'cbp-officer')).token;
  const company = await enrollCompany(api, admin);
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const started = await api.request('POST', `/companies/${company.companyId}/threads`, {
    token: poc.token,
    body: { subject: 'Seal log', body: 'Where do we send the seal log?' },
  });
  expect(started.status).toBe(201);
  return { companyId: company.companyId, threadId: started.body.threadId as string, poc, officer };
};

export interface Answer {
  readonly kind: 'reply' | 'read' | 'sign-in';
  readonly status: number;
  /** A reply's text, unique to it. */
  readonly text?: string;
  readonly retryAfter: string | null;
  /** When it was sent and answered (performance.now()). */
  readonly began: number;
  readonly ended: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CBP's limit is 120 replies per officer per 10 minutes (definitions/limits.ts): stay below it. */
const MAX_REPLIES = 100;

/**
 * Runs the load while `fault` runs (it is handed the answers so far, as they arrive), then waits
 * for every request the load began to answer. A reply every 250 ms, a read every 500 ms, a sign-in
 * every 2.5 s: about 6 requests a second.
 */
export const loadDuring = async (
  api: TestApi,
  thread: Thread,
  fault: (answered: readonly Answer[]) => Promise<unknown>,
): Promise<Answer[]> => {
  const path = `/companies/${thread.companyId}/threads/${thread.threadId}/messages`;
  const answered: Answer[] = [];
  const inFlight: Promise<Answer>[] = [];
  const timed = <T extends Omit<Answer, 'began' | 'ended'>>(send: () => Promise<T>) => {
    const began = performance.now();
    const answer = send().then((a) => ({ ...a, began, ended: performance.now() }));
    inFlight.push(answer);
    void answer.then((a) => answered.push(a));
  };
  let done = false;
  const during = fault(answered).finally(() => {
    done = true;
  });
  for (let tick = 0, replies = 0; !done; tick += 1) {
    if (replies < MAX_REPLIES) {
      replies += 1;
      const text = `Reply ${randomUUID()}: upload it to the portal.`;
      timed(() =>
        api
          .request('POST', path, { token: thread.officer, body: { body: text } })
          .then((r) => ({ kind: 'reply' as const, status: r.status, text, retryAfter: r.headers.get('retry-after') })),
      );
    }
    if (tick % 2 === 0)
      timed(() =>
        api
          .request('GET', path, { token: thread.officer })
          .then((r) => ({ kind: 'read' as const, status: r.status, retryAfter: r.headers.get('retry-after') })),
      );
    // The user pool's part of the load.
    if (tick % 10 === 5)
      timed(() =>
        api
          .request('POST', '/auth/login', { body: { email: thread.poc.email, password: TEST_PASSWORD } })
          .then((r) => ({ kind: 'sign-in' as const, status: r.status, retryAfter: r.headers.get('retry-after') })),
      );
    await sleep(250);
  }
  await during;
  return Promise.all(inFlight);
};

/**
 * Sends what the outbox still owes for the thread, as its scheduled sender would each minute:
 * the clock moves past each retry's backoff (30 s to 4 min) between runs, and back after.
 */
export const drainNotices = async (thread: Thread): Promise<void> => {
  const reason = `message:${thread.companyId}:${thread.threadId}`;
  const owed = async () =>
    (await deliveries()).filter((d) => d.reason === reason && (d.status === 'pending' || d.status === 'sending'));
  const send = await sendOutboxJob();
  let ahead = 0;
  try {
    await streamPoller().settled();
    for (let round = 0; round < 8 && (await owed()).length > 0; round += 1) {
      ahead += 5 * 60_000;
      const offset = ahead;
      useClock({ now: () => new Date(Date.now() + offset) });
      await send();
    }
  } finally {
    useClock({ now: () => new Date() });
  }
  await streamPoller().settled();
};

export interface FaultRow {
  readonly fault: string;
  readonly requests: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly serverErrors: number;
  /** 5xx answers without `Retry-After` (a 503 with it means nothing changed, retry). */
  readonly serverErrorsWithoutRetryAfter: number;
  readonly acknowledged: number;
  /** Acknowledged replies the thread does not hold. */
  readonly writesLost: number;
  /** Replies answered with an error that the thread holds all the same. */
  readonly refusedButStored: number;
  /** Replies stored more than once. */
  readonly storedTwice: number;
  /** Notices owed (one per stored reply) and sent, lost and duplicated. */
  readonly noticesOwed: number;
  readonly emailsSent: number;
  readonly emailsLost: number;
  readonly emailsDuplicated: number;
}

/** Counts the row once the fault is over and the outbox drained. */
export const countRow = async (api: TestApi, thread: Thread, fault: string, answers: Answer[]): Promise<FaultRow> => {
  const texts: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await api.request(
      'GET',
      `/companies/${thread.companyId}/threads/${thread.threadId}/messages?limit=100${query}`,
      {
        token: thread.officer,
      },
    );
    expect(page.status).toBe(200);
    texts.push(...(JSON.stringify(page.body.items).match(/Reply [0-9a-f-]{36}: upload it to the portal\./g) ?? []));
    cursor = page.body.cursor;
  } while (cursor);
  const stored = new Map<string, number>();
  for (const text of texts) stored.set(text, (stored.get(text) ?? 0) + 1);
  const replies = answers.filter((a) => a.kind === 'reply');
  const acknowledged = replies.filter((a) => a.status === 201);
  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const serverErrors = answers.filter((a) => a.status >= 500);
  // The SES emulator's inbox for the POC, who gets nothing but these notices.
  const emailsSent = (await mailTo(thread.poc.email)).filter((m) => m.subject === NOTICE).length;
  const noticesOwed = stored.size;
  return {
    fault,
    requests: answers.length,
    byStatus,
    serverErrors: serverErrors.length,
    serverErrorsWithoutRetryAfter: serverErrors.filter((a) => a.retryAfter === null).length,
    acknowledged: acknowledged.length,
    writesLost: acknowledged.filter((a) => !stored.has(a.text!)).length,
    refusedButStored: replies.filter((a) => a.status !== 201 && stored.has(a.text!)).length,
    storedTwice: [...stored.values()].filter((n) => n > 1).length,
    noticesOwed,
    emailsSent,
    emailsLost: Math.max(0, noticesOwed - emailsSent),
    emailsDuplicated: Math.max(0, emailsSent - noticesOwed),
  };
};

/** The row as one line for the log, and the reliability table (README). */
export const printRow = (row: FaultRow): void => {
  const statuses = Object.entries(row.byStatus)
    .map(([status, n]) => `${n} x ${status}`)
    .join(', ');
  console.log(
    `[reliability] ${row.fault}: ${row.requests} requests during the fault (${statuses}); 5xx ${row.serverErrors} ` +
      `(${row.serverErrorsWithoutRetryAfter} without Retry-After); acknowledged writes ${row.acknowledged}, lost ${row.writesLost}; ` +
      `refused but stored ${row.refusedButStored}; stored twice ${row.storedTwice}; notices owed ${row.noticesOwed}, ` +
      `emails sent ${row.emailsSent}, lost ${row.emailsLost}, duplicated ${row.emailsDuplicated}`,
  );
};
