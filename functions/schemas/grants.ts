/**
 * Grants and grant requests as stored: the records the sharing rules decide and the grant store
 * keeps. A grantee is flattened into one key: a company by its id, a foreign program as
 * `program:<code>` (plain data, so domain code and unit tests use it freely).
 */
import type { Grant, GrantRequest, NamedGrantee } from './sharing.ts';

export interface StoredGrant {
  readonly ownerCompanyId: string;
  readonly grantId: string;
  readonly ownerLegalName: string;
  readonly granteeType: 'company' | 'program';
  readonly granteeId: string;
  readonly granteeName: string;
  /** A company grantee's status-verification code when it had one: how its owner knows it (decision 85). */
  readonly granteeCode?: string;
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

export const granteeKey = (grantee: NamedGrantee): string =>
  grantee.type === 'company' ? grantee.companyId : `${PROGRAM}${grantee.program}`;

export const granteeOf = (stored: Pick<StoredGrant, 'granteeType' | 'granteeId' | 'granteeCode'>): NamedGrantee =>
  stored.granteeType === 'company'
    ? { type: 'company', companyId: stored.granteeId, ...(stored.granteeCode ? { code: stored.granteeCode } : {}) }
    : {
        type: 'program',
        program: stored.granteeId.slice(PROGRAM.length) as Extract<NamedGrantee, { type: 'program' }>['program'],
      };
