/**
 * Sharing authorizations (DESIGN section 3.10): a company's grants, listed under the owner and
 * found by grantee, and the requests companies make of each other.
 */
import { Entity } from 'electrodb';
import { documents, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';
import { SCOPES } from '../schemas/sharing.ts';

const config = { table: TABLE_NAME, client: documents };
const { gsi1 } = TABLE.indexes;

/** A grant from its owner to a grantee: a company (`granteeId` its id) or a foreign program (`granteeId` `program:<code>`). */
export const grant = new Entity(
  {
    model: { entity: 'grant', version: '1', service: 'portal' },
    attributes: {
      ownerCompanyId: { type: 'string', required: true },
      grantId: { type: 'string', required: true },
      ownerLegalName: { type: 'string', required: true },
      granteeType: { type: ['company', 'program'] as const, required: true },
      granteeId: { type: 'string', required: true },
      granteeName: { type: 'string', required: true },
      scope: { type: SCOPES, required: true },
      expiresOn: { type: 'string', required: true },
      status: { type: ['active', 'revoked'] as const, required: true },
      createdAt: { type: 'string', required: true },
      createdBy: { type: 'string', required: true },
      revokedAt: { type: 'string' },
      revokedBy: { type: 'string' },
      requestId: { type: 'string' },
    },
    indexes: {
      byOwner: {
        pk: {
          field: TABLE.partitionKey,
          composite: ['ownerCompanyId'],
          template: 'COMPANY#${ownerCompanyId}',
          casing: 'none',
        },
        sk: { field: TABLE.sortKey, composite: ['grantId'], template: 'GRANT#${grantId}', casing: 'none' },
      },
      /** What was shared with a company (or program), grouped by owner. */
      byGrantee: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: ['granteeId'], template: 'GRANTEE#${granteeId}', casing: 'none' },
        sk: {
          field: gsi1.sortKey,
          composite: ['ownerCompanyId', 'grantId'],
          template: 'GRANT#${ownerCompanyId}#${grantId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/** One company asking another for a grant; the target accepts (a grant is made) or declines. */
export const grantRequest = new Entity(
  {
    model: { entity: 'grantRequest', version: '1', service: 'portal' },
    attributes: {
      targetCompanyId: { type: 'string', required: true },
      requestId: { type: 'string', required: true },
      requesterCompanyId: { type: 'string', required: true },
      requesterLegalName: { type: 'string', required: true },
      scope: { type: SCOPES, required: true },
      message: { type: 'string' },
      status: { type: ['pending', 'accepted', 'declined'] as const, required: true },
      requestedAt: { type: 'string', required: true },
      requestedBy: { type: 'string', required: true },
      decidedAt: { type: 'string' },
      decidedBy: { type: 'string' },
      grantId: { type: 'string' },
    },
    indexes: {
      byTarget: {
        pk: {
          field: TABLE.partitionKey,
          composite: ['targetCompanyId'],
          template: 'COMPANY#${targetCompanyId}',
          casing: 'none',
        },
        sk: { field: TABLE.sortKey, composite: ['requestId'], template: 'GRANTREQ#${requestId}', casing: 'none' },
      },
      /** The requests a company made, newest first. */
      byRequester: {
        index: gsi1.name,
        pk: {
          field: gsi1.partitionKey,
          composite: ['requesterCompanyId'],
          template: 'GRANTREQ-FROM#${requesterCompanyId}',
          casing: 'none',
        },
        sk: {
          field: gsi1.sortKey,
          composite: ['requestedAt', 'requestId'],
          template: '${requestedAt}#${requestId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);
