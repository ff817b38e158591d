/** A company's users on CBP's company record; an administrator resends a primary POC's lost invitation. */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { Async, Empty, MoreButton, StatusBadge } from '../../components/data.tsx';
import { ErrorSummary, Success } from '../../components/form.tsx';
import { useAction } from '../../components/use-paged.ts';
import { TableWrap, isAdmin, usePaged } from './shared.tsx';

export const UsersSection = ({ companyId }: { companyId: string }) => {
  const { api, me } = useSession();
  const users = usePaged(
    (cursor) => api.call('listCompanyUsers', { path: { companyId }, query: { cursor } }),
    [companyId],
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
            <TableWrap label="Company users">
              <table>
                <caption>Company users</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Permissions</th>
                    {isAdmin(me?.role) ? <th scope="col">Invitation</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {items.map((u) => (
                    <tr key={u.userId}>
                      <td>{u.name}</td>
                      <td>{u.email}</td>
                      <td>{u.role === 'primary-poc' ? 'Primary point of contact' : 'Company user'}</td>
                      <td>
                        <StatusBadge status={u.status} />
                      </td>
                      <td>
                        {[
                          u.permissions.editProfile ? 'edits profile' : '',
                          u.permissions.authorizeSharing ? 'authorizes sharing' : '',
                        ]
                          .filter(Boolean)
                          .join(', ') || 'reads only'}
                      </td>
                      {isAdmin(me?.role) ? (
                        <td>
                          {u.role === 'primary-poc' && u.status === 'active' ? (
                            <button
                              type="button"
                              className="button"
                              disabled={action.busy}
                              onClick={() => void resend(u.userId)}
                            >
                              Resend invitation<span className="sr-only"> to {u.name}</span>
                            </button>
                          ) : (
                            '—'
                          )}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : (
            <Empty>No users yet: the point of contact has not requested the company's account.</Empty>
          )
        }
      </Async>
      <MoreButton cursor={users.cursor} onMore={() => void users.more()} busy={users.busy} />
    </>
  );
};
