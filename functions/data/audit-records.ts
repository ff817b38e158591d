import type { Caller } from '../domain/caller.ts';

/** What an audit record says, before the data layer gives it keys. */
export interface AuditEntry {
  readonly companyId: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly changes?: Record<string, unknown>;
}

/** The attributes of one audit item: who, when (UTC), what, from where. */
export const auditItem = (caller: Caller, entry: AuditEntry, at: Date, auditId: string) => {
  const iso = at.toISOString();
  return {
    ...entry,
    auditId,
    at: iso,
    day: iso.slice(0, 10),
    actorId: caller.userId,
    actorRole: caller.role,
    actorCompanyId: caller.companyId,
    sourceIp: caller.sourceIp,
  };
};
