/**
 * Why an email was not sent, as kinds (issue 25, item 4). A transient kind passes by itself and
 * the outbox retries it with backoff; a permanent kind does not pass until someone acts (a
 * template re-created, a sender verified, an address corrected), so its first occurrence is
 * counted in the `EmailPermanentFailure` metric with the kind as dimension, and the CDK stack
 * alarms each kind on its own. What to do for each permanent kind is in the runbook (`EMAIL_RUNBOOK`).
 */
export interface FailureKindDefinition {
  readonly permanent: boolean;
  /** What it means, for the alarm's description. */
  readonly description: string;
}

export const FAILURE_KINDS = {
  throttled: { permanent: false, description: 'SES throttled the send or the daily quota is spent' },
  unavailable: { permanent: false, description: 'SES could not be reached or failed on its side' },
  unknown: { permanent: false, description: 'SES gave no recognisable reason; retried as transient' },
  'template-missing': {
    permanent: true,
    description: 'SES has no email template of the name the portal sends with',
  },
  'configuration-set-missing': {
    permanent: true,
    description: "SES has no configuration set of the name the portal's functions are given",
  },
  'sender-not-verified': {
    permanent: true,
    description: "SES refused the portal's sender: its identity or MAIL FROM domain is not verified",
  },
  'address-rejected': { permanent: true, description: 'SES rejected a recipient address or the message' },
  'sending-paused': {
    permanent: true,
    description: "SES sending is paused or suspended for the account or the portal's configuration set",
  },
  'request-refused': {
    permanent: true,
    description: 'SES refused the request itself (an invalid parameter, or IAM denied the call)',
  },
} as const satisfies Record<string, FailureKindDefinition>;

export type FailureKind = keyof typeof FAILURE_KINDS;

/** The kinds that raise their own alarm. */
export const PERMANENT_FAILURE_KINDS = (Object.keys(FAILURE_KINDS) as FailureKind[]).filter(
  (kind) => FAILURE_KINDS[kind].permanent,
);

/** The metric counting permanent failures, one dimension: `Kind`. */
export const PERMANENT_FAILURE_METRIC = 'EmailPermanentFailure';

/**
 * Where the operator reads what to do when a permanent failure's alarm fires (one entry per
 * permanent kind): the alarms' descriptions and `npm run outbox` point here.
 */
export const EMAIL_RUNBOOK = 'docs/email.md#a-permanent-email-failure-alarm-fired';
