/**
 * The alert benchmark (DESIGN section 9, issue 6): one alert to 100,000 recipients (20,000
 * companies with 5 active users each) in DynamoDB Local, sent through the outbox to the SES
 * emulator behind a fake that refuses more than 50 destinations per call and throttles a tenth of
 * entries. It prints the bulk-send calls against ceil(recipients / 50), the recipients sent, the
 * duplicates (target 0) and the time of the fan-out and of the sending.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress, round } from './lib.ts';

const COMPANIES = 20_000;
const USERS = 5;
const THROTTLE_SHARE = 0.1;

export const alertFanOut = async () => {
  const { startBackends } = await import('../lib/local/runtime.ts');
  const { handlerEnv } = await import('../lib/local/bootstrap.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-bench-alert-'));
  progress('starting the emulators (DynamoDB Local in memory) for the alert benchmark ...');
  const backends = await startBackends({ dataDir, persist: false });
  try {
    Object.assign(process.env, handlerEnv(backends.emulators.env, backends.resources, 'http://127.0.0.1:0'));
    const { systemClock, useClock, uuidIds } = await import('../functions/domain/clock.ts');
    let now = new Date('2016-03-01T12:00:00.000Z');
    useClock({ now: () => now });
    const { putCompanies, putMembers } = await import('../test/support/items.ts');
    const { injectSesFaults } = await import('../test/support/ses-faults.ts');
    const deps = {
      clock: systemClock,
      ids: uuidIds,
      alerts: await import('../functions/data/alert-store.ts'),
      audiences: await import('../functions/data/audience-store.ts'),
      limits: await import('../functions/data/rate-limit-store.ts'),
      metrics: await import('../functions/clients/metrics.ts'),
      outbox: await import('../functions/data/outbox-store.ts'),
      mailer: await import('../functions/data/email.ts'),
    };
    const { publish } = await import('../functions/domain/alerts.ts');
    const { run } = await import('../functions/domain/fan-out.ts');
    const { drain } = await import('../functions/domain/outbox.ts');

    progress(`seeding ${COMPANIES.toLocaleString('en-US')} companies with ${USERS} users each ...`);
    const chunk = 1_000;
    for (let start = 0; start < COMPANIES; start += chunk) {
      const ids = Array.from(
        { length: Math.min(chunk, COMPANIES - start) },
        (_, i) => `bench-${String(start + i).padStart(6, '0')}`,
      );
      await putCompanies(
        ids.map((companyId) => ({
          companyId,
          legalName: `Bench ${companyId}`,
          category: 'importer' as const,
          pocEmail: `u0@${companyId}.example.com`,
          identifiers: {},
          status: 'active' as const,
          enrolledAt: '2016-01-01T00:00:00.000Z',
          enrolledBy: 'bench',
          version: 1,
        })),
      );
      await putMembers(
        ids.flatMap((companyId) =>
          Array.from({ length: USERS }, (_, u) => ({
            companyId,
            userId: `${companyId}-u${u}`,
            email: `u${u}@${companyId}.example.com`,
            name: `User ${u}`,
            role: u === 0 ? ('primary-poc' as const) : ('company-user' as const),
            status: 'active' as const,
            permissions: { editProfile: true, authorizeSharing: false },
            createdAt: '2016-01-01T00:00:00.000Z',
            version: 1,
          })),
        ),
      );
      if ((start + chunk) % 5_000 === 0) progress(`  seeded ${(start + chunk).toLocaleString('en-US')} companies`);
    }

    const faults = await injectSesFaults({ throttleShare: THROTTLE_SHARE });
    const caller = {
      userId: 'bench-officer',
      email: 'bench@cbp.example.gov',
      name: 'Bench',
      role: 'cbp-officer' as const,
      companyId: 'CBP',
      permissions: { editProfile: false, authorizeSharing: false },
      company: { companyId: 'CBP', legalName: 'CBP', status: 'cbp' as const },
      sourceIp: 'bench',
      mfaEnrolled: true,
    };
    progress('publishing the alert and running its fan-out ...');
    let t = performance.now();
    const alert = await publish(deps, caller, {
      kind: 'cargo-security-alert',
      title: 'Benchmark alert',
      body: 'Body.',
      severity: 'high',
      audience: { scope: 'all' },
    });
    const fanOut = await run(deps, () => now, 60 * 60_000, alert.alertId);
    const fanOutMs = performance.now() - t;
    const published = await deps.alerts.get(alert.alertId);
    progress(
      `  fan-out: ${fanOut.pages} pages, ${published?.companies} companies, ${published?.recipients} recipients in ${round(fanOutMs / 1000, 1)} s`,
    );

    progress('sending through the outbox (each round moves the clock past the backoff) ...');
    t = performance.now();
    let rounds = 0;
    const firstRound = { calls: 0 };
    for (; rounds < 20; rounds += 1) {
      now = new Date(now.getTime() + 10 * 60_000);
      const report = await drain(deps);
      if (rounds === 0) firstRound.calls = faults.ledger.calls;
      progress(
        `  round ${rounds + 1}: ${report.due} due, ${report.sent} finished, ${report.retrying} retrying, ${report.failed} failed; ${faults.ledger.calls} calls so far`,
      );
      if (report.due === 0) break;
    }
    const sendMs = performance.now() - t;
    faults.remove();
    const recipients = published?.recipients ?? 0;
    const duplicates = [...faults.ledger.sent.values()].filter((n) => n > 1).length;
    return {
      companies: COMPANIES,
      usersPerCompany: USERS,
      recipients,
      throttleShare: THROTTLE_SHARE,
      fanOut: { pages: fanOut.pages, seconds: round(fanOutMs / 1000, 1) },
      bulkSendCalls: faults.ledger.calls,
      firstAttemptCalls: firstRound.calls,
      minimumCalls: Math.ceil(recipients / 50),
      retryCalls: faults.ledger.calls - firstRound.calls,
      oversizedCalls: faults.ledger.oversized,
      throttledEntries: faults.ledger.throttled,
      recipientsSent: faults.ledger.sent.size,
      duplicates,
      sendRounds: rounds + 1,
      sendSeconds: round(sendMs / 1000, 1),
    };
  } finally {
    await backends.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** `npx tsx bench/alert.ts` runs this benchmark alone (bench/run.ts runs it in its own process). */
if (import.meta.url === `file://${process.argv[1]}`) {
  await import('../lib/local/quiet-sdk.ts');
  console.log(JSON.stringify(await alertFanOut(), null, 2));
}
