/**
 * The store of open obligations (the deadline schedule's work items): a company's enrollment
 * deadline until its portal update is complete, and its annual recertification.
 *
 * Item: pk `COMPANY#<companyId>`, sk `OBLIGATION#<kind>`; on gsi1 `OBLIGATIONS#<category>` /
 * `<kind>#<companyId>` (a revised category policy re-times exactly its open obligations); on
 * the sparse due-date index `DUE#<shard>` / `<dueAt>#<companyId>#<kind>`.
 */
import type { CategoryId } from '../definitions/categories.ts';
import type { Obligation, ObligationKind } from '../schemas/obligations.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Delivery } from '../schemas/outbox.ts';
import { auditOp } from './audit-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { committed } from './transact.ts';
import { dueBefore, dueItems } from './due-index.ts';
import {
  deleteOp,
  eq,
  getItem,
  indexKey,
  isConditionFailure,
  key,
  patchOp,
  putOp,
  queryAll,
  queryPage,
  transact,
  write,
  type Page,
  type WriteOp,
} from './table-io.ts';

export type { Obligation };

const obligationKey = (companyId: string, kind: ObligationKind) => key(`COMPANY#${companyId}`, `OBLIGATION#${kind}`);
const dueKey = (item: Pick<Obligation, 'shard' | 'companyId' | 'kind'>, dueAt: string) =>
  indexKey('due', `DUE#${item.shard}`, `${dueAt}#${item.companyId}#${item.kind}`);

/** The write that opens (or replaces) an obligation, for a transaction with the change that opens it. */
export const obligationOp = (item: Obligation): WriteOp =>
  putOp({
    ...obligationKey(item.companyId, item.kind),
    ...indexKey('gsi1', `OBLIGATIONS#${item.category}`, `${item.kind}#${item.companyId}`),
    ...dueKey(item, item.dueAt),
    ...item,
    remindersSent: [...item.remindersSent],
  });

/** The delete that closes an obligation (absent or not), for a transaction with the change that closes it. */
export const closeObligationOp = (companyId: string, kind: ObligationKind): WriteOp =>
  deleteOp(obligationKey(companyId, kind));

/**
 * The delete that closes the obligation a sweep read, refused (a failed condition) when it is no
 * longer due at `dueAt`: somebody acted on it since it was read.
 */
export const closeDueObligationOp = (companyId: string, kind: ObligationKind, dueAt: string): WriteOp =>
  deleteOp(obligationKey(companyId, kind), eq('dueAt', dueAt));

/**
 * The change that gives an open enrollment obligation a later deadline, due at `dueAt` for the
 * next sweep to compute its new schedule; refused when the company has no open enrollment.
 */
export const extendEnrollmentOp = (
  companyId: string,
  next: { extendedTo: string; dueAt: string; shard: string },
): WriteOp =>
  patchOp(obligationKey(companyId, 'enrollment'), {
    set: { ...next, ...dueKey({ shard: next.shard, companyId, kind: 'enrollment' }, next.dueAt) },
  });

/** Tests and the benchmark: write one obligation as is. */
export const put = (item: Obligation): Promise<void> => write(obligationOp(item));

export const get = (companyId: string, kind: ObligationKind): Promise<Obligation | null> =>
  getItem<Obligation>(obligationKey(companyId, kind), { consistent: true });

/** A company's open obligations (at most one per kind). */
export const ofCompany = (companyId: string): Promise<Obligation[]> =>
  queryAll<Obligation>(
    { partition: `COMPANY#${companyId}`, sort: { beginsWith: 'OBLIGATION#' } },
    { consistent: true },
  );

/** Every obligation due at or before `asOf`, from the sparse due-date index. */
export const due = (asOf: string): AsyncGenerator<Obligation> =>
  dueItems<Obligation>((shard) => `DUE#${shard}`, dueBefore(asOf));

/** Every open obligation of one category (a revised policy re-times them). */
export async function* inCategory(category: CategoryId): AsyncGenerator<Obligation> {
  let cursor: string | null = null;
  do {
    const page: Page<Obligation> = await queryPage<Obligation>(
      { index: 'gsi1', partition: `OBLIGATIONS#${category}` },
      cursor,
      100,
    );
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}

/** The new schedule, with the due-date index keys rebuilt from all of their parts. */
const rescheduled = (item: Obligation, next: { dueAt: string; dueDate: string; policyRevision: number }) => ({
  dueAt: next.dueAt,
  dueDate: next.dueDate,
  policyRevision: next.policyRevision,
  ...dueKey(item, next.dueAt),
});

/**
 * Moves an obligation's next look to `dueAt`, only if nobody acted on it since it was read.
 * Answers false when somebody did (another sweep, or the company's own change).
 */
export const reschedule = async (
  item: Obligation,
  next: { dueAt: string; dueDate: string; policyRevision: number },
): Promise<boolean> => {
  try {
    await write(
      patchOp(obligationKey(item.companyId, item.kind), { set: rescheduled(item, next) }, eq('dueAt', item.dueAt)),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * Records reminder steps as sent and queues the reminder email with its audit record, all or
 * nothing, only if nobody acted on the obligation since it was read: the step goes out once.
 */
export const remind = async (
  item: Obligation,
  next: { dueAt: string; dueDate: string; marks: readonly string[]; policyRevision: number },
  delivery: Delivery,
  audit: AuditRecord,
): Promise<boolean> =>
  committed(
    await transact([
      patchOp(
        obligationKey(item.companyId, item.kind),
        { set: rescheduled(item, next), append: { remindersSent: [...next.marks] } },
        eq('dueAt', item.dueAt),
      ),
      deliveryOp(delivery),
      auditOp(audit),
    ]),
  );

/**
 * A change to an open obligation's copy of company data (its contacts' addresses), for a
 * transaction with the company's own change; refused when the obligation was closed meanwhile.
 * Never a part of an index key (`dueAt`, `category`, `shard`): those move with `reschedule`.
 */
export const obligationPatchOp = (
  companyId: string,
  kind: ObligationKind,
  set: Partial<Pick<Obligation, 'pocEmail' | 'secondaryEmail'>>,
): WriteOp => patchOp(obligationKey(companyId, kind), { set });
