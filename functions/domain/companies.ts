import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import type { Clock, Ids } from './clock.ts';
import { auditItem } from './audit.ts';
import { openObligation } from './obligations.ts';
import { withFreshCode, type CodeSource } from './svi-codes.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { PROGRAM_STATUS_TERMS, programStatusOf } from '../definitions/program-status.ts';
import { NotFound } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Obligation } from '../schemas/obligations.ts';
import type { Company, CompanyView } from '../schemas/company.ts';
import type { EnrollCompany } from '../schemas/requests/companies.ts';

/** Where companies are kept. */
export interface CompanyStore {
  /**
   * Enrollment, all or nothing: the company, the claim on its POC email (a second claim is a 409
   * naming `pocEmail`), the claim on its status-verification code (`CodeTaken` when another
   * company holds it), its enrollment obligation and the audit record.
   */
  enroll(company: Company, enrollment: Obligation, audit: AuditRecord): Promise<void>;
  get(companyId: string): Promise<Company | null>;
}

/**
 * A company as the API shows it: its record, its program status and its benefits, which follow
 * the status (`PROGRAM_STATUS_TERMS`) and are never stored.
 */
export const companyView = (company: Company): CompanyView => {
  const programStatus = programStatusOf(company);
  return { ...company, programStatus, benefits: PROGRAM_STATUS_TERMS[programStatus].benefits };
};

/**
 * CBP enrolls a company; its POC email is claimed so it can later request the account, and it
 * gets its status-verification code (another is drawn if the first is taken).
 */
export const enroll = async (
  deps: {
    readonly clock: Clock;
    readonly ids: Ids;
    readonly codes: CodeSource;
    readonly companies: Pick<CompanyStore, 'enroll'>;
  },
  caller: Caller,
  input: EnrollCompany,
): Promise<CompanyView> => {
  requireRole(caller, CBP_ROLES);
  const now = deps.clock.now();
  const companyId = deps.ids.next();
  const auditId = deps.ids.next();
  return withFreshCode(deps.codes, async (sviCode) => {
    const record = enrollment(caller, input, companyId, sviCode, now);
    const audit = auditItem(
      caller,
      {
        companyId,
        action: 'company.enrolled',
        objectType: 'company',
        objectId: companyId,
        changes: { after: record },
      },
      now,
      auditId,
    );
    // The next sweep schedules the enrollment deadline from the policy then in force.
    await deps.companies.enroll(record, openObligation(record, 'enrollment', record.enrolledAt), audit);
    return companyView(record);
  });
};

const enrollment = (caller: Caller, input: EnrollCompany, companyId: string, sviCode: string, now: Date): Company => ({
  companyId,
  legalName: input.legalName,
  category: input.category,
  pocEmail: input.pocEmail.toLowerCase(),
  ...(input.pocName ? { pocName: input.pocName } : {}),
  identifiers: input.identifiers,
  status: 'active',
  // Enrolled, its profile to be submitted and reviewed: CBP certifies it (decision 92).
  programStatus: 'applicant',
  enrolledAt: now.toISOString(),
  enrolledBy: caller.userId,
  sviCode,
  version: 1,
});

/**
 * CBP reads any company; a company's users read only their own (others get 404), with the company
 * read alongside the caller's membership when it is the one asked for (one round trip).
 */
export const get = async (
  deps: { readonly companies: Pick<CompanyStore, 'get'> },
  caller: Caller,
  companyId: string,
): Promise<CompanyView> => {
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
  deps: { readonly companies: Pick<CompanyStore, 'get'> },
  companyId: string,
  empty: boolean,
): Promise<void> => {
  if (empty && !(await deps.companies.get(companyId))) throw new NotFound('No such company.');
};
