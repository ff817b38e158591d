/**
 * Validations (decision 96).
 *
 * Item: pk `COMPANY#<companyId>`, sk `VALIDATION#<validationId>`, the validation with its required
 * actions (at most 50). Each change is one transaction: the validation (new, or at the version
 * read), its audit record and notices and, when it closes, the company's move to validated.
 */
import type { Validation, ValidationChange } from '../schemas/validations.ts';
import { auditOp } from './audit-store.ts';
import { companyPatchOp } from './company-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { and, createOp, eq, getItem, key, putOp, queryAll, transact, type WriteOp } from './table-io.ts';
import { committed } from './transact.ts';

export type { ValidationChange };

const validationKey = (companyId: string, validationId: string) =>
  key(`COMPANY#${companyId}`, `VALIDATION#${validationId}`);

export const get = (companyId: string, validationId: string): Promise<Validation | null> =>
  getItem<Validation>(validationKey(companyId, validationId));

/** The company's validations, newest first (a company has a few, one every few years). */
export const list = (companyId: string): Promise<Validation[]> =>
  queryAll<Validation>({ partition: `COMPANY#${companyId}`, sort: { beginsWith: 'VALIDATION#' } }, { order: 'desc' });

/** Answers false when the validation or the company was no longer as read (nothing was written). */
export const save = async (change: ValidationChange): Promise<boolean> => {
  const { validation } = change;
  const item = { ...validationKey(validation.companyId, validation.validationId), ...validation };
  const ops: WriteOp[] = [
    change.expectedVersion === undefined ? createOp(item) : putOp(item, eq('version', change.expectedVersion)),
    auditOp(change.audit),
    ...change.deliveries.map(deliveryOp),
  ];
  const validated = change.companyValidated;
  if (validated)
    ops.push(
      companyPatchOp(
        validation.companyId,
        { set: { ...validated.set }, add: { version: 1 } },
        and(eq('status', 'active'), eq('version', validated.expectedVersion)),
      ),
      auditOp(validated.audit),
    );
  return committed(await transact(ops));
};
