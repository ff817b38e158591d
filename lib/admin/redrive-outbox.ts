/**
 * The core of `npm run outbox -- redrive`: re-drives the deliveries marked failed since a time
 * (functions/domain/redrive.ts), as the operator named, then follows the new deliveries until the
 * table's stream has sent them. Import it only once the environment names the target
 * (lib/admin/target.ts): the stores read it at load. It needs the table alone: sending is the
 * stream consumers' work, in AWS and locally alike.
 */
import { systemClock, uuidIds } from '../../functions/domain/clock.ts';
import { redriveFailed, type RedriveReport, type RedriveStep } from '../../functions/domain/redrive.ts';
import { operatorActor } from '../../functions/domain/staff.ts';
import * as outboxStore from '../../functions/data/outbox-store.ts';

const deps = { clock: systemClock, ids: uuidIds, outbox: outboxStore };

export interface RedriveOutboxInput {
  /** An ISO instant: deliveries that failed at or after it (see `since.ts`). */
  readonly since: string;
  readonly dryRun: boolean;
  /** Who runs the command, for the audit records (default the OS user). */
  readonly operator: string;
  readonly host: string;
  /** How long to follow the new deliveries (0: not at all). */
  readonly waitSeconds: number;
}

export interface Followed {
  readonly sent: number;
  readonly failed: number;
  readonly pending: number;
}

const describe = (step: RedriveStep, index: number): string => {
  const d = step.failed;
  const head = `${index}. ${d.deliveryId} (${d.template}, failed ${d.failedAt ?? '?'})`;
  switch (step.outcome) {
    case 'redriven':
      return `${head}: ${step.recipients} recipient(s) handed to ${step.replacement}`;
    case 'would-redrive':
      return `${head}: would re-send to ${step.recipients} recipient(s)`;
    case 'refused':
      return `${head}: not re-sent: ${step.reason}`;
    case 'taken':
      return `${head}: changed meanwhile (another re-drive took it): left alone`;
  }
};

/** Reads the new deliveries until each is sent or failed again, or `waitSeconds` pass; logs each change. */
const follow = async (ids: readonly string[], waitSeconds: number, log: (line: string) => void): Promise<Followed> => {
  const deadline = Date.now() + waitSeconds * 1000;
  let last = '';
  for (;;) {
    const states = await Promise.all(ids.map((id) => outboxStore.get(id)));
    const sent = states.filter((d) => d?.status === 'sent').length;
    const failed = states.filter((d) => d?.status === 'failed').length;
    const pending = ids.length - sent - failed;
    const line = `sent ${sent} of ${ids.length}, failed again ${failed}, waiting ${pending}`;
    if (line !== last) log(line);
    last = line;
    if (pending === 0 || Date.now() >= deadline) {
      if (pending > 0)
        log(
          `stopped following after ${waitSeconds} s: the ${pending} still waiting are pending in the outbox, and its scheduled sender retries them`,
        );
      return { sent, failed, pending };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

/** Re-drives (or, dry, lists) what failed since `input.since`; `log` shows each step and the sending. */
export const redriveOutbox = async (
  input: RedriveOutboxInput,
  log: (line: string) => void,
): Promise<RedriveReport & { followed?: Followed }> => {
  const actor = operatorActor(input.operator, input.host);
  log(
    `${input.dryRun ? 'dry run: listing' : 're-driving'} the deliveries marked failed since ${input.since}` +
      `${input.dryRun ? '' : ` (recorded as ${actor.userId})`} ...`,
  );
  const report = await redriveFailed(deps, actor, { since: input.since, dryRun: input.dryRun }, (step, i) =>
    log(describe(step, i)),
  );
  log(
    `${report.failed} marked failed: ${report.redriven} ${input.dryRun ? 'would be re-driven' : 're-driven'} ` +
      `(${report.recipients} recipient(s)), ${report.refused} not re-sendable, ${report.taken} taken by another re-drive`,
  );
  if (input.dryRun || report.replacements.length === 0 || input.waitSeconds <= 0) return report;
  log("following the new deliveries as the table's stream sends them ...");
  return { ...report, followed: await follow(report.replacements, input.waitSeconds, log) };
};
