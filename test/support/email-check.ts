/**
 * The email-content check at the end of an emulator run (global teardown): every email the SES
 * emulator stored, against every confidential value any worker recorded (`confidential-log.ts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLeaks, leakReport, summary, type CheckedEmail, type Confidential } from './email-leaks.ts';

/** Every value any worker recorded in the run's folder. */
export const readRecorded = (dir: string): Confidential[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.jsonl'))
        .flatMap((name) =>
          readFileSync(join(dir, name), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Confidential),
        )
    : [];

/** Prints the verdict, and throws (failing the run) when any email carries a recorded value. */
export const checkEmailContent = async (options: {
  sesEndpoint: string;
  recordDir: string;
  programMailbox: string;
  log: (line: string) => void;
}): Promise<void> => {
  const response = await fetch(`${options.sesEndpoint}/store`);
  if (!response.ok) throw new Error(`email content check: the SES emulator's store answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: CheckedEmail[] };
  const values = readRecorded(options.recordDir);
  const leaks = findLeaks(emails, values, options.programMailbox);
  options.log(summary(emails.length, values, leaks));
  if (leaks.length > 0) throw new Error(leakReport(leaks));
};
