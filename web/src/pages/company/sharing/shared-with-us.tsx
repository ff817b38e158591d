/** What other companies share with this one, and the form that asks a company to share. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../api/session.tsx';
import { Async, Empty, MorePages } from '../../../components/data.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  Success,
  TextArea,
  TextField,
  useSubmit,
} from '../../../components/form.tsx';
import { SCOPE_LABELS, usePaged } from '../shared.tsx';
import { type Scope, scopeOptions } from './words.ts';

export const AskForm = () => {
  const { api } = useSession();
  const [target, setTarget] = useState('');
  const [scope, setScope] = useState<Scope>('status');
  const [message, setMessage] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    setDone(undefined);
    await api.call('requestGrantByCode', {
      body: { partnerCode: target, scope, ...(message.trim() ? { message: message.trim() } : {}) },
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
          label="The company's status-verification code"
          hint="Eight letters and digits, like Q7KP-4MXM: ask the company for it."
          required
          autoComplete="off"
          spellCheck={false}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={submit.fieldError('partnerCode')}
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

export const SharedWithUs = () => {
  const { api } = useSession();
  const list = usePaged(['sharedWithMe'], (cursor) => api.call('sharedWithMe', { query: { cursor, limit: 25 } }));
  return (
    <section>
      <h2 id="shared-heading">Shared with your company</h2>
      <Async state={list.page} what="Loading what is shared with you">
        {() =>
          list.items.length === 0 ? (
            <Empty>No company shares anything with yours now.</Empty>
          ) : (
            <DataTable
              label="Shared with your company"
              caption="What other companies share with yours"
              columns={[
                {
                  header: 'Company',
                  cell: (s) => <Link to={`/sharing/partners/${s.ownerCompanyId}`}>{s.ownerLegalName}</Link>,
                },
                { header: 'What', cell: (s) => SCOPE_LABELS[s.scope] },
                { header: 'Until', cell: (s) => s.expiresOn },
              ]}
              rows={list.items}
              rowKey={(s) => s.grantId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
    </section>
  );
};
