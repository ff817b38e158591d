/**
 * The local demo's story (issue 5): seeded on May 1, 2006 and moved to July 2, 2006 the way
 * `npm run simulate -- --as-of 2006-07-02` does it.
 */
import { describe, expect, it } from 'vitest';
import { startTestApi } from '../support/api.ts';
import { useClock } from '../../functions/domain/clock.ts';
import { mailTo, temporaryPasswordIn, waitForMail, type StoredEmail } from '../support/mail.ts';
import { streamPoller } from '../support/stream.ts';
import { recordSent } from '../support/confidential-log.ts';
import { companiesInCategory } from '../support/table.ts';
import { DEMO_START } from '../../lib/local/demo-clock.ts';
import { simulateDays } from '../../lib/local/simulation.ts';
import { programDate } from '../../functions/definitions/program-time.ts';
import { sendOutboxJob, sweepJob } from '../support/functions.ts';

describe('the 2006 demo', () => {
  it('removes on July 2, 2006 the demo companies due by July 1 that had not completed their update, and leaves Acme, which had', async () => {
    useClock({ now: () => DEMO_START });
    const { seedDemo, DEMO_COMPANIES } = await import('../../lib/local/seed.ts');
    for (const demo of DEMO_COMPANIES) recordSent('POST', '/companies', demo);
    await seedDemo();
    const sweep = await sweepJob();
    const job = await sendOutboxJob();
    // Each day's mail is sent before the next day's sweep: by the scheduled sender or the stream's.
    const send = async () => {
      const report = await job();
      await streamPoller().settled();
      return report;
    };
    const lines: string[] = [];
    const totals = await simulateDays({
      from: programDate(DEMO_START),
      to: '2006-07-02',
      sweep,
      send,
      log: (line) => lines.push(line),
    });

    expect(totals).toMatchObject({ days: 63, removed: 2 });
    const removals = totals.actions.filter((a) => a.includes(' removed '));
    expect(removals).toEqual([
      expect.stringMatching(
        /^2006-07-02 {2}removed Great Lakes Freight Co\. \(highway-carrier-us-canada\): enrollment due 2006-07-01 passed/,
      ),
      expect.stringMatching(
        /^2006-07-02 {2}removed Harbor Home Goods Inc\. \(importer\): enrollment due 2006-07-01 passed/,
      ),
    ]);
    expect(totals.actions.join('\n')).not.toContain('Acme');
    expect(lines).toEqual(totals.actions.map((a) => `  ${a}`));

    const byName = new Map((await companiesInCategory('importer')).map((c) => [c.legalName, c.status]));
    expect(byName.get('Acme Imports LLC')).toBe('active');
    expect(byName.get('Harbor Home Goods Inc.')).toBe('removed');
    expect((await mailTo('compliance@harbor-home.example.com')).map((m) => m.subject)).toEqual([
      // The seed's CBP certified Harbor (decision 92); then the reminders and the removal.
      'C-TPAT: Your company is now certified',
      'C-TPAT: your portal update is due by July 1, 2006',
      'C-TPAT: your portal update is due by July 1, 2006',
      'C-TPAT: your portal update is due by July 1, 2006',
      'C-TPAT: your portal update is due by July 1, 2006',
      'C-TPAT: your company has been removed from the program',
    ]);
    // Acme hears only of its certification and validation: no reminder, no removal.
    expect((await mailTo('poc@acme-imports.example.com')).map((m) => m.subject)).toEqual([
      'C-TPAT: Your company is now certified',
      'C-TPAT: Your company is now validated',
    ]);
    // The whole demo seeded (every company, user and audit record, each record's copy archived
    // through the table's changes) and a sweep: about 30 s alone, past 60 s with CI's other files.
  }, 180_000);

  it("then lets the removed Harbor Home Goods' POC, who never had an account, request it, sign in and reapply, as the README says", async () => {
    const api = await startTestApi();
    const pocEmail = 'compliance@harbor-home.example.com';
    expect((await api.request('POST', '/auth/signup', { body: { email: pocEmail } })).status).toBe(202);
    const isInvitation = (m: StoredEmail) => m.subject === 'Your C-TPAT Portal account';
    const invitation = (await waitForMail(pocEmail, 1, isInvitation)).find(isInvitation);
    expect(invitation, 'the invitation is in the mail inbox').toBeDefined();
    const challenge = await api.request('POST', '/auth/login', {
      body: { email: pocEmail, password: temporaryPasswordIn(invitation!) },
    });
    const signedIn = await api.request('POST', '/auth/new-password', {
      body: { email: pocEmail, session: challenge.body.session, newPassword: 'harbor home goods 2006 passphrase' },
    });
    const token = signedIn.body.tokens.idToken as string;
    const me = await api.request('GET', '/me', { token });
    expect(me.body.company).toMatchObject({ legalName: 'Harbor Home Goods Inc.', status: 'removed' });
    const applied = await api.request('POST', `/companies/${me.body.company.companyId}/reapplication`, {
      token,
      body: { statement: 'We have named a security manager and will complete the profile.' },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.reapplication).toMatchObject({ status: 'pending' });
    await api.close();
  });
});
