/**
 * The company's own data as one JSON document, for its primary POC: account information, every
 * profile version, certifications, message threads with their messages, grants given and
 * received, grant requests and the audit trail. Written to a private bucket and downloaded through
 * a short-lived link, so its size is not bounded by a Lambda answer's 6 MB. The export is audited.
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
import type { ProfileVersion } from '../schemas/profile.ts';

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

/** The company's audit trail, page by page, and the record of the export itself. */
export interface ExportTrail {
  pageOfCompany(companyId: string, cursor: string | null, limit: number): Promise<Page<AuditRecord>>;
  record(entry: AuditRecord): Promise<void>;
}

/** Which export file: the company, the export's id and the name it downloads as. */
export interface ExportFile {
  readonly companyId: string;
  readonly exportId: string;
  readonly fileName: string;
}

/** Where export files go: written as they are made, then handed out by a short-lived link. */
export interface ExportFiles {
  /** Writes the file from its chunks as they come, never holding it whole; answers its size in bytes. */
  save(file: ExportFile, chunks: AsyncIterable<string>): Promise<number>;
  /** A link that downloads the file for `seconds`. */
  link(file: ExportFile, seconds: number): Promise<string>;
}

interface ExportDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly profiles: Pick<ProfileStore, 'load'> &
    Pick<CertificationStore, 'listCertifications'> & {
      versionsOldestFirst(companyId: string, cursor: string | null, limit: number): Promise<Page<ProfileVersion>>;
    };
  readonly messages: ThreadReader;
  readonly grants: GrantReader;
  readonly auditTrail: ExportTrail;
  readonly files: ExportFiles;
}

/** How long the download link works: long enough to click, short enough that a copied link soon dies. */
export const EXPORT_LINK_SECONDS = 300;

/** Items per read of the lists that grow without bound (DynamoDB reads at most 1 MB a page anyway). */
const PAGE = 500;

/** Every item of a short list (one bounded by the program's rules), read whole. */
const everyPage = async <T>(read: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  for await (const page of pagesOf(read)) items.push(...page);
  return items;
};

/** Every page of a list, one at a time: the export holds one page of each list, never the list. */
async function* pagesOf<T>(read: (cursor: string | null) => Promise<Page<T>>): AsyncGenerator<readonly T[]> {
  let cursor: string | null = null;
  do {
    const page: Page<T> = await read(cursor);
    yield page.items;
    cursor = page.cursor;
  } while (cursor);
}

/** A JSON array of the items the pages hold, one item a line, as text chunks (one a page). */
async function* arrayOf<T>(pages: AsyncIterable<readonly T[]>, show: (item: T) => unknown): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield (first ? '\n' : ',\n') + page.map((item) => JSON.stringify(show(item))).join(',\n');
    first = false;
  }
  yield first ? ']' : '\n]';
}

/**
 * Writes the company's data as one JSON document to the exports bucket, page by page, so the
 * function's memory stays bounded however large the company's history; records the export; and
 * answers a link that downloads it for five minutes. Nothing is recorded if the file is not
 * written whole (a failed upload is aborted).
 */
export const exportCompany = async (deps: ExportDeps, caller: Caller, companyId: string) => {
  requireRole(caller, ['primary-poc']);
  requireCompanyAccess(caller, companyId);
  const now = deps.clock.now();
  const record = await deps.profiles.load(companyId);
  if (!record.company) throw new NotFound('No such company.');
  // What a company gives and asks is bounded by the program's rules; read whole.
  const [certifications, given, received, grantRequests] = await Promise.all([
    deps.profiles.listCertifications(companyId),
    deps.grants.allOfOwner(companyId),
    everyPage((cursor) => deps.grants.toGrantee(companyId, cursor, 100)),
    deps.grants.allRequestsOf(companyId),
  ]);
  // The export shows the POC what the lists and the trail show them, through the same redaction.
  const reader = readerOf(caller);
  const sharing = new Set(received.filter((g) => inForce(g, now)).map((g) => g.ownerCompanyId));
  const counts = { profileVersions: 0, threads: 0, auditRecords: 0 };
  const counted = <T>(name: keyof typeof counts, pages: AsyncIterable<readonly T[]>) =>
    (async function* () {
      for await (const page of pages) {
        counts[name] += page.length;
        yield page;
      }
    })();

  async function* thread(t: ExportedThread): AsyncGenerator<string> {
    const { companyParticipants: _cp, cbpParticipants: _bp, ...shown } = t;
    // The thread's fields, then its messages, a page at a time.
    yield `${JSON.stringify(threadFor(reader)(shown)).slice(0, -1)},"messages":`;
    yield* arrayOf(
      pagesOf((cursor) => deps.messages.messages(companyId, t.threadId, cursor, PAGE)),
      ({ companyId: _c, ...m }: ExportedMessage) => messageFor(reader, companyId)(m),
    );
    yield '}';
  }
  async function* threads(): AsyncGenerator<string> {
    yield '[';
    let first = true;
    for await (const page of counted(
      'threads',
      pagesOf((cursor) => deps.messages.list(companyId, cursor, 100)),
    )) {
      for (const t of page) {
        yield first ? '\n' : ',\n';
        yield* thread(t);
        first = false;
      }
    }
    yield first ? ']' : '\n]';
  }
  const field = (name: string, value: unknown) => `,\n${JSON.stringify(name)}:${JSON.stringify(value)}`;
  async function* document(): AsyncGenerator<string> {
    yield `{${JSON.stringify('exportedAt')}:${JSON.stringify(now.toISOString())}`;
    yield field('company', record.company);
    yield field('accountInfo', record.accountInfo);
    yield ',\n"profileVersions":';
    yield* arrayOf(
      counted(
        'profileVersions',
        pagesOf((cursor) => deps.profiles.versionsOldestFirst(companyId, cursor, 100)),
      ),
      (v) => v,
    );
    yield field('certifications', certifications.map(certificationFor(reader)));
    yield ',\n"threads":';
    yield* threads();
    yield field('grants', given.map(grantFor(reader, sharing, now)));
    // Grants other companies made: who in them made or revoked one is theirs to know.
    yield field('grantsReceived', received.map(grantFor(reader, sharing, now)));
    yield field('grantRequests', grantRequests.map(requestFor(reader)));
    yield ',\n"auditTrail":';
    yield* arrayOf(
      counted(
        'auditRecords',
        pagesOf((cursor) => deps.auditTrail.pageOfCompany(companyId, cursor, PAGE)),
      ),
      auditRecordFor(reader),
    );
    yield '\n}\n';
  }

  const exportedAt = now.toISOString();
  const file: ExportFile = {
    companyId,
    exportId: deps.ids.next(),
    fileName: `ctpat-export-${companyId}-${exportedAt.slice(0, 10)}.json`,
  };
  const bytes = await deps.files.save(file, document());
  await deps.auditTrail.record(
    auditItem(
      caller,
      {
        companyId,
        action: 'company.exported',
        objectType: 'company',
        objectId: companyId,
        changes: { ...counts, bytes },
      },
      now,
      deps.ids.next(),
    ),
  );
  return {
    url: await deps.files.link(file, EXPORT_LINK_SECONDS),
    fileName: file.fileName,
    bytes,
    exportedAt,
    expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(),
  };
};
