/**
 * Items a test or a benchmark writes straight to the table, for what the code under test does not
 * make itself (thousands of users, a backlog of mail, an alert stored before a rule existed).
 * Each carries the keys the data layer gives it: built by the item's store where there is one,
 * otherwise here from the same key templates.
 */
import { companyItem } from '../../functions/data/company-store.ts';
import { memberKey } from '../../functions/data/membership-store.ts';
import { obligationOp } from '../../functions/data/obligation-store.ts';
import { deliveryOp } from '../../functions/data/outbox-store.ts';
import { auditOp } from '../../functions/data/audit-store.ts';
import { createOp, indexKey, key, type Item, type WriteOp } from '../../functions/data/table-io.ts';
import type { AuditRecord } from '../../functions/schemas/audit.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { Obligation } from '../../functions/schemas/obligations.ts';
import type { Delivery } from '../../functions/schemas/outbox.ts';
import { putItems, writeItem, type MemberRecord } from './table.ts';

/** The whole item a store's put op writes. */
const itemOf = (op: WriteOp): Item => {
  if (!('Put' in op)) throw new Error('Not a put: no whole item to write.');
  return op.Put.Item;
};

/** Companies, each replacing any with its id. */
export const putCompanies = (companies: readonly Company[]) => putItems(companies.map(companyItem));

/** Members of companies (without their email claims or Cognito users: the code under test does not sign them in). */
export const putMembers = (members: readonly MemberRecord[]) =>
  putItems(members.map((m) => ({ ...memberKey(m.companyId, m.userId), ...m })));

/** Open obligations, each replacing any of its company and kind. */
export const putObligations = (obligations: readonly Obligation[]) =>
  putItems(obligations.map((o) => itemOf(obligationOp(o))));

/** Audit records with the keys the audit store gives them (a trail of years, without years of requests). */
export const putAuditRecords = (records: readonly AuditRecord[]) => putItems(records.map((r) => itemOf(auditOp(r))));

/** Deliveries in the outbox, each replacing any with its id. */
export const putDeliveries = (deliveries: readonly Delivery[]) =>
  putItems(deliveries.map((d) => itemOf(deliveryOp(d))));

/** An alert as stored, whatever rules its input would meet today. */
export interface StoredAlert {
  readonly alertId: string;
  readonly kind: 'cargo-security-alert' | 'sanitized-intelligence';
  readonly title: string;
  readonly body: string;
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly audience: unknown;
  readonly status: 'awaiting-approval' | 'published';
  readonly createdBy: string;
  readonly createdAt: string;
  readonly publishedAt?: string;
}

/** An alert: at `ALERT#<alertId>` / `ALERT`, and on the general index in CBP's list of every alert. */
export const putAlert = (alert: StoredAlert) =>
  putItems([
    {
      ...key(`ALERT#${alert.alertId}`, 'ALERT'),
      ...indexKey('gsi1', 'ALERTS', `${alert.createdAt}#${alert.alertId}`),
      ...alert,
    },
  ]);

/** An alert's fan-out still to run. */
export interface StoredFanOut {
  readonly alertId: string;
  readonly shard: string;
  readonly dueAt: string;
  readonly cursor: string;
  readonly pages: number;
  readonly companies: number;
  readonly recipients: number;
}

/** A fan-out: at `ALERT#<alertId>` / `FANOUT`, and on the due-date index under `FANOUT#<shard>` until done. */
export const putFanOut = (fanOut: StoredFanOut) =>
  putItems([
    {
      ...key(`ALERT#${fanOut.alertId}`, 'FANOUT'),
      ...indexKey('due', `FANOUT#${fanOut.shard}`, `${fanOut.dueAt}#${fanOut.alertId}`),
      ...fanOut,
    },
  ]);

/** A certification as the company submits it. */
export interface StoredCertification {
  readonly companyId: string;
  readonly certificationId: string;
  readonly profileVersion: number;
  readonly certifiedBy: string;
  readonly certifiedAt: string;
  readonly nextDueAt: string;
  readonly status: 'submitted' | 'approved' | 'returned';
}

/** A new certification at `COMPANY#<companyId>` / `CERT#<certificationId>`; refused if one has its id. */
export const createCertification = (c: StoredCertification) =>
  writeItem(
    createOp({
      ...key(`COMPANY#${c.companyId}`, `CERT#${c.certificationId}`),
      ...c,
    }),
  );
