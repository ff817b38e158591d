import { inject } from 'vitest';

export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { to: string[]; cc: string[]; bcc: string[] };
  readonly subject: string;
  readonly body: { text?: string; html?: string };
  readonly at: number;
}

/** Every email the SES emulator holds for `address` (the emulator's store is shared by the run). */
export const mailTo = async (address: string): Promise<StoredEmail[]> => {
  const { sesEndpoint } = inject('backends');
  const store = (await (await fetch(`${sesEndpoint}/store`)).json()) as { emails: StoredEmail[] };
  return store.emails.filter((e) =>
    [...e.destination.to, ...e.destination.cc, ...e.destination.bcc]
      .map((a) => a.toLowerCase())
      .includes(address.toLowerCase()),
  );
};

/** The temporary password an invitation carries. */
export const temporaryPasswordIn = (email: StoredEmail): string => {
  const match = /temporary password: (\S+)/.exec(email.body.text ?? '');
  if (!match?.[1]) throw new Error(`no temporary password in: ${email.body.text}`);
  return match[1];
};
