import { inject } from 'vitest';
import { streamPoller } from './stream.ts';

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

/**
 * Every email the SES emulator holds for `address`, once the portal has sent what it owed. Email
 * goes out after the request that decided it has answered (the table's stream hands each new
 * delivery to its sender), so a test reads it through this, never right after the request:
 * it polls until at least `expected` emails (those `where` accepts, if given) are there, failing
 * after `timeoutMs`, then waits until the stream has been handled up to now and reads again, so
 * a duplicate or an email that should not exist is there too for the caller's exact assertions.
 */
export const waitForMail = async (
  address: string,
  expected: number,
  where?: (email: StoredEmail) => boolean,
  timeoutMs = 20_000,
): Promise<StoredEmail[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = await mailTo(address);
    const counted = where ? mail.filter(where) : mail;
    if (counted.length >= expected) break;
    if (Date.now() > deadline)
      throw new Error(
        `waited ${timeoutMs / 1000} s for ${expected} email(s) to ${address}${where ? ' of the kind asked for' : ''}, ` +
          `and the SES emulator holds ${counted.length} (all its emails to that address: ${JSON.stringify(mail.map((m) => m.subject))})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await streamPoller().settled();
  return mailTo(address);
};

/** The temporary password an invitation carries. */
export const temporaryPasswordIn = (email: StoredEmail): string => {
  const match = /temporary password: (\S+)/.exec(email.body.text ?? '');
  if (!match?.[1]) throw new Error(`no temporary password in: ${email.body.text}`);
  return match[1];
};
