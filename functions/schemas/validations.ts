import * as z from 'zod/v4';
import { IsoDate, IsoDateTime } from './common.ts';
import type { AuditRecord } from './audit.ts';
import type { Company } from './company.ts';
import type { Delivery } from './outbox.ts';

/** A required action from a validation's report, tied to a security criterion (decision 96). */
export const RequiredAction = z.object({
  actionId: z.string(),
  /** The Security Profile question it is about, as `section.question`. */
  criterion: z.string(),
  finding: z.string(),
  dueOn: IsoDate,
  status: z.enum(['open', 'answered', 'accepted', 'returned']),
  answer: z.optional(z.object({ text: z.string(), at: IsoDateTime, by: z.string() })),
  review: z.optional(
    z.object({
      decision: z.enum(['accept', 'return']),
      comments: z.string().optional(),
      at: IsoDateTime,
      by: z.string(),
    }),
  ),
});
export type RequiredAction = z.infer<typeof RequiredAction>;

/**
 * A validation: CBP proposes a date and the sites, the two sides agree the date, CBP records the
 * report with its required actions, the company answers each, CBP accepts or returns each; it
 * closes when every action is accepted (decision 96).
 */
export const Validation = z.object({
  companyId: z.string(),
  validationId: z.string(),
  version: z.number().int(),
  status: z.enum(['scheduling', 'scheduled', 'reported', 'closed']),
  scheduledFor: IsoDate,
  sites: z.array(z.string()),
  /** Who must confirm the date now (null once both agreed). */
  awaiting: z.enum(['company', 'cbp']).nullable(),
  scheduledBy: z.string(),
  scheduledAt: IsoDateTime,
  report: z.optional(z.object({ summary: z.string(), at: IsoDateTime, by: z.string() })),
  actions: z.array(RequiredAction),
  closedAt: z.optional(IsoDateTime),
});
export type Validation = z.infer<typeof Validation>;
export const ValidationList = z.object({ items: z.array(Validation) });

/**
 * One change of a validation, written all or nothing by the validation store: the validation (new,
 * or at the version read), its audit record, its notices and, when it closes, the company's move
 * to validated with its own audit record.
 */
export interface ValidationChange {
  readonly validation: Validation;
  /** The version it was read at; absent for a new validation. */
  readonly expectedVersion?: number;
  readonly audit: AuditRecord;
  readonly deliveries: readonly Delivery[];
  readonly companyValidated?: {
    readonly expectedVersion: number;
    readonly set: Pick<Company, 'programStatus' | 'programStatusChangedAt'>;
    readonly audit: AuditRecord;
  };
}
