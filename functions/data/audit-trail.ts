/**
 * Reading and adding to the audit trail. Records are only ever created (a conditional put):
 * there is no update or delete here or anywhere, and every function's IAM policy denies both on
 * audit partitions.
 */
import { audit } from './entities.ts';
import { page as pageOf } from './pages.ts';

type AuditAttributes = Parameters<typeof audit.create>[0];
export type AuditRecord = AuditAttributes & { readonly auditId: string; readonly at: string };

/** One record on its own: a read of confidential data (CBP reading a profile, a partner reading through a grant). */
export const record = async (item: AuditAttributes): Promise<void> => {
  await audit.create(item).go();
};

const page = (run: () => Promise<{ data: unknown[]; cursor: string | null }>, cursor: string | null) =>
  pageOf<AuditRecord>(run, cursor);

export interface TrailFilter {
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
}

/** A company's trail, newest first, within [from, to] and of one action when asked. */
export const ofCompany = (companyId: string, filter: TrailFilter, cursor: string | null, limit: number) =>
  page(() => {
    const base = audit.query.byCompany({ companyId });
    const ranged =
      filter.from && filter.to
        ? base.between({ at: filter.from }, { at: `${filter.to}\uffff` })
        : filter.from
          ? base.gte({ at: filter.from })
          : filter.to
            ? base.lte({ at: `${filter.to}\uffff` })
            : base;
    const filtered = filter.action ? ranged.where((attr, op) => op.eq(attr.action, filter.action!)) : ranged;
    return filtered.go({ cursor, limit, pages: 1, order: 'desc' });
  }, cursor);

/** Every record of a company, oldest first (the export). */
export const allOfCompany = async (companyId: string): Promise<AuditRecord[]> =>
  (await audit.query.byCompany({ companyId }).go({ pages: 'all' })).data as AuditRecord[];

/** The whole portal's trail for one UTC day, newest first (CBP). */
export const ofDay = (day: string, action: string | undefined, cursor: string | null, limit: number) =>
  page(() => {
    const base = audit.query.byDay({ day });
    return (action ? base.where((attr, op) => op.eq(attr.action, action)) : base).go({
      cursor,
      limit,
      pages: 1,
      order: 'desc',
    });
  }, cursor);
