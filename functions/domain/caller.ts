import { CBP_COMPANY_ID, isCbp, type Role } from '../definitions/roles.ts';
import type { Company } from '../schemas/company.ts';
import type { CompanyStatus } from '../schemas/fields.ts';
import type { Permissions } from '../schemas/me.ts';
import { Forbidden, NotFound } from '../errors.ts';

/**
 * Who is calling, as the portal's own records say (the token only proves identity). Built
 * once per request by the handler wrapper from the membership and company items.
 */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly companyId: string;
  readonly permissions: Permissions;
  readonly company: { readonly companyId: string; readonly legalName: string; readonly status: CompanyStatus | 'cbp' };
  /** Client address as API Gateway saw it, for the audit trail. */
  readonly sourceIp: string;
  /** When the user last re-authenticated inside a session (a signature needs it within minutes; decision 95). */
  readonly reauthenticatedAt?: string;
  /** Whether the user has verified an authenticator app (required of CBP staff). */
  readonly mfaEnrolled: boolean;
  /** Whether the portal serves them only once they have an authenticator app (staff; POCs when required). */
  readonly mfaRequired?: boolean;
  /**
   * The company item read in the same consistent transactional get as the membership: the
   * caller's own, or for CBP staff the one the path names (record null when there is none).
   * A read of that company then costs no second round trip (DESIGN section 9).
   */
  readonly prefetched?: { readonly companyId: string; readonly record: Company | null };
}

export const isStaff = (caller: Caller): boolean => isCbp(caller.role) && caller.companyId === CBP_COMPANY_ID;

/** Domain-level role check: the route table already filtered, this is the second lock. */
export const requireRole = (caller: Caller, roles: readonly Role[]): void => {
  if (!roles.includes(caller.role)) throw new Forbidden();
};

/**
 * CBP staff may read any company; a company's users only their own. Another company's id
 * answers 404 so ids cannot be probed.
 */
export const requireCompanyAccess = (caller: Caller, companyId: string): void => {
  if (isStaff(caller)) return;
  if (caller.companyId !== companyId) throw new NotFound('No such company.');
};
