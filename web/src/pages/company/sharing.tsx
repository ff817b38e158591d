import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, StatusBadge, TableWrap, MorePages } from '../../components/data.tsx';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  Success,
  TextArea,
  TextField,
  useSubmit,
} from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { FOREIGN_PROGRAMS, SCOPES } from '../../../../functions/schemas/sharing.ts';
import { canShare, isRemoved, SCOPE_LABELS, SrOnly, useAction, useMe, usePaged } from './shared.tsx';

type GrantRequest = ResponseOf<'listGrantRequests'>['items'][number];
type Grant = ResponseOf<'listGrants'>['items'][number];

/**
 * Whom a grant is for, in words: the partner's legal name once it has told you (by asking you or
 * sharing with you); until then the ID you gave, since the portal does not tell one company
 * another's name.
 */
const granteeLabel = (g: Grant) =>
  g.granteeName ?? (g.grantee.type === 'company' ? `the company with ID ${g.grantee.companyId}` : g.grantee.program);
type Scope = (typeof SCOPES)[number];
type Program = keyof typeof FOREIGN_PROGRAMS;

const scopeOptions = SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] ?? s }));
const programOptions = (Object.entries(FOREIGN_PROGRAMS) as [Program, string][]).map(([value, label]) => ({
  value,
  label,
}));

/** A date `days` after the portal's today, as `YYYY-MM-DD`. */
const dayAfter = (now: string, days: number) =>
  new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);

const CreateGrantForm = ({ onCreated }: { onCreated: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [type, setType] = useState<'company' | 'program'>('company');
  const [partnerId, setPartnerId] = useState('');
  const [program, setProgram] = useState<Program>('ca-pip');
  const [scope, setScope] = useState<Scope>('status');
  const [expiresOn, setExpiresOn] = useState(dayAfter(me.now, 365));
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    setDone(undefined);
    const grantee = type === 'company' ? { type, companyId: partnerId.trim() } : { type, program };
    const grant = await api.call('createGrant', {
      path: { companyId: me.company.companyId },
      body: { grantee, scope, expiresOn },
    });
    const label = granteeLabel(grant);
    setDone(
      `${label.charAt(0).toUpperCase()}${label.slice(1)} can now see: ${SCOPE_LABELS[grant.scope]}, until ${grant.expiresOn}.`,
    );
    setPartnerId('');
    onCreated();
  });
  return (
    <section>
      <h2 id="grant-heading">Share with another party</h2>
      <ErrorSummary error={submit.error} />
      <Success message={done} />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <SelectField
          label="Share with"
          value={type}
          onChange={(e) => setType(e.target.value as 'company' | 'program')}
          options={[
            { value: 'company', label: 'Another C-TPAT participant company' },
            { value: 'program', label: 'A foreign customs program' },
          ]}
        />
        {type === 'company' ? (
          <TextField
            label="Partner company ID"
            hint="The partner finds its company ID on its own Sharing page."
            required
            value={partnerId}
            onChange={(e) => setPartnerId(e.target.value)}
            error={submit.fieldError('grantee.companyId')}
          />
        ) : (
          <SelectField
            label="Foreign customs program"
            value={program}
            onChange={(e) => setProgram(e.target.value as Program)}
            options={programOptions}
            error={submit.fieldError('grantee.program')}
          />
        )}
        <SelectField
          label="What to share"
          value={scope}
          onChange={(e) => setScope(e.target.value as Scope)}
          options={scopeOptions}
          error={submit.fieldError('scope')}
        />
        <TextField
          label="Share until"
          type="date"
          hint="At most two years ahead. Access ends at the end of this day (UTC)."
          required
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
          error={submit.fieldError('expiresOn')}
        />
        <SubmitButton busy={submit.busy}>Share</SubmitButton>
      </form>
    </section>
  );
};

const Grants = ({ reloadKey }: { reloadKey: number }) => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [round, setRound] = useState(0);
  const list = usePaged(
    (cursor) => api.call('listGrants', { path: { companyId }, query: { cursor, limit: 25 } }),
    [companyId, round, reloadKey],
  );
  const action = useAction();
  const [message, setMessage] = useState<string>();
  const revoke = (grantId: string, name: string) =>
    action.run(async () => {
      setMessage(undefined);
      await api.call('revokeGrant', { path: { companyId, grantId } });
      setMessage(`Sharing with ${name} was revoked.`);
      setRound((r) => r + 1);
    });
  return (
    <section>
      <h2 id="grants-heading">What your company shares</h2>
      <ErrorSummary error={action.error} />
      <Success message={message} />
      <Async state={list.page} what="Loading grants">
        {() =>
          list.items.length === 0 ? (
            <Empty>Your company shares nothing with anyone.</Empty>
          ) : (
            <TableWrap label="Grants your company made">
              <table>
                <caption>Grants your company made</caption>
                <thead>
                  <tr>
                    <th scope="col">Shared with</th>
                    <th scope="col">What</th>
                    <th scope="col">Until</th>
                    <th scope="col">Status</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((g) => (
                    <tr key={g.grantId}>
                      <td>{granteeLabel(g)}</td>
                      <td>{SCOPE_LABELS[g.scope]}</td>
                      <td>{g.expiresOn}</td>
                      <td>
                        <StatusBadge status={g.status} />
                      </td>
                      <td>
                        {g.status === 'active' && canShare(me) ? (
                          <button
                            type="button"
                            className="button button--danger"
                            disabled={action.busy}
                            onClick={() => revoke(g.grantId, granteeLabel(g))}
                          >
                            Revoke<SrOnly> sharing with {granteeLabel(g)}</SrOnly>
                          </button>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      <MorePages list={list} />
    </section>
  );
};

const RequestRow = ({ request, onDecided }: { request: GrantRequest; onDecided: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [until, setUntil] = useState(dayAfter(me.now, 365));
  const action = useAction();
  const decide = (decision: 'accept' | 'decline') =>
    action.run(async () => {
      const body = decision === 'accept' ? { decision, expiresOn: until } : { decision };
      await api.call('decideGrantRequest', {
        path: { companyId: me.company.companyId, requestId: request.requestId },
        body,
      });
      onDecided();
    });
  return (
    <tr>
      <td>{request.requesterLegalName}</td>
      <td>{SCOPE_LABELS[request.scope]}</td>
      <td>{request.message ?? '—'}</td>
      <td>
        <DateText iso={request.requestedAt} />
      </td>
      <td>
        {request.status === 'pending' && canShare(me) ? (
          <div className="row-actions">
            <TextField
              label={`Grant ${request.requesterLegalName} access until`}
              type="date"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              error={action.error?.fieldError('expiresOn')}
            />
            <button
              type="button"
              className="button button--primary"
              disabled={action.busy}
              onClick={() => decide('accept')}
            >
              Accept<SrOnly> the request of {request.requesterLegalName}</SrOnly>
            </button>
            <button type="button" className="button" disabled={action.busy} onClick={() => decide('decline')}>
              Decline<SrOnly> the request of {request.requesterLegalName}</SrOnly>
            </button>
            {action.error && !action.error.fieldError('expiresOn') ? (
              <p className="field-error" role="alert">
                {action.error.message}
              </p>
            ) : null}
          </div>
        ) : (
          <StatusBadge status={request.status} />
        )}
      </td>
    </tr>
  );
};

const Requests = ({ onDecided }: { onDecided: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [round, setRound] = useState(0);
  const list = usePaged(
    (cursor) =>
      api.call('listGrantRequests', { path: { companyId }, query: { direction: 'incoming', cursor, limit: 25 } }),
    [companyId, round],
  );
  return (
    <section>
      <h2 id="requests-heading">Requests to your company</h2>
      <Async state={list.page} what="Loading requests">
        {() =>
          list.items.length === 0 ? (
            <Empty>No company has asked your company to share.</Empty>
          ) : (
            <TableWrap label="Requests to your company">
              <table>
                <caption>Requests other companies made to yours</caption>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">Asks for</th>
                    <th scope="col">Message</th>
                    <th scope="col">Asked</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((r) => (
                    <RequestRow
                      key={r.requestId}
                      request={r}
                      onDecided={() => {
                        setRound((x) => x + 1);
                        onDecided();
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      <MorePages list={list} />
    </section>
  );
};

const AskForm = () => {
  const { api } = useSession();
  const [target, setTarget] = useState('');
  const [scope, setScope] = useState<Scope>('status');
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    setDone(undefined);
    await api.call('requestGrant', {
      path: { companyId: target.trim() },
      body: { scope, ...(message.trim() ? { message: message.trim() } : {}) },
    });
    setDone('Your request was sent. The company decides whether to share.');
    setTarget('');
    setMessage('');
  });
  return (
    <section>
      <h2 id="ask-heading">Ask a company to share with you</h2>
      <ErrorSummary error={submit.error} />
      <Success message={done} />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <TextField
          label="Company ID to ask"
          required
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={submit.fieldError('companyId')}
        />
        <SelectField
          label="What to ask for"
          value={scope}
          onChange={(e) => setScope(e.target.value as Scope)}
          options={scopeOptions}
          error={submit.fieldError('scope')}
        />
        <TextArea
          label="Message to the company (optional)"
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={submit.fieldError('message')}
        />
        <SubmitButton busy={submit.busy}>Send request</SubmitButton>
      </form>
    </section>
  );
};

const SharedWithUs = () => {
  const { api } = useSession();
  const list = usePaged((cursor) => api.call('sharedWithMe', { query: { cursor, limit: 25 } }), []);
  return (
    <section>
      <h2 id="shared-heading">Shared with your company</h2>
      <Async state={list.page} what="Loading what is shared with you">
        {() =>
          list.items.length === 0 ? (
            <Empty>No company shares anything with yours now.</Empty>
          ) : (
            <TableWrap label="Shared with your company">
              <table>
                <caption>What other companies share with yours</caption>
                <thead>
                  <tr>
                    <th scope="col">Company</th>
                    <th scope="col">What</th>
                    <th scope="col">Until</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((s) => (
                    <tr key={s.grantId}>
                      <td>
                        <Link to={`/sharing/partners/${s.ownerCompanyId}`}>{s.ownerLegalName}</Link>
                      </td>
                      <td>{SCOPE_LABELS[s.scope]}</td>
                      <td>{s.expiresOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      <MorePages list={list} />
    </section>
  );
};

/**
 * Confidentiality: a company's data goes to nobody outside CBP unless the primary POC (or a user
 * the POC designated) grants it, for a scope and until a date; every read is in the audit trail.
 */
export const Sharing = () => {
  const me = useMe();
  const [grantsKey, setGrantsKey] = useState(0);
  const removed = isRemoved(me);
  return (
    <>
      <PageTitle lead="Your company's information is confidential within CBP. It is shared only where your company authorizes it, and every read is recorded in your audit trail.">
        Sharing
      </PageTitle>
      <p className="company-id">
        Your company ID, for partners who want to share with you: <code>{me.company.companyId}</code>
      </p>
      {!canShare(me) ? (
        <div className="alert alert--info">
          <p>You can see what is shared. Your primary point of contact has not designated you to authorize sharing.</p>
        </div>
      ) : null}
      <Grants reloadKey={grantsKey} />
      {removed ? (
        <p>While your company is removed from C-TPAT it can revoke grants but not make new ones.</p>
      ) : (
        <>
          {canShare(me) ? <CreateGrantForm onCreated={() => setGrantsKey((k) => k + 1)} /> : null}
          <Requests onDecided={() => setGrantsKey((k) => k + 1)} />
          <SharedWithUs />
          {canShare(me) ? <AskForm /> : null}
        </>
      )}
    </>
  );
};
