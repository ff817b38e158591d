import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import type { Clock, Ids } from './clock.ts';
import { auditItem } from './audit.ts';
import { requireExistsIfEmpty, type CompanyStore } from './companies.ts';
import { certificationFor, readerOf } from './disclosure.ts';
import { openObligation } from './obligations.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { BadRequest, Conflict, NotFound, ValidationFailed, versionConflict } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { CompanyRecord } from '../schemas/company-record.ts';
import type { Obligation } from '../schemas/obligations.ts';
import type { Certification } from '../schemas/profile.ts';
import type { Certify } from '../schemas/requests/profile.ts';
import type { Company } from '../schemas/company.ts';
import { programDate } from '../definitions/program-time.ts';
import { CERTIFICATION_STATEMENTS } from '../definitions/certification-statements.ts';
import { profileHash, requireFreshReauthentication } from './signatures.ts';
import {
  certificationWindow,
  oneYearAfter,
  statementFor,
  windowNotOpenMessage,
  type LastCertification,
} from './certification-rules.ts';

/** Where certifications are kept, with the company and profile they certify. */
export interface CertificationStore {
  /** The company, its account information and its current profile, read together. */
  load(companyId: string): Promise<CompanyRecord>;
  /** Every certification of the company, newest first. */
  listCertifications(companyId: string): Promise<Certification[]>;
  getCertification(companyId: string, certificationId: string): Promise<Certification | null>;
  /**
   * Records the certification with the company's next due date, last certification and
   * recertification obligation, and the audit record, only while the company is at
   * `company.version` and the profile at `cert.profileVersion` (a 409 otherwise).
   */
  certify(cert: Certification, company: Company, recertification: Obligation, audit: AuditRecord): Promise<void>;
  /** CBP's decision on a still-submitted certification, mirrored on the company at `company.version`. */
  review(
    cert: Certification,
    company: Company,
    decision: Pick<Certification, 'status' | 'reviewedBy' | 'reviewedAt' | 'comments'>,
    audit: AuditRecord,
  ): Promise<void>;
}

type CertDeps<Needs extends keyof CertificationStore> = {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly profiles: Pick<CertificationStore, Needs>;
};

/**
 * The company's last certification. The company record names it; a company certified before it
 * did (its `certificationStatus` set, no `lastCertification`) has it looked up once more.
 */
const lastCertification = async (
  deps: { readonly profiles: Pick<CertificationStore, 'listCertifications'> },
  company: Company,
): Promise<LastCertification | undefined> => {
  if (company.lastCertification || !company.certificationStatus) return company.lastCertification;
  const [newest] = await deps.profiles.listCertifications(company.companyId);
  return (
    newest && {
      certificationId: newest.certificationId,
      profileVersion: newest.profileVersion,
      certifiedAt: newest.certifiedAt,
    }
  );
};

/**
 * The statement the request must make: `reviewedUnchanged: true` exactly when the profile has not
 * changed since the last certification, so the record never says less, or more, than is true.
 */
const requireStatement = (input: Certify, profileVersion: number, last: LastCertification | undefined) => {
  const statement = statementFor(profileVersion, last);
  if (statement === 'reviewed-unchanged' && !input.reviewedUnchanged) {
    throw new BadRequest(
      `The security profile has not changed since the certification of ${last!.certifiedAt.slice(0, 10)} (version ${profileVersion}). State that you reviewed it and it is still accurate.`,
      [
        {
          field: 'reviewedUnchanged',
          message: 'must be true: the profile has not changed since the last certification',
        },
      ],
      'statement_required',
    );
  }
  if (statement === 'profile-current' && input.reviewedUnchanged) {
    throw new BadRequest(
      last
        ? `The security profile changed since the last certification (version ${last.profileVersion}); certify the changed profile without stating it is unchanged.`
        : 'The company has not certified before; there is no earlier certification to re-confirm.',
      [
        {
          field: 'reviewedUnchanged',
          message: last
            ? `must be left out: the profile changed since version ${last.profileVersion}`
            : 'must be left out: nothing was certified before',
        },
      ],
      'statement_not_true',
    );
  }
  return { statement, ...(statement === 'reviewed-unchanged' ? { reconfirms: last! } : {}) };
};

/**
 * The primary POC certifies that the profile is current (decision 20). It must name the current,
 * complete version. The first certification may be made at once; a certification CBP sent back
 * may be resubmitted at once; any other waits for the review window, 90 days before the due date.
 */
export const certify = async (
  deps: CertDeps<'load' | 'listCertifications' | 'certify'>,
  caller: Caller,
  companyId: string,
  input: Certify,
): Promise<Certification> => {
  requireCompanyAccess(caller, companyId);
  requireRole(caller, ['primary-poc']);
  const { company, profile } = await deps.profiles.load(companyId);
  if (!company) throw new NotFound('No such company.');
  if (!profile)
    throw new BadRequest(
      'Complete and save the security profile before certifying it.',
      [{ field: 'profileVersion', message: 'no profile saved yet' }],
      'profile_missing',
    );
  if (input.profileVersion !== profile.version) throw versionConflict('security profile', profile.version);
  if (!profile.completeness.complete) {
    throw new ValidationFailed(
      profile.completeness.missing.map((m) => ({
        field: `answers.${m.section}.${m.question}`,
        message: 'is required before certifying',
      })),
    );
  }
  const now = deps.clock.now();
  const window = certificationWindow(company, now);
  if (window.kind === 'not-yet') {
    throw new Conflict(windowNotOpenMessage(window), 'window_not_open', [
      { field: '', message: `certify on or after ${window.opensOn}` },
    ]);
  }
  const statement = requireStatement(input, profile.version, await lastCertification(deps, company));
  // The signature (decision 95): only within minutes of the POC confirming who they are.
  const reauthenticatedAt = requireFreshReauthentication(caller, now);
  const cert: Certification = {
    companyId,
    certificationId: deps.ids.next(),
    profileVersion: profile.version,
    certifiedBy: caller.userId,
    certifiedAt: now.toISOString(),
    nextDueAt: oneYearAfter(now).toISOString(),
    status: 'submitted',
    ...statement,
    signature: {
      signedBy: caller.userId,
      signerName: caller.name,
      signedAt: now.toISOString(),
      reauthenticatedAt,
      statementText: CERTIFICATION_STATEMENTS[statement.statement],
      profileHash: profileHash(profile),
    },
  };
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'certification.submitted',
      objectType: 'certification',
      objectId: cert.certificationId,
      changes: { after: cert },
    },
    now,
    deps.ids.next(),
  );
  const recertification = openObligation(company, 'recertification', cert.certifiedAt, {
    dueDate: programDate(cert.nextDueAt),
  });
  await deps.profiles.certify(cert, company, recertification, audit);
  return cert;
};

export const listCertifications = async (
  deps: {
    readonly profiles: Pick<CertificationStore, 'listCertifications'>;
    readonly companies: Pick<CompanyStore, 'get'>;
  },
  caller: Caller,
  companyId: string,
) => {
  requireCompanyAccess(caller, companyId);
  const items = await deps.profiles.listCertifications(companyId);
  await requireExistsIfEmpty(deps, companyId, items.length === 0);
  return { items: items.map(certificationFor(readerOf(caller))) };
};

/** A CBP officer approves a submitted certification or sends it back with comments. */
export const review = async (
  deps: CertDeps<'load' | 'getCertification' | 'review'>,
  caller: Caller,
  companyId: string,
  certificationId: string,
  input: { decision: 'approve' | 'return'; comments?: string },
): Promise<Certification> => {
  requireRole(caller, CBP_ROLES);
  const [cert, { company }] = await Promise.all([
    deps.profiles.getCertification(companyId, certificationId),
    deps.profiles.load(companyId),
  ]);
  if (!cert || !company) throw new NotFound('No such certification.');
  if (cert.status !== 'submitted')
    throw new Conflict(
      `This certification was already ${cert.status === 'approved' ? 'approved' : 'sent back'}.`,
      'already_reviewed',
    );
  const now = deps.clock.now();
  const decision = {
    status: input.decision === 'approve' ? ('approved' as const) : ('returned' as const),
    reviewedBy: caller.userId,
    reviewedAt: now.toISOString(),
    ...(input.comments ? { comments: input.comments } : {}),
  };
  const audit = auditItem(
    caller,
    {
      companyId,
      action: input.decision === 'approve' ? 'certification.approved' : 'certification.returned',
      objectType: 'certification',
      objectId: certificationId,
      changes: { set: decision },
    },
    now,
    deps.ids.next(),
  );
  await deps.profiles.review(cert, company, decision, audit);
  return { ...cert, ...decision };
};
