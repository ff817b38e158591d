import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty, MorePages } from '../../components/data.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useMe, usePaged } from './shared.tsx';
import { AuditObject, ROLE_LABELS } from '../../components/audit-words.tsx';

/**
 * Who did it, as far as the company may know: its own people by name, CBP and other companies by
 * role and organisation (the API gives no name or id of a person outside the company).
 */
const actor = (
  r: { actorId?: string | undefined; actorName?: string | undefined; actorRole: string; actorCompanyId: string },
  me: { userId: string; company: { companyId: string } },
) => {
  const role = ROLE_LABELS[r.actorRole] ?? r.actorRole;
  if (r.actorId && r.actorId === me.userId) return `You (${role})`;
  if (r.actorCompanyId === 'CBP') return role === 'The portal' ? role : `${role}, CBP`;
  if (r.actorCompanyId !== me.company.companyId) return `${role} of a partner company`;
  return r.actorName ? `${r.actorName} (${role})` : role;
};

/** The company's audit trail: every change and every sensitive read, newest first, in UTC. */
export const Audit = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const list = usePaged(['companyAudit', companyId, applied], (cursor) =>
    api.call('companyAudit', { path: { companyId }, query: { cursor, limit: 25, action: applied || undefined } }),
  );
  return (
    <>
      <PageTitle lead="Every change to your company's records and every read by CBP or a partner, newest first. Times are UTC. Records are never edited or deleted.">
        Audit trail
      </PageTitle>
      <form
        className="filters"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(action.trim());
        }}
      >
        <TextField
          label="Action (optional)"
          hint="For example profile.saved or grant.created"
          value={action}
          onChange={(e) => setAction(e.target.value)}
          error={list.page.error?.fieldError('action')}
        />
        <button type="submit" className="usa-button usa-button--outline">
          Filter
        </button>
      </form>
      <Async state={list.page} what="Loading the audit trail">
        {() =>
          list.items.length === 0 ? (
            <Empty>No records{applied ? ` for ${applied}` : ''}.</Empty>
          ) : (
            <DataTable
              label="Audit records"
              caption="Audit records, newest first"
              columns={[
                { header: 'When (UTC)', cell: (r) => <DateText iso={r.at} withTime /> },
                { header: 'Action', cell: (r) => <code>{r.action}</code> },
                { header: 'Who', cell: (r) => actor(r, me) },
                { header: 'What', cell: (r) => <AuditObject record={r} /> },
                { header: 'From', cell: (r) => r.sourceIp ?? '—' },
              ]}
              rows={list.items}
              rowKey={(r) => r.auditId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
    </>
  );
};
