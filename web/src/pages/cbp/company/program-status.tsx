/**
 * CBP changes a company's program status on its record page (decision 92): certify an applicant,
 * record a validation, suspend with an action plan, lift a suspension. Only the changes allowed
 * from the current status are offered; the API refuses any other.
 */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import type { ResponseOf } from '../../../api/client.ts';
import { ErrorSummary, SelectField, SubmitButton, TextArea, useSubmit } from '../../../components/form.tsx';
import {
  allowedChanges,
  PROGRAM_STATUS_TERMS,
  type ProgramStatusTarget,
} from '../../../../../functions/definitions/program-status.ts';

type Company = ResponseOf<'getCompany'>;

/** What each change is called on its button and in the list of choices. */
const CHANGE_WORDS: Record<ProgramStatusTarget, string> = {
  certified: 'Certify',
  validated: 'Record as validated',
  suspended: 'Suspend benefits',
};
const LIFT_WORDS = 'Lift the suspension';

export const ProgramStatusChange = ({
  company,
  onDone,
}: {
  company: Company;
  onDone: (c: Company, message: string) => void;
}) => {
  const { api } = useSession();
  const allowed = allowedChanges(company);
  const [to, setTo] = useState<ProgramStatusTarget | ''>(allowed.length === 1 ? allowed[0]! : '');
  const [reason, setReason] = useState('');
  const [actionPlan, setActionPlan] = useState('');
  const lifting = company.programStatus === 'suspended';
  const submit = useSubmit(async () => {
    const updated = await api.call('changeProgramStatus', {
      path: { companyId: company.companyId },
      body: {
        version: company.version,
        // An empty choice goes to the API, which names the field.
        to: to as ProgramStatusTarget,
        reason,
        ...(to === 'suspended' ? { actionPlan } : {}),
      },
    });
    setReason('');
    setActionPlan('');
    onDone(
      updated,
      `${updated.legalName} is now ${PROGRAM_STATUS_TERMS[updated.programStatus].label.toLowerCase()}. Its point of contact is told.`,
    );
  });
  if (allowed.length === 0) return null;
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Program status</h3>
      <p>
        Now {PROGRAM_STATUS_TERMS[company.programStatus].label.toLowerCase()}:{' '}
        {PROGRAM_STATUS_TERMS[company.programStatus].meaning}
      </p>
      <ErrorSummary error={submit.error} />
      <SelectField
        label="Program status change"
        required
        value={to}
        onChange={(e) => setTo(e.target.value as ProgramStatusTarget)}
        error={submit.fieldError('to')}
        options={[
          ...(allowed.length > 1 ? [{ value: '', label: 'Choose a change' }] : []),
          ...allowed.map((s) => ({ value: s, label: lifting ? `${LIFT_WORDS} (back to ${s})` : CHANGE_WORDS[s] })),
        ]}
      />
      <TextArea
        label="Reason for the status change"
        hint="Kept in the audit trail and shown to CBP; the company's email does not carry it."
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={submit.fieldError('reason')}
      />
      {to === 'suspended' ? (
        <TextArea
          label="Action plan"
          hint="What the company must do before CBP lifts the suspension. The company reads it in the portal."
          required
          value={actionPlan}
          onChange={(e) => setActionPlan(e.target.value)}
          error={submit.fieldError('actionPlan')}
        />
      ) : null}
      <SubmitButton busy={submit.busy}>
        {to === '' ? 'Change status' : lifting ? LIFT_WORDS : CHANGE_WORDS[to]}
      </SubmitButton>
    </form>
  );
};

/** A CBP administrator decides the company's pending appeal: grant lifts the suspension, deny removes the company. */
export const AppealDecision = ({
  company,
  onDone,
}: {
  company: Company;
  onDone: (c: Company, message: string) => void;
}) => {
  const { api } = useSession();
  const [decision, setDecision] = useState<'grant' | 'deny' | ''>('');
  const [comments, setComments] = useState('');
  const submit = useSubmit(async () => {
    const updated = await api.call('decideAppeal', {
      path: { companyId: company.companyId },
      // An empty choice goes to the API, which names the field.
      body: { version: company.version, decision: decision as 'grant' | 'deny', comments },
    });
    onDone(
      updated,
      decision === 'grant'
        ? `The appeal is granted: ${updated.legalName} is ${PROGRAM_STATUS_TERMS[updated.programStatus].label.toLowerCase()} again.`
        : `The appeal is denied: ${updated.legalName} is removed from the program.`,
    );
  });
  const appeal = company.suspension?.appeal;
  if (appeal?.status !== 'pending') return null;
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Decide the appeal</h3>
      <p className="prewrap">{appeal.statement}</p>
      <ErrorSummary error={submit.error} />
      <SelectField
        label="Decision on the appeal"
        required
        value={decision}
        onChange={(e) => setDecision(e.target.value as 'grant' | 'deny')}
        error={submit.fieldError('decision')}
        options={[
          { value: '', label: 'Choose a decision' },
          { value: 'grant', label: 'Grant: lift the suspension' },
          { value: 'deny', label: 'Deny: remove the company from the program' },
        ]}
      />
      <TextArea
        label="Comments to the company"
        required
        value={comments}
        onChange={(e) => setComments(e.target.value)}
        error={submit.fieldError('comments')}
      />
      <SubmitButton busy={submit.busy}>
        {decision === 'deny' ? 'Deny and remove the company' : 'Record the decision'}
      </SubmitButton>
    </form>
  );
};
