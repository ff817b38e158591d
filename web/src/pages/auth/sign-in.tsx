/**
 * Sign-in, with the follow-up steps Cognito may ask for: choosing a new password on the first
 * sign-in (NEW_PASSWORD_REQUIRED, with the temporary password from the invitation), setting up an
 * authenticator app (MFA_SETUP: CBP staff's pool requires one before any token) and the app's code
 * (SOFTWARE_TOKEN_MFA). The system-use notice comes first:
 * signing in is refused until the person accepts it (remembered for this browser session).
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { ApiError, type ResponseOf } from '../../api/client.ts';
import { END_MESSAGES } from '../../api/session-timeout.ts';
import { CheckboxField, ErrorSummary, SubmitButton, TextField, useSubmit } from '../../components/form.tsx';
import { noticeAccepted, rememberNoticeAccepted, SystemUseNotice } from '../../components/system-use-notice.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { AuthenticatorSetup, SixDigitCode } from '../../components/authenticator-setup.tsx';
import { PASSWORD_MIN_LENGTH } from '../../../../functions/definitions/passwords.ts';
import { Alert } from '../../components/alert.tsx';

const NOT_ACCEPTED = 'To sign in, confirm that you have read the system use notice and agree to its terms.';

const FIELD_NAMES: Readonly<Record<string, string>> = {
  email: 'Email',
  password: 'Password',
  newPassword: 'New password',
  code: 'Six-digit code',
  acceptNotice: 'System use notice',
};

type Step =
  | { kind: 'password' }
  | { kind: 'new-password'; session: string }
  | { kind: 'mfa'; session: string }
  | { kind: 'mfa-setup'; session: string; secret: ResponseOf<'startMfaSetup'> };

const TITLES: Readonly<Record<Step['kind'], string>> = {
  password: 'Sign in',
  'new-password': 'Choose your password',
  mfa: 'Enter your authenticator code',
  'mfa-setup': 'Set up your authenticator app',
};

export const SignIn = () => {
  const { api, signedIn, endedBecause } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [accepted, setAccepted] = useState(noticeAccepted);

  const next = async (result: ResponseOf<'login'>) => {
    if ('tokens' in result) {
      const me = await signedIn(result.tokens);
      navigate(me.company.status === 'cbp' ? '/cbp' : '/', { replace: true });
    } else if (result.challenge === 'NEW_PASSWORD_REQUIRED') setStep({ kind: 'new-password', session: result.session });
    else if (result.challenge === 'MFA_SETUP') {
      const secret = await api.call('startMfaSetup', { body: { email, session: result.session } });
      setCode('');
      setStep({ kind: 'mfa-setup', session: secret.session, secret });
    } else setStep({ kind: 'mfa', session: result.session });
  };

  const submit = useSubmit(async () => {
    if (step.kind === 'password') {
      if (!accepted)
        throw new ApiError(400, 'notice_not_accepted', NOT_ACCEPTED, [
          { field: 'acceptNotice', message: NOT_ACCEPTED },
        ]);
      rememberNoticeAccepted();
      return next(await api.call('login', { body: { email, password } }));
    }
    if (step.kind === 'new-password')
      return next(await api.call('newPassword', { body: { email, session: step.session, newPassword } }));
    if (step.kind === 'mfa-setup')
      return next(await api.call('finishMfaSetup', { body: { email, session: step.session, code: code.trim() } }));
    return next(await api.call('answerMfa', { body: { email, session: step.session, code } }));
  });

  return (
    <div className="narrow">
      <PageTitle lead="For C-TPAT participants and CBP staff.">{TITLES[step.kind]}</PageTitle>
      {endedBecause && !submit.error ? (
        <Alert type="info" role="status">
          {END_MESSAGES[endedBecause]}
        </Alert>
      ) : null}
      <ErrorSummary error={submit.error} fieldName={(field) => FIELD_NAMES[field]} />
      {step.kind === 'password' ? <SystemUseNotice id="system-use-notice" /> : null}
      <form onSubmit={submit.onSubmit} noValidate className="form">
        {step.kind === 'password' ? (
          <>
            <TextField
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={submit.fieldError('email')}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={submit.fieldError('password')}
            />
            <CheckboxField
              label="I have read the system use notice and agree to its terms"
              required
              checked={accepted}
              onChange={(e) => setAccepted(e.target.checked)}
              error={submit.fieldError('acceptNotice')}
            />
            <SubmitButton busy={submit.busy}>Sign in</SubmitButton>
          </>
        ) : step.kind === 'new-password' ? (
          <>
            <p>
              This is your first sign-in. Choose a password of your own to replace the temporary one from your
              invitation.
            </p>
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN_LENGTH}
              hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of several words is easiest to remember.`}
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              error={submit.fieldError('newPassword')}
            />
            <SubmitButton busy={submit.busy}>Set password and sign in</SubmitButton>
          </>
        ) : step.kind === 'mfa-setup' ? (
          <>
            <p>
              CBP staff must use an authenticator app: every sign-in asks for its six-digit code. Have one ready on your
              phone or computer (for example one your agency approves).
            </p>
            <AuthenticatorSetup
              secret={step.secret}
              code={code}
              onCode={setCode}
              error={submit.fieldError('code')}
              busy={submit.busy}
            />
          </>
        ) : (
          <>
            <SixDigitCode value={code} onChange={setCode} error={submit.fieldError('code')} />
            <SubmitButton busy={submit.busy}>Verify</SubmitButton>
          </>
        )}
      </form>
      <ul className="links">
        <li>
          <Link to="/forgot-password">Forgot your password?</Link>
        </li>
        <li>
          <Link to="/request-account">Your company's point of contact and new to the portal? Request your account</Link>
        </li>
      </ul>
    </div>
  );
};
