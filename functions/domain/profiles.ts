import { isStaff, requireCompanyAccess, type Caller } from './caller.ts';
import type { Clock, Ids } from './clock.ts';
import { answerProblems, changedAnswers, completeness, diff } from './profile-rules.ts';
import { requireExistsIfEmpty, type CompanyStore } from './companies.ts';
import { auditItem } from './audit.ts';
import { openObligation } from './obligations.ts';
import { programDate } from '../definitions/program-time.ts';
import { oneYearAfter } from './certification-rules.ts';
import { CATEGORIES } from '../definitions/categories.ts';
import { Forbidden, NotFound, ValidationFailed, versionConflict } from '../errors.ts';
import type { AccountInfo } from '../schemas/account-info.ts';
import type { SaveAccountInfo } from '../schemas/requests/account-info.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { CompanyRecord, Completion } from '../schemas/company-record.ts';
import type { ProfileVersion } from '../schemas/profile.ts';
import type { Answers } from '../schemas/requests/profile.ts';
import type { Company } from '../schemas/company.ts';

/** Where a company's account information and profile versions are kept. */
export interface ProfileStore {
  /** The company, its account information and its current profile, read together. */
  load(companyId: string): Promise<CompanyRecord>;
  /**
   * Replaces the account information if still at `expected` (0: none), while the profile is
   * still at `profileSeen`, with the audit record and the completion when there is one.
   */
  saveAccountInfo(
    info: AccountInfo,
    expected: number,
    profileSeen: number,
    audit: AuditRecord,
    completion?: Completion,
  ): Promise<void>;
  /** Saves a new version if the current one is still `expected`, while the account information is still at `infoSeen`. */
  saveProfile(
    next: ProfileVersion,
    expected: number,
    infoSeen: number,
    audit: AuditRecord,
    completion?: Completion,
  ): Promise<void>;
  getVersion(companyId: string, version: number): Promise<ProfileVersion | null>;
  /** Newest first, a page at a time. */
  listVersions(
    companyId: string,
    cursor: string | null,
    limit: number,
  ): Promise<{ items: ProfileVersion[]; cursor: string | null }>;
}

/** The company's trail, where CBP's reads of its confidential records are recorded. */
export interface ReadTrail {
  record(entry: AuditRecord): Promise<void>;
}

/** What a save needs: the read of the records it changes, and the save itself. */
type SaveDeps<Save extends 'saveAccountInfo' | 'saveProfile'> = {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly profiles: Pick<ProfileStore, 'load' | Save>;
};

/** The primary POC, or a company user the POC allowed to edit the profile; never CBP. */
const requireEditor = (caller: Caller, companyId: string): void => {
  requireCompanyAccess(caller, companyId);
  if (caller.role === 'primary-poc' || (caller.role === 'company-user' && caller.permissions.editProfile)) return;
  throw new Forbidden(
    caller.role === 'company-user'
      ? 'Your primary POC has not allowed you to edit the profile.'
      : 'Only the company edits its own information.',
  );
};

const loaded = async (
  deps: { readonly profiles: Pick<ProfileStore, 'load'> },
  companyId: string,
): Promise<CompanyRecord & { company: Company }> => {
  const record = await deps.profiles.load(companyId);
  if (!record.company) throw new NotFound('No such company.');
  return record as CompanyRecord & { company: Company };
};

/**
 * Whether this save completes the portal update for the first time; then it also starts the
 * annual cycle of a company never certified (the next sweep schedules its reminders).
 */
const completion = (
  record: CompanyRecord & { company: Company },
  hasInfo: boolean,
  profileComplete: boolean,
  now: Date,
): Completion | undefined => {
  if (record.company.portalUpdateCompletedAt || !hasInfo || !profileComplete) return undefined;
  if (record.company.nextCertificationDueAt) return { at: now.toISOString() };
  const nextDueAt = oneYearAfter(now).toISOString();
  return {
    at: now.toISOString(),
    recertification: {
      nextDueAt,
      obligation: openObligation(record.company, 'recertification', now.toISOString(), {
        dueDate: programDate(nextDueAt),
      }),
    },
  };
};

/** What a read of confidential data needs: the data, and the trail CBP's reads are recorded in. */
type ReadDeps = {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly profiles: Pick<ProfileStore, 'load' | 'getVersion'>;
  readonly auditTrail: ReadTrail;
};

/** CBP reading a company's confidential records is recorded in the company's trail (DESIGN 3.11); the company's own reads are not. */
const recordStaffRead = async (
  deps: ReadDeps,
  caller: Caller,
  companyId: string,
  objectType: string,
  objectId: string,
): Promise<void> => {
  if (!isStaff(caller)) return;
  await deps.auditTrail.record(
    auditItem(
      caller,
      { companyId, action: `${objectType}.read`, objectType, objectId },
      deps.clock.now(),
      deps.ids.next(),
    ),
  );
};

export const getAccountInfo = async (deps: ReadDeps, caller: Caller, companyId: string): Promise<AccountInfo> => {
  requireCompanyAccess(caller, companyId);
  const { accountInfo } = await loaded(deps, companyId);
  if (!accountInfo) throw new NotFound('The company has not entered its account information yet.');
  await recordStaffRead(deps, caller, companyId, 'account-info', `v${accountInfo.version}`);
  return accountInfo;
};

export const saveAccountInfo = async (
  deps: SaveDeps<'saveAccountInfo'>,
  caller: Caller,
  companyId: string,
  input: SaveAccountInfo,
): Promise<AccountInfo> => {
  requireEditor(caller, companyId);
  const record = await loaded(deps, companyId);
  const current = record.accountInfo?.version ?? 0;
  const category = CATEGORIES.find((c) => c.id === record.company.category)!;
  const missingIds = category.identifiers.filter((key) => !input.identifiers[key]);
  if (missingIds.length)
    throw new ValidationFailed(
      missingIds.map((key) => ({ field: `identifiers.${key}`, message: `is required for category ${category.id}` })),
    );
  const now = deps.clock.now();
  const next: AccountInfo = {
    ...input,
    companyId,
    version: current + 1,
    updatedAt: now.toISOString(),
    updatedBy: caller.userId,
  };
  if (input.version !== current) throw versionConflict('account information', current);
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'account-info.saved',
      objectType: 'account-info',
      objectId: companyId,
      changes: { before: record.accountInfo, after: next },
    },
    now,
    deps.ids.next(),
  );
  await deps.profiles.saveAccountInfo(
    next,
    current,
    record.profile?.version ?? 0,
    audit,
    completion(record, true, record.profile?.completeness.complete ?? false, now),
  );
  return next;
};

export const getProfile = async (deps: ReadDeps, caller: Caller, companyId: string) => {
  requireCompanyAccess(caller, companyId);
  const { profile, company } = await loaded(deps, companyId);
  await recordStaffRead(deps, caller, companyId, 'profile', `v${profile?.version ?? 0}`);
  // Before the first save the profile is empty, and its completeness says what is needed.
  return (
    profile ?? {
      companyId,
      version: 0,
      answers: {},
      completeness: completeness(company.category, {}),
      changed: [],
      savedAt: company.enrolledAt,
      savedBy: company.enrolledBy,
    }
  );
};

/**
 * Saves the whole profile as a new immutable version. The save names the version it edits; a
 * stale one is a 409 with the current version, never a silent overwrite.
 */
export const saveProfile = async (
  deps: SaveDeps<'saveProfile'>,
  caller: Caller,
  companyId: string,
  input: { version: number; answers: Answers },
): Promise<ProfileVersion> => {
  requireEditor(caller, companyId);
  const record = await loaded(deps, companyId);
  const problems = answerProblems(record.company.category, input.answers);
  if (problems.length) throw new ValidationFailed(problems);
  const current = record.profile?.version ?? 0;
  if (input.version !== current) throw versionConflict('security profile', current);
  const now = deps.clock.now().toISOString();
  const next: ProfileVersion = {
    companyId,
    version: current + 1,
    answers: input.answers,
    completeness: completeness(record.company.category, input.answers),
    changed: changedAnswers(record.profile?.answers ?? {}, input.answers),
    savedAt: now,
    savedBy: caller.userId,
  };
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'security-profile.saved',
      objectType: 'security-profile',
      objectId: `${companyId}#${next.version}`,
      changes: { version: next.version, changed: next.changed },
    },
    new Date(now),
    deps.ids.next(),
  );
  await deps.profiles.saveProfile(
    next,
    current,
    record.accountInfo?.version ?? 0,
    audit,
    completion(record, Boolean(record.accountInfo), next.completeness.complete, new Date(now)),
  );
  return next;
};

export const listVersions = async (
  deps: { readonly profiles: Pick<ProfileStore, 'listVersions'>; readonly companies: Pick<CompanyStore, 'get'> },
  caller: Caller,
  companyId: string,
  cursor: string | null,
  limit: number,
) => {
  requireCompanyAccess(caller, companyId);
  const page = await deps.profiles.listVersions(companyId, cursor, limit);
  await requireExistsIfEmpty(deps, companyId, page.items.length === 0 && !cursor);
  return { items: page.items.map(({ answers: _a, companyId: _c, ...summary }) => summary), nextCursor: page.cursor };
};

const version = async (deps: { readonly profiles: Pick<ProfileStore, 'getVersion'> }, companyId: string, n: number) => {
  const found = await deps.profiles.getVersion(companyId, n);
  if (!found) throw new NotFound(`No version ${n} of this profile.`);
  return found;
};

export const getVersion = async (deps: ReadDeps, caller: Caller, companyId: string, n: number) => {
  requireCompanyAccess(caller, companyId);
  const found = await version(deps, companyId, n);
  await recordStaffRead(deps, caller, companyId, 'profile', `v${n}`);
  return found;
};

export const diffVersions = async (deps: ReadDeps, caller: Caller, companyId: string, from: number, to: number) => {
  requireCompanyAccess(caller, companyId);
  const [a, b] = await Promise.all([version(deps, companyId, from), version(deps, companyId, to)]);
  await recordStaffRead(deps, caller, companyId, 'profile', `v${from}..v${to}`);
  return { from, to, sections: diff(a.answers, b.answers) };
};
