/**
 * What each reader may see of records that involve someone else (decision 37, issue 17). CBP
 * reads whole records. A company reads who acted on another side by organisation and role only:
 * never that person's user id or address. User-management details (who was added with which
 * address and permissions, from where) are for the primary POC and CBP. Another company's legal
 * name is for those that company told it to: by sharing with them or by asking them for a grant.
 * Every answer that shows a company such records goes through these functions.
 */
import { isStaff, type Caller } from './caller.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { StoredGrant, StoredRequest } from '../schemas/grants.ts';
import type { Grant, GrantRequest } from '../schemas/sharing.ts';
import type { Side } from '../schemas/messages.ts';

/** Who is reading: their organisation, and whether they see everything or manage its users. */
export interface Reader {
  readonly companyId: string;
  readonly userId: string;
  /** CBP staff: whole records. */
  readonly staff: boolean;
  /** The primary POC: user-management details of their own company. */
  readonly managesUsers: boolean;
}

export const readerOf = (caller: Caller): Reader => ({
  companyId: caller.companyId,
  userId: caller.userId,
  staff: isStaff(caller),
  managesUsers: isStaff(caller) || caller.role === 'primary-poc',
});

/**
 * The one redaction: `people` names each field that identifies a person (a user id, an address)
 * and the organisation that person acts for; a field whose person is outside the reader's
 * organisation is left out, unless the reader is CBP.
 */
export const withoutOutsiders = <T extends object, F extends keyof T>(
  reader: Reader,
  record: T,
  people: { readonly [K in F]: string | undefined },
): Omit<T, F> & Partial<Pick<T, F>> => {
  if (reader.staff) return record;
  const shown: Partial<T> = { ...record };
  for (const field of Object.keys(people) as F[]) if (people[field] !== reader.companyId) delete shown[field];
  return shown as Omit<T, F> & Partial<Pick<T, F>>;
};

/** A grant request: who asked belongs to the requester, who decided to the asked company. */
export const requestFor =
  (reader: Reader) =>
  (request: StoredRequest | GrantRequest): GrantRequest =>
    withoutOutsiders(reader, request, { requestedBy: request.requesterCompanyId, decidedBy: request.targetCompanyId });

/** A grant: who made or revoked it belongs to its owner. */
export const grantPeopleFor = (reader: Reader, grant: Grant): Grant =>
  withoutOutsiders(reader, grant, { createdBy: grant.ownerCompanyId, revokedBy: grant.ownerCompanyId });

/**
 * Whether the reader may know the name of a grant's grantee: always a foreign program's; a
 * company's when the reader is CBP or that company, when the grant answers that company's own
 * request (it introduced itself by asking), or when that company shares with the reader
 * (`sharingWithReader`: the ids of companies with a grant in force to the reader's company).
 */
export const granteeNameShown = (
  reader: Reader,
  grant: Pick<StoredGrant, 'granteeType' | 'granteeId' | 'requestId'>,
  sharingWithReader: ReadonlySet<string>,
): boolean =>
  reader.staff ||
  grant.granteeType === 'program' ||
  grant.granteeId === reader.companyId ||
  Boolean(grant.requestId) ||
  sharingWithReader.has(grant.granteeId);

/** The organisation a thread's side writes for. */
const organisationOf = (side: Side, companyId: string): string => (side === 'cbp' ? CBP_COMPANY_ID : companyId);

/** A thread: who started it belongs to the side they wrote for. */
export const threadFor =
  (reader: Reader) =>
  <T extends { companyId: string; startedBy?: string; startedBySide: Side }>(thread: T) =>
    withoutOutsiders(reader, thread, { startedBy: organisationOf(thread.startedBySide, thread.companyId) });

/** A message of a company's thread: its author's id within their side only (their name is the message's signature). */
export const messageFor =
  (reader: Reader, companyId: string) =>
  <T extends { authorId?: string; authorSide: Side }>(message: T) =>
    withoutOutsiders(reader, message, { authorId: organisationOf(message.authorSide, companyId) });

/** A certification: the CBP reviewer's id is CBP's. */
export const certificationFor =
  (reader: Reader) =>
  <T extends { reviewedBy?: string }>(certification: T) =>
    withoutOutsiders(reader, certification, { reviewedBy: CBP_COMPANY_ID });

/** `value` with every property (at any depth) whose value is `id` left out. */
const withoutValue = (value: unknown, id: string): unknown => {
  if (Array.isArray(value)) return value.filter((v) => v !== id).map((v) => withoutValue(v, id));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== id)
      .map(([k, v]) => [k, withoutValue(v, id)]),
  );
};

/** Records about a company's users: their addresses, permissions and the account changes made. */
const isUserManagement = (record: Pick<AuditRecord, 'objectType' | 'action'>): boolean =>
  record.objectType === 'user' || record.action === 'company.poc-changed';

/**
 * An audit record as the reader may see it: the actor's id and address only within the actor's
 * organisation; for readers who do not manage users, no colleague's address and no details of
 * user-management records. What happened, when and by which role is always kept.
 */
export const auditRecordFor =
  (reader: Reader) =>
  ({ day: _day, ...record }: AuditRecord & { day?: string }) => {
    const outsider = !reader.staff && record.actorCompanyId !== reader.companyId;
    const withheld = withoutOutsiders(reader, record, {
      actorId: record.actorCompanyId,
      sourceIp: record.actorCompanyId,
    });
    // An outside actor's id also sits in what they changed (`reviewedBy`, `enrolledBy`, ...).
    const shown =
      outsider && withheld.changes !== undefined && record.actorId
        ? { ...withheld, changes: withoutValue(withheld.changes, record.actorId) }
        : withheld;
    if (reader.managesUsers) return shown;
    const { sourceIp, changes, ...rest } = shown;
    return {
      ...rest,
      ...(sourceIp !== undefined && record.actorId === reader.userId ? { sourceIp } : {}),
      ...(changes !== undefined && !isUserManagement(record) ? { changes } : {}),
    };
  };
