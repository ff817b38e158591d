/**
 * Delivering a published alert (DESIGN section 3.8): page by page, each targeted company gets
 * the alert in its inbox and each of its active users an email through the outbox, packed 50
 * recipients to a delivery. Each page is one transaction with the fan-out's new position, so a
 * fan-out that stops is resumed where it stopped, and two workers never write a page twice.
 */
import type { Ids } from './deps.ts';
import type * as alertData from '../data/alerts.ts';
import type * as audienceData from '../data/audiences.ts';
import type { FanOut, InboxItem } from '../data/alerts.ts';
import type { Target } from '../data/audiences.ts';
import { MAX_RECIPIENTS, newDelivery, type Delivery } from '../data/delivery-records.ts';
import { EMAIL_TEMPLATES } from '../definitions/email-templates.ts';
import { CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import type { Alert } from '../schemas/alerts.ts';

export interface FanOutDeps {
  readonly ids: Ids;
  readonly alerts: Pick<typeof alertData, 'get' | 'writePage' | 'dueFanOuts' | 'getFanOut'>;
  readonly audiences: typeof audienceData;
}

/** Companies per page: their inbox items and deliveries fit one transaction (at most 100 items). */
export const PAGE_COMPANIES = 40;
/** Member reads in flight at once. */
const CONCURRENCY = 8;

/** Where a fan-out is: which target list (a category, or the named companies) and where in it. */
interface Position {
  readonly list: number;
  readonly cursor: string | null;
}
export const START = JSON.stringify({ list: 0, cursor: null } satisfies Position);

const KIND_LABEL: Record<Alert['kind'], string> = { 'cargo-security-alert': 'cargo security alert', 'sanitized-intelligence': 'sanitized intelligence bulletin' };

const categoriesOf = (alert: Alert): readonly CategoryId[] => (alert.audience.scope === 'all' ? CATEGORY_IDS : alert.audience.scope === 'categories' ? alert.audience.categories : []);

/** The next page of targets and the position after it ('done' after the last). */
const targets = async (deps: FanOutDeps, alert: Alert, at: Position): Promise<{ items: Target[]; next: Position | 'done' }> => {
  if (alert.audience.scope === 'companies') {
    const ids = [...alert.audience.companyIds].sort();
    const offset = Number(at.cursor ?? 0);
    const slice = ids.slice(offset, offset + PAGE_COMPANIES);
    const end = offset + slice.length;
    return { items: await deps.audiences.named(slice), next: end < ids.length ? { list: 0, cursor: String(end) } : 'done' };
  }
  const categories = categoriesOf(alert);
  const page = await deps.audiences.activeInCategory(categories[at.list]!, at.cursor, PAGE_COMPANIES);
  const next = page.cursor ? { list: at.list, cursor: page.cursor } : at.list + 1 < categories.length ? { list: at.list + 1, cursor: null } : 'done';
  return { items: page.items, next };
};

const emailsOf = async (deps: FanOutDeps, companies: readonly Target[]): Promise<string[][]> => {
  const result: string[][] = new Array(companies.length);
  let next = 0;
  const worker = async () => {
    while (next < companies.length) {
      const i = next++;
      result[i] = await deps.audiences.activeEmails(companies[i]!.companyId);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return result;
};

/** The alert's emails for these recipients, 50 to a delivery; the body stays in the portal. */
export const alertDeliveries = (ids: Ids, alert: Alert, recipients: readonly string[], now: string): Delivery[] => {
  const deliveries: Delivery[] = [];
  for (let i = 0; i < recipients.length; i += MAX_RECIPIENTS) {
    deliveries.push(
      newDelivery({
        deliveryId: ids.next(),
        template: EMAIL_TEMPLATES.alert.name,
        recipients: recipients.slice(i, i + MAX_RECIPIENTS).map((email) => ({ email, data: {} })),
        defaultData: { kindLabel: KIND_LABEL[alert.kind], title: alert.title, severity: alert.severity },
        reason: `alert:${alert.alertId}`,
        now,
      }),
    );
  }
  return deliveries;
};

/** One page of one fan-out. Answers what happened to it: another page to go, done, or taken by another worker. */
export const step = async (deps: FanOutDeps, item: FanOut, now: string): Promise<'more' | 'done' | 'lost'> => {
  const alert = await deps.alerts.get(item.alertId);
  if (!alert || alert.status !== 'published') throw new Error(`Fan-out of alert ${item.alertId}, which is not published`);
  const page = await targets(deps, alert, JSON.parse(item.cursor) as Position);
  const emails = await emailsOf(deps, page.items);
  const inbox: InboxItem[] = page.items.map((t) => ({
    companyId: t.companyId,
    alertId: alert.alertId,
    publishedAt: alert.publishedAt!,
    kind: alert.kind,
    title: alert.title,
    severity: alert.severity,
    ...(alert.expiresAt ? { expiresAt: alert.expiresAt } : {}),
  }));
  const deliveries = alertDeliveries(deps.ids, alert, [...new Set(emails.flat())], now);
  const next = page.next === 'done' ? 'done' : { cursor: JSON.stringify(page.next) };
  const written = await deps.alerts.writePage(item, next, inbox, deliveries, now);
  if (!written) return 'lost';
  return page.next === 'done' ? 'done' : 'more';
};

export interface FanOutReport {
  readonly fanOuts: number;
  readonly pages: number;
  readonly done: number;
}

/**
 * Runs every due fan-out page by page until it is done, it is taken over, or `budgetMs` runs
 * out (the rest is due again at once, for the next run).
 */
export const run = async (deps: FanOutDeps, now: () => Date, budgetMs: number, only?: string): Promise<FanOutReport> => {
  const started = Date.now();
  const counts = { fanOuts: 0, pages: 0, done: 0 };
  const items: FanOut[] = [];
  if (only) {
    const item = await deps.alerts.getFanOut(only);
    if (item) items.push(item);
  } else for await (const item of deps.alerts.dueFanOuts(now().toISOString())) items.push(item);
  for (const first of items) {
    counts.fanOuts += 1;
    let item: FanOut | null = first;
    while (item && Date.now() - started < budgetMs) {
      const outcome = await step(deps, item, now().toISOString());
      counts.pages += 1;
      if (outcome === 'done') counts.done += 1;
      item = outcome === 'more' ? await deps.alerts.getFanOut(item.alertId) : null;
    }
  }
  return counts;
};
