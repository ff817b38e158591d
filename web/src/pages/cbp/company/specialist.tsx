/**
 * A CBP administrator assigns or reassigns the company's Supply Chain Security Specialist, from
 * the active staff (decision 93); the record shows who it is.
 */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import type { ResponseOf } from '../../../api/client.ts';
import { ErrorSummary, SelectField, SubmitButton, TextArea, useSubmit } from '../../../components/form.tsx';
import { useLoad } from '../../../components/use-load.ts';

type Company = ResponseOf<'getCompany'>;

export const AssignSpecialist = ({
  company,
  onDone,
}: {
  company: Company;
  onDone: (c: Company, message: string) => void;
}) => {
  const { api } = useSession();
  // The first hundred staff accounts: CBP's C-TPAT staff are far fewer.
  const staff = useLoad(['listStaff', 'specialists'], () => api.call('listStaff', { query: { limit: 100 } }));
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit(async () => {
    const updated = await api.call('assignSpecialist', {
      path: { companyId: company.companyId },
      body: { version: company.version, userId, ...(reason.trim() ? { reason } : {}) },
    });
    onDone(updated, `${updated.specialist?.name ?? 'The officer'} is now the specialist of ${updated.legalName}.`);
  });
  const choices = (staff.data?.items ?? []).filter(
    (s) => s.status === 'active' && s.userId !== company.specialist?.userId,
  );
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>{company.specialist ? 'Reassign the specialist' : 'Assign a specialist'}</h3>
      <ErrorSummary error={submit.error ?? staff.error} />
      <SelectField
        label="Supply Chain Security Specialist"
        required
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={submit.fieldError('userId')}
        options={[
          { value: '', label: staff.loading ? 'Loading staff…' : 'Choose a staff member' },
          ...choices.map((s) => ({ value: s.userId, label: `${s.name} (${s.email})` })),
        ]}
      />
      {company.specialist ? (
        <TextArea
          label="Reason for reassigning"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError('reason')}
        />
      ) : null}
      <SubmitButton busy={submit.busy}>{company.specialist ? 'Reassign' : 'Assign'}</SubmitButton>
    </form>
  );
};
