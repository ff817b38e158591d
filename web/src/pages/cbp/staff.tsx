/** CBP administrators manage staff accounts: list, add (with an emailed invitation), disable and re-enable. */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty, StatusBadge, MorePages } from '../../components/data.tsx';
import { ErrorSummary, SelectField, Success, SubmitButton, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { useAction, usePaged } from './shared.tsx';

type StaffUser = ResponseOf<'listStaff'>['items'][number];
const ROLE_NAMES: Record<string, string> = { 'cbp-admin': 'CBP administrator', 'cbp-officer': 'CBP officer' };

const COLUMNS: Columns<StaffUser> = [
  { header: 'Name', cell: (user) => user.name },
  { header: 'Email', cell: (user) => user.email },
  { header: 'Role', cell: (user) => ROLE_NAMES[user.role] ?? user.role },
  { header: 'Status', cell: (user) => <StatusBadge status={user.status} /> },
  { header: 'Added', cell: (user) => <DateText iso={user.createdAt} /> },
];

export const Staff = () => {
  const { api, me } = useSession();
  const list = usePaged(['listStaff'], (cursor) => api.call('listStaff', { query: { cursor } }));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'cbp-officer' | 'cbp-admin'>('cbp-officer');
  const [done, setDone] = useState<string | undefined>();

  const add = useSubmit(async () => {
    const user = await api.call('addStaff', { body: { name, email: email.trim(), role } });
    setDone(
      `${user.name} was added as a ${ROLE_NAMES[user.role] ?? user.role}; their invitation is on its way to ${user.email}.`,
    );
    setName('');
    setEmail('');
    list.state.reload();
  });
  const toggle = useAction();
  const setStatus = (user: StaffUser) =>
    toggle.run(async () => {
      const next = user.status === 'active' ? 'disabled' : 'active';
      await api.call('updateStaff', { path: { userId: user.userId }, body: { version: user.version, status: next } });
      setDone(`${user.name} is now ${next === 'active' ? 'enabled' : 'disabled'}.`);
      list.state.reload();
    });

  return (
    <>
      <PageTitle lead="CBP officers and administrators. A disabled account can no longer sign in; enabling it restores it.">
        Staff
      </PageTitle>
      <Success message={done} />
      <ErrorSummary error={toggle.error} />
      <Async state={list.state} what="Loading staff">
        {(items) =>
          items.length === 0 ? (
            <Empty>No staff accounts.</Empty>
          ) : (
            <DataTable
              label="Staff accounts"
              caption="Staff accounts"
              className="cbp-wide"
              columns={[
                ...COLUMNS,
                {
                  header: 'Action',
                  cell: (user: StaffUser) =>
                    user.userId === me?.userId ? (
                      <span>You</span>
                    ) : (
                      <button
                        type="button"
                        className={`usa-button ${user.status === 'active' ? 'usa-button--secondary' : 'usa-button--outline'}`}
                        disabled={toggle.busy}
                        onClick={() => void setStatus(user)}
                      >
                        {user.status === 'active' ? 'Disable' : 'Enable'}
                        <span className="usa-sr-only"> {user.name}</span>
                      </button>
                    ),
                },
              ]}
              rows={items}
              rowKey={(user) => user.userId}
            />
          )
        }
      </Async>
      <MorePages list={list} />

      <section className="cbp-section" aria-labelledby="add-staff">
        <h2 id="add-staff">Add a staff member</h2>
        <p>
          They receive an invitation with a temporary password, choose their own password at first sign-in, and must
          then set up an authenticator app.
        </p>
        <ErrorSummary error={add.error} />
        <form onSubmit={add.onSubmit} noValidate className="form">
          <TextField
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={add.fieldError('name')}
          />
          <TextField
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={add.fieldError('email')}
          />
          <SelectField
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            options={[
              { value: 'cbp-officer', label: 'CBP officer' },
              { value: 'cbp-admin', label: 'CBP administrator' },
            ]}
            error={add.fieldError('role')}
          />
          <SubmitButton busy={add.busy}>Add staff member</SubmitButton>
        </form>
      </section>
    </>
  );
};
