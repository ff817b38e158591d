import { readFileSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * The password-reset code cognito-local issued to `email`. In AWS Cognito emails it; the
 * emulator prints it and keeps it with the user in its data file, which is where tests read it.
 */
export const resetCodeFor = (email: string): string => {
  const pool = JSON.parse(readFileSync(inject('backends').cognitoPoolFile, 'utf8')) as {
    Users: Record<string, { Attributes: { Name: string; Value: string }[]; ConfirmationCode?: string }>;
  };
  const user = Object.values(pool.Users).find((u) => u.Attributes.some((a) => a.Name === 'email' && a.Value === email));
  if (!user?.ConfirmationCode) throw new Error(`no reset code for ${email}`);
  return user.ConfirmationCode;
};
