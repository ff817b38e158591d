/**
 * The audit hash chain's rules (decision 80) over an in-memory store: the canonical form and the
 * hashes anyone can reproduce, the chainer's run (archive first, each record once, the checkpoint),
 * and what verification names: a changed link, a changed or deleted record, a record never chained,
 * one not chained yet, and one from before the chain began.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRecord,
  chainNew,
  linkHash,
  OVERLAP_MS,
  PENDING_MS,
  recordHash,
  verifyFully,
  verifySince,
  type AuditChains,
  type ChainPoint,
  type Link,
} from '../../functions/domain/audit-chain.ts';
import { archiveRecords } from '../../functions/domain/audit-archive.ts';
import type { AuditRecord } from '../../functions/schemas/audit.ts';

const NOW = new Date('2026-12-07T15:00:00.000Z');
const clock = { now: () => NOW };
const positionOf = (r: AuditRecord) => `${r.at}#${r.auditId}`;

const recordAt = (companyId: string, minutesAgo: number, n: number): AuditRecord => {
  const at = new Date(NOW.getTime() - minutesAgo * 60_000 + n).toISOString();
  return {
    companyId,
    auditId: `a${String(n).padStart(3, '0')}`,
    at,
    day: at.slice(0, 10),
    actorId: 'u1',
    actorRole: 'cbp-officer',
    actorCompanyId: 'CBP',
    action: 'test.written',
    objectType: 'test',
    objectId: `o${n}`,
    changes: { b: 2, a: 'é' },
  };
};

/** The store's behaviour, in memory: conditional appends, markers, checkpoints. */
const memoryChains = () => {
  const records = new Map<string, AuditRecord>();
  const links = new Map<string, Map<number, Link>>();
  const markers = new Map<string, Set<string>>();
  let checkpoint: string | null = null;
  const verifiedAt = new Map<string, ChainPoint>();
  const of = <T>(m: Map<string, T>, id: string, empty: () => T) => m.get(id) ?? (m.set(id, empty()), m.get(id)!);
  const chains: AuditChains = {
    recordsBetween: async (from, to, max) =>
      [...records.values()]
        .filter((r) => r.at >= from && r.at <= to)
        .sort((a, b) => (positionOf(a) < positionOf(b) ? -1 : 1))
        .slice(0, max),
    chainedBetween: async (companyId) => new Set(of(markers, companyId, () => new Set<string>())),
    head: async (companyId) => {
      const all = [...of(links, companyId, () => new Map<number, Link>()).values()].sort((a, b) => a.seq - b.seq);
      const last = all.at(-1);
      return last ? { seq: last.seq, hash: last.hash } : null;
    },
    append: async (companyId, link) => {
      const own = of(links, companyId, () => new Map<number, Link>());
      const marked = of(markers, companyId, () => new Set<string>());
      if (marked.has(link.position)) return 'already-chained';
      if (own.has(link.seq)) return 'seq-taken';
      own.set(link.seq, link);
      marked.add(link.position);
      return 'appended';
    },
    chainIds: async () => [...links.keys()],
    async *linksAfter(companyId, after) {
      yield [...of(links, companyId, () => new Map<number, Link>()).values()]
        .filter((l) => l.seq > after)
        .sort((a, b) => a.seq - b.seq);
    },
    recordsAt: async (companyId, positions) =>
      new Map(
        positions.flatMap((p) => {
          const r = records.get(p);
          return r && r.companyId === companyId ? [[p, r] as const] : [];
        }),
      ),
    async *trail(companyId) {
      yield [...records.values()]
        .filter((r) => r.companyId === companyId)
        .sort((a, b) => (positionOf(a) < positionOf(b) ? -1 : 1));
    },
    allChained: async (companyId) => new Set(of(markers, companyId, () => new Set<string>())),
    verified: async (companyId) => verifiedAt.get(companyId) ?? null,
    markVerified: async (companyId, through) => {
      verifiedAt.set(companyId, through);
    },
    chainerCheckpoint: async () => checkpoint,
    moveChainerCheckpoint: async (through) => {
      checkpoint = through;
    },
  };
  return { chains, records, links, put: (r: AuditRecord) => records.set(positionOf(r), r) };
};

describe('the hashes', () => {
  it('hash a record in RFC 8785 form (keys sorted at every level), so anyone can reproduce them', () => {
    const record = recordAt('c1', 1, 1);
    const text = canonicalRecord(record);
    expect(text.startsWith('{"action":"test.written","actorCompanyId":"CBP"')).toBe(true);
    expect(text).toContain('"changes":{"a":"é","b":2}');
    expect(recordHash(record)).toBe(createHash('sha256').update(text).digest('hex'));
    // The order the record was built in does not matter.
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as unknown as AuditRecord;
    expect(recordHash(reordered)).toBe(recordHash(record));
    const link = { seq: 2, position: 'p', recordHash: 'r', prevHash: 'h1' };
    expect(linkHash(link)).toBe(createHash('sha256').update('h1\n2\np\nr').digest('hex'));
  });
});

describe('the chainer', () => {
  it('chains each new record once, oldest first per company, and moves its checkpoint', async () => {
    const store = memoryChains();
    for (let n = 0; n < 6; n += 1) store.put(recordAt(n % 2 ? 'c1' : 'c2', 2, n));
    const first = await chainNew({ ...store, clock });
    expect(first).toMatchObject({ read: 6, appended: 6, companies: 2, through: NOW.toISOString() });
    const c1 = [...store.links.get('c1')!.values()];
    expect(c1.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(c1.map((l) => l.position)).toEqual([...c1.map((l) => l.position)].sort());
    // Again: nothing new (the overlap rereads them, the markers skip them).
    expect(await chainNew({ ...store, clock })).toMatchObject({ read: 6, appended: 0 });
  });

  it('reads from its checkpoint less the overlap, so a record whose transaction committed late is still chained', async () => {
    const store = memoryChains();
    await chainNew({ ...store, clock });
    // Dated before the last run, but committed (written) only now.
    store.put(recordAt('c1', OVERLAP_MS / 60_000 - 1, 1));
    store.put(recordAt('c1', OVERLAP_MS / 60_000 + 1, 2));
    const run = await chainNew({ ...store, clock });
    expect(run.appended).toBe(1);
  });
});

describe('verification', () => {
  const chained = async (n: number) => {
    const store = memoryChains();
    for (let i = 0; i < n; i += 1) store.put(recordAt('c1', 30, i));
    await chainNew({ ...store, clock: { now: () => new Date(NOW.getTime() - 29 * 60_000) } });
    return store;
  };

  it('passes an intact chain, counting records from before it began and those not chained yet', async () => {
    const store = await chained(3);
    store.put(recordAt('c1', 60 * 24, 9));
    store.put(recordAt('c1', PENDING_MS / 60_000 - 1, 10));
    expect(await verifyFully({ ...store, clock }, 'c1')).toMatchObject({
      checked: 3,
      beforeChain: 1,
      pending: 1,
      broken: null,
      head: { seq: 3 },
    });
  });

  it('names a record changed after it was chained', async () => {
    const store = await chained(3);
    const victim = [...store.records.values()][1]!;
    store.put({ ...victim, objectId: 'someone-else' });
    const report = await verifyFully({ ...store, clock }, 'c1');
    expect(report.broken).toMatchObject({ seq: 2, position: positionOf(victim) });
    expect(report.broken?.problem).toContain('the record was changed');
  });

  it('names a deleted record, a changed link and a record that was never chained', async () => {
    const deleted = await chained(3);
    deleted.records.delete(positionOf([...deleted.records.values()][2]!));
    expect((await verifyFully({ ...deleted, clock }, 'c1')).broken?.problem).toContain('is gone');

    const relinked = await chained(3);
    const link = relinked.links.get('c1')!.get(2)!;
    relinked.links.get('c1')!.set(2, { ...link, recordHash: 'forged' });
    expect((await verifyFully({ ...relinked, clock }, 'c1')).broken?.problem).toContain('the link was changed');

    const unchained = await chained(3);
    unchained.put(recordAt('c1', 20, 7));
    const report = await verifyFully({ ...unchained, clock }, 'c1');
    expect(report.broken?.problem).toContain('not chained');
  });

  it('checks incrementally from the last verified point', async () => {
    const store = await chained(4);
    const links = [...store.links.get('c1')!.values()];
    await store.chains.markVerified('c1', { seq: 2, hash: links[1]!.hash }, NOW.toISOString());
    expect(await verifySince(store, 'c1')).toMatchObject({ mode: 'incremental', checked: 2, broken: null });
    store.links.get('c1')!.delete(3);
    expect((await verifySince(store, 'c1')).broken?.problem).toContain('missing seq');
  });

  it('names links deleted back past the last verified one, which the links after it cannot show', async () => {
    const store = await chained(4);
    const links = [...store.links.get('c1')!.values()];
    await store.chains.markVerified('c1', { seq: 4, hash: links[3]!.hash }, NOW.toISOString());
    expect((await verifySince(store, 'c1')).broken).toBeNull();
    store.links.get('c1')!.delete(4);
    store.links.get('c1')!.delete(3);
    expect((await verifySince(store, 'c1')).broken).toMatchObject({ seq: 4 });
    expect((await verifySince(store, 'c1')).broken?.problem).toContain('is gone');
  });
});

describe('the archive', () => {
  it("puts each record's canonical JSON at its company and position, the bytes the chain hashes", async () => {
    const puts: Array<[string, string, string]> = [];
    const archive = { archiveRecord: async (c: string, p: string, b: string) => void puts.push([c, p, b]) };
    const records = Array.from({ length: 20 }, (_, n) => recordAt(n % 2 ? 'c1' : 'c2', 3, n));
    expect(await archiveRecords({ archive }, records, 4)).toBe(20);
    expect(puts.map(([c, p]) => `${c}/${p}`).sort()).toEqual(
      records.map((r) => `${r.companyId}/${r.at}#${r.auditId}`).sort(),
    );
    for (const [, , body] of puts)
      expect(createHash('sha256').update(body).digest('hex')).toBe(recordHash(JSON.parse(body)));
  });

  it('fails the whole call when one copy cannot be put, so the batch is retried', async () => {
    const archive = {
      archiveRecord: async (_c: string, p: string) => {
        if (p.endsWith('#a5')) throw new Error('S3 refused');
      },
    };
    const records = Array.from({ length: 8 }, (_, n) => ({ ...recordAt('c1', 3, n), auditId: `a${n}` }));
    await expect(archiveRecords({ archive }, records)).rejects.toThrow('S3 refused');
  });
});
