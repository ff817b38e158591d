/**
 * A company's program status (decision 92): each change is one transaction of the company (only
 * while it is in the program and at the version read), the audit record and the notice it sends.
 * Its item is the company's (`company-store.ts`); its list entry does not move, since the
 * category's list is keyed by membership, not by program status.
 */
import type { ProgramStatusChange } from '../schemas/program-status.ts';
import { auditOp } from './audit-store.ts';
import { companyPatchOp } from './company-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { and, eq, transact } from './table-io.ts';
import { committed } from './transact.ts';

export type { ProgramStatusChange };

/** Answers false when the company was no longer as read (nothing was written). */
export const changeProgramStatus = async (change: ProgramStatusChange): Promise<boolean> =>
  committed(
    await transact([
      companyPatchOp(
        change.companyId,
        { set: { ...change.set }, add: { version: 1 }, ...(change.remove.length ? { remove: change.remove } : {}) },
        and(eq('status', 'active'), eq('version', change.expectedVersion)),
      ),
      auditOp(change.audit),
      ...change.deliveries.map(deliveryOp),
    ]),
  );
