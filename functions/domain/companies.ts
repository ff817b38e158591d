import type { Deps } from './deps.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { NotFound } from '../errors.ts';
import { auditItem } from '../data/audit-records.ts';
import { companyView, type Company, type CompanyView, type EnrollCompany } from '../schemas/company.ts';

/** CBP enrolls a company; its POC email is claimed so it can later request the account. */
export const enroll = async (
  deps: Pick<Deps, 'clock' | 'ids' | 'companies'>,
  caller: Caller,
  input: EnrollCompany,
): Promise<CompanyView> => {
  requireRole(caller, CBP_ROLES);
  const now = deps.clock.now();
  const record: Company = {
    companyId: deps.ids.next(),
    legalName: input.legalName,
    category: input.category,
    pocEmail: input.pocEmail.toLowerCase(),
    ...(input.pocName ? { pocName: input.pocName } : {}),
    identifiers: input.identifiers,
    status: 'active',
    enrolledAt: now.toISOString(),
    enrolledBy: caller.userId,
    version: 1,
  };
  const audit = auditItem(
    caller,
    {
      companyId: record.companyId,
      action: 'company.enrolled',
      objectType: 'company',
      objectId: record.companyId,
      changes: { after: record },
    },
    now,
    deps.ids.next(),
  );
  await deps.companies.enroll(record, audit, now.toISOString());
  return companyView(record);
};

/**
 * CBP reads any company; a company's users read only their own (others get 404), with the company
 * read alongside the caller's membership when it is the one asked for (one round trip).
 */
export const get = async (deps: Pick<Deps, 'companies'>, caller: Caller, companyId: string): Promise<CompanyView> => {
  requireCompanyAccess(caller, companyId);
  const found =
    caller.prefetched?.companyId === companyId ? caller.prefetched.record : await deps.companies.get(companyId);
  if (!found) throw new NotFound('No such company.');
  return companyView(found);
};

/**
 * An empty list answers 404 when the company itself does not exist (only CBP can ask for
 * another company's lists, so this read happens only on their empty first pages).
 */
export const requireExistsIfEmpty = async (
  deps: Pick<Deps, 'companies'>,
  companyId: string,
  empty: boolean,
): Promise<void> => {
  if (empty && !(await deps.companies.get(companyId))) throw new NotFound('No such company.');
};
