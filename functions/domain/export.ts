/**
 * The company's own data as one JSON document, for its primary POC: account information, every
 * profile version, certifications, message threads with their messages, grants given and
 * received, grant requests and the audit trail. The export itself is audited.
 */
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import type { Clock, Ids } from './clock.ts';
import { auditItem } from './audit.ts';
import type { CertificationStore } from './certifications.ts';
import type { ProfileStore } from './profiles.ts';
import { grantFor, inForce } from './sharing.ts';
import { auditRecordFor, certificationFor, messageFor, readerOf, requestFor, threadFor } from './disclosure.ts';
import { NotFound } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Side } from '../schemas/messages.ts';

/** One page of a list and where the next starts (null on the last). */
interface Page<T> {
  readonly items: T[];
  readonly cursor: string | null;
}

/** What the export shows of a thread: what `threadFor` redacts, and the participants it leaves out. */
interface ExportedThread {
  readonly companyId: string;
  readonly threadId: string;
  readonly startedBy?: string;
  readonly startedBySide: Side;
  readonly companyParticipants?: readonly string[];
  readonly cbpParticipants?: readonly string[];
}

/** What the export shows of a message: what `messageFor` redacts. */
interface ExportedMessage {
  readonly companyId: string;
  readonly authorId?: string;
  readonly authorSide: Side;
}

/** A grant and a grant request as the sharing rules read them. */
type ExportedGrant = Parameters<ReturnType<typeof grantFor>>[0];
type ExportedRequest = Parameters<ReturnType<typeof requestFor>>[0];

/** The company's threads and their messages, a page at a time. */
export interface ThreadReader {
  list(companyId: string, cursor: string | null, limit: number): Promise<Page<ExportedThread>>;
  messages(companyId: string, threadId: string, cursor: string | null, limit: number): Promise<Page<ExportedMessage>>;
}

/** The grants the company made and received, and the requests it sent and received. */
export interface GrantReader {
  allOfOwner(ownerCompanyId: string): Promise<ExportedGrant[]>;
  toGrantee(granteeId: string, cursor: string | null, limit: number): Promise<Page<ExportedGrant>>;
  allRequestsOf(companyId: string): Promise<ExportedRequest[]>;
}

/** The company's audit trail, read whole, and the record of the export itself. */
export interface ExportTrail {
  allOfCompany(companyId: string): Promise<AuditRecord[]>;
  record(entry: AuditRecord): Promise<void>;
}

interface ExportDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly profiles: Pick<ProfileStore, 'load' | 'listVersions'> & Pick<CertificationStore, 'listCertifications'>;
  readonly messages: ThreadReader;
  readonly grants: GrantReader;
  readonly auditTrail: ExportTrail;
}

const everyPage = async <T>(
  read: (cursor: string | null) => Promise<{ items: T[]; cursor: string | null }>,
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
};

export const exportCompany = async (deps: ExportDeps, caller: Caller, companyId: string) => {
  requireRole(caller, ['primary-poc']);
  requireCompanyAccess(caller, companyId);
  const now = deps.clock.now();
  const record = await deps.profiles.load(companyId);
  if (!record.company) throw new NotFound('No such company.');
  const [profileVersions, certifications, threads, given, received, grantRequests, auditTrail] = await Promise.all([
    everyPage((cursor) => deps.profiles.listVersions(companyId, cursor, 100)),
    deps.profiles.listCertifications(companyId),
    everyPage((cursor) => deps.messages.list(companyId, cursor, 100)),
    deps.grants.allOfOwner(companyId),
    everyPage((cursor) => deps.grants.toGrantee(companyId, cursor, 100)),
    deps.grants.allRequestsOf(companyId),
    deps.auditTrail.allOfCompany(companyId),
  ]);
  const withMessages = await Promise.all(
    threads.map(async ({ companyParticipants: _cp, cbpParticipants: _bp, ...thread }) => ({
      ...threadFor(readerOf(caller))(thread),
      messages: (await everyPage((cursor) => deps.messages.messages(companyId, thread.threadId, cursor, 100))).map(
        ({ companyId: _c, ...m }) => messageFor(readerOf(caller), companyId)(m),
      ),
    })),
  );
  await deps.auditTrail.record(
    auditItem(
      caller,
      {
        companyId,
        action: 'company.exported',
        objectType: 'company',
        objectId: companyId,
        changes: { profileVersions: profileVersions.length, threads: threads.length, auditRecords: auditTrail.length },
      },
      now,
      deps.ids.next(),
    ),
  );
  // The export shows the POC what the lists and the trail show them, through the same redaction.
  const reader = readerOf(caller);
  const sharing = new Set(received.filter((g) => inForce(g, now)).map((g) => g.ownerCompanyId));
  return {
    exportedAt: now.toISOString(),
    company: record.company,
    accountInfo: record.accountInfo,
    profileVersions: profileVersions.sort((a, b) => a.version - b.version),
    certifications: certifications.map(certificationFor(reader)),
    threads: withMessages,
    grants: given.map(grantFor(reader, sharing, now)),
    // Grants other companies made: who in them made or revoked one is theirs to know.
    grantsReceived: received.map(grantFor(reader, sharing, now)),
    grantRequests: grantRequests.map(requestFor(reader)),
    auditTrail: auditTrail.map(auditRecordFor(reader)),
  };
};
