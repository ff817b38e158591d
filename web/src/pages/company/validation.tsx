/**
 * The company's validation (decision 96): the proposed date, which its primary POC confirms or
 * answers with another; then the report's required actions, each answered by the POC or a user
 * allowed to edit the profile, with CBP's comments on an answer it returned.
 */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty } from '../../components/data.tsx';
import { ErrorSummary, SubmitButton, Success, TextArea, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import {
  ACTION_STATUS_WORDS,
  VALIDATION_STATUS_WORDS,
  criterionText,
  type RequiredAction,
  type Validation as ValidationRecord,
} from '../../components/validation-words.tsx';
import { canEditProfile, isPrimaryPoc, useMe } from './shared.tsx';

const DateAnswer = ({ validation, reload }: { validation: ValidationRecord; reload: () => void }) => {
  const { api } = useSession();
  const [date, setDate] = useState('');
  const [done, setDone] = useState<string>();
  const path = { companyId: validation.companyId, validationId: validation.validationId };
  const confirm = useSubmit(async () => {
    await api.call('agreeValidationDate', { path, body: { version: validation.version, decision: 'confirm' } });
    setDone('The date is confirmed.');
    reload();
  });
  const propose = useSubmit(async () => {
    await api.call('agreeValidationDate', { path, body: { version: validation.version, decision: 'propose', date } });
    setDone('Your date was sent to CBP.');
    reload();
  });
  if (done) return <Success message={done} />;
  return (
    <>
      <form onSubmit={confirm.onSubmit} noValidate className="form">
        <ErrorSummary error={confirm.error} />
        <SubmitButton busy={confirm.busy}>Confirm the date</SubmitButton>
      </form>
      <form onSubmit={propose.onSubmit} noValidate className="form">
        <ErrorSummary error={propose.error} />
        <TextField
          label="Another date"
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={propose.fieldError('date')}
        />
        <button type="submit" className="usa-button usa-button--outline" disabled={propose.busy}>
          Propose this date
        </button>
      </form>
    </>
  );
};

const Answer = ({
  validation,
  action,
  reload,
}: {
  validation: ValidationRecord;
  action: RequiredAction;
  reload: () => void;
}) => {
  const { api } = useSession();
  const [text, setText] = useState('');
  const submit = useSubmit(async () => {
    await api.call('answerAction', {
      path: { companyId: validation.companyId, validationId: validation.validationId, actionId: action.actionId },
      body: { version: validation.version, text },
    });
    setText('');
    reload();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <ErrorSummary error={submit.error} />
      <TextArea
        label={`Your answer to ${action.actionId}`}
        hint="What your company did, and where CBP can see it."
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={submit.fieldError('text')}
      />
      <SubmitButton busy={submit.busy}>Send answer</SubmitButton>
    </form>
  );
};

const ActionItem = ({
  validation,
  action,
  reload,
}: {
  validation: ValidationRecord;
  action: RequiredAction;
  reload: () => void;
}) => {
  const me = useMe();
  const answerable = (action.status === 'open' || action.status === 'returned') && canEditProfile(me);
  return (
    <li className="card">
      <h3 id={`action-${action.actionId}`}>
        {action.actionId}: {criterionText(action.criterion)}
      </h3>
      <dl className="record">
        <dt>Finding</dt>
        <dd className="prewrap">{action.finding}</dd>
        <dt>Due</dt>
        <dd>
          <DateText iso={action.dueOn} />
        </dd>
        <dt>Status</dt>
        <dd>{ACTION_STATUS_WORDS[action.status]}</dd>
        {action.answer ? (
          <>
            <dt>Your answer</dt>
            <dd className="prewrap">{action.answer.text}</dd>
          </>
        ) : null}
        {action.review?.comments ? (
          <>
            <dt>CBP's comments</dt>
            <dd className="prewrap">{action.review.comments}</dd>
          </>
        ) : null}
      </dl>
      {answerable ? <Answer validation={validation} action={action} reload={reload} /> : null}
    </li>
  );
};

export const Validation = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const list = useLoad(['listValidations', companyId], () => api.call('listValidations', { path: { companyId } }));
  return (
    <>
      <PageTitle lead="CBP's visit to verify your security measures, and the required actions its report asks of you.">
        Validation
      </PageTitle>
      <Async state={list} what="Loading your validation">
        {({ items }) => {
          const [current] = items;
          if (!current) return <Empty>CBP has not scheduled a validation of your company.</Empty>;
          return (
            <section className="card" aria-labelledby="validation-heading">
              <h2 id="validation-heading">
                Validation on <DateText iso={current.scheduledFor} />
              </h2>
              <dl className="record">
                <dt>Status</dt>
                <dd>
                  {VALIDATION_STATUS_WORDS[current.status]}
                  {current.awaiting === 'company' ? ': CBP waits for your confirmation of the date' : ''}
                  {current.awaiting === 'cbp' ? ': your proposed date waits for CBP' : ''}
                </dd>
                <dt>Sites</dt>
                <dd>{current.sites.join('; ')}</dd>
                {current.report ? (
                  <>
                    <dt>Report</dt>
                    <dd className="prewrap">{current.report.summary}</dd>
                  </>
                ) : null}
              </dl>
              {current.awaiting === 'company' && isPrimaryPoc(me) ? (
                <DateAnswer validation={current} reload={list.reload} />
              ) : null}
              {current.actions.length > 0 ? (
                <>
                  <h2>Required actions</h2>
                  <ol className="usa-list usa-list--unstyled">
                    {current.actions.map((action) => (
                      <ActionItem key={action.actionId} validation={current} action={action} reload={list.reload} />
                    ))}
                  </ol>
                </>
              ) : null}
            </section>
          );
        }}
      </Async>
    </>
  );
};
