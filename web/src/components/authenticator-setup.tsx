/**
 * Setting up an authenticator app: the secret to type into the app (or its set-up link), then the
 * app's first code. Shown inside the sign-in (MFA_SETUP, CBP staff) and on the set-up page.
 */
import { SubmitButton, TextField } from './form.tsx';

export const SixDigitCode = ({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) => (
  <TextField
    label="Six-digit code"
    inputMode="numeric"
    autoComplete="one-time-code"
    required
    pattern="\d{6}"
    value={value}
    onChange={(e) => onChange(e.target.value)}
    error={error}
  />
);

export const AuthenticatorSetup = ({
  secret,
  code,
  onCode,
  error,
  busy,
}: {
  secret: { readonly secretCode: string; readonly otpauthUri: string };
  code: string;
  onCode: (code: string) => void;
  error: string | undefined;
  busy: boolean;
}) => (
  <>
    <h2>1. Add this key to your app</h2>
    <p>Choose to enter a key by hand, and type this secret (spaces do not matter):</p>
    <p className="secret">
      <code data-secret={secret.secretCode}>{secret.secretCode}</code>
    </p>
    <p>
      Or, on a device with the app, open <a href={secret.otpauthUri}>this set-up link</a>.
    </p>
    <h2>2. Enter the code the app shows</h2>
    <SixDigitCode value={code} onChange={onCode} error={error} />
    <SubmitButton busy={busy}>Confirm code</SubmitButton>
  </>
);
