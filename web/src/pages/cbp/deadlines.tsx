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
import { type Impact, ImpactPreview, type Proposal, Proposals } from './deadline-revisions.tsx';

type Policy = ResponseOf<'listDeadlines'>['items'][number];
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
