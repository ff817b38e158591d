/**
 * The primary POC hands the role to another active user of the company (DESIGN section 3.2):
 * the company's POC email follows, the open obligations' notices go to the new POC, and the
 * former POC keeps only the permissions the hand-over names (issue 17: none by default).
 */
import type { Clock, Ids } from './clock.ts';
import type { Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import {
  found,
  requireManager,
  view,
  type CompanyReader,
  type Identities,
  type Memberships,
  type OpenObligations,
} from './users.ts';
import { BadRequest, NotFound } from '../errors.ts';
import type { Permissions } from '../schemas/me.ts';
import { logger, asError } from '../log.ts';

/** What the former primary POC keeps when the hand-over names nothing: no powers at all. */
const NO_PERMISSIONS: Permissions = { editProfile: false, authorizeSharing: false };

/**
 * The primary POC hands the role to another active user of the company and becomes a company
 * user with only the permissions the hand-over names (none by default).
 */
export const handOverPrimaryPoc = async (
  deps: {
    clock: Clock;
    ids: Ids;
    identities: Pick<Identities, 'moveToGroup'>;
    members: Pick<Memberships, 'get' | 'handOver'>;
    companies: CompanyReader;
    obligations: OpenObligations;
  },
  caller: Caller,
  companyId: string,
  toUserId: string,
  formerPocPermissions: Permissions = NO_PERMISSIONS,
) => {
  requireManager(caller, companyId);
  if (toUserId === caller.userId)
    throw new BadRequest('You already hold the primary-POC role.', [{ field: 'userId', message: 'is you' }]);
  const [from, to, company, open] = await Promise.all([
    found(deps, companyId, caller.userId),
    found(deps, companyId, toUserId),
    deps.companies.get(companyId),
    deps.obligations.ofCompany(companyId),
  ]);
  if (!company) throw new NotFound('No such company.');
  if (to.status !== 'active')
    throw new BadRequest('The new primary POC must be an active user.', [{ field: 'userId', message: 'is disabled' }]);
  const now = deps.clock.now();
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'company.primary-poc-handed-over',
      objectType: 'user',
      objectId: toUserId,
      changes: {
        from: from.userId,
        to: to.userId,
        pocEmail: { before: company.pocEmail, after: to.email },
        formerPocPermissions,
      },
    },
    now,
    deps.ids.next(),
  );
  await deps.members.handOver(from, to, formerPocPermissions, audit, {
    companyId,
    version: company.version,
    openObligations: open.map((o) => o.kind),
  });
  await Promise.all([
    deps.identities.moveToGroup(from.email, 'primary-poc', 'company-user'),
    deps.identities.moveToGroup(to.email, 'company-user', 'primary-poc'),
  ]).catch((error: unknown) => logger.error('cognito group sync failed', { error: asError(error) }));
  return {
    from: view({ ...from, role: 'company-user', version: from.version + 1, permissions: formerPocPermissions }),
    to: view({
      ...to,
      role: 'primary-poc',
      version: to.version + 1,
      permissions: { editProfile: true, authorizeSharing: true },
    }),
  };
};
