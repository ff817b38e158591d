import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, StatusBadge, MorePages } from '../../components/data.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  SubmitButton,
  Success,
  TextField,
  useSubmit,
} from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { ActiveCompanyOnly, SrOnly, useAction, useMe, usePaged } from './shared.tsx';
import { SecondaryContact } from './secondary-contact.tsx';

type User = ResponseOf<'listCompanyUsers'>['items'][number];

const permissionText = (u: User) =>
  u.role === 'primary-poc'
    ? 'Everything (primary POC)'
    : [
        u.permissions.editProfile ? 'Edits profile' : 'Reads only',
        u.permissions.authorizeSharing ? 'authorizes sharing' : '',
      ]
        .filter(Boolean)
        .join(', ');

const AddUserForm = ({ onAdded }: { onAdded: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [editProfile, setEditProfile] = useState(false);
  const [authorizeSharing, setAuthorizeSharing] = useState(false);
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    setDone(undefined);
    const user = await api.call('addCompanyUser', {
      path: { companyId: me.company.companyId },
      body: { name: name.trim(), email: email.trim(), permissions: { editProfile, authorizeSharing } },
    });
    setDone(`${user.name} was added. An invitation with a temporary password was emailed to ${user.email}.`);
    setName('');
    setEmail('');
    setEditProfile(false);
    setAuthorizeSharing(false);
    onAdded();
  });
  return (
    <section>
      <h2 id="add-user-heading">Add a user</h2>
      <p>Every user has their own sign-in. The invitation goes to the email you give.</p>
      <ErrorSummary error={submit.error} />
      <Success message={done} />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <TextField
          label="Full name"
          autoComplete="off"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.fieldError('name')}
        />
        <TextField
          label="Email address"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={submit.fieldError('email')}
        />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Permissions</legend>
          <p className="usa-hint">Every user can read the company's information, alerts and messages.</p>
          <CheckboxField
            label="May edit the account information and security profile"
            checked={editProfile}
            onChange={(e) => setEditProfile(e.target.checked)}
          />
          <CheckboxField
            label="May authorize sharing with other parties"
            checked={authorizeSharing}
            onChange={(e) => setAuthorizeSharing(e.target.checked)}
          />
        </fieldset>
        <SubmitButton busy={submit.busy}>Add user</SubmitButton>
      </form>
    </section>
  );
};

const HandOver = ({ users }: { users: readonly User[] }) => {
  const me = useMe();
  const { api, reloadMe } = useSession();
  const navigate = useNavigate();
  const candidates = users.filter((u) => u.role === 'company-user' && u.status === 'active');
  const [userId, setUserId] = useState('');
  // What you keep after the hand-over: nothing unless you tick it (the API's default too).
  const [editProfile, setEditProfile] = useState(false);
  const [authorizeSharing, setAuthorizeSharing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const chosen = candidates.find((u) => u.userId === userId);
  const kept = [
    editProfile ? 'edit the account information and security profile' : '',
    authorizeSharing ? 'authorize sharing' : '',
  ].filter(Boolean);
  const submit = useSubmit(async () => {
    await api.call('handOverPrimaryPoc', {
      path: { companyId: me.company.companyId },
      body: { userId, formerPocPermissions: { editProfile, authorizeSharing } },
    });
    await reloadMe();
    navigate('/', { replace: true });
  });
  return (
    <section>
      <h2 id="hand-over-heading">Hand over the primary POC role</h2>
      {candidates.length === 0 ? (
        <p>Add an active user first: the role can only go to an active user of your company.</p>
      ) : (
        <>
          <p>
            The new primary POC manages users, certifies the profile and authorizes sharing. You become an ordinary
            user, who can read the company's information, alerts and messages and nothing more, unless you keep a
            permission below.
          </p>
          <ErrorSummary error={submit.error} />
          {!confirming || !chosen ? (
            <form
              className="form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (chosen) setConfirming(true);
              }}
            >
              <SelectField
                label="New primary POC"
                value={userId}
                onChange={(e) => setUserId(e.target.value)}
                options={[
                  { value: '', label: 'Choose a user' },
                  ...candidates.map((u) => ({ value: u.userId, label: `${u.name} (${u.email})` })),
                ]}
              />
              <fieldset className="usa-fieldset">
                <legend className="usa-legend">What you keep after the hand-over</legend>
                <p className="usa-hint">
                  Unticked, you lose these powers with the role. The new primary POC can change them later.
                </p>
                <CheckboxField
                  label="I may still edit the account information and security profile"
                  checked={editProfile}
                  onChange={(e) => setEditProfile(e.target.checked)}
                />
                <CheckboxField
                  label="I may still authorize sharing with other parties"
                  checked={authorizeSharing}
                  onChange={(e) => setAuthorizeSharing(e.target.checked)}
                />
              </fieldset>
              <button type="submit" className="usa-button usa-button--outline" disabled={!chosen}>
                Hand over primary POC
              </button>
            </form>
          ) : (
            <form
              className="usa-alert usa-alert--warning usa-alert--slim"
              noValidate
              onSubmit={submit.onSubmit}
              aria-labelledby="confirm-hand-over"
            >
              <div className="usa-alert__body">
                <p id="confirm-hand-over">
                  <strong>Make {chosen.name} the primary POC?</strong> You will lose the primary POC's rights at once
                  and cannot take them back yourself.{' '}
                  {kept.length === 0
                    ? 'You keep no permission to edit or to authorize sharing.'
                    : `You keep the permission to ${kept.join(' and to ')}.`}
                </p>
                <div className="actions">
                  <SubmitButton busy={submit.busy}>Confirm hand-over to {chosen.name}</SubmitButton>
                  <button type="button" className="usa-button usa-button--outline" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                </div>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
};

/** The primary POC manages the company's users: add, disable or enable, remove, hand over. */
export const Users = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [round, setRound] = useState(0);
  const list = usePaged(['listCompanyUsers', companyId, round], (cursor) =>
    api.call('listCompanyUsers', { path: { companyId }, query: { cursor, limit: 50 } }),
  );
  const reload = () => setRound((r) => r + 1);
  const [confirmRemove, setConfirmRemove] = useState<string>();
  const [message, setMessage] = useState<string>();
  const action = useAction();
  const done = (text: string) => {
    setMessage(text);
    setConfirmRemove(undefined);
    reload();
  };
  const setStatus = (u: User, status: 'active' | 'disabled') =>
    action.run(async () => {
      setMessage(undefined);
      await api.call('updateCompanyUser', {
        path: { companyId, userId: u.userId },
        body: { version: u.version, status },
      });
      done(`${u.name} was ${status === 'active' ? 're-enabled' : 'disabled'}.`);
    });
  // Only someone who never chose a password gets one; the API says so (409) for anyone else.
  const resend = (u: User) =>
    action.run(async () => {
      setMessage(undefined);
      done((await api.call('resendInvitation', { path: { companyId, userId: u.userId } })).message);
    });
  const remove = (u: User) =>
    action.run(async () => {
      setMessage(undefined);
      await api.call('removeCompanyUser', {
        path: { companyId, userId: u.userId },
        headers: { 'if-match': String(u.version) },
      });
      done(`${u.name} was removed.`);
    });

  const columns: Columns<User> = [
    { header: 'Name', cell: (u) => `${u.name}${u.userId === me.userId ? ' (you)' : ''}` },
    { header: 'Email', cell: (u) => u.email },
    { header: 'Status', cell: (u) => <StatusBadge status={u.status} /> },
    { header: 'Permissions', cell: permissionText },
    { header: 'Added', cell: (u) => <DateText iso={u.createdAt} /> },
    { header: 'Actions', cell: (u) => actions(u) },
  ];
  const actions = (u: User) =>
    u.role === 'company-user' ? (
      confirmRemove === u.userId ? (
        <div className="row-actions">
          <span>Remove {u.name}?</span>
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={action.busy}
            onClick={() => remove(u)}
          >
            Confirm removal<SrOnly> of {u.name}</SrOnly>
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={() => setConfirmRemove(undefined)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="row-actions">
          {u.status === 'active' ? (
            <>
              <button
                type="button"
                className="usa-button usa-button--outline"
                disabled={action.busy}
                onClick={() => resend(u)}
              >
                Resend invitation<SrOnly> to {u.name}</SrOnly>
              </button>
              <button
                type="button"
                className="usa-button usa-button--outline"
                disabled={action.busy}
                onClick={() => setStatus(u, 'disabled')}
              >
                Disable<SrOnly> {u.name}</SrOnly>
              </button>
            </>
          ) : (
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={action.busy}
              onClick={() => setStatus(u, 'active')}
            >
              Enable<SrOnly> {u.name}</SrOnly>
            </button>
          )}
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={action.busy}
            onClick={() => setConfirmRemove(u.userId)}
          >
            Remove<SrOnly> {u.name}</SrOnly>
          </button>
        </div>
      )
    ) : (
      '—'
    );

  return (
    <ActiveCompanyOnly title="Users">
      <PageTitle lead="The people who may use the portal for your company.">Users</PageTitle>
      <ErrorSummary error={action.error} />
      <Success message={message} />
      <Async state={list.page} what="Loading users">
        {() => (
          <>
            <DataTable
              label="Users"
              caption="Your company's users"
              columns={columns}
              rows={list.items}
              rowKey={(u) => u.userId}
            />
            <MorePages list={list} />
            <AddUserForm onAdded={reload} />
            <HandOver users={list.items} />
            <SecondaryContact />
          </>
        )}
      </Async>
    </ActiveCompanyOnly>
  );
};
