/**
 * Deadline policy per enrollment category (the date, or days from enrollment for new enrollees,
 * and the reminder ladder), its revision by a CBP administrator, and every revision kept.
 */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty } from '../../components/data.tsx';
import {
  ErrorSummary,
  SelectField,
  Success,
  SubmitButton,
  TextArea,
  TextField,
  useSubmit,
} from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import type { CategoryId } from '../../../../functions/definitions/categories.ts';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { CATEGORY_OPTIONS, categoryName, isAdmin, useAction } from './shared.tsx';
import { Alert } from '../../components/alert.tsx';

type Policy = ResponseOf<'listDeadlines'>['items'][number];
type Impact = ResponseOf<'deadlineImpact'>;
type Proposal = ResponseOf<'listDeadlineProposals'>['items'][number];

/** Revisions awaiting a second administrator: approve another's, or withdraw any (decision 91). */
const Proposals = ({ onDecided }: { onDecided: (message: string) => void }) => {
  const { api, me } = useSession();
  const proposals = useLoad(['listDeadlineProposals'], () => api.call('listDeadlineProposals'));
  const deciding = useAction();
  const decide = (p: Proposal, decision: 'approve' | 'withdraw') =>
    deciding.run(async () => {
      await api.call('decideDeadlineProposal', {
        path: { category: p.category },
        body: { decision, proposedAt: p.proposedAt },
      });
      proposals.reload();
      onDecided(
        decision === 'approve'
          ? `The revision for ${categoryName(p.category)} is approved and in force from the next sweep.`
          : `The proposed revision for ${categoryName(p.category)} is withdrawn.`,
      );
    });
  return (
    <section className="cbp-section" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Revisions awaiting a second administrator</h2>
      <p>
        A revision that moves a due date earlier, or removes companies within 30 days, is in force only once another CBP
        administrator approves it.
      </p>
      <ErrorSummary error={deciding.error} />
      <Async state={proposals} what="Loading proposals">
        {(data) =>
          data.items.length ? (
            <DataTable
              label="Revisions awaiting approval"
              caption="Revisions awaiting approval"
              columns={[
                { header: 'Category', rowHeader: true, cell: (p: Proposal) => categoryName(p.category) },
                {
                  header: 'Proposed terms',
                  cell: (p: Proposal) => (
                    <>
                      {p.deadline ? <DateText iso={p.deadline} /> : `${p.newEnrolleeDays} days from enrollment`};
                      reminders {p.reminderDays.join(', ')} days before
                    </>
                  ),
                },
                {
                  header: 'Impact when proposed',
                  cell: (p: Proposal) =>
                    `${p.impact.removals} removals (${p.impact.removalsWithinWindow} within ${p.impact.windowDays} days), ${p.impact.reminders} reminders`,
                },
                {
                  header: 'Proposed by',
                  cell: (p: Proposal) => (
                    <>
                      {p.proposedByName}, <DateText iso={p.proposedAt} withTime />. {p.reason}
                    </>
                  ),
                },
                {
                  header: 'Decision',
                  cell: (p: Proposal) => (
                    <div className="row-actions">
                      {p.proposedBy !== me?.userId ? (
                        <button
                          type="button"
                          className="usa-button"
                          disabled={deciding.busy}
                          onClick={() => decide(p, 'approve')}
                        >
                          Approve<span className="usa-sr-only"> the revision for {categoryName(p.category)}</span>
                        </button>
                      ) : (
                        <span>Another administrator approves it.</span>
                      )}
                      <button
                        type="button"
                        className="usa-button usa-button--outline"
                        disabled={deciding.busy}
                        onClick={() => decide(p, 'withdraw')}
                      >
                        Withdraw<span className="usa-sr-only"> the revision for {categoryName(p.category)}</span>
                      </button>
                    </div>
                  ),
                },
              ]}
              rows={data.items}
              rowKey={(p) => p.category}
            />
          ) : (
            <Empty>No revision awaits approval.</Empty>
          )
        }
      </Async>
    </section>
  );
};
type ImpactRow = Impact['companies'][number];

const IMPACT_COLUMNS: Columns<ImpactRow> = [
  { header: 'Company', rowHeader: true, cell: (c) => c.legalName },
  { header: 'Due now', cell: (c) => <DateText iso={c.dueDate.current} /> },
  { header: 'Due after the revision', cell: (c) => <DateText iso={c.dueDate.proposed} /> },
  {
    header: 'Reminders',
    cell: (c) =>
      c.reminders.length
        ? c.reminders.map((r, i) => (
            <span key={r.on} className="nowrap">
              {i > 0 ? ', ' : ''}
              <DateText iso={r.on} /> ({r.daysLeft} {r.daysLeft === 1 ? 'day' : 'days'} left)
            </span>
          ))
        : 'None',
  },
  { header: 'Removed on', cell: (c) => (c.removalOn ? <DateText iso={c.removalOn} /> : 'Not within the ladder') },
];

/** What the sweep would do under the proposed terms (nothing is saved by previewing). */
const ImpactPreview = ({ impact }: { impact: Impact }) => {
  const { summary } = impact;
  return (
    <section aria-labelledby="impact-heading">
      <h4 id="impact-heading">Impact of this revision</h4>
      <p>
        {summary.companies} {summary.companies === 1 ? 'company has' : 'companies have'} an open deadline in this
        category. Under the revision the daily sweep would send {summary.reminders}{' '}
        {summary.reminders === 1 ? 'reminder' : 'reminders'} and remove {summary.removals}{' '}
        {summary.removals === 1 ? 'company' : 'companies'}, {summary.removalsWithinWindow} of them within{' '}
        {summary.windowDays} days, unless they complete their update first.
      </p>
      {summary.needsSecondApproval ? (
        <Alert type="warning">
          <p>
            This revision {summary.movesEarlier ? 'moves a due date earlier' : ''}
            {summary.movesEarlier && summary.removalsWithinWindow > 0 ? ' and ' : ''}
            {summary.removalsWithinWindow > 0 ? `removes companies within ${summary.windowDays} days` : ''}. Check the
            companies below before you save it.
          </p>
        </Alert>
      ) : null}
      {impact.companies.length ? (
        <DataTable
          label="Companies the revision affects"
          caption={`Companies the revision affects${impact.truncated ? ` (the first ${impact.companies.length})` : ''}, soonest removal first`}
          columns={IMPACT_COLUMNS}
          rows={impact.companies}
          rowKey={(c) => `${c.companyId}:${c.obligation}`}
        />
      ) : null}
    </section>
  );
};

const POLICY_COLUMNS: Columns<Policy> = [
  {
    header: 'Deadline',
    cell: (p) => (p.deadline ? <DateText iso={p.deadline} /> : `${p.newEnrolleeDays} days from enrollment`),
  },
  { header: 'Reminders (days before)', cell: (p) => p.reminderDays.join(', ') },
  {
    header: 'Revised',
    cell: (p) =>
      p.revisedAt ? (
        <>
          <DateText iso={p.revisedAt} withTime /> (revision {p.revision})
        </>
      ) : (
        'As first announced'
      ),
  },
  { header: 'Reason', cell: (p) => p.reason },
];

const PolicyTable = ({
  items,
  caption,
  withCategory,
}: {
  items: readonly Policy[];
  caption: string;
  withCategory: boolean;
}) => (
  <DataTable
    label={caption}
    caption={caption}
    columns={[
      withCategory
        ? { header: 'Category', rowHeader: true, cell: (p: Policy) => categoryName(p.category) }
        : { header: 'Revision', rowHeader: true, numeric: true, cell: (p: Policy) => p.revision },
      ...POLICY_COLUMNS,
    ]}
    rows={items}
    rowKey={(p) => `${p.category}:${p.revision}`}
  />
);

const Revise = ({
  policy,
  onRevised,
  onProposed,
}: {
  policy: Policy;
  onRevised: (p: Policy) => void;
  onProposed: (p: Proposal) => void;
}) => {
  const { api } = useSession();
  const [deadline, setDeadline] = useState(policy.deadline ?? '');
  const [days, setDays] = useState(String(policy.newEnrolleeDays));
  const [reminders, setReminders] = useState(policy.reminderDays.join(', '));
  const [reason, setReason] = useState('');
  const [impact, setImpact] = useState<Impact | undefined>();
  const previewing = useAction({ changes: false });
  const terms = () => ({
    deadline: deadline || null,
    newEnrolleeDays: Number(days),
    reminderDays: reminders
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
  });
  /** A change to the terms makes the preview shown stale: it goes. */
  const changed = (set: (value: string) => void) => (value: string) => {
    set(value);
    setImpact(undefined);
  };
  const submit = useSubmit(async () => {
    const revised = await api.call('reviseDeadline', {
      path: { category: policy.category },
      body: { revision: policy.revision, ...terms(), reason },
    });
    setReason('');
    setImpact(undefined);
    onRevised(revised);
  });
  // A revision that moves a date earlier or removes within 30 days goes to a second administrator.
  const needsSecond = submit.error?.code === 'second_approval_required';
  const proposing = useAction();
  const propose = () =>
    proposing.run(async () => {
      const proposal = await api.call('proposeDeadline', {
        path: { category: policy.category },
        body: { revision: policy.revision, ...terms(), reason },
      });
      submit.setError(undefined);
      setReason('');
      setImpact(undefined);
      onProposed(proposal);
    });
  return (
    <>
      <form onSubmit={submit.onSubmit} noValidate className="form">
        <ErrorSummary error={proposing.error ?? submit.error ?? previewing.error} />
        <TextField
          label="Deadline"
          type="date"
          hint="Leave empty to give each new enrollee a number of days from enrollment instead."
          value={deadline}
          onChange={(e) => changed(setDeadline)(e.target.value)}
          error={submit.fieldError('deadline')}
        />
        <TextField
          label="Days for new enrollees"
          type="number"
          min={1}
          max={730}
          required
          value={days}
          onChange={(e) => changed(setDays)(e.target.value)}
          error={submit.fieldError('newEnrolleeDays')}
        />
        <TextField
          label="Reminder days"
          hint="Days before the deadline, separated by commas, for example 30, 14, 7, 1 (each 1 to 89)."
          required
          value={reminders}
          onChange={(e) => changed(setReminders)(e.target.value)}
          error={submit.fieldError('reminderDays')}
        />
        <TextArea
          label="Reason for revision"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError('reason')}
        />
        <div className="actions">
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={previewing.busy}
            onClick={() =>
              previewing.run(async () =>
                setImpact(await api.call('deadlineImpact', { path: { category: policy.category }, body: terms() })),
              )
            }
          >
            Preview the impact
          </button>
          <SubmitButton busy={submit.busy}>Revise deadline</SubmitButton>
          {needsSecond ? (
            <button
              type="button"
              className="usa-button usa-button--secondary"
              disabled={proposing.busy}
              onClick={propose}
            >
              Propose for a second administrator's approval
            </button>
          ) : null}
        </div>
      </form>
      {impact ? <ImpactPreview impact={impact} /> : null}
    </>
  );
};

export const Deadlines = () => {
  const { api, me } = useSession();
  const policies = useLoad(['listDeadlines'], () => api.call('listDeadlines'));
  const [category, setCategory] = useState<string>(CATEGORY_OPTIONS[0]!.value);
  const history = useLoad(['deadlineHistory', category], () => api.call('deadlineHistory', { path: { category } }));
  const [done, setDone] = useState<string | undefined>();
  // Bumped when a proposal is made here, so the list of proposals reads again.
  const [proposalsShown, setProposalsShown] = useState(0);
  const current = policies.data?.items.find((p) => p.category === category);

  return (
    <>
      <PageTitle lead="Each enrollment category's portal-update deadline and reminder ladder. A company that misses its deadline is removed from the program at the next daily sweep.">
        Deadlines
      </PageTitle>
      <Success message={done} />
      <Async state={policies} what="Loading deadlines">
        {(data) =>
          data.items.length ? (
            <PolicyTable items={data.items} caption="Deadline policy in force" withCategory />
          ) : (
            <Empty>No deadline policy yet.</Empty>
          )
        }
      </Async>

      {isAdmin(me?.role) ? (
        <Proposals
          key={proposalsShown}
          onDecided={(message) => {
            setDone(message);
            policies.reload();
            history.reload();
          }}
        />
      ) : null}

      <section className="cbp-section" aria-labelledby="one-category">
        <h2 id="one-category">One category</h2>
        <SelectField
          label="Category to revise or review"
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            setDone(undefined);
          }}
          options={CATEGORY_OPTIONS}
        />
        {isAdmin(me?.role) && current ? (
          <>
            <h3>Revise the deadline</h3>
            <p>
              The revision is kept with your name and reason, and takes effect at the next sweep. Preview its impact
              first: which companies the sweep would remind or remove, and when.
            </p>
            <Revise
              key={`${current.category}:${current.revision}`}
              policy={current}
              onRevised={(p) => {
                setDone(`The deadline for ${categoryName(p.category)} is revised (revision ${p.revision}).`);
                policies.reload();
                history.reload();
              }}
              onProposed={(p) => {
                setDone(
                  `The revision for ${categoryName(p.category)} is proposed: it is in force once another administrator approves it.`,
                );
                setProposalsShown((n) => n + 1);
              }}
            />
          </>
        ) : !isAdmin(me?.role) ? (
          <p>Only a CBP administrator can revise a deadline.</p>
        ) : null}
        <h3>Revision history</h3>
        <Async state={history} what="Loading the history">
          {(data) =>
            data.items.length ? (
              <PolicyTable
                items={data.items}
                caption={`Revisions for ${categoryName(category as CategoryId)}, newest first`}
                withCategory={false}
              />
            ) : (
              <Empty>No revisions.</Empty>
            )
          }
        </Async>
      </section>
    </>
  );
};
