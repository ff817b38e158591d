import * as z from 'zod/v4';
import { Id, IsoDateTime, MultiLine, SingleLine } from './common.ts';
import { CategoryId } from './company.ts';

export const AlertKind = z.enum(['cargo-security-alert', 'sanitized-intelligence']);
export const Severity = z.enum(['low', 'medium', 'high', 'critical']);

const unique = (values: readonly string[]) => new Set(values).size === values.length;

/** Who an alert is for: every active participant, the active ones in some categories, or named companies (even removed ones). */
export const Audience = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('all') }),
  z.strictObject({
    scope: z.literal('categories'),
    categories: z.array(CategoryId).min(1).max(20).refine(unique, { message: 'must not repeat a category' }),
  }),
  z.strictObject({
    scope: z.literal('companies'),
    companyIds: z.array(Id).min(1).max(100).refine(unique, { message: 'must not repeat a company' }),
  }),
]);
export type Audience = z.infer<typeof Audience>;

export const PublishAlert = z.strictObject({
  kind: AlertKind,
  title: SingleLine(200),
  body: MultiLine(20_000),
  severity: Severity,
  audience: Audience,
  expiresAt: IsoDateTime.optional(),
});
export type PublishAlert = z.infer<typeof PublishAlert>;

export const Alert = z.object({
  alertId: z.string(),
  kind: AlertKind,
  title: z.string(),
  body: z.string(),
  severity: Severity,
  audience: Audience,
  expiresAt: IsoDateTime.optional(),
  status: z.enum(['awaiting-approval', 'published']),
  createdBy: z.string(),
  createdAt: IsoDateTime,
  approvedBy: z.string().optional(),
  publishedAt: IsoDateTime.optional(),
  companies: z.number().int().optional(),
  recipients: z.number().int().optional(),
  fannedOutAt: IsoDateTime.optional(),
});
export type Alert = z.infer<typeof Alert>;

/** An alert as a list shows it: CBP's list, or a company's inbox (with its acknowledgement). */
export const AlertSummary = z.object({
  alertId: z.string(),
  kind: AlertKind,
  title: z.string(),
  severity: Severity,
  status: z.enum(['awaiting-approval', 'published']).optional(),
  publishedAt: IsoDateTime.optional(),
  expiresAt: IsoDateTime.optional(),
  acknowledgedAt: IsoDateTime.optional(),
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
      acknowledgedAt: IsoDateTime.optional(),
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
