/**
 * A company's validations on its CBP record (decision 96): propose one (date and sites), answer a
 * date the company proposed, record the report with its required actions, and accept or return
 * each answer.
 */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { Async, DateText, Empty } from '../../../components/data.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField, useSubmit } from '../../../components/form.tsx';
import { useLoad } from '../../../components/use-load.ts';
import {
  ACTION_STATUS_WORDS,
  VALIDATION_STATUS_WORDS,
  criterionText,
  type RequiredAction,
  type Validation,
} from '../../../components/validation-words.tsx';
import { questionsFor } from '../../../../../functions/definitions/criteria.ts';
import type { CategoryId } from '../../../../../functions/definitions/categories.ts';

const Schedule = ({ companyId, reload }: { companyId: string; reload: () => void }) => {
  const { api } = useSession();
  const [date, setDate] = useState('');
  const [sites, setSites] = useState('');
  const submit = useSubmit(async () => {
    await api.call('scheduleValidation', {
      path: { companyId },
      body: {
        scheduledFor: date,
        sites: sites
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    });
    reload();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Propose a validation</h3>
      <ErrorSummary error={submit.error} />
      <TextField
        label="Proposed date"
        type="date"
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
        error={submit.fieldError('scheduledFor')}
      />
      <TextArea
        label="Sites to visit"
        hint="One a line."
        required
        value={sites}
        onChange={(e) => setSites(e.target.value)}
        error={submit.fieldError('sites') ?? submit.fieldError('sites.0')}
      />
      <SubmitButton busy={submit.busy}>Propose the validation</SubmitButton>
    </form>
  );
};

const ConfirmDate = ({ validation, reload }: { validation: Validation; reload: () => void }) => {
  const { api } = useSession();
  const submit = useSubmit(async () => {
    await api.call('agreeValidationDate', {
      path: { companyId: validation.companyId, validationId: validation.validationId },
      body: { version: validation.version, decision: 'confirm' },
    });
    reload();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <ErrorSummary error={submit.error} />
      <SubmitButton busy={submit.busy}>Confirm the company's date</SubmitButton>
    </form>
  );
};

type Draft = { criterion: string; finding: string; dueOn: string };

const Report = ({
  validation,
  category,
  reload,
}: {
  validation: Validation;
  category: CategoryId;
  reload: () => void;
}) => {
  const { api } = useSession();
  const [summary, setSummary] = useState('');
  const [actions, setActions] = useState<Draft[]>([]);
  const options = questionsFor(category).flatMap((s) =>
    s.questions.map((q) => ({ value: `${s.id}.${q.id}`, label: `${s.title}: ${q.text}` })),
  );
  const submit = useSubmit(async () => {
    await api.call('reportValidation', {
      path: { companyId: validation.companyId, validationId: validation.validationId },
      body: { version: validation.version, summary, actions },
    });
    reload();
  });
  const set = (i: number, change: Partial<Draft>) =>
    setActions(actions.map((a, j) => (j === i ? { ...a, ...change } : a)));
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Record the report</h3>
      <ErrorSummary error={submit.error} />
      <TextArea
        label="Summary of the visit"
        required
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={submit.fieldError('summary')}
      />
      {actions.map((a, i) => (
        <fieldset key={i} className="usa-fieldset">
          <legend className="usa-legend">Required action A{i + 1}</legend>
          <SelectField
            label={`Criterion of A${i + 1}`}
            required
            value={a.criterion}
            onChange={(e) => set(i, { criterion: e.target.value })}
            error={submit.fieldError(`actions.${i}.criterion`)}
            options={[{ value: '', label: 'Choose the question' }, ...options]}
          />
          <TextArea
            label={`Finding of A${i + 1}`}
            required
            value={a.finding}
            onChange={(e) => set(i, { finding: e.target.value })}
            error={submit.fieldError(`actions.${i}.finding`)}
          />
          <TextField
            label={`Due date of A${i + 1}`}
            type="date"
            required
            value={a.dueOn}
            onChange={(e) => set(i, { dueOn: e.target.value })}
            error={submit.fieldError(`actions.${i}.dueOn`)}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => setActions([...actions, { criterion: '', finding: '', dueOn: '' }])}
      >
        Add a required action
      </button>
      <SubmitButton busy={submit.busy}>Record the report</SubmitButton>
    </form>
  );
};

const Review = ({
  validation,
  action,
  reload,
}: {
  validation: Validation;
  action: RequiredAction;
  reload: () => void;
}) => {
  const { api } = useSession();
  const [comments, setComments] = useState('');
  const [decision, setDecision] = useState<'accept' | 'return'>('accept');
  const submit = useSubmit(async () => {
    await api.call('reviewAction', {
      path: { companyId: validation.companyId, validationId: validation.validationId, actionId: action.actionId },
      body: { version: validation.version, decision, ...(comments.trim() ? { comments } : {}) },
    });
    reload();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <ErrorSummary error={submit.error} />
      <SelectField
        label={`Decision on ${action.actionId}`}
        value={decision}
        onChange={(e) => setDecision(e.target.value as 'accept' | 'return')}
        options={[
          { value: 'accept', label: 'Accept the answer' },
          { value: 'return', label: 'Return it with comments' },
        ]}
      />
      <TextArea
        label={`Comments on ${action.actionId}`}
        value={comments}
        onChange={(e) => setComments(e.target.value)}
        error={submit.fieldError('comments')}
      />
      <SubmitButton busy={submit.busy}>Record the decision</SubmitButton>
    </form>
  );
};

export const ValidationsSection = ({
  companyId,
  category,
}: {
  companyId: string;
  category: CategoryId | undefined;
}) => {
  const { api } = useSession();
  const list = useLoad(['listValidations', companyId], () => api.call('listValidations', { path: { companyId } }));
  return (
    <Async state={list} what="Loading validations">
      {({ items }) => {
        const [current] = items;
        const open = current && current.status !== 'closed';
        return (
          <>
            {current ? (
              <>
                <dl className="record">
                  <dt>Latest</dt>
                  <dd>
                    <DateText iso={current.scheduledFor} />, {current.sites.join('; ')}:{' '}
                    {VALIDATION_STATUS_WORDS[current.status]}
                    {current.awaiting === 'company' ? ' (the company has to confirm the date)' : ''}
                    {current.awaiting === 'cbp' ? ' (the company proposed this date)' : ''}
                  </dd>
                </dl>
                {current.awaiting === 'cbp' ? <ConfirmDate validation={current} reload={list.reload} /> : null}
                {current.status === 'scheduled' && category ? (
                  <Report validation={current} category={category} reload={list.reload} />
                ) : null}
                {current.actions.length ? (
                  <ol className="usa-list usa-list--unstyled">
                    {current.actions.map((a) => (
                      <li key={a.actionId} className="card">
                        <h4>
                          {a.actionId}: {criterionText(a.criterion)}
                        </h4>
                        <p className="prewrap">{a.finding}</p>
                        <p>
                          Due <DateText iso={a.dueOn} />: {ACTION_STATUS_WORDS[a.status]}
                        </p>
                        {a.answer ? <p className="prewrap">Answer: {a.answer.text}</p> : null}
                        {a.status === 'answered' ? (
                          <Review validation={current} action={a} reload={list.reload} />
                        ) : null}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </>
            ) : (
              <Empty>No validation yet.</Empty>
            )}
            {!open && category ? <Schedule companyId={companyId} reload={list.reload} /> : null}
          </>
        );
      }}
    </Async>
  );
};
