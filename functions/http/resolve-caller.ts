import type { APIGatewayProxyEvent } from 'aws-lambda';
import { Forbidden, Unauthorized } from '../errors.ts';
import { sourceIp } from './request.ts';
import { Id } from '../schemas/id.ts';
import { getMembershipWithCompany } from '../data/membership-store.ts';
import { CBP_COMPANY_ID, secondFactorRequired } from '../definitions/roles.ts';
import type { Route } from '../definitions/routes/types.ts';
import type { Caller } from '../domain/caller.ts';

/**
 * Builds the caller from the verified token's subject and company id (set by API Gateway's
 * Cognito authorizer, or the dev server doing the same), then from the portal's own records:
 * a disabled user, a deleted membership or a removed company take effect at once.
 */
export const resolveCaller = async (event: APIGatewayProxyEvent, route: Route): Promise<Caller> => {
  const claims = (event.requestContext.authorizer?.claims ?? {}) as Record<string, string | undefined>;
  const userId = claims.sub;
  const companyId = claims['custom:companyId'];
  if (!userId || !companyId) throw new Unauthorized();

  const isCbp = companyId === CBP_COMPANY_ID;
  // Staff have no company item of their own; the company the path names is read instead, so
  // that a staff read of one company is one round trip too (DESIGN section 9).
  const viewed = isCbp ? Id.safeParse(event.pathParameters?.companyId) : undefined;
  const readCompanyId = viewed?.success ? viewed.data : companyId;
  const { membership, company: read } = await getMembershipWithCompany(companyId, readCompanyId, userId);
  const company = isCbp ? null : read;
  if (!membership) throw new Unauthorized('Your portal account no longer exists.');
  if (membership.status !== 'active') throw new Forbidden('Your portal account is disabled.');
  if (route.auth === 'public' || !route.auth.includes(membership.role)) throw new Forbidden();

  // DESIGN section 7: CBP staff (whose pool already requires an app at every sign-in) and, when
  // the deployment requires it, primary POCs use a second factor. Until they have set up an
  // authenticator app, the portal serves them only the set-up and who they are.
  const mfaRequired = secondFactorRequired(membership.role, process.env.REQUIRE_POC_MFA === 'true');
  if (mfaRequired && !membership.mfaEnrolledAt && !route.allowWithoutMfa) {
    throw new Forbidden(
      'You must set up an authenticator app first: POST /me/mfa/totp, then /me/mfa/totp/verification.',
      'mfa_required',
    );
  }
  if (!isCbp && !company) throw new Forbidden('Your company is not enrolled.');
  if (company?.status === 'removed' && !route.allowRemovedCompany) {
    throw new Forbidden('Your company has been removed from C-TPAT; you may read messages and reapply.');
  }
  return {
    userId,
    email: membership.email,
    name: membership.name,
    role: membership.role,
    companyId,
    permissions: membership.permissions,
    company: company
      ? { companyId, legalName: company.legalName, status: company.status }
      : { companyId: CBP_COMPANY_ID, legalName: 'U.S. Customs and Border Protection', status: 'cbp' },
    sourceIp: sourceIp(event),
    mfaEnrolled: Boolean(membership.mfaEnrolledAt),
    ...(membership.reauthenticatedAt ? { reauthenticatedAt: membership.reauthenticatedAt } : {}),
    mfaRequired,
    ...(isCbp && !viewed?.success ? {} : { prefetched: { companyId: readCompanyId, record: read } }),
  };
};
