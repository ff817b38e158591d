/**
 * A deadline revision before it is in force: its impact previewed (decision 90), and the
 * revisions awaiting a second administrator's approval (decision 91).
 */
import type { ResponseOf } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { Alert } from '../../components/alert.tsx';
import { Async, DateText, Empty } from '../../components/data.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/form.tsx';
import { useLoad } from '../../components/use-load.ts';
import { categoryName, useAction } from './shared.tsx';

export type Impact = ResponseOf<'deadlineImpact'>;
export type Proposal = ResponseOf<'listDeadlineProposals'>['items'][number];

/** Revisions awaiting a second administrator: approve another's, or withdraw any (decision 91). */
export const Proposals = ({ onDecided }: { onDecided: (message: string) => void }) => {
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
export const ImpactPreview = ({ impact }: { impact: Impact }) => {
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
