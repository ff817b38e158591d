import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/session.tsx';
import { ErrorSummary, SubmitButton, Success, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';

/**
 * Only a company's registered point of contact can create its account: the answer is the same
 * whether or not the email is registered, and the invitation goes to the registered address.
 */
export const RequestAccount = () => {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const submit = useSubmit(async () => setDone((await api.call('requestAccount', { body: { email } })).message));
  return (
    <div className="narrow">
      <PageTitle lead="Use the point-of-contact email your company registered with C-TPAT. The invitation with a temporary password is sent to that address.">
        Request your company's account
      </PageTitle>
      <ErrorSummary error={submit.error} />
      {done ? (
        <Success message={done} />
      ) : (
        <form onSubmit={submit.onSubmit} noValidate className="form">
          <TextField
            label="Point-of-contact email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={submit.fieldError('email')}
          />
          <SubmitButton busy={submit.busy}>Request account</SubmitButton>
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
};
