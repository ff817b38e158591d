/**
 * The audit trail's hash chains without AWS: the arithmetic of a link (SHA-256 over the
 * predecessor's hash and the record's canonical JSON), how a transaction's chained puts are
 * stamped and their heads moved (and retried when another writer moved a head first), and how
 * the verifier names the first broken record.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

// write-ops.ts names the table when its client module loads; a unit test sends nothing.
process.env.TABLE_NAME ??= 'unit';
process.env.AWS_REGION ??= 'us-east-1';

const { appendToChains, canonicalJson, chained, linkHash, raceToAppend } = await import(
  '../../functions/data/chain.ts'
);
const { createOp, putOp } = await import('../../functions/data/write-ops.ts');
const { firstBreak, verifyFully, verifySince, verifyChains } = await import('../../functions/domain/audit-chain.ts');
type ChainIo = import('../../functions/data/chain.ts').ChainIo;
type WriteOp = import('../../functions/data/write-ops.ts').WriteOp;
type Item = import('../../functions/data/write-ops.ts').Item;
type Link = import('../../functions/domain/audit-chain.ts').Link;
type AuditChains = import('../../functions/domain/audit-chain.ts').AuditChains;
type ChainState = import('../../functions/domain/audit-chain.ts').ChainState;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a link of the chain', () => {
  it('is hashed over canonical JSON: keys sorted at every level, no hash, no undefined values', () => {
    const record = { z: 1, a: { y: [3, { d: 'x', b: true }], c: null }, hash: 'ignored', gone: undefined, n: 1.5e3 };
    expect(canonicalJson(record)).toBe('{"a":{"c":null,"y":[3,{"b":true,"d":"x"}]},"n":1500,"z":1}');
  });

  it("is SHA-256 over the predecessor's hash, a line break and the canonical form", () => {
    const record = { auditId: 'a1', seq: 2, prevHash: 'p'.repeat(64), action: 'x' };
    const expected = sha256(`${'p'.repeat(64)}\n{"action":"x","auditId":"a1","prevHash":"${'p'.repeat(64)}","seq":2}`);
    expect(linkHash(record)).toBe(expected);
    expect(linkHash({ ...record, hash: expected })).toBe(expected);
  });

  it('changes when any field, however deep, changes, and not when only key order does', () => {
    const record = { auditId: 'a1', seq: 1, prevHash: '', changes: { after: { name: 'Acme' } } };
    const base = linkHash(record);
    expect(linkHash({ changes: { after: { name: 'Acme' } }, prevHash: '', seq: 1, auditId: 'a1' })).toBe(base);
    expect(linkHash({ ...record, changes: { after: { name: 'Acme ' } } })).not.toBe(base);
    expect(linkHash({ ...record, seq: 2 })).not.toBe(base);
    expect(linkHash({ ...record, prevHash: 'x' })).not.toBe(base);
  });
});

// ---------------------------------------------------------------------------------------------
// Stamping and appending, against an in-memory table that runs transactions as DynamoDB does.

const HEAD = (chain: string) => ({ pk: `C#${chain}`, sk: 'HEAD' });
const auditPut = (chain: string, auditId: string): WriteOp =>
  chained(createOp({ pk: `A#${chain}`, sk: auditId, auditId, companyId: chain }), {
    chain,
    head: HEAD(chain),
    start: { pk: `C#${chain}`, sk: 'START', startedAt: 'now' },
  });

/** An in-memory table: conditions checked only as the chain's puts use them (absent, seq equal). */
const memoryTable = () => {
  const items = new Map<string, Item>();
  const id = (item: Item) => `${String(item.pk)}|${String(item.sk)}`;
  const strip = ({ pk: _pk, sk: _sk, ...rest }: Item) => rest;
  const holds = (op: WriteOp): boolean => {
    if (!('Put' in op)) return true;
    const { ConditionExpression: condition, ExpressionAttributeValues: values } = op.Put;
    const current = items.get(id(op.Put.Item));
    if (!condition) return true;
    if (condition.includes('attribute_not_exists')) return current === undefined;
    const expected = Object.values(values ?? {})[0];
    return current !== undefined && current.seq === expected;
  };
  const runs: WriteOp[][] = [];
  const reads: number[] = [];
  const io: ChainIo = {
    run: async (ops) => {
      runs.push([...ops]);
      const verdicts = ops.map(holds);
      if (verdicts.every(Boolean)) {
        for (const op of ops) if ('Put' in op) items.set(id(op.Put.Item), op.Put.Item);
        return { canceled: false, data: ops.map(() => ({ rejected: false, code: 'None' })) };
      }
      // A refused put that asked for it gets the item as it stands, as DynamoDB answers.
      const data = ops.map((op, i) => {
        if (verdicts[i]) return { rejected: false, code: 'None' };
        const asked = 'Put' in op && op.Put.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
        const current = 'Put' in op ? items.get(id(op.Put.Item)) : undefined;
        return {
          rejected: true,
          code: 'ConditionalCheckFailed',
          ...(asked && current ? { item: strip(current) } : {}),
        };
      });
      return { canceled: true, data };
    },
    read: async (keys) => {
      reads.push(keys.length);
      return keys.flatMap((k) => (items.has(id(k)) ? [strip(items.get(id(k))!)] : []));
    },
    attributes: strip,
  };
  return { io, items, runs, reads, strip };
};

describe('appending to a chain', () => {
  it("stamps each record with the next seq and its predecessor's hash, and moves the head with it", async () => {
    const table = memoryTable();
    const plain = putOp({ pk: 'P', sk: 'P', v: 1 });
    const outcome = await appendToChains([plain, auditPut('c1', 'a1'), auditPut('c1', 'a2')], table.io);
    expect(outcome).toEqual({ canceled: false, data: [0, 1, 2].map(() => ({ rejected: false, code: 'None' })) });
    const a1 = table.items.get('A#c1|a1')!;
    const a2 = table.items.get('A#c1|a2')!;
    expect(a1).toMatchObject({ seq: 1, prevHash: '' });
    expect(a2).toMatchObject({ seq: 2, prevHash: a1.hash });
    expect(a1.hash).toBe(linkHash(table.strip(a1)));
    expect(a2.hash).toBe(linkHash(table.strip(a2)));
    expect(table.items.get('C#c1|HEAD')).toMatchObject({ chain: 'c1', seq: 2, hash: a2.hash });
    expect(table.items.get('C#c1|START')).toMatchObject({ startedAt: 'now' });
    // The caller's ops first, in its order; then the head (conditioned on there being none) and the registration.
    const [run] = table.runs;
    expect(run).toHaveLength(5);
    expect(run![0]).toBe(plain);
    expect('Put' in run![3]! && run![3].Put.ConditionExpression).toContain('attribute_not_exists');

    await appendToChains([auditPut('c1', 'a3')], table.io);
    expect(table.items.get('A#c1|a3')).toMatchObject({ seq: 3, prevHash: a2.hash });
    expect(table.runs[1]).toHaveLength(2); // the record and the head, conditioned on seq 2
  });

  it('retries on the new head when another process appended first, so nothing forks and nothing is lost', async () => {
    const table = memoryTable();
    await appendToChains([auditPut('c1', 'a1')], table.io);
    // Another writer appends a2 after this writer read the head (seq 1) and before its transaction.
    let raced = false;
    const io: ChainIo = {
      ...table.io,
      read: async (keys) => {
        const heads = await table.io.read(keys);
        if (!raced) {
          raced = true;
          await appendToChains([auditPut('c1', 'a2')], table.io);
        }
        return heads;
      },
    };
    // As another process would, racing rather than waiting its turn.
    const outcome = await raceToAppend([auditPut('c1', 'a3')], io);
    expect(outcome.canceled).toBe(false);
    expect(table.runs.slice(1).map((run) => run.length)).toEqual([2, 2, 2]); // a2; a3 refused on seq 1; a3 again
    // The refusal carried the head as it stood: the retry read nothing more (one read each for a1, a2, a3).
    expect(table.reads).toHaveLength(3);
    const a2 = table.items.get('A#c1|a2')!;
    expect(a2).toMatchObject({ seq: 2 });
    expect(table.items.get('A#c1|a3')).toMatchObject({ seq: 3, prevHash: a2.hash });
    expect(table.items.get('C#c1|HEAD')).toMatchObject({ seq: 3 });
  });

  it('takes turns within one process: ten appends at once, ten transactions, one read of the head', async () => {
    const table = memoryTable();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => appendToChains([auditPut('c1', `a${i}`)], table.io)),
    );
    expect(outcomes.every((o) => !o.canceled)).toBe(true);
    expect(table.runs).toHaveLength(10);
    expect(table.reads).toHaveLength(1);
    const seqs = Array.from({ length: 10 }, (_, i) => table.items.get(`A#c1|a${i}`)!.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(table.items.get('C#c1|HEAD')).toMatchObject({ seq: 10 });
  });

  it("gives back the caller's own refusal at its index, without retrying", async () => {
    const table = memoryTable();
    table.items.set('P|P', { pk: 'P', sk: 'P' });
    const outcome = await appendToChains([createOp({ pk: 'P', sk: 'P' }), auditPut('c1', 'a1')], table.io);
    expect(outcome).toEqual({
      canceled: true,
      data: [
        { rejected: true, code: 'ConditionalCheckFailed' },
        { rejected: false, code: 'None' },
      ],
    });
    expect(table.runs).toHaveLength(1);
    expect(table.items.has('C#c1|HEAD')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Verification.

/** A well-formed chain of `n` links, hashed as the data layer hashes them. */
const chainOf = (n: number, startAt = Date.parse('2026-12-01T00:00:00Z')): Link[] => {
  const links: Link[] = [];
  let prevHash = '';
  for (let seq = 1; seq <= n; seq += 1) {
    const at = new Date(startAt + seq * 60_000).toISOString();
    const hash = linkHash({ auditId: `a${seq}`, at, seq, prevHash });
    links.push({ auditId: `a${seq}`, at, seq, prevHash, hash, intact: true });
    prevHash = hash;
  }
  return links;
};
const headOf = (links: readonly Link[]) => ({ seq: links.at(-1)!.seq!, hash: links.at(-1)!.hash! });
const GENESIS = { seq: 0, hash: '' };

describe('the first broken record', () => {
  it('is none in an intact chain', () => {
    const links = chainOf(5);
    expect(firstBreak(GENESIS, headOf(links), links)).toBeNull();
  });

  it('is the record that no longer holds what was hashed, named by seq, id and time', () => {
    const links = chainOf(5);
    const tampered = links.map((l) => (l.seq === 3 ? { ...l, intact: false } : l));
    expect(firstBreak(GENESIS, headOf(links), tampered)).toEqual({
      seq: 3,
      auditId: 'a3',
      at: links[2]!.at,
      problem: expect.stringContaining('hash mismatch'),
    });
  });

  it('is the earliest of several breaks', () => {
    const links = chainOf(6).map((l) => (l.seq === 2 || l.seq === 5 ? { ...l, intact: false } : l));
    expect(firstBreak(GENESIS, headOf(chainOf(6)), links)?.seq).toBe(2);
  });

  it('is a missing seq when a record was deleted, named after the record before it', () => {
    const links = chainOf(5);
    const broken = firstBreak(
      GENESIS,
      headOf(links),
      links.filter((l) => l.seq !== 4),
    );
    expect(broken).toEqual({ seq: 4, problem: expect.stringMatching(/missing seq.*after a3/) });
  });

  it('is a fork when two records hold one seq', () => {
    const links = chainOf(3);
    const twin = { ...links[1]!, auditId: 'x2' };
    expect(firstBreak(GENESIS, headOf(links), [...links, twin])).toMatchObject({
      seq: 2,
      problem: expect.stringContaining('fork'),
    });
  });

  it("is a record whose prevHash is not its predecessor's hash (a record replaced with a rehashed one)", () => {
    const links = chainOf(4);
    const forged = { ...links[2]!, prevHash: 'f'.repeat(64) }; // intact: its own hash was recomputed
    const broken = firstBreak(
      GENESIS,
      headOf(links),
      links.map((l) => (l.seq === 3 ? forged : l)),
    );
    expect(broken).toMatchObject({ seq: 3, auditId: 'a3', problem: expect.stringContaining('broken link') });
  });

  it('is the last record when the head holds another hash (the chain was cut short and rehashed)', () => {
    const links = chainOf(4);
    expect(firstBreak(GENESIS, { seq: 4, hash: 'e'.repeat(64) }, links)).toMatchObject({
      seq: 4,
      problem: expect.stringContaining('head not matching'),
    });
  });

  it('checks from a checkpoint on: the first new record must chain onto its hash', () => {
    const links = chainOf(6);
    expect(firstBreak({ seq: 3, hash: links[2]!.hash! }, headOf(links), links.slice(3))).toBeNull();
    expect(firstBreak({ seq: 3, hash: 'c'.repeat(64) }, headOf(links), links.slice(3))).toMatchObject({ seq: 4 });
  });
});

/** The verifier's port over fixed chains; pages of two, as a store pages. */
const chainsOf = (chains: Record<string, { links: Link[]; state: ChainState }>) => {
  const marks: Array<{ companyId: string; seq: number }> = [];
  const port: AuditChains = {
    chainIds: async () => Object.keys(chains),
    state: async (companyId) => chains[companyId]!.state,
    async *links(companyId, order) {
      const sorted = [...chains[companyId]!.links].sort((a, b) => a.at.localeCompare(b.at));
      if (order === 'newest-first') sorted.reverse();
      for (let i = 0; i < sorted.length; i += 2) yield sorted.slice(i, i + 2);
    },
    markVerified: async (companyId, through) => {
      marks.push({ companyId, seq: through.seq });
    },
  };
  return { port, marks };
};
const stateOf = (links: Link[], verified: ChainState['verified'] = null): ChainState => ({
  head: headOf(links),
  startedAt: links[0]!.at,
  verified,
});

describe('verifying a chain', () => {
  it('in full: counts records from before the chain began, and names a tampered one', async () => {
    const links = chainOf(5);
    const old = { auditId: 'old', at: '2026-11-30T00:00:00.000Z', intact: true };
    const tampered = links.map((l) => (l.seq === 4 ? { ...l, intact: false } : l));
    const { port } = chainsOf({ c1: { links: [old, ...tampered], state: stateOf(links) } });
    const report = await verifyFully({ chains: port }, 'c1');
    expect(report).toMatchObject({ companyId: 'c1', mode: 'full', checked: 5, beforeChain: 1 });
    expect(report.broken).toMatchObject({ seq: 4, auditId: 'a4' });
  });

  it('in full: names a record without a seq written well after the chain began (around the data layer)', async () => {
    const links = chainOf(3);
    const late = { auditId: 'late', at: '2026-12-05T00:00:00.000Z', intact: true };
    const { port } = chainsOf({ c1: { links: [...links, late], state: stateOf(links) } });
    expect((await verifyFully({ chains: port }, 'c1')).broken).toMatchObject({ auditId: 'late' });
  });

  it('since its checkpoint: reads what is new and finds a record deleted after the checkpoint', async () => {
    const links = chainOf(6);
    const verified = { seq: 3, hash: links[2]!.hash! };
    const { port } = chainsOf({ c1: { links: links.filter((l) => l.seq !== 5), state: stateOf(links, verified) } });
    const report = await verifySince({ chains: port }, 'c1');
    expect(report).toMatchObject({
      mode: 'incremental',
      broken: { seq: 5, problem: expect.stringContaining('missing') },
    });
  });

  it('since its checkpoint: stops reading once every new seq is found', async () => {
    const links = chainOf(10);
    const verified = { seq: 8, hash: links[7]!.hash! };
    const { port } = chainsOf({ c1: { links, state: stateOf(links, verified) } });
    expect(await verifySince({ chains: port }, 'c1')).toMatchObject({ checked: 2, broken: null });
  });

  it('as the scheduled job: moves the checkpoint of intact chains only, and reports the broken ones', async () => {
    const good = chainOf(3);
    const bad = chainOf(3).map((l) => (l.seq === 2 ? { ...l, intact: false } : l));
    const { port, marks } = chainsOf({
      good: { links: good, state: stateOf(good) },
      bad: { links: bad, state: stateOf(chainOf(3)) },
    });
    const clock = { now: () => new Date('2026-12-07T12:00:00Z') };
    const run = await verifyChains({ chains: port, clock }, { full: true, budgetMs: 60_000 });
    expect(run).toMatchObject({ chains: 2, full: 2, checked: 6, left: 0 });
    expect(run.broken.map((r) => [r.companyId, r.broken?.seq])).toEqual([['bad', 2]]);
    expect(marks).toEqual([{ companyId: 'good', seq: 3 }]);
  });
});
