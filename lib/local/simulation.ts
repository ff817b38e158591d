/**
 * Moving the demo's date forward: the daily sweep for each day passed (and, when a sender is
 * given, the email sender after it), each on that day's clock: 00:00 in Washington, the start of
 * the program day (decision 24). `npm run simulate` and its test share this loop.
 */
import { useClock } from '../../functions/domain/clock.ts';
import { addDays, programDayStart } from '../../functions/definitions/program-time.ts';
import type { SweepReport } from '../../functions/domain/sweep.ts';
import type { OutboxReport } from '../../functions/domain/outbox.ts';

export interface SimulationProps {
  /** First and last program day to sweep (`YYYY-MM-DD`), each as of its start in Washington. */
  readonly from: string;
  readonly to: string;
  readonly sweep: (event: { asOf: string }) => Promise<SweepReport>;
  /** The email sender; without it the emails wait in the outbox. */
  readonly send?: () => Promise<OutboxReport>;
  readonly log: (line: string) => void;
}

export interface SimulationTotals {
  readonly days: number;
  readonly reminded: number;
  readonly removed: number;
  readonly emailsQueued: number;
  readonly emailsSent: number;
  readonly actions: readonly string[];
}

export const simulateDays = async (props: SimulationProps): Promise<SimulationTotals> => {
  const totals = { days: 0, reminded: 0, removed: 0, emailsQueued: 0, emailsSent: 0, actions: [] as string[] };
  for (let date = props.from; date <= props.to; date = addDays(date, 1)) {
    const day = programDayStart(date);
    // Everything this day does (the emails' timestamps too) happens on the demo's date.
    useClock({ now: () => day });
    const report = await props.sweep({ asOf: day.toISOString() });
    const sent = props.send ? await props.send() : undefined;
    totals.days += 1;
    totals.reminded += report.reminded;
    totals.removed += report.removed;
    totals.emailsQueued += report.emailsQueued;
    totals.emailsSent += sent?.sent ?? 0;
    for (const line of report.actions) {
      totals.actions.push(`${date}  ${line}`);
      props.log(`  ${date}  ${line}`);
    }
    if (sent && (sent.retrying || sent.failed))
      props.log(`  ${date}  outbox: ${sent.retrying} retrying, ${sent.failed} failed`);
  }
  return totals;
};
