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
import { ErrorSummary, SubmitButton, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { AuthenticatorSetup } from '../../components/authenticator-setup.tsx';
import { Alert } from '../../components/alert.tsx';

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
        <Alert type="info">
          <p>Your authenticator app is already set up. Setting it up again replaces it.</p>
        </Alert>
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
          <AuthenticatorSetup
            secret={secret}
            code={code}
            onCode={setCode}
            error={confirm.fieldError('code')}
            busy={confirm.busy}
          />
        </form>
      )}
    </div>
  );
};
