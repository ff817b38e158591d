import type { AuditRecord } from './audit.ts';
import type { Company } from './company.ts';
import type { Delivery } from './outbox.ts';

/**
 * One change of a company's program status (decision 92), as the domain decides it and the
 * program-status store writes it all or nothing: the company (only while it is in the program
 * and at the version read), the audit record and the company's notice.
 */
export interface ProgramStatusChange {
  readonly companyId: string;
  readonly expectedVersion: number;
  readonly set: Partial<Pick<Company, 'programStatus' | 'programStatusChangedAt' | 'suspension'>>;
  readonly remove: readonly 'suspension'[];
  readonly audit: AuditRecord;
  readonly deliveries: readonly Delivery[];
}
