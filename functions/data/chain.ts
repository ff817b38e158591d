/**
 * Hash chains in the table (issue 20, decision 79). A put marked with `chained` joins a chain
 * (an audit record joins its company's). `transact` and `write` (table-io.ts) hand every write
 * holding one to `appendToChains`, which
 *  - reads the heads of the chains involved, strongly consistent, in one call;
 *  - stamps each joining item with its chain's next `seq`, the `prevHash` of the item before it
 *    and its own `hash` (`linkHash`), several of one chain in the order the caller gave them;
 *  - adds, after the caller's ops, a put of each head conditioned on the head it read (or on
 *    there being none, together with the chain's registration);
 *  - when the transaction was canceled only because a head moved meanwhile (another writer
 *    appended first), stamps again on the head the refusal returned (or reads it again after a
 *    conflict) and retries after a jittered backoff. Nothing is written until a transaction
 *    commits, so a writer that gives up (or whose function times out) leaves no trace. Any other
 *    outcome goes back with the codes of the caller's own ops, at the caller's indices, so a
 *    store still names the item whose condition failed.
 * Domain modules and stores see none of this: an audit record is built and put as before.
 */
import { createHash } from 'node:crypto';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import canonicalize from 'canonicalize';
import { AUDIT_CHAIN } from '../definitions/table.ts';
import { eq, itemAbsent } from './expressions.ts';
import type { TransactionOutcome } from './table-io.ts';
import { putOp, type Item, type Key, type WriteOp } from './write-ops.ts';

/** Where a chained put belongs. */
export interface ChainLink {
  /** The chain's id (the company's, for audit records), kept on its head. */
  readonly chain: string;
  /** The key of the item holding the chain's last `seq` and `hash`. */
  readonly head: Key;
  /** Written with the chain's first item: what lists the chain for the verifier. */
  readonly start: Item;
}

type ChainedPut = Extract<WriteOp, { Put: unknown }> & { readonly Chain: ChainLink };

/** A put that joins a chain: `transact` and `write` stamp it and move the chain's head with it. */
export const chained = (op: WriteOp, link: ChainLink): WriteOp => {
  if (!('Put' in op)) throw new Error('Only a put joins a chain.');
  return { ...op, Chain: link };
};

export const isChained = (op: WriteOp): op is ChainedPut => 'Put' in op && op.Chain !== undefined;

/** A value in JSON's terms as DynamoDB gives it back: sets as sorted lists, binary as base64, strings well formed. */
const asJson = (value: unknown): unknown => {
  if (typeof value === 'string') return wellFormed(value);
  if (value instanceof Set) return [...value].map(asJson).sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(asJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [wellFormed(name), asJson(inner)]));
  return value;
};
// A lone surrogate cannot be stored as UTF-8 nor written in RFC 8785: both sides hash U+FFFD instead.
const wellFormed = (text: string): string => (text as string & { toWellFormed(): string }).toWellFormed();

/**
 * What a link's hash covers: the item's own attributes (no key attributes), less `hash`, as a
 * DynamoDB round trip returns them (numbers as numbers, undefined values absent), in the JSON
 * Canonicalization Scheme (RFC 8785: keys sorted at every level), which anyone can reproduce.
 */
export const canonicalJson = (attributes: Item): string => {
  const { hash: _hash, ...rest } = attributes;
  return canonicalize(asJson(unmarshall(marshall(rest, { removeUndefinedValues: true })))) as string;
};

/** SHA-256 (hex) over the predecessor's hash, a line break and the canonical form. */
export const linkHash = (attributes: Item): string =>
  createHash('sha256')
    .update(`${String(attributes.prevHash ?? '')}\n${canonicalJson(attributes)}`)
    .digest('hex');

/** What `appendToChains` needs of table-io, handed in so that this module imports none of it. */
export interface ChainIo {
  /** Runs a transaction without looking for chains. */
  run(ops: readonly WriteOp[]): Promise<TransactionOutcome>;
  /** The items at these keys (at most 100), strongly consistent, in one call; key attributes stripped. */
  read(keys: readonly Key[]): Promise<Item[]>;
  /** An item's own attributes, as its store returns it. */
  attributes(item: Item): Item;
}

interface Head {
  readonly chain: string;
  readonly seq: number;
  readonly hash: string;
}

/**
 * How long a writer keeps retrying without seeing the chain move. Every refusal of a head's put
 * with the head as it now stands shows another writer appended: the chain moves on, nobody holds
 * a lock, and a writer keeps trying for as long as it does. Only a chain that stops moving while
 * the writer is refused (conflicts with a writer that never finishes) makes it give up, with
 * nothing written. In AWS a route's function times out first (10 s), also with nothing written.
 */
const STALL_MS = 15_000;
/** A head's put is refused when another writer moved the head first, or is moving it now. */
const HEAD_MOVED = new Set(['ConditionalCheckFailed', 'TransactionConflict']);
/** Full jitter, growing to half a second: spreads the writers that lost a round over the next ones. */
const backoff = (attempt: number) => Math.random() * Math.min(2_000, 20 * 2 ** attempt);

/** The caller's ops with each chained put stamped, and the puts of the heads they move (in `links` order). */
const stampAll = (
  ops: readonly WriteOp[],
  heads: ReadonlyMap<string, Head>,
  links: ReadonlyMap<string, ChainLink>,
  io: ChainIo,
) => {
  const next = new Map<string, Head>();
  const own = ops.map((op) => {
    if (!isChained(op)) return op;
    const { Chain: link, ...put } = op;
    const before = next.get(link.chain) ?? heads.get(link.chain) ?? { seq: 0, hash: AUDIT_CHAIN.genesis };
    const item = { ...put.Put.Item, seq: before.seq + 1, prevHash: before.hash };
    const hash = linkHash(io.attributes(item));
    next.set(link.chain, { chain: link.chain, seq: item.seq, hash });
    return { Put: { ...put.Put, Item: { ...item, hash } } } as WriteOp;
  });
  // Each head's put asks for the head as it stands when refused: the retry needs no new read.
  const moves = [...links.values()].map((link) => {
    const read = heads.get(link.chain);
    const head = putOp({ ...link.head, ...next.get(link.chain) }, read ? eq('seq', read.seq) : itemAbsent());
    return { Put: { ...(head as { Put: object }).Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as WriteOp;
  });
  const starts = [...links.values()].filter((link) => !heads.has(link.chain)).map((link) => putOp(link.start));
  return { own, moves, starts, next };
};

const linksOf = (ops: readonly WriteOp[]) => {
  const links = new Map<string, ChainLink>();
  for (const op of ops) if (isChained(op) && !links.has(op.Chain.chain)) links.set(op.Chain.chain, op.Chain);
  return links;
};

/**
 * Where this process's last append left each chain that another of its appends is waiting on:
 * the next one stamps on it without a read (when another process appended meanwhile, the
 * refusal brings the head as it stands).
 */
const lastLeft = new Map<string, Head>();
/** The append of this process each chain's next append waits for. */
const tails = new Map<string, Promise<void>>();

/**
 * Runs `ops` as one transaction, chaining each chained put; see the module's comment. Appends
 * to one chain from this process take turns: racing each other would only refuse all but one
 * per round (the dev server and the tests run every request in one process; a Lambda function
 * serves one request at a time, so there the turns never queue). Appends from other processes
 * still race, and the head's condition keeps them from forking the chain.
 */
export const appendToChains = async (ops: readonly WriteOp[], io: ChainIo): Promise<TransactionOutcome> => {
  const chains = [...linksOf(ops).keys()];
  const before = chains.flatMap((c) => tails.get(c) ?? []);
  let done = () => {};
  const mine = new Promise<void>((resolve) => {
    done = resolve;
  });
  for (const chain of chains) tails.set(chain, mine);
  try {
    await Promise.all(before);
    const known = new Map(chains.flatMap((c) => (before.length && lastLeft.has(c) ? [[c, lastLeft.get(c)!]] : [])));
    const { outcome, left } = await race(ops, io, known);
    for (const [chain, head] of left) lastLeft.set(chain, head);
    return outcome;
  } finally {
    done();
    for (const chain of chains)
      if (tails.get(chain) === mine) {
        tails.delete(chain);
        lastLeft.delete(chain);
      }
  }
};

/**
 * One writer's optimistic append: stamp on the heads (`known`, else read), run, and on a refusal
 * because another writer moved a head, stamp again on the head as it now stands.
 */
export const raceToAppend = async (ops: readonly WriteOp[], io: ChainIo): Promise<TransactionOutcome> =>
  (await race(ops, io, new Map())).outcome;

const race = async (
  ops: readonly WriteOp[],
  io: ChainIo,
  known: ReadonlyMap<string, Head>,
): Promise<{ outcome: TransactionOutcome; left: ReadonlyMap<string, Head> }> => {
  const links = linksOf(ops);
  const readHeads = async () =>
    new Map(
      (await io.read([...links.values()].map((l) => l.head))).map((h) => [String(h.chain), h as unknown as Head]),
    );
  let heads = [...links.keys()].every((c) => known.has(c)) ? new Map(known) : await readHeads();
  let moved = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    const { own, moves, starts, next } = stampAll(ops, heads, links, io);
    const outcome = await io.run([...own, ...moves, ...starts]);
    const data = outcome.data.slice(0, ops.length).map(({ rejected, code }) => ({ rejected, code }));
    if (!outcome.canceled) return { outcome: { canceled: false, data }, left: next };
    const headCodes = outcome.data.slice(ops.length, ops.length + moves.length);
    const onlyHeadsMoved =
      data.every((d) => !d.rejected) &&
      headCodes.some((d) => d.rejected) &&
      headCodes.every((d) => !d.rejected || HEAD_MOVED.has(d.code));
    if (!onlyHeadsMoved) return { outcome: { canceled: true, data }, left: new Map() };
    // A refused head came back as it stands; a conflict (its writer still busy) says nothing: read again.
    const chains = [...links.keys()];
    const refused = headCodes.flatMap((d, i) => (d.rejected ? [{ chain: chains[i]!, item: d.item }] : []));
    const now = new Map(heads);
    if (refused.every((r) => r.item)) for (const { chain, item } of refused) now.set(chain, item as unknown as Head);
    else for (const [chain, head] of await readHeads()) now.set(chain, head);
    if (chains.some((c) => (now.get(c)?.seq ?? 0) > (heads.get(c)?.seq ?? 0))) moved = Date.now();
    else if (Date.now() - moved > STALL_MS) return { outcome: { canceled: true, data }, left: new Map() };
    heads = now;
    await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
  }
};
