/** One audit record as stored: who acted (and as what), when (UTC), on what, from where. */
export interface AuditRecord {
  readonly companyId: string;
  readonly auditId: string;
  /** ISO-8601 UTC. */
  readonly at: string;
  /** The UTC day of `at` (`YYYY-MM-DD`): CBP reads the whole portal's trail day by day. */
  readonly day: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly actorCompanyId: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly sourceIp?: string;
  readonly changes?: Record<string, unknown>;
}
