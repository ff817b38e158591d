/**
 * Each company's audit trail as a hash chain (issue 20, decision 80). A request writes its audit
 * record in the transaction of the change it records, as before, and nothing more: the chain is
 * appended after, by the `chainAuditTrail` job, so no request waits on a chain and fifty writers
 * to one company never contend for its head. Each minute the job reads the records written since
 * its checkpoint (less an overlap for transactions that committed late) and appends each to its
 * company's chain, oldest first (the write-once archive takes its copy from the table's changes
 * apart from this: domain/audit-archive.ts):
 *
 *   link n = { seq n, position, recordHash = SHA-256(record), prevHash = link n-1's hash,
 *              hash = SHA-256(prevHash, seq, position, recordHash) }
 *
 * where a record is hashed in the JSON Canonicalization Scheme (RFC 8785), which anyone can
 * reproduce. The link is appended only if seq n is free (so two chainers cannot fork a chain) and
 * the record only if not yet chained (so none is chained twice).
 *
 * Verifying walks the links: each seq once, each prevHash its predecessor's hash, each hash
 * recomputed, each record still there and still hashing to its recordHash; then (in full) every
 * record of the trail is chained, except those dated before the chain began and the last minutes'
 * (the chainer's next run takes them).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Clock } from './clock.ts';

export interface Link {
  readonly seq: number;
  /** The record's sort key, `<at>#<auditId>`. */
  readonly position: string;
  readonly recordHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

/** The chains as stored (data/audit-chain-store.ts). */
export interface AuditChains {
  recordsBetween(from: string, to: string, max: number): Promise<AuditRecord[]>;
  chainedBetween(companyId: string, from: string, to: string): Promise<Set<string>>;
  head(companyId: string): Promise<ChainPoint | null>;
  append(companyId: string, link: Link): Promise<'appended' | 'seq-taken' | 'already-chained'>;
  chainIds(): Promise<string[]>;
  linksAfter(companyId: string, after: number): AsyncIterable<Link[]>;
  recordsAt(companyId: string, positions: readonly string[]): Promise<Map<string, AuditRecord>>;
  trail(companyId: string): AsyncIterable<AuditRecord[]>;
  allChained(companyId: string): Promise<Set<string>>;
  verified(companyId: string): Promise<ChainPoint | null>;
  markVerified(companyId: string, through: ChainPoint, at: string): Promise<void>;
  chainerCheckpoint(): Promise<string | null>;
  moveChainerCheckpoint(through: string): Promise<void>;
}

export const GENESIS = '';
/**
 * How far before its checkpoint the chainer reads again: a record is dated when its request began,
 * and its transaction may commit (and reach gsi1) up to a function's timeout later (28 s at most).
 */
export const OVERLAP_MS = 5 * 60_000;
/** Records younger than this are the chainer's next run's, not a break. */
export const PENDING_MS = 15 * 60_000;
/** Most records one run chains; the rest wait for the next, the checkpoint moving only as far as read. */
const MAX_PER_RUN = 5_000;

export const positionOf = (r: Pick<AuditRecord, 'at' | 'auditId'>) => `${r.at}#${r.auditId}`;

// ---------------------------------------------------------------------------------------------
// Hashes.

/** A value in JSON's terms: sets as sorted lists, binary as base64, strings well formed. */
const asJson = (value: unknown): unknown => {
  if (typeof value === 'string') return wellFormed(value);
  if (value instanceof Set) return [...value].map(asJson).sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(asJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([name, inner]) => [wellFormed(name), asJson(inner)]),
    );
  return value;
};
// A lone surrogate cannot be stored as UTF-8 nor written in RFC 8785: hash U+FFFD, as stored.
const wellFormed = (text: string): string => (text as string & { toWellFormed(): string }).toWellFormed();

/** A record in the JSON Canonicalization Scheme (RFC 8785): what is hashed, and what is archived. */
export const canonicalRecord = (record: AuditRecord): string => canonicalize(asJson(record)) as string;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const recordHash = (record: AuditRecord): string => sha256(canonicalRecord(record));

export const linkHash = (link: Omit<Link, 'hash'>): string =>
  sha256(`${link.prevHash}\n${link.seq}\n${link.position}\n${link.recordHash}`);

// ---------------------------------------------------------------------------------------------
// Chaining.

export interface ChainRun {
  readonly read: number;
  readonly appended: number;
  readonly companies: number;
  /** How far the trail is now read. */
  readonly through: string;
}

/** Appends one record to its company's chain after `head`; returns the new head (or the old, if it was chained). */
const appendOne = async (
  chains: AuditChains,
  record: AuditRecord,
  head: ChainPoint | null,
): Promise<{ head: ChainPoint | null; appended: boolean }> => {
  const position = positionOf(record);
  const hashOfRecord = recordHash(record);
  let current = head;
  for (let attempt = 1; ; attempt += 1) {
    const body = {
      seq: (current?.seq ?? 0) + 1,
      position,
      recordHash: hashOfRecord,
      prevHash: current?.hash ?? GENESIS,
    };
    const link = { ...body, hash: linkHash(body) };
    const outcome = await chains.append(record.companyId, link);
    if (outcome === 'appended') return { head: { seq: link.seq, hash: link.hash }, appended: true };
    if (outcome === 'already-chained') return { head: await chains.head(record.companyId), appended: false };
    // Another chainer appended first: go on from where it left the chain.
    if (attempt >= 10) throw new Error(`Could not append to ${record.companyId}'s audit chain in 10 attempts`);
    current = await chains.head(record.companyId);
  }
};

/**
 * The `chainAuditTrail` job's run: every record dated from the checkpoint (less OVERLAP_MS) to now
 * that is not chained yet is chained, each company's oldest first; the checkpoint
 * moves to now, or to the last record read when there were more than one run takes.
 */
export const chainNew = async (
  deps: { readonly chains: AuditChains; readonly clock: Clock },
  options: { readonly concurrency?: number; readonly max?: number } = {},
): Promise<ChainRun> => {
  const now = deps.clock.now().toISOString();
  const checkpoint = await deps.chains.chainerCheckpoint();
  const from = new Date(Date.parse(checkpoint ?? now) - OVERLAP_MS).toISOString();
  const max = options.max ?? MAX_PER_RUN;
  const records = await deps.chains.recordsBetween(from, now, max);
  const byCompany = new Map<string, AuditRecord[]>();
  for (const record of records) byCompany.set(record.companyId, [...(byCompany.get(record.companyId) ?? []), record]);
  const companies = [...byCompany.keys()];
  let appended = 0;
  let next = 0;
  const worker = async () => {
    while (next < companies.length) {
      const companyId = companies[next++]!;
      const own = byCompany.get(companyId)!.sort((a, b) => (positionOf(a) < positionOf(b) ? -1 : 1));
      const chained = await deps.chains.chainedBetween(companyId, from, now);
      let head = await deps.chains.head(companyId);
      for (const record of own) {
        const position = positionOf(record);
        if (chained.has(position)) continue;
        const result = await appendOne(deps.chains, record, head);
        head = result.head;
        if (result.appended) appended += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const through = records.length >= max ? records.at(-1)!.at : now;
  await deps.chains.moveChainerCheckpoint(through);
  return { read: records.length, appended, companies: companies.length, through };
};

// ---------------------------------------------------------------------------------------------
// Verifying.

/** The first broken record of a chain, named. */
export interface ChainBreak {
  readonly seq?: number;
  readonly position?: string;
  readonly problem: string;
}

export interface ChainReport {
  readonly companyId: string;
  readonly mode: 'full' | 'incremental';
  readonly head: ChainPoint | null;
  /** Links checked this time. */
  readonly checked: number;
  /** Records dated before the chain's first (full mode only). */
  readonly beforeChain: number;
  /** Records not chained yet, younger than PENDING_MS (full mode only). */
  readonly pending: number;
  readonly broken: ChainBreak | null;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** Checks the links after `from`: the first break, the last point reached and how many were checked. */
const checkLinks = async (
  chains: AuditChains,
  companyId: string,
  from: ChainPoint,
): Promise<{ broken: ChainBreak | null; reached: ChainPoint; checked: number; first?: Link }> => {
  let previous = from;
  let checked = 0;
  let first: Link | undefined;
  for await (const page of chains.linksAfter(companyId, from.seq)) {
    for (let start = 0; start < page.length; start += 100) {
      const slice = page.slice(start, start + 100);
      const records = await chains.recordsAt(
        companyId,
        slice.map((l) => l.position),
      );
      for (const link of slice) {
        first ??= link;
        const named = { seq: link.seq, position: link.position };
        const fail = (problem: string) => ({ broken: { ...named, problem }, reached: previous, checked, first });
        if (link.seq !== previous.seq + 1)
          return fail(`missing seq: after seq ${previous.seq} comes ${link.seq}; a link was deleted`);
        if (link.prevHash !== previous.hash)
          return fail(`broken link: its prevHash is not the hash of seq ${previous.seq} (${short(previous.hash)})`);
        if (linkHash(link) !== link.hash)
          return fail('the link was changed: its hash is not the hash of what it holds');
        const record = records.get(link.position);
        if (!record) return fail(`the record at ${link.position} is gone: deleted, or its key was changed`);
        if (recordHash(record) !== link.recordHash)
          return fail(`the record was changed: it no longer holds what was chained (auditId ${record.auditId})`);
        previous = { seq: link.seq, hash: link.hash };
        checked += 1;
      }
    }
  }
  return { broken: null, reached: previous, checked, ...(first ? { first } : {}) };
};

/** Every link of a chain from its first, and every record of the trail chained (`npm run audit:verify`, weekly). */
export const verifyFully = async (
  deps: { readonly chains: AuditChains; readonly clock: Clock },
  companyId: string,
): Promise<ChainReport> => {
  const links = await checkLinks(deps.chains, companyId, { seq: 0, hash: GENESIS });
  const head = links.reached.seq > 0 ? links.reached : null;
  const report = { companyId, mode: 'full' as const, head, checked: links.checked };
  if (links.broken) return { ...report, beforeChain: 0, pending: 0, broken: links.broken };
  const chained = await deps.chains.allChained(companyId);
  const began = links.first?.position;
  const pendingFrom = new Date(deps.clock.now().getTime() - PENDING_MS).toISOString();
  let beforeChain = 0;
  let pending = 0;
  let unchained: ChainBreak | null = null;
  for await (const page of deps.chains.trail(companyId)) {
    for (const record of page) {
      const position = positionOf(record);
      if (chained.has(position)) continue;
      if (!began || position < began) beforeChain += 1;
      else if (record.at >= pendingFrom) pending += 1;
      else
        unchained ??= {
          position,
          problem: `not chained: dated ${record.at}, after the chain began, and older than ${PENDING_MS / 60_000} minutes (auditId ${record.auditId})`,
        };
    }
  }
  return { ...report, beforeChain, pending, broken: unchained };
};

/** The links appended since the last verified checkpoint (the hourly pass). */
export const verifySince = async (deps: { readonly chains: AuditChains }, companyId: string): Promise<ChainReport> => {
  const verified = await deps.chains.verified(companyId);
  const report = { companyId, mode: 'incremental' as const, beforeChain: 0, pending: 0 };
  // The link verified last must still be there as it was: else links were deleted or rewritten
  // back past it, which checking only what came after would not see.
  if (verified) {
    const [anchor] = await firstPage(deps.chains.linksAfter(companyId, verified.seq - 1));
    if (anchor?.seq !== verified.seq || anchor.hash !== verified.hash)
      return {
        ...report,
        head: null,
        checked: 0,
        broken: {
          seq: verified.seq,
          problem: `the link verified last (seq ${verified.seq}, ${short(verified.hash)}) is ${anchor?.seq === verified.seq ? 'changed' : 'gone'}: links were deleted or rewritten`,
        },
      };
  }
  const links = await checkLinks(deps.chains, companyId, verified ?? { seq: 0, hash: GENESIS });
  return {
    ...report,
    head: links.reached.seq > 0 ? links.reached : null,
    checked: links.checked,
    broken: links.broken,
  };
};

const firstPage = async <T>(pages: AsyncIterable<T[]>): Promise<T[]> => {
  for await (const page of pages) return page;
  return [];
};

/** Which hour of the week (0-167, UTC) a chain is verified in full; the other hours, incrementally. */
export const fullHourOf = (companyId: string): number => {
  let hash = 0x811c9dc5;
  for (const char of companyId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 168;
};

export interface VerificationRun {
  readonly chains: number;
  readonly full: number;
  readonly checked: number;
  readonly broken: readonly ChainReport[];
  /** Where each chain that grew stands now: an outside record of the heads (the job logs them). */
  readonly heads: ReadonlyArray<ChainPoint & { readonly companyId: string }>;
  /** Chains left for the next run when the time budget ran out. */
  readonly left: number;
}

/**
 * The scheduled verification: every chain incrementally, and in full in its hour of the week (or
 * all in full when asked); an intact chain's checkpoint moves to its head.
 */
export const verifyChains = async (
  deps: { readonly chains: AuditChains; readonly clock: Clock },
  options: { readonly full?: boolean; readonly budgetMs: number; readonly concurrency?: number },
): Promise<VerificationRun> => {
  const ids = await deps.chains.chainIds();
  const now = deps.clock.now();
  const hour = now.getUTCDay() * 24 + now.getUTCHours();
  const stopAt = Date.now() + options.budgetMs;
  const reports: ChainReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length && Date.now() < stopAt) {
      const companyId = ids[next++]!;
      const full = options.full || fullHourOf(companyId) === hour;
      const report = full ? await verifyFully(deps, companyId) : await verifySince(deps, companyId);
      reports.push(report);
      if (!report.broken && report.head) await deps.chains.markVerified(companyId, report.head, now.toISOString());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return {
    chains: ids.length,
    full: reports.filter((r) => r.mode === 'full').length,
    checked: reports.reduce((n, r) => n + r.checked, 0),
    broken: reports.filter((r) => r.broken),
    heads: reports.flatMap((r) => (r.head && r.checked > 0 ? [{ companyId: r.companyId, ...r.head }] : [])),
    left: ids.length - reports.length,
  };
};
