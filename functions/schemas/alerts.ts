import * as z from 'zod/v4';
import { IsoDateTime } from './common.ts';
import { AlertKind, Audience, Severity } from './requests/alerts.ts';

export const Alert = z.object({
  alertId: z.string(),
  kind: AlertKind,
  title: z.string(),
  body: z.string(),
  severity: Severity,
  audience: Audience,
  expiresAt: z.optional(IsoDateTime),
  status: z.enum(['awaiting-approval', 'published']),
  createdBy: z.string(),
  /** The names of who wrote and approved it, and of the companies it names (in order; null for one not found): CBP only. */
  createdByName: z.string().optional(),
  createdAt: IsoDateTime,
  approvedBy: z.string().optional(),
  approvedByName: z.string().optional(),
  companyNames: z.array(z.string().nullable()).optional(),
  publishedAt: z.optional(IsoDateTime),
  companies: z.number().int().optional(),
  recipients: z.number().int().optional(),
  fannedOutAt: z.optional(IsoDateTime),
});
export type Alert = z.infer<typeof Alert>;

/** What an audience reaches now: its companies, and the distinct active users the alert's emails would go to. */
export const AlertReach = z.object({
  companies: z.number().int().nonnegative(),
  users: z.number().int().nonnegative(),
});

/** An alert as a list shows it: CBP's list, or a company's inbox (with its acknowledgement). */
export const AlertSummary = z.object({
  alertId: z.string(),
  kind: AlertKind,
  title: z.string(),
  severity: Severity,
  status: z.enum(['awaiting-approval', 'published']).optional(),
  publishedAt: z.optional(IsoDateTime),
  expiresAt: z.optional(IsoDateTime),
  acknowledgedAt: z.optional(IsoDateTime),
});
export const AlertPage = z.object({
  items: z.array(AlertSummary),
  /** A company's high and critical alerts it has not acknowledged yet, whatever page this is. */
  pendingAcknowledgement: z.array(AlertSummary).optional(),
  nextCursor: z.string().nullable(),
});

export const AcknowledgementPage = z.object({
  alertId: z.string(),
  companies: z.number().int(),
  acknowledgedCompanies: z.number().int(),
  items: z.array(
    z.object({
      companyId: z.string(),
      acknowledgedAt: z.optional(IsoDateTime),
      users: z.array(z.object({ userId: z.string(), name: z.string(), at: IsoDateTime })),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const Acknowledged = z.object({
  alertId: z.string(),
  companyId: z.string(),
  userId: z.string(),
  at: IsoDateTime,
});
