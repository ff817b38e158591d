/**
 * The primary POC names the company's secondary contact (issue 16): someone besides the POC who
 * also receives the deadline reminders and a removal notice, so one unreachable inbox cannot
 * cost the company its membership.
 */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { Loading, LoadError } from '../../components/data.tsx';
import { ErrorSummary, SubmitButton, Success, TextField, useSubmit } from '../../components/form.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from './shared.tsx';

export const SecondaryContact = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const company = useLoad(['getCompany', companyId], () => api.call('getCompany', { path: { companyId } }));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    setDone(undefined);
    const updated = await api.call('setSecondaryContact', {
      path: { companyId },
      body: { version: company.data!.version, name: name.trim(), email: email.trim() },
    });
    setDone(
      `${updated.secondaryContact?.name} (${updated.secondaryContact?.email}) will receive the deadline reminders and any removal notice too.`,
    );
    setName('');
    setEmail('');
    company.reload();
  });
  const current = company.data?.secondaryContact;
  return (
    <section aria-labelledby="secondary-contact-heading">
      <h2 id="secondary-contact-heading">Secondary contact</h2>
      <p>
        Deadline reminders and removal notices go to the point of contact and to this person, so the company hears of
        them even when one inbox fails.
      </p>
      {company.error ? <LoadError error={company.error} retry={company.reload} /> : null}
      {!company.data && !company.error ? <Loading what="Loading the secondary contact" /> : null}
      {company.data ? (
        <>
          <p>
            {current ? (
              <>
                Now: <strong>{current.name}</strong>, {current.email}
                {company.data.secondaryUnreachable ? ' (this address could not be reached: name another)' : ''}.
              </>
            ) : (
              'None named yet.'
            )}
          </p>
          <ErrorSummary error={submit.error} />
          <Success message={done} />
          <form className="form" noValidate onSubmit={submit.onSubmit}>
            <TextField
              label="Secondary contact's full name"
              autoComplete="off"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={submit.fieldError('name')}
            />
            <TextField
              label="Secondary contact's email"
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={submit.fieldError('email')}
            />
            <SubmitButton busy={submit.busy}>
              {current ? 'Replace secondary contact' : 'Name secondary contact'}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </section>
  );
};
