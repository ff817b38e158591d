/**
 * Grants and grant requests as stored: the records the sharing rules decide and the grant store
 * keeps. A grantee is flattened into one key: a company by its id, a foreign program as
 * `program:<code>` (plain data, so domain code and unit tests use it freely).
 */
import type { Grant, GrantRequest } from './sharing.ts';
import type { Grantee } from './requests/sharing.ts';

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

const PROGRAM = 'program:';

export const granteeKey = (grantee: Grantee): string =>
  grantee.type === 'company' ? grantee.companyId : `${PROGRAM}${grantee.program}`;

export const granteeOf = (stored: Pick<StoredGrant, 'granteeType' | 'granteeId'>): Grantee =>
  stored.granteeType === 'company'
    ? { type: 'company', companyId: stored.granteeId }
    : {
        type: 'program',
        program: stored.granteeId.slice(PROGRAM.length) as Extract<Grantee, { type: 'program' }>['program'],
      };
