/**
 * A company's standing in the program (DESIGN sections 3.6 and 3.7): CBP removes a company or
 * extends its deadline; a removed company's primary POC reapplies and CBP accepts it back with
 * a new deadline, or a CBP administrator reinstates it. Each change is audited and tells the
 * company (and, for removals and reapplications, CBP's program mailbox) by email.
 */
import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { openObligation } from './obligations.ts';
import { programDate, programDayStart } from '../definitions/program-time.ts';
import * as notices from './notices.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { shardOf } from './shards.ts';
import { Conflict, NotFound, ValidationFailed, versionConflict } from '../errors.ts';
import { companyView } from './companies.ts';
import type { Company, CompanyView } from '../schemas/company.ts';
import type { Obligation } from '../schemas/obligations.ts';
import type { StandingChange } from '../schemas/standing.ts';

/** The companies whose standing changes. */
export interface CompanyReader {
  get(companyId: string): Promise<Company | null>;
}

/** Writes one change of standing all or nothing; false when the company was no longer as read. */
export interface StandingStore {
  changeStanding(change: StandingChange): Promise<boolean>;
}

/** What a change of standing needs; its notices go out through the outbox, off the request. */
export interface StandingDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: CompanyReader;
  readonly standing: StandingStore;
  /** CBP's C-TPAT program mailbox, which hears of removals and reapplications. */
  readonly programEmail: string;
}

const found = async (deps: Pick<StandingDeps, 'companies'>, companyId: string): Promise<Company> => {
  const company = await deps.companies.get(companyId);
  if (!company) throw new NotFound('No such company.');
  return company;
};

const requireVersion = (company: Company, version: number) => {
  if (version !== company.version) throw versionConflict('company', company.version);
};

/** A new due date must be a day after today (in program time). */
const requireFuture = (deadline: string, now: Date) => {
  const today = programDate(now);
  if (deadline <= today) throw new ValidationFailed([{ field: 'deadline', message: `must be after ${today}` }]);
};

/** Writes the change with its notices' deliveries (the outbox's sender sends them, off the request). */
const commit = async (
  deps: StandingDeps,
  company: Company,
  change: Omit<StandingChange, 'companyId' | 'category'>,
): Promise<CompanyView> => {
  if (!(await deps.standing.changeStanding({ ...change, companyId: company.companyId, category: company.category })))
    throw versionConflict('company');
  const updated: Record<string, unknown> = { ...company, ...change.set, version: company.version + 1 };
  for (const key of change.remove ?? []) delete updated[key];
  return companyView(updated as Company);
};

/** A CBP officer or administrator removes a company from the program. */
export const remove = async (
  deps: StandingDeps,
  caller: Caller,
  companyId: string,
  input: { version: number; reason: string },
): Promise<CompanyView> => {
  requireRole(caller, CBP_ROLES);
  const company = await found(deps, companyId);
  if (company.status === 'removed') throw new Conflict('The company is already removed.', 'already_removed');
  requireVersion(company, input.version);
  const now = deps.clock.now();
  const removal = { at: now.toISOString(), reason: 'cbp-decision', note: input.reason, by: caller.userId } as const;
  return commit(deps, company, {
    expectedStatus: 'active',
    expectedVersion: input.version,
    set: { status: 'removed', removal },
    obligations: { close: ['enrollment', 'recertification'] },
    audit: auditItem(
      caller,
      {
        companyId,
        action: 'company.removed',
        objectType: 'company',
        objectId: companyId,
        changes: { set: { status: 'removed', removal } },
      },
      now,
      deps.ids.next(),
    ),
    deliveries: notices.removal(deps.ids, deps.programEmail, company, 'cbp-decision', now.toISOString()),
  });
};

/**
 * Back in the program, with its obligations open again: the portal update (if never completed)
 * due by the new date, and the annual recertification (if it has one) due by its own date, or by
 * the new date if that one has passed or comes sooner.
 */
const backInProgram = (company: Company, deadline: string, now: string) => {
  const set: { deadlineExtendedTo?: string; nextCertificationDueAt?: string } = {};
  const open: Obligation[] = [];
  const next: string[] = [];
  if (!company.portalUpdateCompletedAt) {
    set.deadlineExtendedTo = deadline;
    open.push(openObligation(company, 'enrollment', now, { extendedTo: deadline }));
    next.push(`Your portal update is now due by ${notices.spelled(deadline)}.`);
  }
  if (company.nextCertificationDueAt) {
    const current = programDate(company.nextCertificationDueAt);
    const due = current > deadline ? current : deadline;
    if (due !== current) set.nextCertificationDueAt = programDayStart(due).toISOString();
    open.push(openObligation(company, 'recertification', now, { dueDate: due }));
    next.push(`Your next annual recertification is due by ${notices.spelled(due)}.`);
  }
  return { set, open, next: next.join(' ') };
};

/** A CBP administrator reinstates a removed company, with the reason and a new due date. */
export const reinstate = async (
  deps: StandingDeps,
  caller: Caller,
  companyId: string,
  input: { version: number; reason: string; deadline: string },
): Promise<CompanyView> => {
  requireRole(caller, ['cbp-admin']);
  const company = await found(deps, companyId);
  if (company.status !== 'removed') throw new Conflict('Only a removed company can be reinstated.', 'not_removed');
  requireVersion(company, input.version);
  const now = deps.clock.now();
  requireFuture(input.deadline, now);
  const back = backInProgram(company, input.deadline, now.toISOString());
  const set = { status: 'active' as const, reinstatedAt: now.toISOString(), ...back.set };
  return commit(deps, company, {
    expectedStatus: 'removed',
    expectedVersion: input.version,
    set,
    // A reapplication waiting for a decision has no more purpose (the audit trail keeps it).
    remove: company.reapplication?.status === 'pending' ? ['removal', 'reapplication'] : ['removal'],
    obligations: { open: back.open },
    audit: auditItem(
      caller,
      {
        companyId,
        action: 'company.reinstated',
        objectType: 'company',
        objectId: companyId,
        changes: { reason: input.reason, before: { removal: company.removal }, set },
      },
      now,
      deps.ids.next(),
    ),
    deliveries: [
      notices.standing(deps.ids, company, 'Your company has been reinstated in C-TPAT', back.next, now.toISOString()),
    ],
  });
};

/** A CBP administrator gives one company a later portal-update deadline. */
export const extendDeadline = async (
  deps: StandingDeps,
  caller: Caller,
  companyId: string,
  input: { deadline: string; reason: string },
): Promise<CompanyView> => {
  requireRole(caller, ['cbp-admin']);
  const company = await found(deps, companyId);
  if (company.status !== 'active' || company.portalUpdateCompletedAt) {
    throw new Conflict(
      'Only an active company that has not completed its portal update has a deadline to extend.',
      'no_open_deadline',
    );
  }
  const now = deps.clock.now();
  requireFuture(input.deadline, now);
  return commit(deps, company, {
    expectedStatus: 'active',
    expectedVersion: company.version,
    requireIncomplete: true,
    set: { deadlineExtendedTo: input.deadline },
    obligations: { extend: { extendedTo: input.deadline, shard: shardOf(companyId), dueAt: now.toISOString() } },
    audit: auditItem(
      caller,
      {
        companyId,
        action: 'company.deadline-extended',
        objectType: 'company',
        objectId: companyId,
        changes: { reason: input.reason, before: company.deadlineExtendedTo ?? null, after: input.deadline },
      },
      now,
      deps.ids.next(),
    ),
    deliveries: [
      notices.standing(
        deps.ids,
        company,
        'Your C-TPAT portal update deadline has been extended',
        `The new deadline is ${notices.spelled(input.deadline)}.`,
        now.toISOString(),
      ),
    ],
  });
};

/** A removed company's primary POC asks to rejoin the program; CBP's program mailbox hears of it. */
export const reapply = async (
  deps: StandingDeps,
  caller: Caller,
  companyId: string,
  input: { statement: string },
): Promise<CompanyView> => {
  requireRole(caller, ['primary-poc']);
  if (caller.companyId !== companyId) throw new NotFound('No such company.');
  const company = await found(deps, companyId);
  if (company.status !== 'removed') throw new Conflict('Only a removed company reapplies.', 'not_removed');
  if (company.reapplication?.status === 'pending')
    throw new Conflict('A reapplication is already waiting for CBP.', 'reapplication_pending');
  const now = deps.clock.now();
  const reapplication = {
    status: 'pending' as const,
    submittedAt: now.toISOString(),
    submittedBy: caller.userId,
    statement: input.statement,
  };
  return commit(deps, company, {
    expectedStatus: 'removed',
    expectedVersion: company.version,
    set: { reapplication },
    obligations: {},
    audit: auditItem(
      caller,
      {
        companyId,
        action: 'company.reapplied',
        objectType: 'company',
        objectId: companyId,
        changes: { set: { reapplication } },
      },
      now,
      deps.ids.next(),
    ),
    deliveries: [
      notices.programNotice(deps.ids, deps.programEmail, company, 'Reapplication submitted', now.toISOString()),
    ],
  });
};

/**
 * CBP accepts a reapplication (the company is active again and must complete its portal update
 * by the new deadline, then certify) or declines it.
 */
export const decideReapplication = async (
  deps: StandingDeps,
  caller: Caller,
  companyId: string,
  input: { decision: 'accept' | 'decline'; deadline?: string; comments?: string },
): Promise<CompanyView> => {
  requireRole(caller, CBP_ROLES);
  const company = await found(deps, companyId);
  const pending = company.reapplication;
  if (company.status !== 'removed' || pending?.status !== 'pending')
    throw new Conflict('The company has no reapplication waiting for a decision.', 'no_pending_reapplication');
  const now = deps.clock.now();
  const decided = {
    ...pending,
    decidedAt: now.toISOString(),
    decidedBy: caller.userId,
    ...(input.comments ? { comments: input.comments } : {}),
  };
  const audit = (set: object) =>
    auditItem(
      caller,
      {
        companyId,
        action: `company.reapplication-${input.decision === 'accept' ? 'accepted' : 'declined'}`,
        objectType: 'company',
        objectId: companyId,
        changes: { set },
      },
      now,
      deps.ids.next(),
    );
  if (input.decision === 'decline') {
    const set = { reapplication: { ...decided, status: 'declined' as const } };
    return commit(deps, company, {
      expectedStatus: 'removed',
      expectedVersion: company.version,
      set,
      obligations: {},
      audit: audit(set),
      deliveries: [
        notices.standing(
          deps.ids,
          company,
          'Your C-TPAT reapplication was declined',
          'The comments from CBP are in the portal.',
          now.toISOString(),
        ),
      ],
    });
  }
  const deadline = input.deadline!;
  requireFuture(deadline, now);
  // Rejoining starts over: the portal update must be completed again, and a new annual cycle follows it.
  // Accepted back, it is an applicant again: CBP certifies it anew (decision 92).
  const set = {
    status: 'active' as const,
    programStatus: 'applicant' as const,
    reapplication: { ...decided, status: 'accepted' as const, deadline },
    deadlineExtendedTo: deadline,
  };
  return commit(deps, company, {
    expectedStatus: 'removed',
    expectedVersion: company.version,
    set,
    remove: ['removal', 'portalUpdateCompletedAt', 'nextCertificationDueAt', 'certificationStatus', 'suspension'],
    obligations: {
      open: [openObligation(company, 'enrollment', now.toISOString(), { extendedTo: deadline })],
      close: ['recertification'],
    },
    audit: audit(set),
    deliveries: [
      notices.standing(
        deps.ids,
        company,
        'Your company has been accepted back into C-TPAT',
        `Complete your portal update by ${notices.spelled(deadline)}.`,
        now.toISOString(),
      ),
    ],
  });
};
