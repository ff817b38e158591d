/**
 * Re-driving the outbox (issue 25, item 4): an operator sends again what gave up, once the cause
 * is fixed (the templates re-created, the sender verified). Each delivery marked failed since a
 * time hands its recipients not yet sent to a new delivery, which the table's stream sends as it
 * sends every new one; the failed one becomes `redriven` in the same transaction, with the audit
 * record naming the operator. That transition is conditional, so two re-drives at once, or a
 * re-drive run twice, hand each delivery over once, and recipients already sent are never in it.
 */
import type { Actor } from './audit.ts';
import { auditItem } from './audit.ts';
import type { Clock, Ids } from './clock.ts';
import { newDelivery } from './deliveries.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { EMAIL_TEMPLATES } from '../definitions/email-templates.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { laneOf, type Delivery } from '../schemas/outbox.ts';

export interface RedriveStore {
  /** Deliveries marked failed at or after `since`. */
  failedSince(since: string): AsyncIterable<Delivery>;
  get(deliveryId: string): Promise<Delivery | null>;
  /** Hands `failed` over to `replacement` with the audit record, if it is still failed as read; false if not. */
  redrive(failed: Delivery, replacement: Delivery, audit: AuditRecord): Promise<boolean>;
}

export interface RedriveDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly outbox: RedriveStore;
}

/**
 * Templates whose recipients' own data a finished delivery no longer holds: an invitation's
 * temporary password is dropped once it is sent or fails, so re-sending it would mail a blank one.
 */
const NOT_RESENDABLE: Readonly<Record<string, string>> = {
  [EMAIL_TEMPLATES.invitation.name]:
    "its temporary password is not kept: send a new invitation (the portal's resend, or ask again)",
};

export type RedriveStep =
  | {
      readonly outcome: 'redriven';
      readonly failed: Delivery;
      readonly replacement: string;
      readonly recipients: number;
    }
  | { readonly outcome: 'would-redrive'; readonly failed: Delivery; readonly recipients: number }
  | { readonly outcome: 'refused'; readonly failed: Delivery; readonly reason: string }
  /** Another re-drive (or anything else) changed it between the read and the write. */
  | { readonly outcome: 'taken'; readonly failed: Delivery };

export interface RedriveReport {
  readonly failed: number;
  readonly redriven: number;
  readonly refused: number;
  readonly taken: number;
  /** The new deliveries, to follow until they are sent. */
  readonly replacements: readonly string[];
  /** Recipients handed over (or, in a dry run, that would be). */
  readonly recipients: number;
}

/** Writes that lost to another transaction on the same item are read again and tried this often. */
const TRIES = 3;

/**
 * Re-drives every delivery marked failed since `since` (a dry run only reports), calling `onStep`
 * as each is handled. One that cannot be sent again as it is (an invitation) is left failed and
 * reported with what to do instead.
 */
export const redriveFailed = async (
  deps: RedriveDeps,
  operator: Actor,
  input: { readonly since: string; readonly dryRun: boolean },
  onStep: (step: RedriveStep, index: number) => void,
): Promise<RedriveReport> => {
  const counts = { failed: 0, redriven: 0, refused: 0, taken: 0, recipients: 0 };
  const replacements: string[] = [];
  for await (const listed of deps.outbox.failedSince(input.since)) {
    counts.failed += 1;
    const step = await redriveOne(deps, operator, listed, input);
    if (step.outcome === 'redriven') replacements.push(step.replacement);
    if (step.outcome === 'redriven' || step.outcome === 'would-redrive') {
      counts.redriven += 1;
      counts.recipients += step.recipients;
    } else counts[step.outcome] += 1;
    onStep(step, counts.failed);
  }
  return { ...counts, replacements };
};

const redriveOne = async (
  deps: RedriveDeps,
  operator: Actor,
  listed: Delivery,
  input: { readonly since: string; readonly dryRun: boolean },
): Promise<RedriveStep> => {
  let failed = listed;
  for (let attempt = 1; ; attempt += 1) {
    const refusal = NOT_RESENDABLE[failed.template];
    if (refusal) return { outcome: 'refused', failed, reason: refusal };
    const unsent = failed.recipients.filter((r) => failed.results[r.email]?.status !== 'sent');
    if (unsent.length === 0) return { outcome: 'refused', failed, reason: 'every recipient was sent already' };
    if (input.dryRun) return { outcome: 'would-redrive', failed, recipients: unsent.length };
    const now = deps.clock.now();
    const replacement: Delivery = {
      ...newDelivery({
        deliveryId: deps.ids.next(),
        template: failed.template,
        recipients: unsent,
        defaultData: failed.defaultData,
        reason: failed.reason,
        now: now.toISOString(),
        lane: laneOf(failed),
      }),
      redriveOf: failed.deliveryId,
    };
    const audit = auditItem(
      operator,
      {
        companyId: CBP_COMPANY_ID,
        action: 'outbox.redriven',
        objectType: 'delivery',
        objectId: failed.deliveryId,
        changes: {
          replacement: replacement.deliveryId,
          template: failed.template,
          recipients: unsent.length,
          failedAt: failed.failedAt,
          since: input.since,
        },
      },
      now,
      deps.ids.next(),
    );
    if (await deps.outbox.redrive(failed, replacement, audit))
      return { outcome: 'redriven', failed, replacement: replacement.deliveryId, recipients: unsent.length };
    // Lost: read it again. Still failed as before means a transaction collided with ours: try again.
    const current = await deps.outbox.get(failed.deliveryId);
    if (!current || current.status !== 'failed' || current.attempts !== failed.attempts || attempt >= TRIES)
      return { outcome: 'taken', failed };
    failed = current;
  }
};
