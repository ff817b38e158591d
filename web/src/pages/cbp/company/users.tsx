/** A company's users on CBP's company record; an administrator resends a primary POC's lost invitation. */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { Async, Empty, MoreButton, StatusBadge } from '../../../components/data.tsx';
import { ErrorSummary, Success } from '../../../components/form.tsx';
import { useAction } from '../../../components/use-paged.ts';
import type { ResponseOf } from '../../../api/client.ts';
import { type Columns, DataTable } from '../../../components/data-table.tsx';
import { isAdmin, usePaged } from '../shared.tsx';

type CompanyUser = ResponseOf<'listCompanyUsers'>['items'][number];

const COLUMNS: Columns<CompanyUser> = [
  { header: 'Name', cell: (u) => u.name },
  { header: 'Email', cell: (u) => u.email },
  { header: 'Role', cell: (u) => (u.role === 'primary-poc' ? 'Primary point of contact' : 'Company user') },
  { header: 'Status', cell: (u) => <StatusBadge status={u.status} /> },
  {
    header: 'Permissions',
    cell: (u) =>
      [u.permissions.editProfile ? 'edits profile' : '', u.permissions.authorizeSharing ? 'authorizes sharing' : '']
        .filter(Boolean)
        .join(', ') || 'reads only',
  },
];

export const UsersSection = ({ companyId }: { companyId: string }) => {
  const { api, me } = useSession();
  const users = usePaged(['listCompanyUsers', companyId], (cursor) =>
    api.call('listCompanyUsers', { path: { companyId }, query: { cursor } }),
  );
  const action = useAction();
  const [message, setMessage] = useState<string>();
  // Only someone who never chose a password gets one; the API says so (409) for anyone else.
  const resend = (userId: string) =>
    action.run(async () => {
      setMessage(undefined);
      setMessage((await api.call('resendInvitation', { path: { companyId, userId } })).message);
    });
  return (
    <>
      <ErrorSummary error={action.error} />
      <Success message={message} />
      <Async state={users.state} what="Loading users">
        {(items) =>
          items.length ? (
            <DataTable
              label="Company users"
              caption="Company users"
              columns={[
                ...COLUMNS,
                isAdmin(me?.role) && {
                  header: 'Invitation',
                  cell: (u: CompanyUser) =>
                    u.role === 'primary-poc' && u.status === 'active' ? (
                      <button
                        type="button"
                        className="usa-button usa-button--outline"
                        disabled={action.busy}
                        onClick={() => void resend(u.userId)}
                      >
                        Resend invitation<span className="usa-sr-only"> to {u.name}</span>
                      </button>
                    ) : (
                      '—'
                    ),
                },
              ]}
              rows={items}
              rowKey={(u) => u.userId}
            />
          ) : (
            <Empty>No users yet: the point of contact has not requested the company's account.</Empty>
          )
        }
      </Async>
      <MoreButton cursor={users.cursor} onMore={() => void users.more()} busy={users.busy} />
    </>
  );
};
