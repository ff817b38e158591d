/**
 * Moving the demo's date forward: the daily sweep for each day passed (and, when a sender is
 * given, the email sender after it), each on that day's clock. `npm run simulate` and its test
 * share this loop.
 */
import { useClock } from '../../functions/domain/deps.ts';
import type { SweepReport } from '../../functions/domain/sweep.ts';
import type { OutboxReport } from '../../functions/domain/outbox.ts';

const DAY_MS = 86_400_000;

export interface SimulationProps {
  /** First and last day to sweep, at 00:00 UTC. */
  readonly from: Date;
  readonly to: Date;
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
  for (let day = props.from; day <= props.to; day = new Date(day.getTime() + DAY_MS)) {
    const date = day.toISOString().slice(0, 10);
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
    if (sent && (sent.retrying || sent.failed)) props.log(`  ${date}  outbox: ${sent.retrying} retrying, ${sent.failed} failed`);
  }
  return totals;
};
