/**
 * The audit trail (DESIGN section 3.11): a company reads its own, CBP reads everything. Records
 * are written by the changes (and confidential reads) themselves; nothing here changes one.
 */
import type { Clock } from './clock.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { auditRecordFor, readerOf, type Reader } from './disclosure.ts';
import { lookUpNames, type NameDirectory, type PersonRef } from './names.ts';
import { CBP_COMPANY_ID, CBP_ROLES } from '../definitions/roles.ts';
import { BadRequest } from '../errors.ts';
import { requireExistsIfEmpty } from './companies.ts';
import type { AuditRecord } from '../schemas/audit.ts';

/** One page of the trail, and where the next starts (null on the last). */
interface Page<T> {
  readonly items: T[];
  readonly cursor: string | null;
}

/** What `requireExistsIfEmpty` (companies.ts) reads. */
type CompanyCheck = Parameters<typeof requireExistsIfEmpty>[0];

/** The audit trail, read newest first. */
export interface AuditTrail {
  /** A company's records within [from, to] (UTC; `to` through the end of its day) and of one action when asked. */
  ofCompany(
    companyId: string,
    filter: { readonly action?: string; readonly from?: string; readonly to?: string },
    cursor: string | null,
    limit: number,
  ): Promise<Page<AuditRecord>>;
  /** The whole portal's records of one UTC day (`YYYY-MM-DD`), of one action when asked. */
  ofDay(day: string, action: string | undefined, cursor: string | null, limit: number): Promise<Page<AuditRecord>>;
}

type Shown = ReturnType<ReturnType<typeof auditRecordFor>>;

/**
 * Records with names beside the ids the reader may see (names.ts): who acted, the company, the
 * acting organisation and, for a company or a user, the object's name. One batch read a page.
 */
const withNames = async (deps: { readonly directory: NameDirectory }, reader: Reader, records: Shown[]) => {
  const people: PersonRef[] = [];
  const companies: string[] = [];
  const userObject = (r: Shown) => r.objectType === 'user' && (reader.staff || reader.managesUsers);
  const mayName = (companyId: string) => reader.staff || companyId === reader.companyId;
  for (const r of records) {
    if (r.actorId) people.push({ companyId: r.actorCompanyId, userId: r.actorId });
    if (userObject(r)) people.push({ companyId: r.companyId, userId: r.objectId });
    for (const id of [r.companyId, r.actorCompanyId]) if (mayName(id)) companies.push(id);
  }
  const names = await lookUpNames(deps, people, companies);
  return records.map((r) => {
    const actorName = names.person(r.actorCompanyId, r.actorId);
    const companyName = mayName(r.companyId) ? names.company(r.companyId) : undefined;
    // An outside organisation is named only to CBP, and CBP to everyone.
    const actorCompanyName =
      mayName(r.actorCompanyId) || r.actorCompanyId === CBP_COMPANY_ID ? names.company(r.actorCompanyId) : undefined;
    const objectName =
      r.objectType === 'company' && mayName(r.objectId)
        ? names.company(r.objectId)
        : userObject(r)
          ? names.person(r.companyId, r.objectId)
          : undefined;
    return {
      ...r,
      ...(actorName ? { actorName } : {}),
      ...(companyName ? { companyName } : {}),
      ...(actorCompanyName ? { actorCompanyName } : {}),
      ...(objectName ? { objectName } : {}),
    };
  });
};

/** Timestamps as stored (with milliseconds), so a window compares like with like. */
const normalised = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : undefined);

export const companyTrail = async (
  deps: { readonly auditTrail: Pick<AuditTrail, 'ofCompany'>; readonly directory: NameDirectory } & CompanyCheck,
  caller: Caller,
  companyId: string,
  query: { action?: string; from?: string; to?: string; cursor?: string; limit: number },
) => {
  requireCompanyAccess(caller, companyId);
  if (query.from && query.to && query.from > query.to)
    throw new BadRequest('`from` must not be after `to`.', [{ field: 'from', message: 'must not be after to' }]);
  const filter = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.from ? { from: normalised(query.from) } : {}),
    ...(query.to ? { to: normalised(query.to) } : {}),
  };
  // A filter on the action leaves pages short: read on until the page is full or the trail ends.
  const items: AuditRecord[] = [];
  let next: string | null = query.cursor ?? null;
  do {
    const page: { items: AuditRecord[]; cursor: string | null } = await deps.auditTrail.ofCompany(
      companyId,
      filter,
      next,
      query.limit - items.length,
    );
    items.push(...page.items);
    next = page.cursor;
  } while (next && items.length < query.limit);
  // CBP asking for a company that does not exist hears so, rather than an empty trail.
  await requireExistsIfEmpty(deps, companyId, items.length === 0 && !query.cursor);
  // Who in another organisation acted is shown by organisation and role; user-management details are the POC's and CBP's.
  const reader = readerOf(caller);
  return { items: await withNames(deps, reader, items.map(auditRecordFor(reader))), nextCursor: next };
};

/** CBP: the whole portal's trail for one UTC day (default today), newest first. */
export const portalTrail = async (
  deps: { readonly auditTrail: Pick<AuditTrail, 'ofDay'>; readonly clock: Clock; readonly directory: NameDirectory },
  caller: Caller,
  query: { day?: string; action?: string; cursor?: string; limit: number },
) => {
  requireRole(caller, CBP_ROLES);
  const day = query.day ?? deps.clock.now().toISOString().slice(0, 10);
  // As for a company's trail: a filter on the action leaves pages short (DynamoDB's limit counts
  // the records read, not those kept), so an action found only past the first page read would
  // answer an empty page. Read on until the page is full or the day ends.
  const items: AuditRecord[] = [];
  let next: string | null = query.cursor ?? null;
  do {
    const page = await deps.auditTrail.ofDay(day, query.action, next, query.limit - items.length);
    items.push(...page.items);
    next = page.cursor;
  } while (next && items.length < query.limit);
  const reader = readerOf(caller);
  return { day, items: await withNames(deps, reader, items.map(auditRecordFor(reader))), nextCursor: next };
};
