/**
 * Authenticator-app set-up for a signed-in user: a new secret from Cognito (typed into the app, or
 * opened from the otpauth link), then the app's first code to confirm it. CBP staff set their
 * first app up inside the sign-in (their pool requires one); this page replaces it, and is where a
 * primary POC whose deployment requires a second factor sets one up before anything else.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { ErrorSummary, SubmitButton, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';

export const MfaSetup = () => {
  const { api, accessToken, me, reloadMe } = useSession();
  const navigate = useNavigate();
  const [secret, setSecret] = useState<ResponseOf<'startTotp'> | undefined>();
  const [code, setCode] = useState('');

  const start = useSubmit(async () => {
    setSecret(await api.call('startTotp', { body: { accessToken: accessToken ?? '' } }));
  });
  const confirm = useSubmit(async () => {
    await api.call('confirmTotp', { body: { accessToken: accessToken ?? '', code: code.trim() } });
    await reloadMe();
    navigate(me?.company.status === 'cbp' ? '/cbp' : '/', { replace: true });
  });

  return (
    <div className="narrow">
      <PageTitle lead="Your account must use an authenticator app: from now on every sign-in asks for its six-digit code.">
        Set up your authenticator app
      </PageTitle>
      {me?.mfaEnrolled ? (
        <p className="alert alert--info">Your authenticator app is already set up. Setting it up again replaces it.</p>
      ) : null}
      <ErrorSummary error={start.error ?? confirm.error} />
      {!secret ? (
        <form onSubmit={start.onSubmit} noValidate className="form">
          <p>
            Have an authenticator app ready on your phone or computer (for example one your agency approves). The portal
            gives you a secret key to add to it.
          </p>
          <SubmitButton busy={start.busy}>Start set-up</SubmitButton>
        </form>
      ) : (
        <form onSubmit={confirm.onSubmit} noValidate className="form form--tight">
          <h2>1. Add this key to your app</h2>
          <p>Choose to enter a key by hand, and type this secret (spaces do not matter):</p>
          <p className="secret">
            <code data-secret={secret.secretCode}>{secret.secretCode}</code>
          </p>
          <p>
            Or, on a device with the app, open <a href={secret.otpauthUri}>this set-up link</a>.
          </p>
          <h2>2. Enter the code the app shows</h2>
          <TextField
            label="Six-digit code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            pattern="\d{6}"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={confirm.fieldError('code')}
          />
          <SubmitButton busy={confirm.busy}>Confirm code</SubmitButton>
        </form>
      )}
    </div>
  );
};
