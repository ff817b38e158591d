/**
 * The company's own data as one JSON document, for its primary POC: account information, every
 * profile version, certifications, message threads with their messages, grants given and
 * received, grant requests and the audit trail. The export itself is audited.
 */
import type { Deps } from './deps.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { auditItem } from '../data/audit-records.ts';
import { grantFor, inForce } from './sharing.ts';
import { auditRecordFor, certificationFor, messageFor, readerOf, requestFor, threadFor } from './disclosure.ts';
import { NotFound } from '../errors.ts';

type ExportDeps = Pick<Deps, 'clock' | 'ids' | 'profiles' | 'messages' | 'grants' | 'auditTrail'>;

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
