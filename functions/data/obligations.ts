/**
 * The ElectroDB transaction parts of obligations, for modules not yet on the stores
 * (obligation-store.ts has everything else). Removed with entities.ts.
 */
import type { portal } from './entities.ts';
import type { Obligation } from './obligation-records.ts';
import type { ObligationKind } from '../schemas/obligations.ts';

export type { Obligation };

type TransactionEntities = Parameters<Parameters<typeof portal.transaction.write>[0]>[0];

const stored = (item: Obligation) => ({ ...item, remindersSent: [...item.remindersSent] });

/** Transaction parts other data modules use to open and close obligations with their own changes. */
export const putObligation = (entities: TransactionEntities, item: Obligation) =>
  entities.obligation.put(stored(item)).commit();
export const closeObligation = (entities: TransactionEntities, companyId: string, kind: ObligationKind) =>
  entities.obligation.delete({ companyId, kind }).commit();
