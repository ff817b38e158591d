import type { AccountInfo } from './account-info.ts';
import type { Company } from './company.ts';
import type { Obligation } from './obligations.ts';
import type { ProfileVersion } from './profile.ts';

/** Records the profile store reads and writes together, as the domain decides them. */

/** The company, its account information and its current profile, as read together. */
export interface CompanyRecord {
  readonly company: Company | null;
  readonly accountInfo: AccountInfo | null;
  readonly profile: ProfileVersion | null;
}

/**
 * The save that completes the portal update for the first time: it marks the company, closes
 * the enrollment-deadline obligation and, for a company never certified, starts the annual
 * cycle (the first recertification falls due a year later).
 */
export interface Completion {
  readonly at: string;
  readonly recertification?: { readonly nextDueAt: string; readonly obligation: Obligation };
}
