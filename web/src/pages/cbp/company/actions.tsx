/**
 * What CBP can do to a company's standing, on its record page: change its program status, extend its deadline (administrator),
 * remove it (with a confirmation step), reinstate it (administrator), decide its reapplication,
 * change its registered point of contact (administrator).
 */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { ApiError, type ResponseOf } from '../../../api/client.ts';
import {
  ErrorSummary,
  SelectField,
  Success,
  SubmitButton,
  TextArea,
  TextField,
  useSubmit,
} from '../../../components/form.tsx';
import { isAdmin } from '../shared.tsx';
import { programDate } from '../../../../../functions/definitions/program-time.ts';
import { ChangePoc } from './poc-change.tsx';
import { AppealDecision, ProgramStatusChange } from './program-status.tsx';
import { AssignSpecialist } from './specialist.tsx';

type Company = ResponseOf<'getCompany'>;

const ExtendDeadline = ({ company, onDone }: { company: Company; onDone: (c: Company, message: string) => void }) => {
  const { api } = useSession();
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit(async () => {
    const updated = await api.call('extendDeadline', {
      path: { companyId: company.companyId },
      body: { deadline, reason },
    });
    setReason('');
    onDone(updated, `The portal-update deadline of ${updated.legalName} is extended to ${deadline}.`);
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Extend the portal-update deadline</h3>
      <ErrorSummary error={submit.error} />
      <TextField
        label="Extended deadline"
        type="date"
        required
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
        error={submit.fieldError('deadline')}
      />
      <TextArea
        label="Reason for extension"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={submit.fieldError('reason')}
      />
      <SubmitButton busy={submit.busy}>Extend deadline</SubmitButton>
    </form>
  );
};

const Remove = ({ company, onDone }: { company: Company; onDone: (c: Company, message: string) => void }) => {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmit(async () => {
    if (!confirming) {
      // A removal ends the company's benefits at once: it takes a second, deliberate step.
      if (!reason.trim())
        throw new ApiError(400, 'validation', 'Give the reason for removal.', [
          { field: 'reason', message: 'must not be empty' },
        ]);
      setConfirming(true);
      return;
    }
    const updated = await api.call('removeCompany', {
      path: { companyId: company.companyId },
      body: { version: company.version, reason },
    });
    setConfirming(false);
    setReason('');
    onDone(
      updated,
      `${updated.legalName} is removed from the program. Its point of contact and the program mailbox are told.`,
    );
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Remove from the program</h3>
      <p>
        A removed company loses its C-TPAT benefits at once and must reapply. Its users can still read messages and
        reapply.
      </p>
      <ErrorSummary error={submit.error} />
      <TextArea
        label="Reason for removal"
        required
        value={reason}
        readOnly={confirming}
        onChange={(e) => setReason(e.target.value)}
        error={submit.fieldError('reason')}
      />
      {confirming ? (
        <div className="confirm-box" role="alert">
          <p>Remove {company.legalName} from C-TPAT? Its benefits end now.</p>
          <div className="actions">
            <button type="submit" className="usa-button usa-button--secondary" disabled={submit.busy}>
              Confirm: remove company
            </button>
            <button type="button" className="usa-button usa-button--outline" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" className="usa-button usa-button--secondary" disabled={submit.busy}>
          Remove company
        </button>
      )}
    </form>
  );
};

const Reinstate = ({ company, onDone }: { company: Company; onDone: (c: Company, message: string) => void }) => {
  const { api } = useSession();
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit(async () => {
    const updated = await api.call('reinstateCompany', {
      path: { companyId: company.companyId },
      body: { version: company.version, reason, deadline },
    });
    setReason('');
    onDone(updated, `${updated.legalName} is reinstated.`);
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Reinstate</h3>
      <ErrorSummary error={submit.error} />
      <TextArea
        label="Reason for reinstatement"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={submit.fieldError('reason')}
      />
      <TextField
        label="New due date for what it missed"
        type="date"
        required
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
        error={submit.fieldError('deadline')}
      />
      <SubmitButton busy={submit.busy}>Reinstate company</SubmitButton>
    </form>
  );
};

const DecideReapplication = ({
  company,
  onDone,
}: {
  company: Company;
  onDone: (c: Company, message: string) => void;
}) => {
  const { api } = useSession();
  const [decision, setDecision] = useState<'accept' | 'decline'>('accept');
  const [deadline, setDeadline] = useState('');
  const [comments, setComments] = useState('');
  const submit = useSubmit(async () => {
    const updated = await api.call('decideReapplication', {
      path: { companyId: company.companyId },
      body: {
        decision,
        ...(decision === 'accept' && deadline ? { deadline } : {}),
        ...(comments.trim() ? { comments } : {}),
      },
    });
    onDone(
      updated,
      decision === 'accept'
        ? `${updated.legalName} is accepted back into the program.`
        : `The reapplication of ${updated.legalName} is declined.`,
    );
  });
  const r = company.reapplication!;
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Decide the reapplication</h3>
      <p>
        Submitted {programDate(r.submittedAt)}: “{r.statement}”
      </p>
      <ErrorSummary error={submit.error} />
      <SelectField
        label="Decision"
        value={decision}
        onChange={(e) => setDecision(e.target.value as typeof decision)}
        options={[
          { value: 'accept', label: 'Accept back into the program' },
          { value: 'decline', label: 'Decline' },
        ]}
      />
      {decision === 'accept' ? (
        <TextField
          label="New portal-update deadline"
          type="date"
          required
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={submit.fieldError('deadline')}
        />
      ) : null}
      <TextArea
        label="Comments to the company"
        value={comments}
        onChange={(e) => setComments(e.target.value)}
        error={submit.fieldError('comments')}
      />
      <SubmitButton busy={submit.busy}>Record decision</SubmitButton>
    </form>
  );
};

/** The standing actions that fit the company's state and the caller's role. */
export const CompanyActions = ({ company, onChanged }: { company: Company; onChanged: (c: Company) => void }) => {
  const { me } = useSession();
  const [done, setDone] = useState<string | undefined>();
  const admin = isAdmin(me?.role);
  const handle = (c: Company, message: string) => {
    setDone(message);
    onChanged(c);
  };
  return (
    <>
      <Success message={done} />
      {company.status === 'active' ? (
        <>
          {admin ? <AppealDecision key={`appeal-${company.version}`} company={company} onDone={handle} /> : null}
          <ProgramStatusChange key={`status-${company.version}`} company={company} onDone={handle} />
          {admin ? (
            <ExtendDeadline company={company} onDone={handle} />
          ) : (
            <p>Only a CBP administrator can extend a company's deadline or reinstate a removed company.</p>
          )}
          <Remove key={company.version} company={company} onDone={handle} />
        </>
      ) : (
        <>
          {company.reapplication?.status === 'pending' ? (
            <DecideReapplication company={company} onDone={handle} />
          ) : null}
          {admin ? (
            <Reinstate company={company} onDone={handle} />
          ) : (
            <p>Only a CBP administrator can reinstate a removed company.</p>
          )}
        </>
      )}
      {admin ? <AssignSpecialist key={`scss-${company.version}`} company={company} onDone={handle} /> : null}
      {admin ? <ChangePoc key={`poc-${company.version}`} company={company} onDone={handle} /> : null}
    </>
  );
};
