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
import { companiesAnswering, type CompanyList } from './compliance.ts';
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
  /** The whole portal's records of one UTC day (`YYYY-MM-DD`), of one action when asked; newest first unless asked. */
  ofDay(
    day: string,
    action: string | undefined,
    cursor: string | null,
    limit: number,
    order?: 'newest' | 'oldest',
  ): Promise<Page<AuditRecord>>;
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

/** What CBP's trail of the whole portal is filtered by. */
interface PortalTrailFilters {
  readonly day?: string;
  readonly action?: string;
  /** A part of a company's legal name, or its whole code or id. */
  readonly company?: string;
  readonly order?: 'newest' | 'oldest';
}

type PortalTrailDeps = {
  readonly auditTrail: Pick<AuditTrail, 'ofDay'>;
  readonly clock: Clock;
  readonly directory: NameDirectory;
  readonly companies: CompanyList;
};

/**
 * Reads a day's records from `cursor` until `limit` are kept or the day ends: a filter (the
 * action, DynamoDB's; the company, here) leaves pages short, since DynamoDB's limit counts the
 * records read, not those kept, so an action found only past the first page read would answer an
 * empty page.
 */
const readDay = async (
  deps: PortalTrailDeps,
  day: string,
  filters: PortalTrailFilters,
  cursor: string | null,
  limit: number,
) => {
  const companyIds = filters.company ? await companiesAnswering(deps, filters.company) : undefined;
  const items: AuditRecord[] = [];
  let next = cursor;
  do {
    const page = await deps.auditTrail.ofDay(day, filters.action, next, limit - items.length, filters.order);
    items.push(...(companyIds ? page.items.filter((r) => companyIds.has(r.companyId)) : page.items));
    next = page.cursor;
  } while (next && items.length < limit);
  return { items, next };
};

/** CBP: the whole portal's trail for one UTC day (default today), newest first unless asked. */
export const portalTrail = async (
  deps: PortalTrailDeps,
  caller: Caller,
  query: PortalTrailFilters & { cursor?: string; limit: number },
) => {
  requireRole(caller, CBP_ROLES);
  const day = query.day ?? deps.clock.now().toISOString().slice(0, 10);
  const { items, next } = await readDay(deps, day, query, query.cursor ?? null, query.limit);
  const reader = readerOf(caller);
  return { day, items: await withNames(deps, reader, items.map(auditRecordFor(reader))), nextCursor: next };
};

/** The most records one CSV of the trail holds (about 5 MB, inside what a function may answer). */
export const AUDIT_CSV_MAX_RECORDS = 20_000;

const CSV_HEADER = [
  'When (UTC)',
  'Action',
  'Company',
  'Company id',
  'About',
  'About name',
  'About id',
  'By',
  'Role',
  'Organisation',
  'From',
  'Audit id',
];

/**
 * CBP: the whole portal's trail of one UTC day as CSV rows (a header, then a record a row, in the
 * trail's order), names beside ids as on the page, and the file's name. A day with more records
 * than one file holds is refused, naming the filters that narrow it, rather than cut short.
 */
export const portalTrailCsv = async (
  deps: PortalTrailDeps,
  caller: Caller,
  query: PortalTrailFilters,
): Promise<{ filename: string; rows: string[][] }> => {
  requireRole(caller, CBP_ROLES);
  const day = query.day ?? deps.clock.now().toISOString().slice(0, 10);
  const { items, next } = await readDay(deps, day, query, null, AUDIT_CSV_MAX_RECORDS + 1);
  if (items.length > AUDIT_CSV_MAX_RECORDS || next)
    throw new BadRequest(
      `The trail of ${day} holds more than ${AUDIT_CSV_MAX_RECORDS.toLocaleString('en-US')} records matching these filters: narrow it by action or company.`,
      [{ field: 'day', message: `more than ${AUDIT_CSV_MAX_RECORDS} records: filter by action or company` }],
    );
  const reader = readerOf(caller);
  const named = await withNames(deps, reader, items.map(auditRecordFor(reader)));
  const rows = named.map((r) => [
    r.at,
    r.action,
    r.companyId === CBP_COMPANY_ID ? 'CBP' : (r.companyName ?? ''),
    r.companyId,
    r.objectType,
    r.objectName ?? '',
    r.objectId,
    r.actorName ?? '',
    r.actorRole,
    r.actorCompanyId === CBP_COMPANY_ID ? 'CBP' : (r.actorCompanyName ?? r.actorCompanyId),
    r.sourceIp ?? '',
    r.auditId,
  ]);
  return { filename: `ctpat-audit-${day}.csv`, rows: [CSV_HEADER, ...rows] };
};
