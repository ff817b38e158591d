/**
 * A suspended company's notice on its dashboard (decisions 92 and 94): CBP's reason and the
 * action plan, the appeal window, and the primary POC's appeal or its outcome.
 */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { DateText } from '../../components/data.tsx';
import { ErrorSummary, SubmitButton, Success, TextArea, useSubmit } from '../../components/form.tsx';
import { programDate } from '../../../../functions/definitions/program-time.ts';
import { isPrimaryPoc, useMe } from './shared.tsx';

type Company = ResponseOf<'getCompany'>;

const APPEAL_WORDS = { pending: 'waiting for CBP’s decision', granted: 'granted', denied: 'denied' } as const;

export const SuspensionNotice = ({ company, reload }: { company: Company; reload: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [statement, setStatement] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    await api.call('fileAppeal', { path: { companyId: company.companyId }, body: { statement } });
    setDone(
      'Your appeal was sent to CBP. Its decision will show on this page, and your point of contact will be told.',
    );
    reload();
  });
  const suspension = company.suspension;
  if (!suspension) return null;
  const open = programDate(me.now) <= suspension.appealBy;
  return (
    <section aria-labelledby="suspended-heading">
      <div className="usa-alert usa-alert--warning">
        <div className="usa-alert__body">
          <h2 id="suspended-heading" className="usa-alert__heading">
            Your C-TPAT benefits are suspended
          </h2>
          <p className="usa-alert__text">
            Suspended on <DateText iso={suspension.at} />: {suspension.reason}
          </p>
          <h3>Action plan</h3>
          <p className="usa-alert__text prewrap">{suspension.actionPlan}</p>
          <h3>Appeal</h3>
          {suspension.appeal ? (
            <p className="usa-alert__text">
              Appeal sent on <DateText iso={suspension.appeal.filedAt} />:{' '}
              <strong>{APPEAL_WORDS[suspension.appeal.status]}</strong>
              {suspension.appeal.comments ? `. CBP's comments: ${suspension.appeal.comments}` : ''}
            </p>
          ) : open ? (
            <p className="usa-alert__text">
              Your primary point of contact may appeal until <DateText iso={suspension.appealBy} />.
            </p>
          ) : (
            <p className="usa-alert__text">
              The appeal window closed on <DateText iso={suspension.appealBy} />.
            </p>
          )}
        </div>
      </div>
      {/* Outside the alert's colours: a form's hint needs the page's contrast. */}
      <div className="suspension-appeal">
        <Success message={done} />
        {isPrimaryPoc(me) && !suspension.appeal && open && !done ? (
          <form onSubmit={submit.onSubmit} noValidate className="form">
            <ErrorSummary error={submit.error} />
            <TextArea
              label="Your appeal"
              hint="Say why the suspension should be lifted and what your company has done."
              required
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              error={submit.fieldError('statement')}
            />
            <SubmitButton busy={submit.busy}>Send appeal</SubmitButton>
          </form>
        ) : null}
      </div>
    </section>
  );
};
