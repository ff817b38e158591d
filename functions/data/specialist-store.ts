/**
 * Each company's Supply Chain Security Specialist (decision 93).
 *
 * Item: pk `SCSS#<userId>`, sk `COMPANY#<companyId>`, one per company a specialist has, so their
 * companies are one Query; the company's own `specialist` field says who it is. An assignment is
 * one transaction: the company (only at the version read), the new entry, the end of the previous
 * specialist's entry, and the audit record.
 */
import type { Company } from '../schemas/company.ts';
import type { SpecialistAssignment } from '../schemas/specialists.ts';
import { auditOp } from './audit-store.ts';
import { companyKey, companyPatchOp } from './company-store.ts';
import { deleteOp, eq, getItems, key, putOp, queryAll, transact, type WriteOp } from './table-io.ts';
import { committed } from './transact.ts';

export type { SpecialistAssignment };

const BATCH_KEYS = 100;

export const assignmentKey = (userId: string, companyId: string) => key(`SCSS#${userId}`, `COMPANY#${companyId}`);

/** Answers false when the company was no longer at the version read (nothing was written). */
export const assign = async (change: SpecialistAssignment): Promise<boolean> => {
  const { companyId, specialist, previousUserId } = change;
  const ops: WriteOp[] = [
    companyPatchOp(companyId, { set: { specialist }, add: { version: 1 } }, eq('version', change.expectedVersion)),
    putOp({
      ...assignmentKey(specialist.userId, companyId),
      companyId,
      userId: specialist.userId,
      assignedAt: specialist.assignedAt,
    }),
  ];
  if (previousUserId && previousUserId !== specialist.userId)
    ops.push(deleteOp(assignmentKey(previousUserId, companyId)));
  ops.push(auditOp(change.audit));
  return committed(await transact(ops));
};

/** Every company a specialist has, read whole (a Query of their entries, then the companies 100 at a time). */
export const companiesOf = async (userId: string): Promise<Company[]> => {
  const entries = await queryAll<{ companyId: string }>(
    { partition: `SCSS#${userId}`, sort: { beginsWith: 'COMPANY#' } },
    { attributes: ['companyId'] },
  );
  const companies: Company[] = [];
  for (let i = 0; i < entries.length; i += BATCH_KEYS)
    companies.push(...(await getItems<Company>(entries.slice(i, i + BATCH_KEYS).map((e) => companyKey(e.companyId)))));
  return companies;
};
