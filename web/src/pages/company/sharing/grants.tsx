/** What the company shares, and the form that shares more. */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { Async, Empty, MorePages, StatusBadge } from '../../../components/data.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorSummary, SelectField, SubmitButton, Success, TextField, useSubmit } from '../../../components/form.tsx';
import { canShare, SCOPE_LABELS, SrOnly, useAction, useMe, usePaged } from '../shared.tsx';
import { dayAfter, type Grant, granteeLabel, type Program, programOptions, type Scope, scopeOptions } from './words.ts';

export const CreateGrantForm = ({ onCreated }: { onCreated: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [type, setType] = useState<'company' | 'program'>('company');
  const [partnerCode, setPartnerCode] = useState('');
  const [program, setProgram] = useState<Program>('ca-pip');
  const [scope, setScope] = useState<Scope>('status');
  const [expiresOn, setExpiresOn] = useState(dayAfter(me.now, 365));
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    setDone(undefined);
    const grantee = type === 'company' ? { type, code: partnerCode } : { type, program };
    const grant = await api.call('createGrant', {
      path: { companyId: me.company.companyId },
      body: { grantee, scope, expiresOn },
    });
    const label = granteeLabel(grant);
    setDone(
      `${label.charAt(0).toUpperCase()}${label.slice(1)} can now see: ${SCOPE_LABELS[grant.scope]}, until ${grant.expiresOn}.`,
    );
    setPartnerCode('');
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
            label="Partner's status-verification code"
            hint="Eight letters and digits, like Q7KP-4MXM. The partner finds it on its dashboard and its Sharing page."
            required
            autoComplete="off"
            spellCheck={false}
            value={partnerCode}
            onChange={(e) => setPartnerCode(e.target.value)}
            error={submit.fieldError('grantee.code')}
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

export const Grants = ({ reloadKey }: { reloadKey: number }) => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [round, setRound] = useState(0);
  const list = usePaged(['listGrants', companyId, round, reloadKey], (cursor) =>
    api.call('listGrants', { path: { companyId }, query: { cursor, limit: 25 } }),
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
            <DataTable
              label="Grants your company made"
              caption="Grants your company made"
              columns={[
                { header: 'Shared with', cell: granteeLabel },
                { header: 'What', cell: (g) => SCOPE_LABELS[g.scope] },
                { header: 'Until', cell: (g) => g.expiresOn },
                { header: 'Status', cell: (g) => <StatusBadge status={g.status} /> },
                {
                  header: 'Action',
                  cell: (g: Grant) =>
                    g.status === 'active' && canShare(me) ? (
                      <button
                        type="button"
                        className="usa-button usa-button--secondary"
                        disabled={action.busy}
                        onClick={() => revoke(g.grantId, granteeLabel(g))}
                      >
                        Revoke<SrOnly> sharing with {granteeLabel(g)}</SrOnly>
                      </button>
                    ) : (
                      '—'
                    ),
                },
              ]}
              rows={list.items}
              rowKey={(g) => g.grantId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
    </section>
  );
};
