/**
 * A company's status in the C-TPAT program (issue 22, decision 92), as plain data: what each
 * means, what benefits it carries, and which changes CBP may make from it. The API, the web
 * portal and the tests read this one table.
 *
 * Membership (`status`: active or removed) stays the axis the deadlines, the sweep and sign-in
 * follow; the program status is where an active company stands within the program. A removed
 * company's program status is `removed`, whatever it was before.
 */
export const PROGRAM_STATUSES = ['applicant', 'certified', 'validated', 'suspended', 'removed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** The statuses a company in the program (membership `active`) can be in. */
export type ActiveProgramStatus = Exclude<ProgramStatus, 'removed'>;
/** What CBP changes a company to on the program-status route (an applicant is only ever enrolled or accepted back). */
export type ProgramStatusTarget = Exclude<ActiveProgramStatus, 'applicant'>;

/**
 * A company's C-TPAT benefits: none yet (an applicant), in force, suspended (a lesser sanction:
 * benefits withheld until CBP lifts it), or revoked (removed; the company must reapply).
 */
export type Benefits = 'none' | 'active' | 'suspended' | 'revoked';

export const PROGRAM_STATUS_TERMS: Readonly<
  Record<ProgramStatus, { readonly label: string; readonly benefits: Benefits; readonly meaning: string }>
> = {
  applicant: {
    label: 'Applicant',
    benefits: 'none',
    meaning: 'The Security Profile is submitted and under CBP review. No C-TPAT benefits yet.',
  },
  certified: {
    label: 'Certified',
    benefits: 'active',
    meaning: 'CBP approved the Security Profile. C-TPAT benefits are in force.',
  },
  validated: {
    label: 'Validated',
    benefits: 'active',
    meaning: 'CBP verified the security measures on site. C-TPAT benefits are in force.',
  },
  suspended: {
    label: 'Suspended',
    benefits: 'suspended',
    meaning: 'C-TPAT benefits are suspended until CBP accepts the action plan’s results.',
  },
  removed: {
    label: 'Removed',
    benefits: 'revoked',
    meaning: 'C-TPAT benefits are revoked. The company must reapply to rejoin.',
  },
};

/**
 * The changes CBP makes on the program-status route, from each status. Removal and
 * reinstatement keep their own routes (a removal ends membership; DESIGN section 3.6); lifting a
 * suspension returns the company to the status it was suspended from, and only to that.
 */
export const PROGRAM_STATUS_CHANGES: Readonly<Record<ActiveProgramStatus, readonly ProgramStatusTarget[]>> = {
  applicant: ['certified'],
  certified: ['validated', 'suspended'],
  validated: ['suspended'],
  suspended: ['certified', 'validated'],
};

/** Days a suspended company has to appeal, counted in program days from the suspension (decision 94). */
export const SUSPENSION_APPEAL_DAYS = 30;

/** How recent a re-authentication a signature (a certification) needs, in minutes (decision 95). */
export const SIGNATURE_REAUTHENTICATION_MINUTES = 5;

/** What a company enrolled before program statuses existed is: a participant in the program. */
export const PROGRAM_STATUS_BEFORE_ISSUE_22: ActiveProgramStatus = 'certified';

/**
 * Where a company can go from where it stands, on the program-status route: the table's changes,
 * except that a suspension lifts only to the status it was suspended from.
 */
export const allowedChanges = (company: {
  readonly status: 'active' | 'removed';
  readonly programStatus?: ProgramStatus | undefined;
  readonly suspension?: { readonly from: ProgramStatusTarget } | undefined;
}): readonly ProgramStatusTarget[] => {
  const from = programStatusOf(company);
  if (from === 'removed') return [];
  return PROGRAM_STATUS_CHANGES[from].filter((to) => from !== 'suspended' || to === company.suspension?.from);
};

/** Where a company stands: `removed` while removed, else its stored program status. */
export const programStatusOf = (company: {
  readonly status: 'active' | 'removed';
  /** As stored, or as the API shows it (`removed` while removed). */
  readonly programStatus?: ProgramStatus | undefined;
}): ProgramStatus =>
  company.status === 'removed' ? 'removed' : (company.programStatus ?? PROGRAM_STATUS_BEFORE_ISSUE_22);
