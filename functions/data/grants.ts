import { grant as grantEntity, grantRequest as requestEntity, portal } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { page } from './pages.ts';
import { Conflict } from '../errors.ts';
import type { Grant, GrantRequest } from '../schemas/sharing.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

/** A grant as stored: the grantee flattened into a key (`program:<code>` for a program). */
export interface StoredGrant {
  readonly ownerCompanyId: string;
  readonly grantId: string;
  readonly ownerLegalName: string;
  readonly granteeType: 'company' | 'program';
  readonly granteeId: string;
  readonly granteeName: string;
  readonly scope: Grant['scope'];
  readonly expiresOn: string;
  readonly status: 'active' | 'revoked';
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
  readonly requestId?: string;
}
export type StoredRequest = Omit<GrantRequest, 'message' | 'requestedBy'> & {
  readonly message?: string;
  readonly requestedBy: string;
};

/** A new grant and its audit record; when it answers a request, the request is decided in the same transaction. */
export const create = async (
  item: StoredGrant,
  audit: AuditAttributes,
  answers?: { request: StoredRequest; decidedBy: string },
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.grant.create(item).commit(),
      entities.audit.create(audit).commit(),
      ...(answers
        ? [
            entities.grantRequest
              .patch({ targetCompanyId: answers.request.targetCompanyId, requestId: answers.request.requestId })
              .set({
                status: 'accepted',
                decidedAt: item.createdAt,
                decidedBy: answers.decidedBy,
                grantId: item.grantId,
              })
              .where((attr, op) => op.eq(attr.status, 'pending'))
              .commit(),
          ]
        : []),
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index === 2
      ? new Conflict('The request was already decided.', 'already_decided')
      : new Conflict('That grant already exists.'),
  );
};

export const get = async (ownerCompanyId: string, grantId: string): Promise<StoredGrant | null> =>
  ((await grantEntity.get({ ownerCompanyId, grantId }).go({ consistent: true })).data as StoredGrant | null) ?? null;

/** A company's grants (every state), in id order. */
export const ofOwner = (ownerCompanyId: string, cursor: string | null, limit: number) =>
  page<StoredGrant>(() => grantEntity.query.byOwner({ ownerCompanyId }).go({ cursor, limit, pages: 1 }), cursor);

export const allOfOwner = async (ownerCompanyId: string): Promise<StoredGrant[]> =>
  (await grantEntity.query.byOwner({ ownerCompanyId }).go({ pages: 'all' })).data as StoredGrant[];

/** The grants made to a grantee (a company id, or `program:<code>`), from one owner or from all. */
export const toGrantee = (granteeId: string, cursor: string | null, limit: number, ownerCompanyId?: string) =>
  page<StoredGrant>(
    () =>
      (ownerCompanyId
        ? grantEntity.query.byGrantee({ granteeId, ownerCompanyId })
        : grantEntity.query.byGrantee({ granteeId })
      ).go({ cursor, limit, pages: 1 }),
    cursor,
  );

/** Revokes an active grant, with its audit record; a grant revoked meanwhile is a 409. */
export const revoke = async (item: StoredGrant, at: string, by: string, audit: AuditAttributes): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.grant
        .patch({ ownerCompanyId: item.ownerCompanyId, grantId: item.grantId })
        .set({ status: 'revoked', revokedAt: at, revokedBy: by })
        .where((attr, op) => op.eq(attr.status, 'active'))
        .commit(),
      entities.audit.create(audit).commit(),
    ])
    .go();
  assertCommitted(outcome, () => new Conflict('The grant was already revoked.', 'already_revoked'));
};

export const createRequest = async (item: StoredRequest, audit: AuditAttributes): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [entities.grantRequest.create(item).commit(), entities.audit.create(audit).commit()])
    .go();
  assertCommitted(outcome, () => new Conflict('That request already exists.'));
};

export const getRequest = async (targetCompanyId: string, requestId: string): Promise<StoredRequest | null> =>
  ((await requestEntity.get({ targetCompanyId, requestId }).go({ consistent: true })).data as StoredRequest | null) ??
  null;

export const incomingRequests = (targetCompanyId: string, cursor: string | null, limit: number) =>
  page<StoredRequest>(() => requestEntity.query.byTarget({ targetCompanyId }).go({ cursor, limit, pages: 1 }), cursor);

export const outgoingRequests = (requesterCompanyId: string, cursor: string | null, limit: number) =>
  page<StoredRequest>(
    () => requestEntity.query.byRequester({ requesterCompanyId }).go({ cursor, limit, pages: 1, order: 'desc' }),
    cursor,
  );

export const allRequestsOf = async (companyId: string): Promise<StoredRequest[]> => {
  const [incoming, outgoing] = await Promise.all([
    requestEntity.query.byTarget({ targetCompanyId: companyId }).go({ pages: 'all' }),
    requestEntity.query.byRequester({ requesterCompanyId: companyId }).go({ pages: 'all' }),
  ]);
  return [...incoming.data, ...outgoing.data] as StoredRequest[];
};

/** Declines a pending request, with its audit record. */
export const decline = async (
  request: StoredRequest,
  at: string,
  by: string,
  audit: AuditAttributes,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.grantRequest
        .patch({ targetCompanyId: request.targetCompanyId, requestId: request.requestId })
        .set({ status: 'declined', decidedAt: at, decidedBy: by })
        .where((attr, op) => op.eq(attr.status, 'pending'))
        .commit(),
      entities.audit.create(audit).commit(),
    ])
    .go();
  assertCommitted(outcome, () => new Conflict('The request was already decided.', 'already_decided'));
};
