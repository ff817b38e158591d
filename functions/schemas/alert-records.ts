/**
 * Alerts as stored: the records the alert domain decides and the alert store keeps. Types and
 * plain functions only (no zod), so the fan-out job and the alert store carry no schema code.
 */
import type { Alert } from './alerts.ts';
import type { CompanyStatus } from './fields.ts';

export type { Alert };

/** High and critical alerts stay listed on the company's inbox until somebody in it acknowledges them. */
export const awaitsAcknowledgement = (item: { readonly severity: Alert['severity'] }): boolean =>
  item.severity === 'high' || item.severity === 'critical';

/** Where one alert's fan-out has got to: on the due-date index under its shard until it is done. */
export interface FanOut {
  readonly alertId: string;
  readonly shard: string;
  readonly dueAt: string;
  /** Opaque position: which target list, and the query cursor within it. */
  readonly cursor: string;
  readonly pages: number;
  readonly companies: number;
  readonly recipients: number;
}

/** An alert in one company's inbox (enough to list it without reading the alert), and whether the company acknowledged it. */
export interface InboxItem {
  readonly companyId: string;
  readonly alertId: string;
  readonly publishedAt: string;
  readonly kind: Alert['kind'];
  readonly title: string;
  readonly severity: Alert['severity'];
  readonly expiresAt?: string;
  readonly acknowledgedAt?: string;
  readonly acknowledgedBy?: string;
}

/** One user's acknowledgement of one alert. */
export interface Acknowledgement {
  readonly alertId: string;
  readonly companyId: string;
  readonly userId: string;
  readonly name: string;
  readonly at: string;
}

/** A company an alert's audience names or a category holds. */
export interface Target {
  readonly companyId: string;
  readonly status: CompanyStatus;
}
