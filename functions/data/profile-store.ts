/**
 * The profile store: a company's Portal Account Information, its Security Profile (the current
 * copy and every saved version) and its annual certifications, with the company changes and
 * obligations their saves make in the same transaction.
 *
 * Items, all in the company's partition `COMPANY#<companyId>`: the account information at sk
 * `ACCOUNT_INFO`; the current profile at `PROFILE`; each version at `PROFILE#V<version>` (the
 * version zero-padded to 9 digits); each certification at `CERT#<certificationId>`.
 */
import { Conflict, ServiceUnavailable, versionConflict } from '../errors.ts';
import type { AccountInfo } from '../schemas/account-info.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';
import type { CompanyRecord, Completion } from '../schemas/company-record.ts';
import type { Obligation } from '../schemas/obligations.ts';
import type { Certification, ProfileVersion } from '../schemas/profile.ts';
import { auditOp } from './audit-store.ts';
import { companyKey, companyPatchOp } from './company-store.ts';
import { closeObligationOp, obligationOp } from './obligation-store.ts';
import {
  and,
  checkOp,
  createOp,
  eq,
  getItem,
  key,
  notExists,
  patchOp,
  putOp,
  queryAll,
  queryPage,
  record,
  transact,
  transactGet,
  type Item,
  type Key,
  type Page,
  type WriteOp,
} from './table-io.ts';
import { assertCommitted } from './transact.ts';

export type { CompanyRecord, Completion };

const partition = (companyId: string) => `COMPANY#${companyId}`;
const accountInfoKey = (companyId: string) => key(partition(companyId), 'ACCOUNT_INFO');
const currentKey = (companyId: string) => key(partition(companyId), 'PROFILE');
const versionKey = (companyId: string, version: number) =>
  key(partition(companyId), `PROFILE#V${String(version).padStart(9, '0')}`);
const certificationKey = (companyId: string, certificationId: string) =>
  key(partition(companyId), `CERT#${certificationId}`);

/** The item still at `seen` (0: none yet), judged by its `version`. */
const atVersion = (seen: number) => (seen === 0 ? notExists('version') : eq('version', seen));

/**
 * Items read as one snapshot (strongly consistent, one round trip), in the order of `keys`, null
 * where absent. A read that collides with a transaction writing one of the items is canceled: a
 * retryable 503, never an item read as absent.
 */
const readTogether = async (keys: readonly Key[]): Promise<Array<Item | null>> => {
  try {
    return await transactGet(keys);
  } catch (error) {
    if ((error as { name?: string }).name === 'TransactionCanceledException')
      throw new ServiceUnavailable('The records are being changed; try again shortly.');
    throw error;
  }
};

/** The company, its account information and its current profile, in one round trip. */
export const load = async (companyId: string): Promise<CompanyRecord> => {
  const [company, info, profile] = await readTogether([
    companyKey(companyId),
    accountInfoKey(companyId),
    currentKey(companyId),
  ]);
  return {
    company: (company as Company | null) ?? null,
    accountInfo: (info as AccountInfo | null) ?? null,
    profile: asVersion((profile as ProfileVersion | null) ?? null),
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

/** The writes of a save that completes the portal update (see `Completion`). */
const completeOps = (companyId: string, completion: Completion): WriteOp[] => [
  companyPatchOp(
    companyId,
    {
      set: {
        portalUpdateCompletedAt: completion.at,
        ...(completion.recertification ? { nextCertificationDueAt: completion.recertification.nextDueAt } : {}),
      },
      add: { version: 1 },
    },
    // A company removed while this save was on its way gets no new obligation.
    and(notExists('portalUpdateCompletedAt'), eq('status', 'active')),
  ),
  closeObligationOp(companyId, 'enrollment'),
  ...(completion.recertification ? [obligationOp(completion.recertification.obligation)] : []),
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
  info: AccountInfo,
  expected: number,
  profileSeen: number,
  audit: AuditRecord,
  completion?: Completion,
): Promise<void> => {
  const outcome = await transact([
    putOp({ ...accountInfoKey(info.companyId), ...info }, atVersion(expected)),
    checkOp(currentKey(info.companyId), atVersion(profileSeen)),
    auditOp(audit),
    ...(completion ? completeOps(info.companyId, completion) : []),
  ]);
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
  audit: AuditRecord,
  completion?: Completion,
): Promise<void> => {
  const outcome = await transact([
    putOp({ ...currentKey(next.companyId), ...next }, atVersion(expected)),
    checkOp(accountInfoKey(next.companyId), atVersion(infoSeen)),
    createOp({ ...versionKey(next.companyId, next.version), ...next }),
    auditOp(audit),
    ...(completion ? completeOps(next.companyId, completion) : []),
  ]);
  assertCommitted(outcome, (index) => (index === 0 ? versionConflict('security profile') : concurrentChange()));
};

export const getVersion = async (companyId: string, version: number): Promise<ProfileVersion | null> =>
  asVersion(await getItem<ProfileVersion>(versionKey(companyId, version)));

/** Newest first; the cursor is opaque, and a forged one is a 400. */
export const listVersions = async (
  companyId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<ProfileVersion>> => {
  const page = await queryPage<ProfileVersion>(
    // `PROFILE#V`, not `PROFILE`: the current copy shares the prefix.
    { partition: partition(companyId), sort: { beginsWith: 'PROFILE#V' } },
    cursor,
    limit,
    { order: 'desc' },
  );
  return { items: page.items.map((item) => asVersion(item)!), cursor: page.cursor };
};

/** A page of the versions, oldest first (the export reads them page by page). */
export const versionsOldestFirst = async (
  companyId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<ProfileVersion>> => {
  const page = await queryPage<ProfileVersion>(
    { partition: partition(companyId), sort: { beginsWith: 'PROFILE#V' } },
    cursor,
    limit,
  );
  return { items: page.items.map((item) => asVersion(item)!), cursor: page.cursor };
};

type StoredCertification = Omit<Certification, 'statement'> & Partial<Pick<Certification, 'statement'>>;

/** Certifications made before the statement was recorded all carried the usual one (`attestation: true`). */
const asCertification = (item: StoredCertification): Certification => ({
  ...item,
  statement: item.statement ?? 'profile-current',
});

/** Every certification of a company, newest first. */
export const listCertifications = async (companyId: string): Promise<Certification[]> =>
  (await queryAll<StoredCertification>({ partition: partition(companyId), sort: { beginsWith: 'CERT#' } }))
    .map(asCertification)
    .sort((a, b) => b.certifiedAt.localeCompare(a.certifiedAt));

export const getCertification = async (companyId: string, certificationId: string): Promise<Certification | null> => {
  const item = await getItem<StoredCertification>(certificationKey(companyId, certificationId));
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
  audit: AuditRecord,
): Promise<void> => {
  const outcome = await transact([
    createOp({
      ...certificationKey(cert.companyId, cert.certificationId),
      ...cert,
    }),
    // The certified version must still be the current one.
    checkOp(currentKey(cert.companyId), eq('version', cert.profileVersion)),
    companyPatchOp(
      company.companyId,
      {
        set: {
          nextCertificationDueAt: cert.nextDueAt,
          certificationStatus: 'submitted',
          lastCertification: {
            certificationId: cert.certificationId,
            profileVersion: cert.profileVersion,
            certifiedAt: cert.certifiedAt,
          },
          version: company.version + 1,
        },
      },
      eq('version', company.version),
    ),
    obligationOp(recertification),
    auditOp(audit),
  ]);
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
  audit: AuditRecord,
): Promise<void> => {
  const outcome = await transact([
    patchOp(certificationKey(cert.companyId, cert.certificationId), { set: decision }, eq('status', 'submitted')),
    companyPatchOp(
      company.companyId,
      { set: { certificationStatus: decision.status, version: company.version + 1 } },
      eq('version', company.version),
    ),
    auditOp(audit),
  ]);
  assertCommitted(
    outcome,
    () =>
      new Conflict(
        'This certification was already reviewed, or the company changed; read it again.',
        'version_conflict',
      ),
  );
};
