/**
 * The store of sharing authorizations (DESIGN section 3.10): a company's grants, listed under the
 * owner and found by grantee, and the requests companies make of each other.
 *
 * Items: a grant at pk `COMPANY#<ownerCompanyId>`, sk `GRANT#<grantId>`, on gsi1
 * `GRANTEE#<granteeId>` / `GRANT#<ownerCompanyId>#<grantId>` (what was shared with a company or
 * program, grouped by owner); a request at pk `COMPANY#<targetCompanyId>`, sk
 * `GRANTREQ#<requestId>`, on gsi1 `GRANTREQ-FROM#<requesterCompanyId>` /
 * `<requestedAt>#<requestId>` (the requests a company made, by time).
 */
import type { StoredGrant, StoredRequest } from '../schemas/grants.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { Conflict } from '../errors.ts';
import { auditOp } from './audit-store.ts';
import { assertCommitted } from './transact.ts';
import {
  createOp,
  eq,
  getItem,
  indexKey,
  key,
  patchOp,
  queryAll,
  queryPage,
  transact,
  type Page,
  type QuerySpec,
  type WriteOp,
} from './table-io.ts';

export type { StoredGrant, StoredRequest };

const ownerPartition = (companyId: string) => `COMPANY#${companyId}`;
const grantKey = (ownerCompanyId: string, grantId: string) => key(ownerPartition(ownerCompanyId), `GRANT#${grantId}`);
const requestKey = (targetCompanyId: string, requestId: string) =>
  key(ownerPartition(targetCompanyId), `GRANTREQ#${requestId}`);

// The company's partition holds other kinds of item; `GRANT#` (with its `#`) excludes `GRANTREQ#`.
const ownerGrants = (ownerCompanyId: string): QuerySpec => ({
  partition: ownerPartition(ownerCompanyId),
  sort: { beginsWith: 'GRANT#' },
});
const incoming = (targetCompanyId: string): QuerySpec => ({
  partition: ownerPartition(targetCompanyId),
  sort: { beginsWith: 'GRANTREQ#' },
});
const outgoing = (requesterCompanyId: string): QuerySpec => ({
  index: 'gsi1',
  partition: `GRANTREQ-FROM#${requesterCompanyId}`,
});

const grantOp = (g: StoredGrant): WriteOp =>
  createOp({
    ...grantKey(g.ownerCompanyId, g.grantId),
    ...indexKey('gsi1', `GRANTEE#${g.granteeId}`, `GRANT#${g.ownerCompanyId}#${g.grantId}`),
    ...g,
  });

const requestOp = (r: StoredRequest): WriteOp =>
  createOp({
    ...requestKey(r.targetCompanyId, r.requestId),
    ...indexKey('gsi1', `GRANTREQ-FROM#${r.requesterCompanyId}`, `${r.requestedAt}#${r.requestId}`),
    ...r,
  });

/** Decides a request that is still pending. */
const decideOp = (r: Pick<StoredRequest, 'targetCompanyId' | 'requestId'>, decision: Record<string, unknown>) =>
  patchOp(requestKey(r.targetCompanyId, r.requestId), { set: decision }, eq('status', 'pending'));

/** A new grant and its audit record; when it answers a request, the request is decided in the same transaction. */
export const create = async (
  item: StoredGrant,
  audit: AuditRecord,
  answers?: { request: StoredRequest; decidedBy: string },
): Promise<void> => {
  const outcome = await transact([
    grantOp(item),
    auditOp(audit),
    ...(answers
      ? [
          decideOp(answers.request, {
            status: 'accepted',
            decidedAt: item.createdAt,
            decidedBy: answers.decidedBy,
            grantId: item.grantId,
          }),
        ]
      : []),
  ]);
  assertCommitted(outcome, (index) =>
    index === 2
      ? new Conflict('The request was already decided.', 'already_decided')
      : new Conflict('That grant already exists.'),
  );
};

export const get = (ownerCompanyId: string, grantId: string): Promise<StoredGrant | null> =>
  getItem<StoredGrant>(grantKey(ownerCompanyId, grantId), { consistent: true });

/** A company's grants (every state), in id order. */
export const ofOwner = (ownerCompanyId: string, cursor: string | null, limit: number): Promise<Page<StoredGrant>> =>
  queryPage<StoredGrant>(ownerGrants(ownerCompanyId), cursor, limit);

export const allOfOwner = (ownerCompanyId: string): Promise<StoredGrant[]> =>
  queryAll<StoredGrant>(ownerGrants(ownerCompanyId));

/** The grants made to a grantee (a company id, or `program:<code>`), from one owner or from all. */
export const toGrantee = (
  granteeId: string,
  cursor: string | null,
  limit: number,
  ownerCompanyId?: string,
): Promise<Page<StoredGrant>> =>
  queryPage<StoredGrant>(
    {
      index: 'gsi1',
      partition: `GRANTEE#${granteeId}`,
      sort: { beginsWith: ownerCompanyId ? `GRANT#${ownerCompanyId}#` : 'GRANT#' },
    },
    cursor,
    limit,
  );

/** Revokes an active grant, with its audit record; a grant revoked meanwhile is a 409. */
export const revoke = async (item: StoredGrant, at: string, by: string, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    patchOp(
      grantKey(item.ownerCompanyId, item.grantId),
      { set: { status: 'revoked', revokedAt: at, revokedBy: by } },
      eq('status', 'active'),
    ),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => new Conflict('The grant was already revoked.', 'already_revoked'));
};

export const createRequest = async (item: StoredRequest, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([requestOp(item), auditOp(audit)]);
  assertCommitted(outcome, () => new Conflict('That request already exists.'));
};

export const getRequest = (targetCompanyId: string, requestId: string): Promise<StoredRequest | null> =>
  getItem<StoredRequest>(requestKey(targetCompanyId, requestId), { consistent: true });

/** Requests made to the company, in id order. */
export const incomingRequests = (
  targetCompanyId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<StoredRequest>> => queryPage<StoredRequest>(incoming(targetCompanyId), cursor, limit);

/** Requests the company made, newest first. */
export const outgoingRequests = (
  requesterCompanyId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<StoredRequest>> =>
  queryPage<StoredRequest>(outgoing(requesterCompanyId), cursor, limit, { order: 'desc' });

/** Every request made to or by the company (the export). */
export const allRequestsOf = async (companyId: string): Promise<StoredRequest[]> => {
  const [received, made] = await Promise.all([
    queryAll<StoredRequest>(incoming(companyId)),
    queryAll<StoredRequest>(outgoing(companyId)),
  ]);
  return [...received, ...made];
};

/** Declines a pending request, with its audit record. */
export const decline = async (request: StoredRequest, at: string, by: string, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    decideOp(request, { status: 'declined', decidedAt: at, decidedBy: by }),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => new Conflict('The request was already decided.', 'already_decided'));
};
