import { obligation, portal } from './entities.ts';
import { acrossShards, dueBefore } from './due-index.ts';
import type { Obligation } from './obligation-records.ts';
import { committed } from './transact.ts';
import type { Delivery } from './delivery-records.ts';
import type { ObligationKind } from '../domain/deadline-schedule.ts';
import type { CategoryId } from '../definitions/categories.ts';

export type { Obligation };
export { openObligation } from './obligation-records.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];
type TransactionEntities = Parameters<Parameters<typeof portal.transaction.write>[0]>[0];

const stored = (item: Obligation) => ({ ...item, remindersSent: [...item.remindersSent] });

/** Transaction parts other data modules use to open and close obligations with their own changes. */
export const putObligation = (entities: TransactionEntities, item: Obligation) =>
  entities.obligation.put(stored(item)).commit();
export const closeObligation = (entities: TransactionEntities, companyId: string, kind: ObligationKind) =>
  entities.obligation.delete({ companyId, kind }).commit();

/** Tests and the benchmark: write one obligation as is. */
export const put = async (item: Obligation): Promise<void> => {
  await obligation.put(stored(item)).go();
};

export const get = async (companyId: string, kind: ObligationKind): Promise<Obligation | null> =>
  ((await obligation.get({ companyId, kind }).go({ consistent: true })).data as Obligation | null) ?? null;

/** A company's open obligations (at most one per kind). */
export const ofCompany = async (companyId: string): Promise<Obligation[]> =>
  (await obligation.query.byCompany({ companyId }).go({ consistent: true })).data as Obligation[];

type Page = { data: Obligation[]; cursor: string | null };

/** Every obligation due at or before `asOf`, from the sparse due-date index. */
export const due = (asOf: string): AsyncGenerator<Obligation> =>
  acrossShards(
    (shard, cursor) =>
      obligation.query
        .byDue({ shard })
        .lt({ dueAt: dueBefore(asOf) })
        .go({ cursor, pages: 1, limit: 100 }) as Promise<Page>,
  );

/** Every open obligation of one category (a revised policy re-times them). */
export async function* inCategory(category: CategoryId): AsyncGenerator<Obligation> {
  let cursor: string | null = null;
  do {
    const page = (await obligation.query.byCategory({ category }).go({ cursor, pages: 1, limit: 100 })) as Page;
    yield* page.data;
    cursor = page.cursor;
  } while (cursor);
}

const isConditionFailure = (error: unknown): boolean =>
  (error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException';

/** The keys of the due-date index are rebuilt from all of their parts. */
const dueKeys = (item: Obligation, dueAt: string) => ({ dueAt, shard: item.shard });

/**
 * Moves an obligation's next look to `dueAt`, only if nobody acted on it since it was read.
 * Answers false when somebody did (another sweep, or the company's own change).
 */
export const reschedule = async (
  item: Obligation,
  next: { dueAt: string; dueDate: string; policyRevision: number },
): Promise<boolean> => {
  try {
    await obligation
      .patch({ companyId: item.companyId, kind: item.kind })
      .set({ ...dueKeys(item, next.dueAt), dueDate: next.dueDate, policyRevision: next.policyRevision })
      .where((attr, op) => op.eq(attr.dueAt, item.dueAt))
      .go();
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
  audit: AuditAttributes,
): Promise<boolean> => {
  const outcome = await portal.transaction
    .write(({ obligation: entity, delivery: deliveries, audit: audits }) => [
      entity
        .patch({ companyId: item.companyId, kind: item.kind })
        .set({ ...dueKeys(item, next.dueAt), dueDate: next.dueDate, policyRevision: next.policyRevision })
        .append({ remindersSent: [...next.marks] })
        .where((attr, op) => op.eq(attr.dueAt, item.dueAt))
        .commit(),
      deliveries.create(delivery).commit(),
      audits.create(audit).commit(),
    ])
    .go();
  return committed(outcome);
};
