/** How CBP's companies list (and its CSV) may be ordered: a field, descending with a leading `-`. */
export const COMPANY_SORTS = ['legalName', '-legalName', 'enrolledAt', '-enrolledAt', 'dueOn', '-dueOn'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];
