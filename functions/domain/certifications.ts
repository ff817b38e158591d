import type { Deps } from './deps.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { auditItem } from '../data/audit-records.ts';
import { requireExistsIfEmpty } from './companies.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { BadRequest, Conflict, NotFound, ValidationFailed, versionConflict } from '../http/errors.ts';
import type { Certification } from '../schemas/profile.ts';
import { REVIEW_WINDOW_DAYS } from '../definitions/deadlines.ts';
import { openObligation } from '../data/obligation-records.ts';
import { addYears, programDate, programDayStart } from '../definitions/program-time.ts';

/**
 * The next certification's due date, a calendar year after the program date of `from`, as the
 * instant that program day starts (so both its UTC and its Washington date read the due date).
 */
export const oneYearAfter = (from: Date): Date => programDayStart(addYears(programDate(from), 1));

/** The start (00:00 Eastern) of the day the review window opens: the day the sweep's window reminder goes out. */
export const windowOpensAt = (dueAt: string): Date => programDayStart(programDate(dueAt), -REVIEW_WINDOW_DAYS);

type CertDeps = Pick<Deps, 'clock' | 'ids' | 'profiles'>;

/**
 * The primary POC certifies that the profile is current. It must name the current, complete
 * version; a later certification waits for the review window (90 days before the due date),
 * unless CBP sent the last one back, which must be resubmitted at once.
 */
export const certify = async (deps: CertDeps, caller: Caller, companyId: string, input: { profileVersion: number }): Promise<Certification> => {
  requireCompanyAccess(caller, companyId);
  requireRole(caller, ['primary-poc']);
  const { company, profile } = await deps.profiles.load(companyId);
  if (!company) throw new NotFound('No such company.');
  if (!profile) throw new BadRequest('Complete and save the security profile before certifying it.', [{ field: 'profileVersion', message: 'no profile saved yet' }], 'profile_missing');
  if (input.profileVersion !== profile.version) throw versionConflict('security profile', profile.version);
  if (!profile.completeness.complete) {
    throw new ValidationFailed(profile.completeness.missing.map((m) => ({ field: `answers.${m.section}.${m.question}`, message: 'is required before certifying' })));
  }
  const now = deps.clock.now();
  // The first certification may come at any time; later ones wait for the review window.
  if (company.nextCertificationDueAt && company.certificationStatus && company.certificationStatus !== 'returned') {
    const opens = windowOpensAt(company.nextCertificationDueAt);
    if (now < opens) {
      throw new Conflict(
        `The next certification is due on ${programDate(company.nextCertificationDueAt)}; the review window opens on ${programDate(opens)}.`,
        'window_not_open',
        [{ field: '', message: `certify on or after ${programDate(opens)}` }],
      );
    }
  }
  const cert: Certification = {
    companyId,
    certificationId: deps.ids.next(),
    profileVersion: profile.version,
    certifiedBy: caller.userId,
    certifiedAt: now.toISOString(),
    nextDueAt: oneYearAfter(now).toISOString(),
    status: 'submitted',
  };
  const audit = auditItem(caller, { companyId, action: 'certification.submitted', objectType: 'certification', objectId: cert.certificationId, changes: { after: cert } }, now, deps.ids.next());
  const recertification = openObligation(company, 'recertification', cert.certifiedAt, { dueDate: programDate(cert.nextDueAt) });
  await deps.profiles.certify(cert, company, recertification, audit);
  return cert;
};

export const listCertifications = async (deps: Pick<Deps, 'profiles' | 'companies'>, caller: Caller, companyId: string) => {
  requireCompanyAccess(caller, companyId);
  const items = await deps.profiles.listCertifications(companyId);
  await requireExistsIfEmpty(deps, companyId, items.length === 0);
  return { items };
};

/** A CBP officer approves a submitted certification or sends it back with comments. */
export const review = async (deps: CertDeps, caller: Caller, companyId: string, certificationId: string, input: { decision: 'approve' | 'return'; comments?: string }): Promise<Certification> => {
  requireRole(caller, CBP_ROLES);
  const [cert, { company }] = await Promise.all([deps.profiles.getCertification(companyId, certificationId), deps.profiles.load(companyId)]);
  if (!cert || !company) throw new NotFound('No such certification.');
  if (cert.status !== 'submitted') throw new Conflict(`This certification was already ${cert.status === 'approved' ? 'approved' : 'sent back'}.`, 'already_reviewed');
  const now = deps.clock.now();
  const decision = {
    status: input.decision === 'approve' ? ('approved' as const) : ('returned' as const),
    reviewedBy: caller.userId,
    reviewedAt: now.toISOString(),
    ...(input.comments ? { comments: input.comments } : {}),
  };
  const audit = auditItem(
    caller,
    { companyId, action: input.decision === 'approve' ? 'certification.approved' : 'certification.returned', objectType: 'certification', objectId: certificationId, changes: { set: decision } },
    now,
    deps.ids.next(),
  );
  await deps.profiles.review(cert, company, decision, audit);
  return { ...cert, ...decision };
};
