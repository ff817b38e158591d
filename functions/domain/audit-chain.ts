/**
 * Verifying the audit trail's hash chains (issue 20, decision 79). Each record of a company's
 * trail carries `seq` 1, 2, 3, ... in its company's chain, the hash of the record before it and
 * its own hash; the data layer stamps them as it writes. A chain is intact when every seq from 1
 * to the head's is held by exactly one record, each record's hash is the hash of what it holds
 * and its `prevHash` its predecessor's hash, and the head holds the last record's hash.
 *
 * Records without a seq were written before the chain began (by the version before it): they are
 * counted, not judged, unless dated more than an hour after the chain's first record, which only
 * a write around the data layer can produce.
 */
import { AUDIT_CHAIN } from '../definitions/table.ts';
import type { Clock } from './clock.ts';

/** One record as the verifier needs it. */
export interface Link {
  readonly auditId: string;
  readonly at: string;
  /** Absent on records written before the chain began. */
  readonly seq?: number;
  readonly prevHash?: string;
  readonly hash?: string;
  /** Whether `hash` is the hash of what the record holds now. */
  readonly intact: boolean;
}

export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

export interface ChainState {
  /** The last record's seq and hash, as the chain's head holds them; null before the first. */
  readonly head: ChainPoint | null;
  /** When the chain's first record was written. */
  readonly startedAt: string | null;
  /** How far the scheduled verification has found the chain intact. */
  readonly verified: ChainPoint | null;
}

/** The chains as the verifier reads them. */
export interface AuditChains {
  /** Every company that has a chain. */
  chainIds(): Promise<string[]>;
  /** Strongly consistent. */
  state(companyId: string): Promise<ChainState>;
  /** The company's records page by page, by time, strongly consistent. */
  links(companyId: string, order: 'oldest-first' | 'newest-first'): AsyncIterable<readonly Link[]>;
  /** Records that the chain was intact through `through`; never moves an earlier checkpoint back. */
  markVerified(companyId: string, through: ChainPoint, at: string): Promise<void>;
}

/** The first broken record of a chain, named. */
export interface ChainBreak {
  readonly seq?: number;
  readonly auditId?: string;
  readonly at?: string;
  readonly problem: string;
}

export interface ChainReport {
  readonly companyId: string;
  readonly mode: 'full' | 'incremental';
  readonly head: ChainPoint | null;
  /** Chained records checked this time. */
  readonly checked: number;
  /** Records written before the chain began (read in full mode only). */
  readonly beforeChain: number;
  readonly broken: ChainBreak | null;
}

const GENESIS: ChainPoint = { seq: 0, hash: AUDIT_CHAIN.genesis };
/** Old versions may still write unchained records while the deployment that brings the chain runs. */
const CHANGE_OVER_MS = 60 * 60_000;
const short = (hash: string | undefined) => (hash ? `${hash.slice(0, 12)}…` : '(none)');
const named = (link: Link) => ({ seq: link.seq, auditId: link.auditId, at: link.at });

/** A record without a seq dated after the chain's change-over: written around the data layer. */
const lateUnchained = (state: ChainState, link: Link): ChainBreak | null =>
  state.startedAt && Date.parse(link.at) > Date.parse(state.startedAt) + CHANGE_OVER_MS
    ? { ...named(link), problem: `no seq, yet written after the chain began (${state.startedAt})` }
    : null;

/** The first break among `links` (those with a seq in (from.seq, head.seq]) from `from` to `head`. */
export const firstBreak = (from: ChainPoint, head: ChainPoint, links: readonly Link[]): ChainBreak | null => {
  const bySeq = new Map<number, Link[]>();
  for (const link of links) bySeq.set(link.seq!, [...(bySeq.get(link.seq!) ?? []), link]);
  let previous = from;
  let before: Link | undefined;
  for (let seq = from.seq + 1; seq <= head.seq; seq += 1) {
    const holders = bySeq.get(seq) ?? [];
    if (holders.length === 0) {
      const after = before ? ` (after ${before.auditId} at ${before.at})` : '';
      return { seq, problem: `missing seq: no record holds seq ${seq}${after}; deleted, or its seq was changed` };
    }
    const link = holders[0]!;
    if (holders.length > 1)
      return {
        ...named(link),
        auditId: holders.map((h) => h.auditId).join(', '),
        problem: `fork: ${holders.length} records hold seq ${seq}`,
      };
    if (!link.intact)
      return { ...named(link), problem: 'hash mismatch: the record no longer holds what was hashed when written' };
    if (link.prevHash !== previous.hash)
      return { ...named(link), problem: `broken link: its prevHash is not the hash of seq ${seq - 1}` };
    previous = { seq, hash: link.hash! };
    before = link;
  }
  if (previous.hash !== head.hash)
    return {
      ...(before ? named(before) : { seq: head.seq }),
      problem: `head not matching the last record: the head holds ${short(head.hash)} for seq ${head.seq}, the record ${short(previous.hash)}`,
    };
  return null;
};

type Deps = { readonly chains: AuditChains };

/** Every record of one chain, from its first to its head (`npm run audit:verify`, and the weekly pass). */
export const verifyFully = async (
  deps: Deps,
  companyId: string,
  onProgress: (records: number) => void = () => {},
): Promise<ChainReport> => {
  const state = await deps.chains.state(companyId);
  const chained: Link[] = [];
  let beforeChain = 0;
  let unchained: ChainBreak | null = null;
  for await (const page of deps.chains.links(companyId, 'oldest-first')) {
    for (const link of page) {
      if (link.seq !== undefined) {
        chained.push(link);
        continue;
      }
      const late = lateUnchained(state, link);
      if (late) unchained ??= late;
      else beforeChain += 1;
    }
    onProgress(chained.length + beforeChain);
  }
  const report = { companyId, mode: 'full' as const, head: state.head, beforeChain };
  const { head } = state;
  const odd = chained.find((l) => !Number.isInteger(l.seq) || l.seq! < 1);
  if (odd) return { ...report, checked: 0, broken: { ...named(odd), problem: `seq ${String(odd.seq)} is not one` } };
  if (!head) {
    const [first] = chained;
    const broken = first ? { ...named(first), problem: 'records carry a seq, yet the chain has no head' } : unchained;
    return { ...report, checked: 0, broken };
  }
  // Past the head: another writer appended after the head was read, or a record was forged.
  let stray: ChainBreak | null = null;
  const beyond = chained.filter((l) => l.seq! > head.seq);
  if (beyond.length > 0) {
    const now = (await deps.chains.state(companyId)).head;
    const forged = beyond.find((l) => !now || l.seq! > now.seq);
    if (forged) stray = { ...named(forged), problem: `past the head: the head is at seq ${now?.seq ?? 0}` };
  }
  const within = chained.filter((l) => l.seq! <= head.seq);
  const broken = firstBreak(GENESIS, head, within) ?? stray ?? unchained;
  return { ...report, checked: within.length, broken };
};

/**
 * The records appended since the last verified checkpoint, read newest first until every seq
 * after it is found, checked to chain onto the checkpoint's hash and to end at the head. Sound
 * for what is new whatever the writers' clocks: the read stops on seqs found, not on a time.
 * What it does not see (a change to a record verified earlier) the weekly full pass does.
 */
export const verifySince = async (deps: Deps, companyId: string): Promise<ChainReport> => {
  const state = await deps.chains.state(companyId);
  const { head } = state;
  const from = state.verified ?? GENESIS;
  const report = { companyId, mode: 'incremental' as const, head, beforeChain: 0 };
  if (!head) return { ...report, checked: 0, broken: null };
  if (from.seq > head.seq || (from.seq === head.seq && from.hash !== head.hash))
    return {
      ...report,
      checked: 0,
      broken: {
        seq: head.seq,
        problem: `head moved back: verified through seq ${from.seq}, the head is at ${head.seq}`,
      },
    };
  if (from.seq === head.seq) return { ...report, checked: 0, broken: null };
  const found: Link[] = [];
  const seen = new Set<number>();
  let unchained: ChainBreak | null = null;
  for await (const page of deps.chains.links(companyId, 'newest-first')) {
    for (const link of page) {
      if (link.seq === undefined) unchained ??= lateUnchained(state, link);
      else if (link.seq > from.seq && link.seq <= head.seq) {
        found.push(link);
        seen.add(link.seq);
      }
    }
    if (seen.size >= head.seq - from.seq) break;
  }
  return { ...report, checked: found.length, broken: firstBreak(from, head, found) ?? unchained };
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
 * The scheduled verification: every chain, incrementally, and in full in its hour of the week
 * (or all in full when asked); an intact chain's checkpoint moves to its head.
 */
export const verifyChains = async (
  deps: Deps & { readonly clock: Clock },
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
