/**
 * What the primary POC states when certifying, as data: the API records the kind, the pages
 * show these words next to the boxes the POC ticks.
 */
export const CERTIFICATION_STATEMENTS = {
  /** The usual statement: the profile (changed since the last certification, or never certified) is current. */
  'profile-current': 'I certify, as an officer of the company, that the security profile is current and accurate.',
  /** The profile has not changed since the last certification: the POC re-confirms it. */
  'reviewed-unchanged':
    'I reviewed the security profile, which has not changed since the last certification, and it is still current and accurate.',
} as const;

export type CertificationStatement = keyof typeof CERTIFICATION_STATEMENTS;
export const CERTIFICATION_STATEMENT_KINDS = Object.keys(CERTIFICATION_STATEMENTS) as [
  CertificationStatement,
  ...CertificationStatement[],
];
