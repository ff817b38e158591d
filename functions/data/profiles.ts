import { portal, profileVersion, certification as certificationEntity } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { BadRequest, Conflict, versionConflict } from '../errors.ts';
import type { AccountInfo } from '../schemas/account-info.ts';
import type { Certification, ProfileVersion } from '../schemas/profile.ts';
import type { Company } from '../schemas/company.ts';
import { closeObligation, putObligation } from './obligations.ts';
import type { Obligation } from './obligation-records.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

export interface CompanyRecord {
  readonly company: Company | null;
  readonly accountInfo: AccountInfo | null;
  readonly profile: ProfileVersion | null;
}

/** The company, its account information and its current profile, in one round trip. */
export const load = async (companyId: string): Promise<CompanyRecord> => {
  const { data } = await portal.transaction
    .get(({ company, accountInfo, profileCurrent }) => [
      company.get({ companyId }).commit(),
      accountInfo.get({ companyId }).commit(),
      profileCurrent.get({ companyId }).commit(),
    ])
    .go();
  const [company, info, profile] = data;
  return {
    company: (company?.item as Company | null) ?? null,
    accountInfo: (info?.item as AccountInfo | null) ?? null,
    profile: asVersion((profile?.item as ProfileVersion | null) ?? null),
  };
};

/**
 * A stored version as the API shows it. Versions saved before `answered` counted required
 * questions only carry a count that includes optional answers ("30 of 26"); the required
 * answers given are exactly the required questions less the ones missing at that save.
 */
const asVersion = (item: ProfileVersion | null): ProfileVersion | null =>
  item && {
    ...item,
    completeness: { ...item.completeness, answered: item.completeness.required - item.completeness.missing.length },
  };

type TransactionEntities = Parameters<Parameters<typeof portal.transaction.write>[0]>[0];

/**
 * The save that completes the portal update for the first time: it marks the company, closes
 * the enrollment-deadline obligation and, for a company never certified, starts the annual
 * cycle (the first recertification falls due a year later).
 */
export interface Completion {
  readonly at: string;
  readonly recertification?: { readonly nextDueAt: string; readonly obligation: Obligation };
}

const complete = (entities: TransactionEntities, companyId: string, completion: Completion) => [
  entities.company
    .patch({ companyId })
    .set({
      portalUpdateCompletedAt: completion.at,
      ...(completion.recertification ? { nextCertificationDueAt: completion.recertification.nextDueAt } : {}),
    })
    .add({ version: 1 })
    // A company removed while this save was on its way gets no new obligation.
    .where((attr, op) => `${op.notExists(attr.portalUpdateCompletedAt)} AND ${op.eq(attr.status, 'active')}`)
    .commit(),
  closeObligation(entities, companyId, 'enrollment'),
  ...(completion.recertification ? [putObligation(entities, completion.recertification.obligation)] : []),
];

/** A record changed by someone else between our read and this write: nothing was saved. */
const concurrentChange = () =>
  new Conflict("The company's records changed while you saved; read them again and retry.", 'concurrent_change');

/**
 * Replaces the account information if it is still at `expected` (0: none yet), with its audit
 * record. The profile must still be at `profileSeen` (0: none), the version whose completeness
 * decided `completesAt`, so two concurrent saves cannot both miss the completion.
 */
export const saveAccountInfo = async (
  record: AccountInfo,
  expected: number,
  profileSeen: number,
  audit: AuditAttributes,
  completion?: Completion,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.accountInfo
        .put(record)
        .where((attr, op) => (expected === 0 ? op.notExists(attr.version) : op.eq(attr.version, expected)))
        .commit(),
      entities.profileCurrent
        .check({ companyId: record.companyId })
        .where((attr, op) => (profileSeen === 0 ? op.notExists(attr.version) : op.eq(attr.version, profileSeen)))
        .commit(),
      entities.audit.create(audit).commit(),
      ...(completion ? complete(entities, record.companyId, completion) : []),
    ])
    .go();
  assertCommitted(outcome, (index) => (index === 0 ? versionConflict('account information') : concurrentChange()));
};

/**
 * Saves a new profile version: the immutable version item, the current copy (only if it is
 * still at `expected`), the audit record, and the enrollment mark when this save completes it.
 * The account information must still be at `infoSeen` (0: none), as for saveAccountInfo.
 */
export const saveProfile = async (
  next: ProfileVersion,
  expected: number,
  infoSeen: number,
  audit: AuditAttributes,
  completion?: Completion,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.profileCurrent
        .put(next)
        .where((attr, op) => (expected === 0 ? op.notExists(attr.version) : op.eq(attr.version, expected)))
        .commit(),
      entities.accountInfo
        .check({ companyId: next.companyId })
        .where((attr, op) => (infoSeen === 0 ? op.notExists(attr.version) : op.eq(attr.version, infoSeen)))
        .commit(),
      entities.profileVersion.create(next).commit(),
      entities.audit.create(audit).commit(),
      ...(completion ? complete(entities, next.companyId, completion) : []),
    ])
    .go();
  assertCommitted(outcome, (index) => (index === 0 ? versionConflict('security profile') : concurrentChange()));
};

export const getVersion = async (companyId: string, version: number): Promise<ProfileVersion | null> =>
  asVersion(((await profileVersion.get({ companyId, version }).go()).data as ProfileVersion | null) ?? null);

/** Newest first; the cursor is opaque, and a forged one is a 400. */
export const listVersions = async (companyId: string, cursor: string | null, limit: number) => {
  try {
    const page = await profileVersion.query.byCompany({ companyId }).go({ cursor, limit, pages: 1, order: 'desc' });
    return { items: (page.data as ProfileVersion[]).map((item) => asVersion(item)!), cursor: page.cursor };
  } catch (error) {
    if (cursor)
      throw new BadRequest(
        'The cursor is not one this list gave out.',
        [{ field: 'cursor', message: 'invalid' }],
        'invalid_cursor',
      );
    throw error;
  }
};

type StoredCertification = Omit<Certification, 'statement'> & Partial<Pick<Certification, 'statement'>>;

/** Certifications made before the statement was recorded all carried the usual one (`attestation: true`). */
const asCertification = (item: StoredCertification): Certification => ({
  ...item,
  statement: item.statement ?? 'profile-current',
});

export const listCertifications = async (companyId: string): Promise<Certification[]> =>
  ((await certificationEntity.query.byCompany({ companyId }).go({ pages: 'all' })).data as StoredCertification[])
    .map(asCertification)
    .sort((a, b) => b.certifiedAt.localeCompare(a.certifiedAt));

export const getCertification = async (companyId: string, certificationId: string): Promise<Certification | null> => {
  const item = (await certificationEntity.get({ companyId, certificationId }).go()).data as StoredCertification | null;
  return item ? asCertification(item) : null;
};

/**
 * Records a certification and moves the company's next due date, its last certification (which
 * a later certification of the same version re-confirms) and its recertification obligation, if
 * the company is still at its version (so two certifications cannot race), with the audit record.
 */
export const certify = async (
  cert: Certification,
  company: Company,
  recertification: Obligation,
  audit: AuditAttributes,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.certification.create(cert).commit(),
      // The certified version must still be the current one.
      entities.profileCurrent
        .check({ companyId: cert.companyId })
        .where((attr, op) => op.eq(attr.version, cert.profileVersion))
        .commit(),
      entities.company
        .patch({ companyId: company.companyId })
        .set({
          nextCertificationDueAt: cert.nextDueAt,
          certificationStatus: 'submitted',
          lastCertification: {
            certificationId: cert.certificationId,
            profileVersion: cert.profileVersion,
            certifiedAt: cert.certifiedAt,
          },
          version: company.version + 1,
        })
        .where((attr, op) => op.eq(attr.version, company.version))
        .commit(),
      putObligation(entities, recertification),
      entities.audit.create(audit).commit(),
    ])
    .go();
  assertCommitted(
    outcome,
    () => new Conflict('The company changed while you certified; read it again and retry.', 'version_conflict'),
  );
};

/** CBP's decision on a submitted certification, mirrored on the company, with the audit record. */
export const review = async (
  cert: Certification,
  company: Company,
  decision: Pick<Certification, 'status' | 'reviewedBy' | 'reviewedAt' | 'comments'>,
  audit: AuditAttributes,
): Promise<void> => {
  const outcome = await portal.transaction
    .write(({ certification, company: companyEntity, audit: auditEntity }) => [
      certification
        .patch({ companyId: cert.companyId, certificationId: cert.certificationId })
        .set(decision)
        .where((attr, op) => op.eq(attr.status, 'submitted'))
        .commit(),
      companyEntity
        .patch({ companyId: company.companyId })
        .set({ certificationStatus: decision.status, version: company.version + 1 })
        .where((attr, op) => op.eq(attr.version, company.version))
        .commit(),
      auditEntity.create(audit).commit(),
    ])
    .go();
  assertCommitted(
    outcome,
    () =>
      new Conflict(
        'This certification was already reviewed, or the company changed; read it again.',
        'version_conflict',
      ),
  );
};
