/**
 * Delivering a published alert (DESIGN section 3.8): page by page, each targeted company gets
 * the alert in its inbox and each of its active users an email through the outbox, packed 50
 * recipients to a delivery. Each page is one transaction with the fan-out's new position, so a
 * fan-out that stops is resumed where it stopped, and two workers never write a page twice.
 */
import type { Ids } from './clock.ts';
import { newDelivery } from './deliveries.ts';
import { EMAIL_TEMPLATES } from '../definitions/email-templates.ts';
import { CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import {
  awaitsAcknowledgement,
  type Alert,
  type FanOut,
  type InboxItem,
  type Target,
} from '../schemas/alert-records.ts';
import { MAX_RECIPIENTS, type Delivery } from '../schemas/outbox.ts';
import type { Audience } from '../schemas/requests/alerts.ts';
import { logger, asError } from '../log.ts';

/** Where alerts and their fan-outs are kept. */
export interface FanOutStore {
  get(alertId: string): Promise<Alert | null>;
  getFanOut(alertId: string): Promise<FanOut | null>;
  /** Fan-outs with work left at `now`. */
  dueFanOuts(now: string): AsyncIterable<FanOut>;
  /**
   * One page, all or nothing: the inbox items, the deliveries and the fan-out's next position
   * (or its end and the alert's totals); 'taken' when another worker wrote this page first.
   */
  writePage(
    item: FanOut,
    next: { cursor: string } | 'done',
    inbox: readonly InboxItem[],
    deliveries: readonly Delivery[],
    finishedAt: string,
  ): Promise<'written' | 'taken'>;
}

/** Who an alert reaches: the companies it targets and their active users. */
export interface AudienceStore {
  /** A page of a category's active companies, in a stable order. */
  activeInCategory(
    category: CategoryId,
    cursor: string | null,
    limit: number,
  ): Promise<{ readonly items: readonly Target[]; readonly cursor: string | null }>;
  /** The named companies that exist (removed ones too), each once, in id order. */
  named(companyIds: readonly string[]): Promise<readonly Target[]>;
  /** The emails of a company's active users. */
  activeEmails(companyId: string): Promise<readonly string[]>;
}

export interface FanOutDeps {
  readonly ids: Ids;
  readonly alerts: FanOutStore;
  readonly audiences: AudienceStore;
}

/** Companies read per page; a page writes fewer when their users need more deliveries than a transaction holds. */
export const PAGE_COMPANIES = 40;
/** Transaction items a page may write: DynamoDB's 100, less the fan-out's own update and, on the last page, the alert's totals. */
export const PAGE_ITEMS = 98;
/** Member reads in flight at once. */
const CONCURRENCY = 8;

/**
 * Where a fan-out is: which target list (a category, or the named companies), where in it, and,
 * for a company with more users than one transaction holds, how many of its recipients (in
 * sorted order) earlier pages already wrote.
 */
interface Position {
  readonly list: number;
  readonly cursor: string | null;
  readonly partial?: { readonly companyId: string; readonly written: number };
}
export const START = JSON.stringify({ list: 0, cursor: null } satisfies Position);

const KIND_LABEL: Record<Alert['kind'], string> = {
  'cargo-security-alert': 'cargo security alert',
  'sanitized-intelligence': 'sanitized intelligence bulletin',
};

/** The audience's lists, each once (the schema refuses repeats; alerts stored before it did may have them). */
const categoriesOf = (audience: Audience): readonly CategoryId[] =>
  audience.scope === 'all' ? CATEGORY_IDS : audience.scope === 'categories' ? [...new Set(audience.categories)] : [];
const namedOf = (audience: Audience): readonly string[] =>
  audience.scope === 'companies' ? [...new Set(audience.companyIds)].sort() : [];

/** Up to `limit` targets from `at`, and the position after them ('done' after the last). */
const targets = async (
  deps: FanOutDeps,
  alert: Alert,
  at: Position,
  limit: number,
): Promise<{ items: readonly Target[]; next: Position | 'done' }> => {
  if (alert.audience.scope === 'companies') {
    const ids = namedOf(alert.audience);
    const offset = Number(at.cursor ?? 0);
    const slice = ids.slice(offset, offset + limit);
    const end = offset + slice.length;
    return {
      items: await deps.audiences.named(slice),
      next: end < ids.length ? { list: 0, cursor: String(end) } : 'done',
    };
  }
  const categories = categoriesOf(alert.audience);
  const page = await deps.audiences.activeInCategory(categories[at.list]!, at.cursor, limit);
  const next = page.cursor
    ? { list: at.list, cursor: page.cursor }
    : at.list + 1 < categories.length
      ? { list: at.list + 1, cursor: null }
      : 'done';
  return { items: page.items, next };
};

/** Reads the sorted active emails of the companies not read yet into `known`. */
const readEmails = async (
  deps: Pick<FanOutDeps, 'audiences'>,
  companies: readonly Target[],
  known: Map<string, readonly string[]>,
): Promise<void> => {
  const todo = companies.filter((c) => !known.has(c.companyId));
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { companyId } = todo[next++]!;
      known.set(companyId, [...(await deps.audiences.activeEmails(companyId))].sort());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
};

/** How many companies an audience reaches, and how many distinct people among their active users. */
export interface Reach {
  readonly companies: number;
  readonly users: number;
}

/**
 * The reach of an audience now, resolved as a fan-out resolves it (the same lists, the same
 * reads): the active companies of its categories, or the named companies that exist (removed ones
 * too), and the active users of each. Nothing is written.
 */
export const reach = async (deps: Pick<FanOutDeps, 'audiences'>, audience: Audience): Promise<Reach> => {
  const companies: Target[] = [];
  if (audience.scope === 'companies') companies.push(...(await deps.audiences.named(namedOf(audience))));
  else
    for (const category of categoriesOf(audience)) {
      let cursor: string | null = null;
      do {
        const page = await deps.audiences.activeInCategory(category, cursor, PAGE_COMPANIES * 5);
        companies.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
    }
  const known = new Map<string, readonly string[]>();
  await readEmails(deps, companies, known);
  const people = new Set<string>();
  for (const emails of known.values()) for (const email of emails) people.add(email);
  return { companies: known.size, users: people.size };
};

/** The recipients of these companies still to write, without repeats; the first company's start after what earlier pages wrote. */
const recipientsOf = (
  companies: readonly Target[],
  known: ReadonlyMap<string, readonly string[]>,
  at: Position,
): string[] => {
  const all = new Set<string>();
  companies.forEach((c, i) => {
    const emails = known.get(c.companyId)!;
    const skip = i === 0 && at.partial?.companyId === c.companyId ? at.partial.written : 0;
    for (const email of emails.slice(skip)) all.add(email);
  });
  return [...all];
};

/**
 * How many of the page's first companies fit one transaction: `perCompany` items each (the inbox
 * item, and for a high or critical alert its pending-acknowledgement item) and their deliveries of 50.
 */
const fitting = (
  companies: readonly Target[],
  known: ReadonlyMap<string, readonly string[]>,
  at: Position,
  perCompany: number,
): number => {
  let n = 0;
  while (
    n < companies.length &&
    (n + 1) * perCompany + Math.ceil(recipientsOf(companies.slice(0, n + 1), known, at).length / MAX_RECIPIENTS) <=
      PAGE_ITEMS
  )
    n += 1;
  return n;
};
/** The alert's emails for these recipients, 50 to a delivery: its kind and severity only; title and body stay in the portal. */
export const alertDeliveries = (ids: Ids, alert: Alert, recipients: readonly string[], now: string): Delivery[] => {
  const deliveries: Delivery[] = [];
  for (let i = 0; i < recipients.length; i += MAX_RECIPIENTS) {
    deliveries.push(
      newDelivery({
        deliveryId: ids.next(),
        template: EMAIL_TEMPLATES.alert.name,
        recipients: recipients.slice(i, i + MAX_RECIPIENTS).map((email) => ({ email, data: {} })),
        defaultData: { kindLabel: KIND_LABEL[alert.kind], severity: alert.severity },
        reason: `alert:${alert.alertId}`,
        now,
        // Cargo security alerts overtake every other email in the outbox; bulletins wait their turn.
        lane: alert.kind === 'cargo-security-alert' ? 'alert' : 'mail',
      }),
    );
  }
  return deliveries;
};

/** What one page writes: the inbox items and deliveries, and the position after it. */
interface PageWrite {
  readonly companies: readonly Target[];
  readonly recipients: readonly string[];
  readonly next: Position | 'done';
}

/**
 * Plans one page: as many companies from `at` as fit one transaction (reading fewer again, for
 * a cursor after the last that fits, when they do not all fit), or, when the first company alone
 * has more users than fit, the next part of its recipients and no inbox item yet.
 */
const plan = async (deps: FanOutDeps, alert: Alert, at: Position): Promise<PageWrite> => {
  const known = new Map<string, readonly string[]>();
  const perCompany = awaitsAcknowledgement(alert) ? 2 : 1;
  let limit = PAGE_COMPANIES;
  for (;;) {
    const page = await targets(deps, alert, at, limit);
    await readEmails(deps, page.items, known);
    const fit = fitting(page.items, known, at, perCompany);
    if (fit === page.items.length)
      return { companies: page.items, recipients: recipientsOf(page.items, known, at), next: page.next };
    if (fit > 0) {
      limit = fit;
      continue;
    }
    const first = page.items[0]!;
    const part = recipientsOf([first], known, at).slice(0, PAGE_ITEMS * MAX_RECIPIENTS);
    const written = (at.partial?.companyId === first.companyId ? at.partial.written : 0) + part.length;
    return { companies: [], recipients: part, next: { ...at, partial: { companyId: first.companyId, written } } };
  }
};

/** One page of one fan-out. Answers what happened to it: another page to go, done, or taken by another worker. */
export const step = async (deps: FanOutDeps, item: FanOut, now: string): Promise<'more' | 'done' | 'lost'> => {
  const alert = await deps.alerts.get(item.alertId);
  if (!alert || alert.status !== 'published')
    throw new Error(`Fan-out of alert ${item.alertId}, which is not published`);
  const page = await plan(deps, alert, JSON.parse(item.cursor) as Position);
  const inbox: InboxItem[] = page.companies.map((t) => ({
    companyId: t.companyId,
    alertId: alert.alertId,
    publishedAt: alert.publishedAt!,
    kind: alert.kind,
    title: alert.title,
    severity: alert.severity,
    ...(alert.expiresAt ? { expiresAt: alert.expiresAt } : {}),
  }));
  const deliveries = alertDeliveries(deps.ids, alert, page.recipients, now);
  const next = page.next === 'done' ? 'done' : { cursor: JSON.stringify(page.next) };
  const written = await deps.alerts.writePage(item, next, inbox, deliveries, now);
  if (written === 'taken') return 'lost';
  return page.next === 'done' ? 'done' : 'more';
};

export interface FanOutReport {
  readonly fanOuts: number;
  readonly pages: number;
  readonly done: number;
  readonly failed: number;
}

/** Some fan-outs failed (each logged); the others ran. The job fails so that the failure is retried and alarmed. */
export class FanOutIncomplete extends Error {
  constructor(readonly report: FanOutReport) {
    super(`${report.failed} of ${report.fanOuts} alert fan-out(s) failed; they stay due and run again.`);
  }
}

/**
 * Runs every due fan-out page by page until it is done, it is taken over, or `budgetMs` runs
 * out (the rest is due again at once, for the next run). One fan-out's failure is logged and
 * does not hold up the others; the run then ends in FanOutIncomplete.
 */
export const run = async (
  deps: FanOutDeps,
  now: () => Date,
  budgetMs: number,
  only?: string,
): Promise<FanOutReport> => {
  const started = Date.now();
  const counts = { fanOuts: 0, pages: 0, done: 0, failed: 0 };
  const items: FanOut[] = [];
  if (only) {
    const item = await deps.alerts.getFanOut(only);
    if (item) items.push(item);
  } else for await (const item of deps.alerts.dueFanOuts(now().toISOString())) items.push(item);
  for (const first of items) {
    counts.fanOuts += 1;
    let item: FanOut | null = first;
    try {
      while (item && Date.now() - started < budgetMs) {
        const outcome = await step(deps, item, now().toISOString());
        counts.pages += 1;
        if (outcome === 'done') counts.done += 1;
        item = outcome === 'more' ? await deps.alerts.getFanOut(item.alertId) : null;
      }
    } catch (error) {
      counts.failed += 1;
      logger.error('alert fan-out failed', { alertId: first.alertId, error: asError(error) });
    }
  }
  if (counts.failed > 0) throw new FanOutIncomplete(counts);
  return counts;
};
