/**
 * How a grantee is written in a grant's keys, as plain data (no client here, so domain code and
 * unit tests use it freely): a company by its id, a foreign program as `program:<code>`.
 */
import type { Grantee } from '../schemas/sharing.ts';

const PROGRAM = 'program:';

export const granteeKey = (grantee: Grantee): string =>
  grantee.type === 'company' ? grantee.companyId : `${PROGRAM}${grantee.program}`;

export const granteeOf = (stored: {
  readonly granteeType: 'company' | 'program';
  readonly granteeId: string;
}): Grantee =>
  stored.granteeType === 'company'
    ? { type: 'company', companyId: stored.granteeId }
    : {
        type: 'program',
        program: stored.granteeId.slice(PROGRAM.length) as Extract<Grantee, { type: 'program' }>['program'],
      };
