/**
 * A company's standing in the program: removal, reinstatement, reapplication and deadline
 * extensions. Each change is one transaction: the company (only if it is still as it was read),
 * its open obligations, the audit record and the notices it sends.
 */
import type { StandingChange } from '../schemas/standing.ts';
import { auditOp } from './audit-store.ts';
import { categoryIndexKey, companyPatchOp } from './company-store.ts';
import { closeDueObligationOp, closeObligationOp, extendEnrollmentOp, obligationOp } from './obligation-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { and, eq, notExists, transact, type WriteOp } from './table-io.ts';
import { committed } from './transact.ts';

export type { StandingChange };

/** The company's side of the change; a new status moves its entry in its category's list. */
const companyOp = (change: StandingChange): WriteOp => {
  const { companyId, category, set } = change;
  return companyPatchOp(
    companyId,
    {
      set: { ...set, ...(set.status ? categoryIndexKey({ category, status: set.status, companyId }) : {}) },
      add: { version: 1 },
      ...(change.remove?.length ? { remove: change.remove } : {}),
    },
    and(
      eq('status', change.expectedStatus),
      change.expectedVersion === undefined ? undefined : eq('version', change.expectedVersion),
      change.requireIncomplete ? notExists('portalUpdateCompletedAt') : undefined,
    ),
  );
};

/** Answers false when the company or obligation was no longer as read (nothing was written). */
export const changeStanding = async (change: StandingChange): Promise<boolean> => {
  const { companyId } = change;
  const { acted, close = [], open = [], extend } = change.obligations;
  const ops = [companyOp(change)];
  if (acted) ops.push(closeDueObligationOp(companyId, acted.kind, acted.dueAt));
  // One transaction may touch an item once: the obligation acted on is already closed above.
  for (const kind of close) if (kind !== acted?.kind) ops.push(closeObligationOp(companyId, kind));
  for (const item of open) ops.push(obligationOp(item));
  if (extend) ops.push(extendEnrollmentOp(companyId, extend));
  ops.push(auditOp(change.audit));
  for (const delivery of change.deliveries) ops.push(deliveryOp(delivery));
  return committed(await transact(ops));
};
