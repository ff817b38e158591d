/**
 * A CBP administrator changes a company's registered point of contact (issue 16): the new address,
 * the new POC's name and the reason. What becomes of the company's account is the API's rule
 * (docs/decisions.md, 44), stated here before the change is made.
 */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import type { ResponseOf } from '../../../api/client.ts';
import { ErrorSummary, SubmitButton, TextArea, TextField, useSubmit } from '../../../components/form.tsx';

type Company = ResponseOf<'getCompany'>;

export const ChangePoc = ({ company, onDone }: { company: Company; onDone: (c: Company, message: string) => void }) => {
  const { api } = useSession();
  const [pocEmail, setPocEmail] = useState('');
  const [pocName, setPocName] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit(async () => {
    const updated = await api.call('changePoc', {
      path: { companyId: company.companyId },
      body: {
        version: company.version,
        pocEmail: pocEmail.trim(),
        ...(pocName.trim() ? { pocName: pocName.trim() } : {}),
        reason,
      },
    });
    setPocEmail('');
    setPocName('');
    setReason('');
    onDone(
      updated,
      `The registered point of contact of ${updated.legalName} is now ${updated.pocEmail}. Both addresses were told.`,
    );
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>Change the registered point of contact</h3>
      <p>
        The old and the new address are both told, without the company's name or the reason. If the new address is one
        of the company's active users, they become its primary POC at once; otherwise the company's primary-POC account
        (if any) is disabled and the new address requests a fresh one on the "Request your account" page.
      </p>
      <ErrorSummary error={submit.error} />
      <TextField
        label="New point-of-contact email"
        type="email"
        autoComplete="off"
        required
        value={pocEmail}
        onChange={(e) => setPocEmail(e.target.value)}
        error={submit.fieldError('pocEmail')}
      />
      <TextField
        label="New point of contact's name (optional)"
        autoComplete="off"
        value={pocName}
        onChange={(e) => setPocName(e.target.value)}
        error={submit.fieldError('pocName')}
      />
      <TextArea
        label="Reason for the change"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={submit.fieldError('reason')}
      />
      <SubmitButton busy={submit.busy}>Change point of contact</SubmitButton>
    </form>
  );
};
