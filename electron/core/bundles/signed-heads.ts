/**
 * Signed heads (issue 13 §3): each origin signs, per partition, the head of a hash chain over its
 * changesets, so an import proves a run of changesets with one Ed25519 check instead of one each.
 *
 *   chain(0) = 32 zero bytes
 *   chain(n) = SHA-256( chain(n-1) ‖ SHA-256(text of seq n) ‖ signature of seq n, as its base64 text )
 *   head     = Ed25519 by the origin over headText(origin, partition, n, chain(n))
 *
 * The first two parts have a fixed length, so the concatenation reads only one way. The chain is
 * computed by every computer over what it holds (`chain_heads`: the value at the highest seq held
 * without a hole), so a relay never has to be trusted for it; a head is kept as its origin signed
 * it and relayed. Why a verified head and a matching chain prove every covered changeset, and what
 * a forger or a relay can and cannot do: docs/architecture.md, "Signed heads".
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CoreContext } from '../changelog/core-context';
import { signText, verifyText } from './identity';

export const ZERO_CHAIN = '0'.repeat(64);
/** At most this many heads in one manifest: one per (origin, partition) it carries. */
export const MAX_HEADS = 20_000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const signedHeadSchema = z.strictObject({
  origin: z.string().min(1).max(64),
  partition: z.string().min(1).max(64),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  chain: hex64,
  signature: z.string().max(200).regex(/^[A-Za-z0-9+/=]+$/),
});
export type SignedHead = z.infer<typeof signedHeadSchema>;

/** The text an origin signs for a head: JSON whose first key `type` no changeset text or trailer digest has. */
export function headText(h: Pick<SignedHead, 'origin' | 'partition' | 'seq' | 'chain'>): string {
  return JSON.stringify({ type: 'chain-head', v: 1, origin: h.origin, partition: h.partition, seq: h.seq, chain: h.chain });
}

export function headSigned(head: SignedHead, publicKey: string): boolean {
  return verifyText(publicKey, headText(head), head.signature);
}

/** One step of the chain. */
export function nextChain(previous: string, text: string, signature: string): string {
  const textHash = createHash('sha256').update(text, 'utf8').digest();
  return createHash('sha256').update(Buffer.from(previous, 'hex')).update(textHash).update(signature, 'utf8').digest('hex');
}

const keyOf = (origin: string, partition: string) => `${origin}\u0000${partition}`;

interface ChainRow {
  origin: string;
  partition: string;
  chainSeq: number;
  chain: string;
  headSeq: number | null;
  headChain: string | null;
  headSignature: string | null;
}

function rowOf(ctx: Pick<CoreContext, 'sqlite'>, origin: string, partition: string): ChainRow | undefined {
  return ctx.sqlite
    .prepare('SELECT origin, partition, chain_seq AS chainSeq, chain, head_seq AS headSeq, head_chain AS headChain, head_signature AS headSignature FROM chain_heads WHERE origin = ? AND partition = ?')
    .get(origin, partition) as ChainRow | undefined;
}

/**
 * The exact signed text and signature of stored changesets of one (origin, partition) from a seq
 * on, in seq order: the one place this module reads the log (the change log's layout is not ours).
 */
function storedFrom(ctx: Pick<CoreContext, 'sqlite'>, origin: string, partition: string, afterSeq: number): Iterable<{ seq: number; body: string; signature: string }> {
  return ctx.sqlite.prepare('SELECT seq, changeset_body(body) AS body, signature FROM changesets WHERE origin = ? AND partition = ? AND seq > ? ORDER BY seq').iterate(origin, partition, afterSeq) as Iterable<{ seq: number; body: string; signature: string }>;
}

/** The chain held here for (origin, partition): its value at `seq`, the highest seq reached without a hole. */
export function heldChain(ctx: Pick<CoreContext, 'sqlite'>, origin: string, partition: string): { seq: number; chain: string } {
  const row = rowOf(ctx, origin, partition);
  return row ? { seq: row.chainSeq, chain: row.chain } : { seq: 0, chain: ZERO_CHAIN };
}

/**
 * Carries the chain held here forward over every stored changeset after it, up to the first hole,
 * and stores it (inside the caller's transaction). `from`: a value already computed for this key
 * (the import's proof), used when it is ahead of the stored one. `walk: false` stores `from` alone,
 * reading nothing: the import does not hash what no head asked for (a stale value costs nothing
 * until a head or an export needs it, and both carry it forward themselves).
 */
export function advanceChain(ctx: Pick<CoreContext, 'sqlite'>, origin: string, partition: string, from?: { seq: number; chain: string }, { walk = true }: { walk?: boolean } = {}): { seq: number; chain: string } {
  const row = rowOf(ctx, origin, partition);
  let at = row ? { seq: row.chainSeq, chain: row.chain } : { seq: 0, chain: ZERO_CHAIN };
  if (from && from.seq > at.seq) at = { ...from };
  const start = at.seq;
  for (const c of walk ? storedFrom(ctx, origin, partition, at.seq) : []) {
    if (c.seq !== at.seq + 1) break;
    at = { seq: c.seq, chain: nextChain(at.chain, c.body, c.signature) };
  }
  if (!row) {
    ctx.sqlite.prepare('INSERT INTO chain_heads (origin, partition, chain_seq, chain) VALUES (?, ?, ?, ?)').run(origin, partition, at.seq, at.chain);
  } else if (at.seq !== start || at.seq !== row.chainSeq) {
    ctx.sqlite.prepare('UPDATE chain_heads SET chain_seq = ?, chain = ? WHERE origin = ? AND partition = ?').run(at.seq, at.chain, origin, partition);
  }
  return at;
}

/** Keeps a head its origin signed (already verified), when it is newer than the one held. */
export function keepHead(ctx: Pick<CoreContext, 'sqlite'>, head: SignedHead): void {
  if (!rowOf(ctx, head.origin, head.partition)) {
    ctx.sqlite.prepare('INSERT INTO chain_heads (origin, partition, chain_seq, chain) VALUES (?, ?, 0, ?)').run(head.origin, head.partition, ZERO_CHAIN);
  }
  ctx.sqlite
    .prepare('UPDATE chain_heads SET head_seq = ?, head_chain = ?, head_signature = ? WHERE origin = ? AND partition = ? AND coalesce(head_seq, 0) < ?')
    .run(head.seq, head.chain, head.signature, head.origin, head.partition, head.seq);
}

/**
 * The heads a bundle carrying these changesets sends: for this computer's own origins, a head it
 * signs now at the chain it holds; for a relayed origin, the newest head that origin signed held
 * here. Only heads that cover at least one changeset of the bundle. Writes the advanced chains
 * (call inside a transaction or accept that they are stored: they are facts about the log).
 */
export function headsForExport(ctx: CoreContext, changesets: ReadonlyArray<{ origin: string; partition: string; seq: number }>, ownOrigins: readonly string[], privateKey: string): SignedHead[] {
  const lowest = new Map<string, { origin: string; partition: string; seq: number }>();
  for (const c of changesets) {
    const key = keyOf(c.origin, c.partition);
    const seen = lowest.get(key);
    if (!seen || c.seq < seen.seq) lowest.set(key, { origin: c.origin, partition: c.partition, seq: c.seq });
  }
  const own = new Set(ownOrigins);
  const heads: SignedHead[] = [];
  ctx.sqlite.transaction(() => {
    for (const { origin, partition, seq } of lowest.values()) {
      if (own.has(origin)) {
        const at = advanceChain(ctx, origin, partition);
        if (at.seq < seq) continue;
        const head = { origin, partition, seq: at.seq, chain: at.chain };
        const signed = { ...head, signature: signText(privateKey, headText(head)) };
        keepHead(ctx, signed);
        heads.push(signed);
        continue;
      }
      const row = rowOf(ctx, origin, partition);
      if (row?.headSeq != null && row.headSeq >= seq && row.headChain !== null && row.headSignature !== null) {
        heads.push({ origin, partition, seq: row.headSeq, chain: row.headChain, signature: row.headSignature });
      }
    }
  })();
  return heads;
}

export interface ChainLine {
  /** The line's index among the bundle's changesets. */
  index: number;
  origin: string;
  partition: string;
  seq: number;
  text: string;
  signature: string;
}

export interface HeadProof {
  /** Indexes of the bundle's changesets proven by a verified head (their own signature need not be checked). */
  proven: Set<number>;
  /** Heads whose signature verified and whose chain the bundle (with what is held here) reaches: kept after import. */
  verifiedHeads: SignedHead[];
  /** Per (origin, partition) proven: the chain value at the head, so the import need not hash again. */
  reached: Array<{ origin: string; partition: string; seq: number; chain: string }>;
}

/**
 * Proves what it can: for each head whose origin's key is known, hashes from the chain held here
 * through the bundle's changesets (and stored ones, where the bundle repeats what is held) up to
 * the head's seq. When every seq is there, the value equals the head's and the origin's signature
 * over the head verifies, every changeset of the bundle on that stretch is proven. Anything else —
 * a hole, a changeset altered, a head of another key, two texts for one seq — proves nothing, and
 * those changesets fall back to their own signatures (the caller checks them).
 */
export function proveByHeads(ctx: Pick<CoreContext, 'sqlite'>, heads: readonly SignedHead[], lines: readonly ChainLine[], keyOfOrigin: (origin: string) => string | undefined): HeadProof {
  const proof: HeadProof = { proven: new Set(), verifiedHeads: [], reached: [] };
  if (heads.length === 0) return proof;
  const byKey = new Map<string, Map<number, ChainLine | null>>();
  for (const line of lines) {
    const key = keyOf(line.origin, line.partition);
    let seqs = byKey.get(key);
    if (!seqs) byKey.set(key, (seqs = new Map()));
    // Two lines with one seq: neither is taken on a head's word (the log's own rules refuse them).
    seqs.set(line.seq, seqs.has(line.seq) ? null : line);
  }
  const stored = ctx.sqlite.prepare('SELECT changeset_body(body) AS body, signature FROM changesets WHERE origin = ? AND partition = ? AND seq = ?');
  const usedKeys = new Set<string>();
  for (const head of heads) {
    const key = keyOf(head.origin, head.partition);
    const seqs = byKey.get(key);
    const publicKey = keyOfOrigin(head.origin);
    if (!seqs || publicKey === undefined || usedKeys.has(key)) continue;
    usedKeys.add(key);
    const held = heldChain(ctx, head.origin, head.partition);
    if (head.seq <= held.seq) continue;
    let chain = held.chain;
    const covered: number[] = [];
    let whole = true;
    for (let seq = held.seq + 1; seq <= head.seq; seq++) {
      const line = seqs.get(seq);
      if (line === null) {
        whole = false;
        break;
      }
      if (line !== undefined) {
        chain = nextChain(chain, line.text, line.signature);
        covered.push(line.index);
        continue;
      }
      const here = stored.get(head.origin, head.partition, seq) as { body: string; signature: string } | undefined;
      if (!here) {
        whole = false;
        break;
      }
      chain = nextChain(chain, here.body, here.signature);
    }
    if (!whole || chain !== head.chain || !headSigned(head, publicKey)) continue;
    for (const index of covered) proof.proven.add(index);
    proof.verifiedHeads.push(head);
    proof.reached.push({ origin: head.origin, partition: head.partition, seq: head.seq, chain });
  }
  return proof;
}
