/**
 * Grant requests (DESIGN section 3.10): a company asks another for a scope of its data; the asked
 * company's primary POC (or a user they designated) accepts, which makes the grant, or declines.
 * Each step is audited in the asked company's trail, where both sides can see it.
 */
import type { Clock, Ids } from './clock.ts';
import { requireCompanyAccess, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { readerOf, requestFor } from './disclosure.ts';
import { requireExistsIfEmpty } from './companies.ts';
import { enforceLimit } from './limits.ts';
import {
  createGrant,
  participant,
  partnerByCode,
  requireCompanyUser,
  requireSharingAuthority,
  type CompanyCheck,
  type CompanyDirectory,
  type GrantStore,
  type SharingDeps,
} from './sharing.ts';
import { BadRequest, Conflict, NotFound } from '../errors.ts';
import type { GrantRequest } from '../schemas/sharing.ts';
import type { Scope } from '../schemas/requests/sharing.ts';
import type { StoredRequest } from '../schemas/grants.ts';

/** The caller's company asks another for a grant of a scope. */
export const requestGrant = async (
  deps: {
    readonly clock: Clock;
    readonly ids: Ids;
    readonly companies: CompanyDirectory;
    readonly grants: Pick<GrantStore, 'createRequest'>;
  } & Parameters<typeof enforceLimit>[0],
  caller: Caller,
  targetCompanyId: string,
  input: { scope: Scope; message?: string },
): Promise<GrantRequest> => {
  requireCompanyUser(caller);
  requireSharingAuthority(caller, caller.companyId);
  if (targetCompanyId === caller.companyId)
    throw new BadRequest('Ask another company, not your own.', [
      { field: 'companyId', message: 'must be another company' },
    ]);
  const target = await participant(deps, targetCompanyId);
  if (!target) throw new NotFound('No such participant company.');
  await enforceLimit(deps, caller, 'grantRequest');
  const now = deps.clock.now();
  const item: StoredRequest = {
    requestId: deps.ids.next(),
    requesterCompanyId: caller.companyId,
    requesterLegalName: caller.company.legalName,
    targetCompanyId: target.companyId,
    scope: input.scope,
    ...(input.message ? { message: input.message } : {}),
    status: 'pending',
    requestedAt: now.toISOString(),
    requestedBy: caller.userId,
  };
  // Recorded where both sides can see it: the target's trail holds the request.
  const audit = auditItem(
    caller,
    {
      companyId: target.companyId,
      action: 'grant-request.created',
      objectType: 'grant-request',
      objectId: item.requestId,
      changes: { after: { scope: input.scope, requesterCompanyId: caller.companyId } },
    },
    now,
    deps.ids.next(),
  );
  await deps.grants.createRequest(item, audit);
  return requestFor(readerOf(caller))(item);
};

/**
 * The caller's company asks another, named by the status-verification code it handed over, for a
 * grant. A code that names no company answers as an unknown company id does (404).
 */
export const requestGrantByCode = async (
  deps: Parameters<typeof requestGrant>[0],
  caller: Caller,
  input: { partnerCode: string; scope: Scope; message?: string },
): Promise<GrantRequest> => {
  requireCompanyUser(caller);
  requireSharingAuthority(caller, caller.companyId);
  const targetCompanyId = await partnerByCode(deps, caller, input.partnerCode);
  if (!targetCompanyId) throw new NotFound('No such participant company.');
  if (targetCompanyId === caller.companyId)
    throw new BadRequest('Ask another company, not your own.', [
      { field: 'partnerCode', message: 'must be another company' },
    ]);
  const { partnerCode: _code, ...rest } = input;
  return requestGrant(deps, caller, targetCompanyId, rest);
};

/** Requests made to the company (incoming) or by it (outgoing). */
export const listGrantRequests = async (
  deps: { readonly grants: Pick<GrantStore, 'incomingRequests' | 'outgoingRequests'> } & CompanyCheck,
  caller: Caller,
  companyId: string,
  direction: 'incoming' | 'outgoing',
  cursor: string | null,
  limit: number,
) => {
  requireCompanyAccess(caller, companyId);
  const page =
    direction === 'incoming'
      ? await deps.grants.incomingRequests(companyId, cursor, limit)
      : await deps.grants.outgoingRequests(companyId, cursor, limit);
  await requireExistsIfEmpty(deps, companyId, page.items.length === 0 && !cursor);
  // Which user on the other side asked or decided is theirs to know; CBP sees both.
  return { items: page.items.map(requestFor(readerOf(caller))), nextCursor: page.cursor };
};

/** The asked company accepts (a grant of the requested scope is made, until `expiresOn`) or declines. */
export const decideGrantRequest = async (
  deps: SharingDeps,
  caller: Caller,
  companyId: string,
  requestId: string,
  input: { decision: 'accept'; expiresOn: string } | { decision: 'decline' },
): Promise<GrantRequest> => {
  requireSharingAuthority(caller, companyId);
  const request = await deps.grants.getRequest(companyId, requestId);
  if (!request) throw new NotFound('No such request.');
  if (request.status !== 'pending') throw new Conflict('The request was already decided.', 'already_decided');
  if (input.decision === 'accept') {
    const grant = await createGrant(
      deps,
      caller,
      companyId,
      {
        grantee: { type: 'company', companyId: request.requesterCompanyId },
        scope: request.scope,
        expiresOn: input.expiresOn,
      },
      request,
    );
    return requestFor(readerOf(caller))({
      ...request,
      status: 'accepted',
      decidedAt: grant.createdAt,
      decidedBy: caller.userId,
      grantId: grant.grantId,
    });
  }
  const now = deps.clock.now();
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'grant-request.declined',
      objectType: 'grant-request',
      objectId: requestId,
      changes: { before: { status: 'pending' }, after: { status: 'declined' } },
    },
    now,
    deps.ids.next(),
  );
  await deps.grants.decline(request, now.toISOString(), caller.userId, audit);
  return requestFor(readerOf(caller))({
    ...request,
    status: 'declined',
    decidedAt: now.toISOString(),
    decidedBy: caller.userId,
  });
};
