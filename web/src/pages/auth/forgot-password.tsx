import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/session.tsx';
import { ErrorSummary, SubmitButton, Success, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { PASSWORD_MIN_LENGTH } from '../../../../functions/definitions/passwords.ts';

/** Forgot password: ask for a code, then set a new password with it. */
export const ForgotPassword = () => {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [sent, setSent] = useState(false);
  const [done, setDone] = useState<string | undefined>();

  const submit = useSubmit(async () => {
    if (!sent) {
      await api.call('forgotPassword', { body: { email } });
      setSent(true);
      return;
    }
    const result = await api.call('confirmForgotPassword', { body: { email, code, newPassword } });
    setDone(result.message);
  });

  return (
    <div className="narrow">
      <PageTitle>Reset your password</PageTitle>
      <ErrorSummary error={submit.error} />
      {done ? (
        <>
          <Success message={done} />
          <p>
            <Link to="/sign-in">Sign in with your new password</Link>
          </p>
        </>
      ) : (
        <form onSubmit={submit.onSubmit} noValidate className="form">
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            readOnly={sent}
            error={submit.fieldError('email')}
          />
          {sent ? (
            <>
              <p role="status">
                If the email has a portal account, a reset code is on its way: enter it below. If you never chose a
                password (your invitation was lost or has expired), a new invitation with a temporary password is on its
                way instead: <Link to="/sign-in">sign in</Link> with it.
              </p>
              <TextField
                label="Reset code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={submit.fieldError('code')}
              />
              <TextField
                label="New password"
                type="password"
                autoComplete="new-password"
                required
                hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
                error={submit.fieldError('newPassword')}
              />
              <SubmitButton busy={submit.busy}>Set new password</SubmitButton>
            </>
          ) : (
            <SubmitButton busy={submit.busy}>Send reset code</SubmitButton>
          )}
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
};
