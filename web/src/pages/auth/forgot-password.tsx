import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useApi } from '../../api/session.tsx';
import { ErrorSummary, SubmitButton, Success, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useErrorSummary, zodResolver } from '../../components/zod-form.ts';
import { PASSWORD_MIN_LENGTH } from '../../../../functions/definitions/passwords.ts';
import {
  ConfirmForgotPassword,
  ForgotPassword as ForgotPasswordRequest,
} from '../../../../functions/schemas/requests/auth.ts';

interface Fields {
  email: string;
  code: string;
  newPassword: string;
}

/** The fields' names as the page shows them, for the error summary. */
const FIELD_NAMES: Record<string, string> = { email: 'Email', code: 'Reset code', newPassword: 'New password' };

/** Forgot password: ask for a code, then set a new password with it. */
export const ForgotPassword = () => {
  const api = useApi();
  const [sent, setSent] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  // The step decides which request the form is checked as, before it is sent.
  const step = useRef(sent);
  step.current = sent;
  const form = useForm<Fields>({
    defaultValues: { email: '', code: '', newPassword: '' },
    // Checked again at the next submission, so the summary does not change under the user's typing.
    reValidateMode: 'onSubmit',
    resolver: zodResolver((values) =>
      step.current
        ? { schema: ConfirmForgotPassword, input: values }
        : { schema: ForgotPasswordRequest, input: { email: values.email } },
    ),
  });
  const errors = form.formState.errors;
  const summary = useErrorSummary(errors);

  const submit = useSubmit(async () => {
    const { email, code, newPassword } = form.getValues();
    if (!sent) {
      await api.call('forgotPassword', { body: { email } });
      setSent(true);
      return;
    }
    const result = await api.call('confirmForgotPassword', { body: { email, code, newPassword } });
    setDone(result.message);
  });
  const fieldError = (field: keyof Fields) => errors[field]?.message ?? submit.fieldError(field);

  return (
    <div className="narrow">
      <PageTitle>Reset your password</PageTitle>
      <ErrorSummary error={summary ?? submit.error} fieldName={(field) => FIELD_NAMES[field]} />
      {done ? (
        <>
          <Success message={done} />
          <p>
            <Link to="/sign-in">Sign in with your new password</Link>
          </p>
        </>
      ) : (
        <form onSubmit={form.handleSubmit(() => submit.onSubmit())} noValidate className="form">
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            {...form.register('email')}
            readOnly={sent}
            error={fieldError('email')}
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
                {...form.register('code')}
                error={fieldError('code')}
              />
              <TextField
                label="New password"
                type="password"
                autoComplete="new-password"
                required
                hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
                {...form.register('newPassword')}
                error={fieldError('newPassword')}
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
