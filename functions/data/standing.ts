/**
 * A company's standing in the program: removal, reinstatement, reapplication and deadline
 * extensions. Each change is one transaction: the company (only if it is still as it was read),
 * its open obligations, the audit record and the notices it sends.
 */
import { portal } from './entities.ts';
import { committed } from './transact.ts';
import { closeObligation, putObligation } from './obligations.ts';
import type { Obligation } from './obligation-records.ts';
import type { Delivery } from './delivery-records.ts';
import type { ObligationKind } from '../domain/deadline-schedule.ts';
import type { Company } from '../schemas/company.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];
type Settable = Partial<
  Pick<
    Company,
    'status' | 'removal' | 'reinstatedAt' | 'reapplication' | 'deadlineExtendedTo' | 'nextCertificationDueAt'
  >
>;
type Removable =
  | 'removal'
  | 'reapplication'
  | 'portalUpdateCompletedAt'
  | 'nextCertificationDueAt'
  | 'certificationStatus'
  | 'deadlineExtendedTo';

export interface StandingChange {
  readonly companyId: string;
  /** The company must still be in this status ... */
  readonly expectedStatus: Company['status'];
  /** ... and at this version (omitted by the sweep, which acts on the obligation it read). */
  readonly expectedVersion?: number;
  /** ... and, for an extension, must not have completed its portal update. */
  readonly requireIncomplete?: boolean;
  readonly set: Settable;
  readonly remove?: readonly Removable[];
  /** The change always bumps the company's version; these are the obligations it opens and closes. */
  readonly obligations: {
    /** The obligation the sweep read: it must still be due at `dueAt`, and is closed. */
    readonly acted?: { readonly kind: ObligationKind; readonly dueAt: string };
    readonly close?: readonly ObligationKind[];
    readonly open?: readonly Obligation[];
    /** An extension moves the enrollment obligation's deadline and asks for a new schedule. */
    readonly extend?: { readonly extendedTo: string; readonly shard: string; readonly dueAt: string };
  };
  readonly audit: AuditAttributes;
  readonly deliveries: readonly Delivery[];
}

/** Answers false when the company or obligation was no longer as read (nothing was written). */
export const changeStanding = async (change: StandingChange): Promise<boolean> => {
  const { companyId } = change;
  const outcome = await portal.transaction
    .write((entities) => {
      let companyPatch = entities.company.patch({ companyId }).set(change.set).add({ version: 1 });
      if (change.remove?.length) companyPatch = companyPatch.remove([...change.remove]);
      const parts = [
        companyPatch
          .where((attr, op) =>
            [
              op.eq(attr.status, change.expectedStatus),
              ...(change.expectedVersion === undefined ? [] : [op.eq(attr.version, change.expectedVersion)]),
              ...(change.requireIncomplete ? [op.notExists(attr.portalUpdateCompletedAt)] : []),
            ].join(' AND '),
          )
          .commit(),
      ];
      const { acted, close = [], open, extend } = change.obligations;
      if (acted) {
        parts.push(
          entities.obligation
            .delete({ companyId, kind: acted.kind })
            .where((attr, op) => op.eq(attr.dueAt, acted.dueAt))
            .commit(),
        );
      }
      for (const kind of close) if (kind !== acted?.kind) parts.push(closeObligation(entities, companyId, kind));
      for (const item of open ?? []) parts.push(putObligation(entities, item));
      if (extend) {
        parts.push(
          entities.obligation
            .patch({ companyId, kind: 'enrollment' })
            .set({ extendedTo: extend.extendedTo, dueAt: extend.dueAt, shard: extend.shard })
            .commit(),
        );
      }
      parts.push(entities.audit.create(change.audit).commit());
      for (const delivery of change.deliveries) parts.push(entities.delivery.create(delivery).commit());
      return parts;
    })
    .go();
  return committed(outcome);
};
