import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, Countdown, DateText, Empty, StatusBadge } from '../../components/data.tsx';
import { ErrorSummary, SubmitButton, Success, TextArea, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import type { ResponseOf } from '../../api/client.ts';
import { CATEGORIES } from '../../../../functions/definitions/categories.ts';
import { addDays, programDate } from '../../../../functions/definitions/program-time.ts';
import { certificationWindow } from '../../../../functions/domain/certification-rules.ts';
import { windowWords } from '../../components/certification-words.tsx';
import { isPrimaryPoc, isRemoved, REMOVAL_REASONS, useMe } from './shared.tsx';
import { SuspensionNotice } from './suspension.tsx';
import { PROGRAM_STATUS_TERMS, type Benefits } from '../../../../functions/definitions/program-status.ts';

const BENEFITS_WORDS: Record<Benefits, string> = {
  none: 'Not yet: CBP is reviewing your Security Profile',
  active: 'In force',
  suspended: 'Suspended',
  revoked: 'Revoked',
};

type Company = ResponseOf<'getCompany'>;
type Policies = ResponseOf<'listDeadlines'>['items'];

/**
 * The enrollment deadline (a program date), as the sweep computes it: the latest of the
 * category's deadline, `newEnrolleeDays` after the day of enrollment in Washington, and any date
 * CBP gave the company.
 */
const enrollmentDue = (company: Company, policies: Policies): string => {
  const policy = policies.find((p) => p.category === company.category);
  let due = addDays(programDate(company.enrolledAt), policy?.newEnrolleeDays ?? 60);
  for (const other of [policy?.deadline, company.deadlineExtendedTo]) if (other && other > due) due = other;
  return due;
};

const Removed = ({ company, reload }: { company: Company; reload: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [statement, setStatement] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    await api.call('reapply', { path: { companyId: company.companyId }, body: { statement } });
    setDone(
      'Your reapplication was sent to CBP. Its decision will show on this page, and your point of contact will be told by email.',
    );
    reload();
  });
  const reapplication = company.reapplication;
  return (
    <section className="removed-notice">
      <h2 id="removed-heading">Your company has been removed from C-TPAT</h2>
      {company.removal ? (
        <p>
          Removed on <DateText iso={company.removal.at} />.{' '}
          {REMOVAL_REASONS[company.removal.reason] ?? company.removal.reason}
          {company.removal.note ? ` ${company.removal.note}` : ''}
        </p>
      ) : null}
      <p>Your C-TPAT benefits are revoked. You can still read your messages and alerts and write to CBP.</p>
      {reapplication ? (
        <p>
          Reapplication sent on <DateText iso={reapplication.submittedAt} />: <strong>{reapplication.status}</strong>
          {reapplication.comments ? `. CBP's comments: ${reapplication.comments}` : ''}
        </p>
      ) : null}
      <Success message={done} />
      {isPrimaryPoc(me) && (!reapplication || reapplication.status === 'declined') && !done ? (
        <>
          <h3>How to reapply</h3>
          <p>
            As the primary point of contact, tell CBP what your company has done to meet the C-TPAT criteria. CBP
            reviews the reapplication and, if it accepts it, sets a new deadline for your portal update.
          </p>
          <ErrorSummary error={submit.error} />
          <form className="form" noValidate onSubmit={submit.onSubmit}>
            <TextArea
              label="Reapplication statement"
              required
              maxLength={2000}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              error={submit.fieldError('statement')}
            />
            <SubmitButton busy={submit.busy}>Apply to rejoin C-TPAT</SubmitButton>
          </form>
        </>
      ) : !isPrimaryPoc(me) ? (
        <p>Only your company's primary point of contact can reapply.</p>
      ) : null}
    </section>
  );
};

const Obligation = ({ company, policies, now }: { company: Company; policies: Policies | undefined; now: string }) => {
  if (!company.portalUpdateCompletedAt) {
    if (!policies) return null;
    return (
      <>
        <Countdown due={enrollmentDue(company, policies)} now={now} label="Enrollment deadline" />
        <p>
          Complete your <Link to="/account">account information</Link> and every required question of your{' '}
          <Link to="/profile">security profile</Link> by the end of this day, Eastern time (Washington, D.C.), or your
          company is removed from C-TPAT.
        </p>
      </>
    );
  }
  if (company.nextCertificationDueAt) {
    // The words follow the rule the API enforces (decision 20): a first certification at once.
    const window = certificationWindow(company, new Date(now));
    return (
      <>
        <Countdown
          due={company.nextCertificationDueAt}
          now={now}
          label={window.kind === 'first' ? 'First certification due' : 'Next recertification'}
        />
        <p>
          {windowWords(window)} <Link to="/certification">Go to certification</Link>
        </p>
      </>
    );
  }
  return <p>Your portal update is complete.</p>;
};

/** The company's status-verification code, which it hands partners (C-TPAT's SVI number). */
export const SviCode = ({ code }: { code: string | undefined }) =>
  code ? (
    <>
      <code className="svi-code">{code}</code>
      <span className="usa-hint"> Give it to partners who want to share with you or ask you to share.</span>
    </>
  ) : (
    <span className="usa-hint">Not assigned yet. CBP assigns it; ask your specialist if it does not appear.</span>
  );

/** The participant's home: standing, the next due date, and what is new. */
export const Dashboard = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const removed = isRemoved(me);
  const company = useLoad(['getCompany', companyId], () => api.call('getCompany', { path: { companyId } }));
  const policies = useLoad(['listDeadlines', removed], () =>
    removed ? Promise.resolve({ items: [] }) : api.call('listDeadlines'),
  );
  const alerts = useLoad(['listAlerts'], () => api.call('listAlerts', { query: { limit: 25 } }));
  const threads = useLoad(['listThreads', companyId], () =>
    api.call('listThreads', { path: { companyId }, query: { limit: 5 } }),
  );

  return (
    <>
      <PageTitle>Dashboard</PageTitle>
      <Async state={company} what="Loading your company">
        {(c) => (
          <>
            <section className="card">
              <h2 id="company-heading">{c.legalName}</h2>
              <dl className="record">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={c.programStatus} /> {PROGRAM_STATUS_TERMS[c.programStatus].meaning}
                </dd>
                <dt>Category</dt>
                <dd>{CATEGORIES.find((k) => k.id === c.category)?.name ?? c.category}</dd>
                <dt>C-TPAT benefits</dt>
                <dd>{BENEFITS_WORDS[c.benefits]}</dd>
                <dt>Enrolled</dt>
                <dd>
                  <DateText iso={c.enrolledAt} />
                </dd>
                <dt>Status-verification code</dt>
                <dd>
                  <SviCode code={c.sviCode} />
                </dd>
              </dl>
            </section>
            <SuspensionNotice company={c} reload={company.reload} />
            {c.status === 'removed' ? (
              <Removed company={c} reload={company.reload} />
            ) : (
              <Obligation company={c} policies={policies.data?.items} now={me.now} />
            )}
          </>
        )}
      </Async>

      {/* Read at the same time as the company, shown after it: the company's card and deadline go
          above these, so drawing these first would push them down the screen as the company arrives. */}
      {company.data || company.error ? (
        <div className="cards">
          <section className="card">
            <h2 id="alerts-heading">Alerts</h2>
            <Async state={alerts} what="Loading alerts">
              {(page) => {
                const unacknowledged = page.items.filter((a) => !a.acknowledgedAt).length;
                const pending = page.pendingAcknowledgement ?? [];
                return (
                  <>
                    <p className="figure">
                      {unacknowledged}
                      {page.nextCursor ? '+' : ''}
                    </p>
                    <p>unacknowledged {unacknowledged === 1 ? 'alert' : 'alerts'} in your inbox</p>
                    {pending.length > 0 ? (
                      <>
                        <p>
                          <strong>
                            {pending.length} high-severity {pending.length === 1 ? 'alert needs' : 'alerts need'}{' '}
                            acknowledgement:
                          </strong>
                        </p>
                        <ul>
                          {pending.map((a) => (
                            <li key={a.alertId}>
                              <Link to={`/alerts/${a.alertId}`}>{a.title}</Link>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                    <p>
                      <Link to="/alerts">All alerts</Link>
                    </p>
                  </>
                );
              }}
            </Async>
          </section>
          <section className="card">
            <h2 id="messages-heading">Recent messages</h2>
            <Async state={threads} what="Loading messages">
              {(page) =>
                page.items.length === 0 ? (
                  <Empty>No messages yet.</Empty>
                ) : (
                  <ul>
                    {page.items.map((t) => (
                      <li key={t.threadId}>
                        <Link to={`/messages/${t.threadId}`}>{t.subject}</Link>
                        {t.unread > 0 ? <strong> ({t.unread} unread)</strong> : null}
                        <br />
                        <span className="usa-hint">
                          Last message <DateText iso={t.lastMessageAt} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )
              }
            </Async>
            <p>
              <Link to="/messages">All messages</Link>
            </p>
          </section>
        </div>
      ) : null}
    </>
  );
};
