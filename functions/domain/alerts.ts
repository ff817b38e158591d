/**
 * Cargo security alerts and sanitized intelligence (DESIGN section 3.8). A CBP officer publishes
 * to all active participants, to categories, or to named companies; an alert goes out at once,
 * an intelligence bulletin only once a second CBP person approves it (two-person rule). Each
 * targeted company's users read it in their inbox and acknowledge it; CBP sees who did.
 */
import type { Clock, Ids } from './clock.ts';
import { lookUpNames, type NameDirectory } from './names.ts';
import { isStaff, requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { reach, START, type AudienceStore, type Reach } from './fan-out.ts';
import { enforceLimit, type LimitDeps } from './limits.ts';
import { shardOf } from './shards.ts';
import { CBP_COMPANY_ID, CBP_ROLES, COMPANY_ROLES } from '../definitions/roles.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Acknowledgement, Alert, FanOut, InboxItem, Target } from '../schemas/alert-records.ts';
import type { Audience, PublishAlert } from '../schemas/requests/alerts.ts';

interface Page<T> {
  readonly items: T[];
  readonly cursor: string | null;
}

/** Where alerts, their inbox copies and acknowledgements are kept. */
export interface AlertStore {
  /** A new alert with its audit record and, when it goes out at once, its fan-out; a 409 if it exists. */
  create(alert: Alert, audit: AuditRecord, fanOut?: FanOut): Promise<void>;
  get(alertId: string): Promise<Alert | null>;
  /** Publishes a bulletin awaiting approval and starts its fan-out; a 409 if it was approved already. */
  approve(
    alertId: string,
    set: { approvedBy: string; publishedAt: string },
    fanOut: FanOut,
    audit: AuditRecord,
  ): Promise<void>;
  /** Every alert, newest first. */
  list(cursor: string | null, limit: number): Promise<Page<Alert>>;
  /** A company's inbox, newest first. */
  inbox(companyId: string, cursor: string | null, limit: number): Promise<Page<InboxItem>>;
  /** The company's inbox items awaiting its acknowledgement, newest first. */
  pendingAcknowledgement(companyId: string): Promise<InboxItem[]>;
  inboxEntry(companyId: string, publishedAt: string, alertId: string): Promise<InboxItem | null>;
  /** Records the acknowledgement (the company's first marks its inbox item); false when this user had already. */
  acknowledge(ack: Acknowledgement, entry: InboxItem, audit: AuditRecord): Promise<boolean>;
  acknowledgementBy(alertId: string, companyId: string, userId: string): Promise<Acknowledgement | null>;
  /** How many companies acknowledged the alert. */
  acknowledgedCompanies(alertId: string): Promise<number>;
  /** The companies the alert reached. */
  inboxesOf(alertId: string, cursor: string | null, limit: number): Promise<Page<InboxItem>>;
  acknowledgementsOf(alertId: string, companyId: string): Promise<Acknowledgement[]>;
}

/** The companies an audience may name. */
export interface Audiences {
  /** The named companies that exist (removed ones too). */
  named(companyIds: readonly string[]): Promise<readonly Target[]>;
}

interface AlertDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly alerts: AlertStore;
}
type PublishDeps = AlertDeps & LimitDeps & { readonly audiences: Audiences };

const newFanOut = (alertId: string, now: string): FanOut => ({
  alertId,
  shard: shardOf(alertId),
  dueAt: now,
  cursor: START,
  pages: 0,
  companies: 0,
  recipients: 0,
});

/** A 400 naming each company of the audience (a body's `audience`) that is not enrolled. */
const refuseUnknown = async (audiences: Audiences, audience: Audience): Promise<void> => {
  if (audience.scope !== 'companies') return;
  const found = new Set((await audiences.named(audience.companyIds)).map((t) => t.companyId));
  const unknown = audience.companyIds.map((id, i) => [id, i] as const).filter(([id]) => !found.has(id));
  if (unknown.length)
    throw new ValidationFailed(
      unknown.map(([, i]) => ({ field: `audience.companyIds.${i}`, message: 'is not an enrolled company' })),
    );
};

export const publish = async (deps: PublishDeps, caller: Caller, input: PublishAlert): Promise<Alert> => {
  requireRole(caller, CBP_ROLES);
  await refuseUnknown(deps.audiences, input.audience);
  // Counted once per request: a re-run under its Idempotency-Key draws the same ids.
  await enforceLimit(deps, caller, 'alert', deps.ids.next());
  const now = deps.clock.now().toISOString();
  const immediate = input.kind === 'cargo-security-alert';
  const alert: Alert = {
    alertId: deps.ids.next(),
    ...input,
    status: immediate ? 'published' : 'awaiting-approval',
    createdBy: caller.userId,
    createdAt: now,
    ...(immediate ? { publishedAt: now } : {}),
  };
  const audit = auditItem(
    caller,
    {
      companyId: CBP_COMPANY_ID,
      action: immediate ? 'alert.published' : 'alert.submitted',
      objectType: 'alert',
      objectId: alert.alertId,
      changes: { after: { ...alert, body: undefined } },
    },
    new Date(now),
    deps.ids.next(),
  );
  try {
    await deps.alerts.create(alert, audit, immediate ? newFanOut(alert.alertId, now) : undefined);
  } catch (error) {
    // A re-run of a request whose first run committed and lost its answer (the same ids under the
    // same Idempotency-Key) meets the alert that run wrote, and answers it again: one alert, one
    // fan-out. Ids drawn at random never meet.
    const earlier = error instanceof Conflict ? await deps.alerts.get(alert.alertId) : null;
    if (!earlier || earlier.createdBy !== caller.userId) throw error;
    // The first run's answer: the alert as it was written, without what the fan-out added since.
    return Object.fromEntries(Object.keys(alert).map((key) => [key, earlier[key as keyof Alert]])) as Alert;
  }
  return alert;
};

/**
 * What publishing to `audience` would reach now (CBP, before it confirms a broadcast): counted by
 * the fan-out's own resolution, so the figures are what the fan-out would deliver at this moment.
 */
export const reachOf = async (
  deps: { readonly audiences: AudienceStore },
  caller: Caller,
  audience: Audience,
): Promise<Reach> => {
  requireRole(caller, CBP_ROLES);
  await refuseUnknown(deps.audiences, audience);
  return reach(deps, audience);
};

/** The second person of the two-person rule: another CBP staff member than the author. */
export const approve = async (deps: AlertDeps, caller: Caller, alertId: string): Promise<Alert> => {
  requireRole(caller, CBP_ROLES);
  const alert = await deps.alerts.get(alertId);
  if (!alert) throw new NotFound('No such alert.');
  if (alert.status !== 'awaiting-approval')
    throw new Conflict('Only an intelligence bulletin awaiting approval can be approved.', 'not_awaiting_approval');
  if (alert.createdBy === caller.userId)
    throw new Forbidden('A second CBP person must approve what you wrote (two-person rule).', 'two_person_rule');
  const now = deps.clock.now().toISOString();
  const set = { approvedBy: caller.userId, publishedAt: now };
  await deps.alerts.approve(
    alertId,
    set,
    newFanOut(alertId, now),
    auditItem(
      caller,
      { companyId: CBP_COMPANY_ID, action: 'alert.approved', objectType: 'alert', objectId: alertId, changes: { set } },
      new Date(now),
      deps.ids.next(),
    ),
  );
  return { ...alert, ...set, status: 'published' };
};

const summary = (item: Alert | InboxItem) => ({
  alertId: item.alertId,
  kind: item.kind,
  title: item.title,
  severity: item.severity,
  ...('status' in item ? { status: item.status } : {}),
  ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
  ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}),
  ...('acknowledgedAt' in item && item.acknowledgedAt ? { acknowledgedAt: item.acknowledgedAt } : {}),
});

/**
 * CBP: every alert. A company's users: the company's inbox, with the high and critical alerts it
 * has not acknowledged and that have not expired.
 */
export const list = async (
  deps: Pick<AlertDeps, 'alerts' | 'clock'>,
  caller: Caller,
  cursor: string | null,
  limit: number,
) => {
  if (isStaff(caller)) {
    const page = await deps.alerts.list(cursor, limit);
    return { items: page.items.map(summary), nextCursor: page.cursor };
  }
  const [page, pending] = await Promise.all([
    deps.alerts.inbox(caller.companyId, cursor, limit),
    deps.alerts.pendingAcknowledgement(caller.companyId),
  ]);
  const now = deps.clock.now().toISOString();
  return {
    items: page.items.map(summary),
    pendingAcknowledgement: pending.filter((i) => !i.expiresAt || i.expiresAt > now).map(summary),
    nextCursor: page.cursor,
  };
};

/** The alert's inbox entry for the caller's company, or 404 (an alert not sent to it does not exist for it). */
const entryFor = async (
  deps: Pick<AlertDeps, 'alerts'>,
  caller: Caller,
  alertId: string,
): Promise<{ alert: Alert; entry: InboxItem }> => {
  const alert = await deps.alerts.get(alertId);
  const entry = alert?.publishedAt ? await deps.alerts.inboxEntry(caller.companyId, alert.publishedAt, alertId) : null;
  if (!alert || !entry) throw new NotFound('No such alert.');
  return { alert, entry };
};

/**
 * An alert: CBP reads it whole, with the names of the officers who wrote and approved it and of
 * the companies it names (one batch read, names.ts); a company reads it without who wrote it.
 */
export const get = async (
  deps: Pick<AlertDeps, 'alerts'> & { readonly directory: NameDirectory },
  caller: Caller,
  alertId: string,
) => {
  if (isStaff(caller)) {
    const alert = await deps.alerts.get(alertId);
    if (!alert) throw new NotFound('No such alert.');
    const named = alert.audience.scope === 'companies' ? alert.audience.companyIds : [];
    const staff = [alert.createdBy, ...(alert.approvedBy ? [alert.approvedBy] : [])];
    const names = await lookUpNames(
      deps,
      staff.map((userId) => ({ companyId: CBP_COMPANY_ID, userId })),
      named,
    );
    const createdByName = names.person(CBP_COMPANY_ID, alert.createdBy);
    const approvedByName = names.person(CBP_COMPANY_ID, alert.approvedBy);
    return {
      ...alert,
      ...(createdByName ? { createdByName } : {}),
      ...(approvedByName ? { approvedByName } : {}),
      ...(named.length ? { companyNames: named.map((id) => names.company(id) ?? null) } : {}),
    };
  }
  const { alert, entry } = await entryFor(deps, caller, alertId);
  // Who at CBP wrote or approved it is CBP's (disclosure.ts): a company reads "CBP".
  const { createdBy: _c, approvedBy: _a, audience: _au, companies: _co, recipients: _r, ...shown } = alert;
  return { ...shown, ...(entry.acknowledgedAt ? { acknowledgedAt: entry.acknowledgedAt } : {}) };
};

/** A company user acknowledges an alert sent to their company; doing it again changes nothing. */
export const acknowledge = async (deps: AlertDeps, caller: Caller, alertId: string) => {
  requireRole(caller, COMPANY_ROLES);
  const { entry } = await entryFor(deps, caller, alertId);
  const now = deps.clock.now().toISOString();
  const ack = { alertId, companyId: caller.companyId, userId: caller.userId, name: caller.name, at: now };
  const audit = auditItem(
    caller,
    { companyId: caller.companyId, action: 'alert.acknowledged', objectType: 'alert', objectId: alertId },
    new Date(now),
    deps.ids.next(),
  );
  if (await deps.alerts.acknowledge(ack, entry, audit))
    return { alertId, companyId: caller.companyId, userId: caller.userId, at: now };
  // Acknowledged before: the answer is the first acknowledgement, unchanged.
  const before = await deps.alerts.acknowledgementBy(alertId, caller.companyId, caller.userId);
  return { alertId, companyId: caller.companyId, userId: caller.userId, at: before?.at ?? now };
};

/** CBP: per company the alert reached, whether it acknowledged, and which of its users did. */
export const acknowledgements = async (
  deps: Pick<AlertDeps, 'alerts'>,
  caller: Caller,
  alertId: string,
  cursor: string | null,
  limit: number,
) => {
  requireRole(caller, CBP_ROLES);
  const alert = await deps.alerts.get(alertId);
  if (!alert) throw new NotFound('No such alert.');
  const [page, acknowledged] = await Promise.all([
    deps.alerts.inboxesOf(alertId, cursor, limit),
    deps.alerts.acknowledgedCompanies(alertId),
  ]);
  const items = await Promise.all(
    page.items.map(async (entry) => ({
      companyId: entry.companyId,
      ...(entry.acknowledgedAt ? { acknowledgedAt: entry.acknowledgedAt } : {}),
      users: entry.acknowledgedAt
        ? (await deps.alerts.acknowledgementsOf(alertId, entry.companyId)).map(({ userId, name, at }) => ({
            userId,
            name,
            at,
          }))
        : [],
    })),
  );
  return {
    alertId,
    companies: alert.companies ?? 0,
    acknowledgedCompanies: acknowledged,
    items,
    nextCursor: page.cursor,
  };
};
