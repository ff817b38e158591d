/** The terms of sharing as plain data, for the API's schemas (schemas/sharing.ts) and the web's forms. */

/**
 * How much a grant shows: `status` (membership status and category), `profile-summary` (status,
 * certification dates and section completeness), or `profile` (the full current profile).
 * Each includes the ones before it.
 */
export const SCOPES = ['status', 'profile-summary', 'profile'] as const;

/** Whether a grant of scope `granted` shows what scope `wanted` shows. */
export const scopeIncludes = (granted: (typeof SCOPES)[number], wanted: (typeof SCOPES)[number]): boolean =>
  SCOPES.indexOf(granted) >= SCOPES.indexOf(wanted);

/** Foreign customs programs with a mutual recognition arrangement with C-TPAT, by code. */
export const FOREIGN_PROGRAMS = {
  'ca-pip': 'Canada Partners in Protection',
  'mx-oea': 'Mexico Operador Economico Autorizado',
  'eu-aeo': 'European Union Authorised Economic Operator',
  'jp-aeo': 'Japan Authorized Economic Operator',
  'kr-aeo': 'Korea Authorized Economic Operator',
  'nz-ses': 'New Zealand Secure Exports Scheme',
  'jo-gsl': 'Jordan Golden List',
  'tw-aeo': 'Taiwan Authorized Economic Operator',
  'il-aeo': 'Israel Authorized Economic Operator',
  'sg-stp': 'Singapore Secure Trade Partnership',
  'do-oea': 'Dominican Republic Operador Economico Autorizado',
  'pe-oea': 'Peru Operador Economico Autorizado',
  'uk-aeo': 'United Kingdom Authorised Economic Operator',
} as const;
