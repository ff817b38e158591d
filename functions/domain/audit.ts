import type { Caller } from './caller.ts';
import type { AuditRecord } from '../schemas/audit.ts';

/** Who acted: a signed-in caller, or the portal itself on behalf of an anonymous request or a job. */
export type Actor = Pick<Caller, 'userId' | 'companyId' | 'sourceIp'> & { readonly role: string };

/** What an audit record says, before the data layer gives it keys. */
export interface AuditEntry {
  readonly companyId: string;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly changes?: Record<string, unknown>;
}

/** The attributes of one audit item: who, when (UTC), what, from where. */
export const auditItem = (actor: Actor, entry: AuditEntry, at: Date, auditId: string): AuditRecord => {
  const iso = at.toISOString();
  return {
    ...entry,
    auditId,
    at: iso,
    day: iso.slice(0, 10),
    actorId: actor.userId,
    actorRole: actor.role,
    actorCompanyId: actor.companyId,
    sourceIp: actor.sourceIp,
  };
};
