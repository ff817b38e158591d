/**
 * Sharing authorizations (DESIGN section 3.10): a company's primary POC, or a user they
 * designated, grants another participant or a foreign customs program a scope of the company's
 * data until a date. Grants are revoked at once and lapse by themselves after their expiry day.
 * A partner reads only within the scope, and every read is recorded in the owner's trail. CBP
 * sees grants but never makes one for a company. Requests for a grant are in grant-requests.ts.
 */
import type { Clock, Ids } from './clock.ts';
import { isStaff, requireCompanyAccess, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { grantPeopleFor, granteeNameShown, readerOf, type Reader } from './disclosure.ts';
import { requireExistsIfEmpty } from './companies.ts';
import { enforceLimit, type LimitDeps } from './limits.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../errors.ts';
import { FOREIGN_PROGRAMS } from '../definitions/sharing-terms.ts';
import type { Grant, NamedGrantee } from '../schemas/sharing.ts';
import type { CreateGrant } from '../schemas/requests/sharing.ts';
import { granteeKey, granteeOf, type StoredGrant, type StoredRequest } from '../schemas/grants.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';

/** One page of a list, and where the next starts (null on the last). */
export interface Page<T> {
  readonly items: T[];
  readonly cursor: string | null;
}

/** What `requireExistsIfEmpty` (companies.ts) reads. */
export type CompanyCheck = Parameters<typeof requireExistsIfEmpty>[0];

/** Grants and grant requests, each change written with its audit record, all or nothing. */
export interface GrantStore {
  /** A new grant; when it answers a request, that request is accepted with it (a 409 if it was decided meanwhile). */
  create(
    grant: StoredGrant,
    audit: AuditRecord,
    answers?: { request: StoredRequest; decidedBy: string },
  ): Promise<void>;
  /** Read consistently: a grant revoked a moment ago reads revoked. */
  get(ownerCompanyId: string, grantId: string): Promise<StoredGrant | null>;
  ofOwner(ownerCompanyId: string, cursor: string | null, limit: number): Promise<Page<StoredGrant>>;
  /** Grants made to a grantee key (see `granteeKey`), from one owner or all; eventually consistent. */
  toGrantee(
    granteeId: string,
    cursor: string | null,
    limit: number,
    ownerCompanyId?: string,
  ): Promise<Page<StoredGrant>>;
  /** Revokes an active grant (a 409 if it was revoked meanwhile). */
  revoke(grant: StoredGrant, at: string, by: string, audit: AuditRecord): Promise<void>;
  createRequest(request: StoredRequest, audit: AuditRecord): Promise<void>;
  getRequest(targetCompanyId: string, requestId: string): Promise<StoredRequest | null>;
  incomingRequests(targetCompanyId: string, cursor: string | null, limit: number): Promise<Page<StoredRequest>>;
  /** Newest first. */
  outgoingRequests(requesterCompanyId: string, cursor: string | null, limit: number): Promise<Page<StoredRequest>>;
  /** Declines a pending request (a 409 if it was decided meanwhile). */
  decline(request: StoredRequest, at: string, by: string, audit: AuditRecord): Promise<void>;
}

export interface CompanyDirectory {
  get(companyId: string): Promise<Company | null>;
  /** The id of the company holding a status-verification code (as `SviCode` answers it), or null. */
  idByCode(code: string): Promise<string | null>;
}

export type SharingDeps = {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: CompanyDirectory;
  readonly grants: Pick<GrantStore, 'create' | 'toGrantee' | 'getRequest' | 'decline'>;
};

/** The latest expiry a grant may have: two years from today. */
const MAX_GRANT_DAYS = 731;

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Active, and not past the end of its expiry day (UTC). */
export const inForce = (g: Pick<StoredGrant, 'status' | 'expiresOn'>, now: Date): boolean =>
  g.status === 'active' && g.expiresOn >= today(now);

/** A grant whole, as CBP reads it; companies read it through `grantFor`. */
export const grantView = (g: StoredGrant, now: Date): Grant => ({
  grantId: g.grantId,
  ownerCompanyId: g.ownerCompanyId,
  ownerLegalName: g.ownerLegalName,
  grantee: granteeOf(g),
  granteeName: g.granteeName,
  scope: g.scope,
  expiresOn: g.expiresOn,
  status: g.status === 'revoked' ? 'revoked' : inForce(g, now) ? 'active' : 'expired',
  createdAt: g.createdAt,
  createdBy: g.createdBy,
  ...(g.revokedAt ? { revokedAt: g.revokedAt, revokedBy: g.revokedBy } : {}),
  ...(g.requestId ? { requestId: g.requestId } : {}),
});

/**
 * A grant as the reader may see it (see disclosure.ts): the grantee's name only when the reader
 * may know it, and who made or revoked it only within the owner.
 */
export const grantFor = (reader: Reader, sharingWithReader: ReadonlySet<string>, now: Date) => (g: StoredGrant) => {
  const { granteeName, ...view } = grantPeopleFor(reader, grantView(g, now));
  return granteeNameShown(reader, g, sharingWithReader) ? { ...view, granteeName } : view;
};

/** Ids of the companies that have a grant in force to `companyId` (from `ownerCompanyId` only, if given). */
export const sharingWith = async (
  deps: { readonly grants: Pick<GrantStore, 'toGrantee'> },
  companyId: string,
  now: Date,
  ownerCompanyId?: string,
): Promise<Set<string>> => {
  const owners = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { items: StoredGrant[]; cursor: string | null } = await deps.grants.toGrantee(
      companyId,
      cursor,
      100,
      ownerCompanyId,
    );
    for (const g of page.items) if (inForce(g, now)) owners.add(g.ownerCompanyId);
    cursor = page.cursor;
  } while (cursor);
  return owners;
};

/** The company's primary POC, or a user they allowed to authorize sharing; never CBP, never another company. */
export const requireSharingAuthority = (caller: Caller, companyId: string): void => {
  requireCompanyAccess(caller, companyId);
  if (isStaff(caller))
    throw new Forbidden(
      'Only the company authorizes sharing of its data; CBP cannot grant on its behalf.',
      'company_only',
    );
  if (caller.role === 'primary-poc' || (caller.role === 'company-user' && caller.permissions.authorizeSharing)) return;
  throw new Forbidden('Your primary POC has not designated you to authorize sharing.', 'not_designated');
};

export const requireCompanyUser = (caller: Caller): void => {
  if (isStaff(caller))
    throw new Forbidden('Grants are between companies; CBP reads companies directly.', 'company_only');
};

const checkExpiry = (expiresOn: string, now: Date): void => {
  const field = 'expiresOn';
  const latest = new Date(now.getTime() + MAX_GRANT_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (expiresOn < today(now)) throw new ValidationFailed([{ field, message: 'must not be in the past' }]);
  if (expiresOn > latest)
    throw new ValidationFailed([{ field, message: `must be at most two years ahead (${latest})` }]);
};

/**
 * Another participant company, whatever its status: whether it is active, suspended or removed
 * is not the asking company's to learn (issue 17), so only an unknown id is refused.
 */
export const participant = async (
  deps: { readonly companies: CompanyDirectory },
  companyId: string,
): Promise<Company | null> => deps.companies.get(companyId);

/**
 * The company a user named by the status-verification code it handed them. Each look-up counts
 * against the `partnerCode` limit before the code is read, found or not, so codes cannot be tried
 * by the thousand; a miss answers as an unknown company id always has (decision 85).
 */
export const partnerByCode = async (
  deps: LimitDeps & { readonly companies: Pick<CompanyDirectory, 'idByCode'> },
  caller: Caller,
  code: string,
): Promise<string | null> => {
  // The caller's own code needs no look-up (its company was read with its membership): not counted.
  const own = caller.prefetched?.companyId === caller.companyId ? caller.prefetched.record?.sviCode : undefined;
  if (own === code) return caller.companyId;
  await enforceLimit(deps, caller, 'partnerCode');
  return deps.companies.idByCode(code);
};

/** A grant as the user asked for it: a partner named by its code is looked up first (`partnerByCode`). */
export const createGrantAsAsked = async (
  deps: SharingDeps & LimitDeps,
  caller: Caller,
  ownerCompanyId: string,
  input: CreateGrant,
): Promise<Grant> => {
  const { grantee } = input;
  if (grantee.type === 'program') return createGrant(deps, caller, ownerCompanyId, { ...input, grantee });
  if (grantee.companyId !== undefined)
    return createGrant(deps, caller, ownerCompanyId, {
      ...input,
      grantee: { type: 'company', companyId: grantee.companyId },
    });
  // Only someone who may share spends the company's look-ups.
  requireSharingAuthority(caller, ownerCompanyId);
  const field = 'grantee.code';
  const companyId = await partnerByCode(deps, caller, grantee.code!);
  if (!companyId) throw new ValidationFailed([{ field, message: 'is not a participant company' }]);
  return createGrant(
    deps,
    caller,
    ownerCompanyId,
    { ...input, grantee: { type: 'company', companyId } },
    undefined,
    field,
  );
};

/** Grants another participant company or a foreign customs program a scope until a date. */
export const createGrant = async (
  deps: SharingDeps,
  caller: Caller,
  ownerCompanyId: string,
  input: Omit<CreateGrant, 'grantee'> & { grantee: NamedGrantee },
  request?: StoredRequest,
  /** The request's field that named the partner, for a 400 about it. */
  partnerField = 'grantee.companyId',
): Promise<Grant> => {
  requireSharingAuthority(caller, ownerCompanyId);
  const now = deps.clock.now();
  checkExpiry(input.expiresOn, now);
  const owner = await deps.companies.get(ownerCompanyId);
  if (!owner) throw new NotFound('No such company.');
  let granteeName: string;
  let granteeCode: string | undefined;
  if (input.grantee.type === 'company') {
    if (input.grantee.companyId === ownerCompanyId)
      throw new ValidationFailed([{ field: partnerField, message: 'must be another company' }]);
    const partner = await participant(deps, input.grantee.companyId);
    if (!partner) throw new ValidationFailed([{ field: partnerField, message: 'is not a participant company' }]);
    // Kept for CBP; the owner is shown it only when the partner told them (grantFor).
    granteeName = partner.legalName;
    granteeCode = partner.sviCode;
  } else {
    granteeName = FOREIGN_PROGRAMS[input.grantee.program];
  }
  const at = now.toISOString();
  const item: StoredGrant = {
    ownerCompanyId,
    grantId: deps.ids.next(),
    ownerLegalName: owner.legalName,
    granteeType: input.grantee.type,
    granteeId: granteeKey(input.grantee),
    granteeName,
    ...(granteeCode ? { granteeCode } : {}),
    scope: input.scope,
    expiresOn: input.expiresOn,
    status: 'active',
    createdAt: at,
    createdBy: caller.userId,
    ...(request ? { requestId: request.requestId } : {}),
  };
  const audit = auditItem(
    caller,
    {
      companyId: ownerCompanyId,
      action: 'grant.created',
      objectType: 'grant',
      objectId: item.grantId,
      changes: {
        after: {
          grantee: granteeOf(item),
          scope: input.scope,
          expiresOn: input.expiresOn,
          ...(request ? { requestId: request.requestId } : {}),
        },
      },
    },
    now,
    deps.ids.next(),
  );
  // Read before the write: a read that fails after it would answer 503 for a grant that was made.
  const sharing =
    input.grantee.type === 'company' && !request
      ? await sharingWith(deps, ownerCompanyId, now, input.grantee.companyId)
      : new Set<string>();
  await deps.grants.create(item, audit, request ? { request, decidedBy: caller.userId } : undefined);
  return grantFor(readerOf(caller), sharing, now)(item);
};

/** The company's grants in every state (its users, and CBP). */
export const listGrants = async (
  deps: { readonly clock: Clock; readonly grants: Pick<GrantStore, 'ofOwner' | 'toGrantee'> } & CompanyCheck,
  caller: Caller,
  companyId: string,
  cursor: string | null,
  limit: number,
) => {
  requireCompanyAccess(caller, companyId);
  const page = await deps.grants.ofOwner(companyId, cursor, limit);
  await requireExistsIfEmpty(deps, companyId, page.items.length === 0 && !cursor);
  const now = deps.clock.now();
  const reader = readerOf(caller);
  // Whose names the reader may know: asked only when some grantee's name depends on it.
  const unnamed = page.items.filter((g) => !granteeNameShown(reader, g, new Set()));
  const sharing = unnamed.length > 0 ? await sharingWith(deps, companyId, now) : new Set<string>();
  return { items: page.items.map(grantFor(reader, sharing, now)), nextCursor: page.cursor };
};

/** Revokes a grant at once: the next read through it is refused. */
export const revokeGrant = async (
  deps: { readonly clock: Clock; readonly ids: Ids; readonly grants: Pick<GrantStore, 'get' | 'revoke'> },
  caller: Caller,
  companyId: string,
  grantId: string,
): Promise<void> => {
  requireSharingAuthority(caller, companyId);
  const item = await deps.grants.get(companyId, grantId);
  if (!item) throw new NotFound('No such grant.');
  if (item.status === 'revoked') throw new Conflict('The grant was already revoked.', 'already_revoked');
  const now = deps.clock.now();
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'grant.revoked',
      objectType: 'grant',
      objectId: grantId,
      changes: { before: { status: 'active' }, after: { status: 'revoked' } },
    },
    now,
    deps.ids.next(),
  );
  await deps.grants.revoke(item, now.toISOString(), caller.userId, audit);
};

/** What other companies shared with the caller's company and is in force today. */
export const sharedWithMe = async (
  deps: { readonly clock: Clock; readonly grants: Pick<GrantStore, 'toGrantee'> },
  caller: Caller,
  cursor: string | null,
  limit: number,
) => {
  requireCompanyUser(caller);
  const now = deps.clock.now();
  // Grants no longer in force stay in the index: read on until the page is full or the list ends.
  const items: StoredGrant[] = [];
  let next = cursor;
  do {
    const page: { items: StoredGrant[]; cursor: string | null } = await deps.grants.toGrantee(
      caller.companyId,
      next,
      limit - items.length,
    );
    items.push(...page.items.filter((g) => inForce(g, now)));
    next = page.cursor;
  } while (next && items.length < limit);
  return {
    items: items.map((g) => ({
      grantId: g.grantId,
      ownerCompanyId: g.ownerCompanyId,
      ownerLegalName: g.ownerLegalName,
      scope: g.scope,
      expiresOn: g.expiresOn,
    })),
    nextCursor: next,
  };
};
