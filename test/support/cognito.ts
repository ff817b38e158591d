import { readFileSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * The password-reset code cognito-local issued to `email`. In AWS Cognito emails it; the
 * emulator prints it and keeps it with the user in its data file, which is where tests read it.
 */
interface StoredUser {
  Attributes: { Name: string; Value: string }[];
  ConfirmationCode?: string;
  SoftwareTokenMfaConfiguration?: { Secret?: string; Verified?: boolean };
}

/** The user with `email` in either pool's data file (participants', CBP staff's). */
const storedUser = (email: string): StoredUser | undefined => {
  const backends = inject('backends');
  for (const file of [backends.cognitoPoolFile, backends.staffPoolFile]) {
    const pool = JSON.parse(readFileSync(file, 'utf8')) as { Users: Record<string, StoredUser> };
    const user = Object.values(pool.Users).find((u) =>
      u.Attributes.some((a) => a.Name === 'email' && a.Value === email),
    );
    if (user) return user;
  }
  return undefined;
};

export const resetCodeFor = (email: string): string => {
  const user = storedUser(email);
  if (!user?.ConfirmationCode) throw new Error(`no reset code for ${email}`);
  return user.ConfirmationCode;
};

/** The secret of the authenticator app `email` set up (another worker's sign-in may have set it up). */
export const authenticatorSecretOf = (email: string): string => {
  const secret = storedUser(email)?.SoftwareTokenMfaConfiguration?.Secret;
  if (!secret) throw new Error(`${email} has no authenticator app`);
  return secret;
};
