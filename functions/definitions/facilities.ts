/** The kinds of facility a company lists in its account information (plain data for the API's schema and the web's form). */
export const FACILITY_KINDS = [
  'warehouse',
  'manufacturing',
  'terminal',
  'distribution',
  'office',
  'cross-dock',
  'other',
] as const;
