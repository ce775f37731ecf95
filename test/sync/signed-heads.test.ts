import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBundle } from '../../electron/core/bundles/bundle-check';
import { exportBundle as exportWith } from '../../electron/core/bundles/bundle-export';
import { generateIdentityKeys, signText } from '../../electron/core/bundles/identity';
import { headText, type SignedHead } from '../../electron/core/bundles/signed-heads';
import { type BundleParts, bundlePath, readParts, writeParts } from '../support';
import { castDown, castUp, expectRefused, F, planA, V } from './support/hostile-cast';

/**
 * Issue 13 §3: changesets proven by their origin's signed head (one signature per origin and
 * partition) instead of one signature each; a head that does not match proves nothing and the
 * changesets fall back to their own signatures; a forged changeset is still refused.
 */

beforeEach(castUp);
afterEach(castDown);

/** F saves `count` plan summaries and writes a bundle for V carrying its signed heads. */
function fieldEdits(count: number, name = 'heads'): { file: string; parts: BundleParts; own: number[] } {
  for (let i = 0; i < count; i++) F.must('plans:update', { planId: planA, summary: `Patrols, week ${i + 1}` });
  const file = bundlePath(F, name);
  exportWith(F.core.context, { to: V.installationId, file, encrypt: false, signedHeads: true });
  const parts = readParts(file);
  const own = parts.changesets.flatMap((c, i) => ((JSON.parse(c.body) as { origin: string }).origin === F.installationId ? [i] : []));
  return { file, parts, own };
}

const proofsOf = (file: string) => checkBundle(V.core.context, { file }, { forImport: false }).proofs;
const headsOf = (parts: BundleParts) => parts.manifest.heads as SignedHead[];
const rewrite = (parts: BundleParts, name: string) => writeParts(parts, bundlePath(F, name), F.keys.privateKey);

/** Every table of V but the exchange list, as text. */
function tablesBesideExchanges(): string {
  const sqlite = V.core.context.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'exchanges' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}"`).raw().all()]));
}

describe('signed heads', () => {
  it('prove every changeset their chain reaches with one signature, and travel on with the relay', () => {
    const { file, parts, own } = fieldEdits(5);
    expect(parts.manifest).toMatchObject({ format: 2, requires: expect.any(String) });
    expect(headsOf(parts).some((h) => h.origin === F.installationId)).toBe(true);
    const proofs = proofsOf(file);
    expect(proofs.byHead).toBe(own.length);
    expect(proofs.byHead + proofs.bySignature).toBe(parts.changesets.length);
    expect(V.must('bundles:import', { file, passphrase: null })).toMatchObject({ imported: true, newChangesetCount: 5 });
    expect(V.must('plans:get', { planId: planA }).summary).toBe('Patrols, week 5');

    // V keeps F's head and the chain it holds; a bundle V writes carries F's head as F signed it.
    const held = V.core.context.sqlite.prepare('SELECT chain_seq AS chainSeq, chain, head_seq AS headSeq, head_chain AS headChain FROM chain_heads WHERE origin = ? AND head_seq IS NOT NULL').all(F.installationId) as Array<{ chainSeq: number; chain: string; headSeq: number; headChain: string }>;
    expect(held.length).toBeGreaterThan(0);
    for (const row of held) expect(row.chain).toBe(row.headChain);
    const relayed = bundlePath(V, 'relay');
    exportWith(V.core.context, { full: true, file: relayed, encrypt: false });
    const fHeads = headsOf(readParts(relayed)).filter((h) => h.origin === F.installationId);
    expect(fHeads).toEqual(expect.arrayContaining(headsOf(parts).filter((h) => h.origin === F.installationId)));
  });

  it('a second import of the same bytes writes only the exchange record: no backup, nothing applied', () => {
    const { file } = fieldEdits(3);
    V.must('bundles:import', { file, passphrase: null });
    const before = tablesBesideExchanges();
    const exchanges = V.must('bundles:history', {}).length;
    const again = V.must('bundles:import', { file, passphrase: null });
    expect(again).toMatchObject({ imported: false, alreadyImported: true, newChangesetCount: 0, backupFile: null });
    expect(tablesBesideExchanges()).toBe(before);
    expect(V.must('bundles:history', {}).length).toBe(exchanges + 1);
  });

  it('a changeset altered under a head: the chain does not match, and its own signature refuses it', () => {
    const { parts, own } = fieldEdits(3, 'altered');
    const i = own[1]!;
    parts.changesets[i] = { ...parts.changesets[i]!, body: parts.changesets[i]!.body.replace('week 2', 'week 9') };
    const file = rewrite(parts, 'altered-out');
    expect(proofsOf(file).byHead).toBe(0);
    expectRefused(file, ['forged']);
  });

  it('two changesets’ signatures swapped: refused; two lines in another order: proven as before', () => {
    const { parts, own } = fieldEdits(3, 'swapped');
    const [a, b] = [own[0]!, own[1]!];
    const swappedSignatures = structuredClone(parts);
    [swappedSignatures.changesets[a]!.signature, swappedSignatures.changesets[b]!.signature] = [parts.changesets[b]!.signature, parts.changesets[a]!.signature];
    expectRefused(rewrite(swappedSignatures, 'swapped-signatures'), ['forged']);

    const reordered = structuredClone(parts);
    [reordered.changesets[a], reordered.changesets[b]] = [parts.changesets[b]!, parts.changesets[a]!];
    const file = rewrite(reordered, 'reordered');
    expect(proofsOf(file).byHead).toBe(own.length);
    expect(V.must('bundles:import', { file, passphrase: null })).toMatchObject({ imported: true, newChangesetCount: 3 });
  });

  it('falls back to each changeset’s own signature for one omitted, a head signed by another key, or a head beyond the changesets', () => {
    const { parts, own } = fieldEdits(3, 'fallback');
    const fHead = headsOf(parts).findIndex((h) => h.origin === F.installationId);
    const omitted = structuredClone(parts);
    omitted.changesets.splice(own[1]!, 1);
    const otherKey = structuredClone(parts);
    const head = headsOf(otherKey)[fHead]!;
    head.signature = signText(generateIdentityKeys().privateKey, headText(head));
    const beyond = structuredClone(parts);
    const far = headsOf(beyond)[fHead]!;
    far.seq += 1;
    far.signature = signText(F.keys.privateKey, headText(far));
    for (const [name, variant] of [['omitted', omitted], ['other-key', otherKey], ['beyond', beyond]] as const) {
      const file = rewrite(variant, name);
      const proofs = proofsOf(file);
      expect(proofs, name).toEqual({ byHead: 0, bySignature: variant.changesets.length });
    }
    // Falling back is not refusing: the changesets are genuine, each proven by its own signature.
    const result = V.must('bundles:import', { file: rewrite(omitted, 'omitted-import'), passphrase: null });
    expect(result).toMatchObject({ imported: true, newChangesetCount: 2 });
    // The chain held here does not pass the hole; once the missing changeset comes, the head proves the lot again.
    const partition = JSON.parse(parts.changesets[own[0]!]!.body).partition as string;
    const chained = V.core.context.sqlite.prepare('SELECT chain_seq FROM chain_heads WHERE origin = ? AND partition = ?').pluck().get(F.installationId, partition) as number | undefined;
    expect(chained ?? 0).toBeLessThan(headsOf(parts)[fHead]!.seq - 1);
    const whole = rewrite(parts, 'whole');
    expect(proofsOf(whole).byHead).toBe(own.length);
    expect(V.must('bundles:import', { file: whole, passphrase: null })).toMatchObject({ imported: true, newChangesetCount: 1 });
  });
});
