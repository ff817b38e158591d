import * as z from 'zod/v4';
import type { AuditRecord } from './audit.ts';
import type { Specialist } from './company.ts';
import { IsoDate } from './common.ts';
import { ProgramStatus } from './company.ts';
import { CategoryId } from './fields.ts';
import { DueKind } from './compliance.ts';

/**
 * One assignment of a company's specialist (decision 93), as the domain decides it and the
 * specialist store writes it all or nothing: the company (at the version read), the new
 * specialist's entry for the company, the end of the previous one's, and the audit record.
 */
export interface SpecialistAssignment {
  readonly companyId: string;
  readonly expectedVersion: number;
  readonly specialist: Specialist;
  /** The specialist it had, whose entry for the company ends. */
  readonly previousUserId?: string;
  readonly audit: AuditRecord;
}

/** What a specialist has to do about one company, most urgent first. */
export const WorkNeed = z.enum([
  'overdue',
  'overdue-action',
  'review-answers',
  'confirm-date',
  'review-profile',
  'schedule-validation',
  'follow-suspension',
]);
export type WorkNeed = z.infer<typeof WorkNeed>;

export const WorklistItem = z.object({
  companyId: z.string(),
  legalName: z.string(),
  category: CategoryId,
  sviCode: z.string().nullable(),
  programStatus: ProgramStatus,
  /** The next date the company must meet (`YYYY-MM-DD`), null when nothing is due. */
  dueOn: z.nullable(IsoDate),
  dueKind: DueKind.nullable(),
  needs: z.array(WorkNeed),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

/** A specialist's worklist: their companies, overdue first, then by the next date due, then by name. */
export const Worklist = z.object({
  specialist: z.object({ userId: z.string(), name: z.string().nullable() }),
  items: z.array(WorklistItem),
});
export type Worklist = z.infer<typeof Worklist>;
