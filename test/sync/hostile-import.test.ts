import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { change } from '../../electron/core/changelog/core-context';
import { encodeBundle, LIMITS } from '../../electron/core/bundles/bundle-format';
import { type ChangesetBody, serialiseChangeset } from '../../electron/core/changelog/changeset-body';
import { fingerprintOf, generateIdentityKeys, signText } from '../../electron/core/bundles/identity';
import { addCommunity, bundlePath, databaseState, exportBundle, importBundle, type Installation, isPlainSentence, makeInstallation, readParts, refusalOf, threeInstallations, writeParts } from '../support';

/**
 * Issue 4, point 3 and the damaged-file half of point 7: every hostile bundle is refused with a
 * sentence a coordinator understands, and the receiving database is left exactly as it was.
 *
 * The cast: a coordinator (C) who set everyone up, a field installation (F) that sends bundles,
 * and the victim (V) that receives them. Everyone trusts everyone, for all communities, unless a
 * test narrows it. Tests hold every private key, so they can play insiders and outsiders.
 */

const PASSPHRASE = 'ice road in march';

let C: Installation;
let F: Installation;
let V: Installation;
let dettah: string; // community A
let behchoko: string; // community B
let planA: string;
let planB: string;

beforeEach(() => {
  const territory = threeInstallations([
    { community: 'Dettah', actions: ['Patrols'] },
    { community: 'Behchoko', actions: ['School visits'] },
  ]);
  ({ C, F, V, communities: [dettah, behchoko] } = territory);
  planA = territory.plans[0].plan.id;
  planB = territory.plans[1].plan.id;
});

afterEach(() => {
  for (const inst of [C, F, V]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

/** F saves a new plan summary and writes a bundle for V holding (at least) that change. */
function fieldEdit(planId: string, summary: string): { file: string; body: ChangesetBody } {
  F.must('plans:update', { planId, summary });
  const file = exportBundle(F, V);
  const parts = readParts(file);
  const last = parts.changesets.at(-1)!;
  return { file, body: JSON.parse(last.body) as ChangesetBody };
}

/**
 * Imports `file` into V, expects a refusal for one of `reasons`, a plain sentence, and V's database
 * byte-for-byte unchanged. The dry-run preview must refuse it too (except an untrusted sender,
 * which the preview is there to show).
 */
function expectRefused(file: string, reasons: string[], opts: { passphrase?: string | null; trustNewSender?: boolean } = {}) {
  const before = databaseState(V);
  const digestBefore = V.must('sync:digest', {}).digest;
  const refusal = refusalOf(V.call('bundles:import', { file, passphrase: opts.passphrase ?? null, trustNewSender: opts.trustNewSender ?? true }));
  expect(reasons, refusal.message).toContain(refusal.reason);
  expect(['invalid_input', 'forbidden']).toContain(refusal.code);
  expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
  if (refusal.reason !== 'untrusted_sender') {
    const preview = V.call('bundles:preview', { file, passphrase: opts.passphrase ?? null });
    expect(refusalOf(preview).reason).toBe(refusal.reason);
  }
  expect(V.must('sync:digest', {}).digest).toBe(digestBefore);
  const after = databaseState(V);
  expect(after.tables).toBe(before.tables);
  expect(after.fileSha256).toBe(before.fileSha256);
  return refusal;
}

/** Re-signs a changeset body as `privateKey` would (the text is re-serialised in canonical order). */
function signedChangeset(body: ChangesetBody, privateKey: string) {
  const text = serialiseChangeset(body);
  return { type: 'changeset' as const, body: text, signature: signText(privateKey, text) };
}

describe('the cast is set up correctly', () => {
  it('accepts an honest bundle from F, and re-importing it changes nothing that is replicated', () => {
    const { file } = fieldEdit(planA, 'Patrols twice a week on the ice road');
    const first = V.must('bundles:import', { file, passphrase: null });
    expect(first).toMatchObject({ imported: true, newChangesetCount: 1 });
    const digest = V.must('sync:digest', {}).digest;
    const again = V.must('bundles:import', { file, passphrase: null });
    expect(again).toMatchObject({ imported: false, alreadyImported: true, newChangesetCount: 0 });
    expect(V.must('sync:digest', {}).digest).toBe(digest);
    expect(V.must('plans:get', { planId: planA }).summary).toBe('Patrols twice a week on the ice road');
  });

  it('previews an honest bundle without changing a byte', () => {
    const { file } = fieldEdit(planA, 'Previewed only');
    const before = databaseState(V);
    expect(V.must('bundles:preview', { file, passphrase: null })).toMatchObject({ newChangesetCount: 1, alreadyImported: false });
    expect(databaseState(V)).toEqual(before);
  });
});

describe('a changed key for a known peer', () => {
  function impersonateF() {
    const { file } = fieldEdit(planA, 'Signed by F');
    const attacker = generateIdentityKeys();
    const parts = readParts(file);
    parts.manifest.sender.publicKey = attacker.publicKey;
    parts.manifest.keys[F.installationId] = attacker.publicKey;
    parts.changesets = parts.changesets.map((c) => ({ ...c, signature: signText(attacker.privateKey, c.body) }));
    return { attacker, file: writeParts(parts, bundlePath(F, 'impersonated'), attacker.privateKey) };
  }

  it('is refused, naming the new fingerprint, even when the person ticks "trust new sender"', () => {
    const { attacker, file } = impersonateF();
    for (const trustNewSender of [false, true]) {
      const refusal = expectRefused(file, ['changed_key'], { trustNewSender });
      expect(refusal.message).toContain(fingerprintOf(attacker.publicKey));
      expect(refusal.message).toContain(F.fingerprint);
    }
  });

  it('is refused when a trusted relay carries changes from a known origin under a different key', () => {
    const { file } = fieldEdit(planA, 'Relayed');
    const parts = readParts(file);
    const attacker = generateIdentityKeys();
    // C (trusted) relays "F's" changeset, but with another key for F in its manifest.
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { [C.installationId]: C.keys.publicKey, [F.installationId]: attacker.publicKey };
    parts.changesets = parts.changesets.map((c) => ({ ...c, signature: signText(attacker.privateKey, c.body) }));
    expectRefused(writeParts(parts, bundlePath(C, 'relay-new-key'), C.keys.privateKey), ['changed_key']);
  });
});

describe('a change outside the sender’s scope', () => {
  beforeEach(() => {
    V.must('peers:trust', { fingerprint: F.fingerprint, scopeCommunityIds: [dettah] });
  });

  it('accepts a change to a community in scope', () => {
    const { file } = fieldEdit(planA, 'In scope');
    expect(V.must('bundles:import', { file, passphrase: null }).newChangesetCount).toBe(1);
  });

  it('refuses a change to another community’s plan, naming that community', () => {
    const { file } = fieldEdit(planB, 'Out of scope');
    const refusal = expectRefused(file, ['out_of_scope']);
    expect(refusal.message).toContain('Behchoko');
  });

  it('refuses the out-of-scope change when a peer trusted for everything relays it', () => {
    F.must('plans:update', { planId: planB, summary: 'Out of scope, relayed' });
    importBundle(C, exportBundle(F, null));
    expectRefused(exportBundle(C, null), ['out_of_scope']);
  });

  it('refuses territory-wide changes (a new community) from a scoped peer', () => {
    addCommunity(F, 'Yellowknife');
    expectRefused(exportBundle(F, V), ['out_of_scope']);
  });

  it('refuses moving a plan from another community into the scope', () => {
    const { file, body } = fieldEdit(planA, 'Harmless');
    const parts = readParts(file);
    const moved: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, field: 'communityId', value: dettah, rowId: planB, pred: [] }] };
    parts.changesets[parts.changesets.length - 1] = signedChangeset(moved, F.keys.privateKey);
    expectRefused(writeParts(parts, bundlePath(F, 'move'), F.keys.privateKey), ['out_of_scope']);
  });
});

describe('a forged changeset (body altered, signature kept)', () => {
  it('is refused when the sender itself alters its changeset and signs the bundle', () => {
    const { file } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    const last = parts.changesets.at(-1)!;
    last.body = last.body.replace('Real text', 'Forged text');
    expectRefused(writeParts(parts, bundlePath(F, 'forged'), F.keys.privateKey), ['forged']);
  });

  it('is refused when a trusted relay alters another origin’s changeset', () => {
    const { file } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { ...parts.manifest.keys, [C.installationId]: C.keys.publicKey };
    const last = parts.changesets.at(-1)!;
    last.body = last.body.replace('Real text', 'Forged by the relay');
    expectRefused(writeParts(parts, bundlePath(C, 'forged-relay'), C.keys.privateKey), ['forged']);
  });

  it('is refused as a bad signature when an outsider alters a changeset and recomputes the digest', () => {
    const { file } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.changesets.at(-1)!.body = parts.changesets.at(-1)!.body.replace('Real text', 'Outsider text');
    const outsider = generateIdentityKeys();
    // The trailer is re-hashed but signed by a key that is not the sender's.
    expectRefused(writeParts(parts, bundlePath(F, 'outsider'), outsider.privateKey), ['bad_signature']);
  });

  it('is refused when a changeset claims to come from the receiving computer itself', () => {
    const { file, body } = fieldEdit(planA, 'Harmless');
    const parts = readParts(file);
    const claimed: ChangesetBody = { ...body, origin: V.installationId, seq: 999 };
    parts.manifest.keys = { ...parts.manifest.keys, [V.installationId]: F.keys.publicKey };
    parts.changesets[parts.changesets.length - 1] = signedChangeset(claimed, F.keys.privateKey);
    expectRefused(writeParts(parts, bundlePath(F, 'claims-victim'), F.keys.privateKey), ['forged']);
  });
});

describe('a re-signed changeset (a valid signature by another key, claiming the origin)', () => {
  it('is refused when a trusted relay signs a change as if it were F', () => {
    const { file, body } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { ...parts.manifest.keys, [C.installationId]: C.keys.publicKey };
    const altered: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, value: 'Put in F’s mouth by C' }] };
    parts.changesets[parts.changesets.length - 1] = signedChangeset(altered, C.keys.privateKey);
    expectRefused(writeParts(parts, bundlePath(C, 'resigned'), C.keys.privateKey), ['forged']);
  });

  it('is refused when the re-signing key is also slipped into the manifest as F’s key', () => {
    const { file, body } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { [C.installationId]: C.keys.publicKey, [F.installationId]: C.keys.publicKey };
    const altered: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, value: 'Put in F’s mouth by C' }] };
    parts.changesets = [signedChangeset(altered, C.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(C, 'resigned-key'), C.keys.privateKey), ['changed_key', 'forged']);
  });
});

describe('the same (origin, seq) with different content', () => {
  it('is refused when a changeset already imported comes again with other content, validly signed', () => {
    const { file, body } = fieldEdit(planA, 'First version');
    importBundle(V, file);
    const parts = readParts(file);
    const rewritten: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, value: 'Rewritten history' }] };
    parts.changesets = [signedChangeset(rewritten, F.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(F, 'seq-reused'), F.keys.privateKey), ['seq_reused']);
  });

  it('is refused when the rewritten changeset also has a new id', () => {
    const { file, body } = fieldEdit(planA, 'First version');
    importBundle(V, file);
    const parts = readParts(file);
    const rewritten: ChangesetBody = { ...body, id: 'f-other', ops: [{ ...body.ops[0]!, opId: 'f-other.0', value: 'Rewritten history' }] };
    parts.changesets = [signedChangeset(rewritten, F.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(F, 'seq-reused-id'), F.keys.privateKey), ['seq_reused']);
  });

  it('is refused when one bundle holds two different changesets with the same origin and seq', () => {
    // E.g. F restored an old backup and reissued a number; neither version is here yet.
    const { file, body } = fieldEdit(planA, 'First version');
    const parts = readParts(file);
    const twin: ChangesetBody = { ...body, id: 'f-twin', ops: [{ ...body.ops[0]!, opId: 'f-twin.0', value: 'Twin version' }] };
    parts.changesets = [...parts.changesets, signedChangeset(twin, F.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(F, 'seq-twins'), F.keys.privateKey), ['seq_reused']);
  });
});

describe('large bundles, whose signatures are checked on several threads', () => {
  /** F saves `count` small changes (one changeset each) and writes them all for V. */
  function manyChanges(count: number) {
    for (let i = 0; i < count; i++) {
      change(F.core.context, 'test:bulk', (w) => w.insert('priorities', { id: `bulk${i}`, planId: planA, rank: 10 + i, title: `Priority ${i}`, zone: 'prevention', themeIds: [] }));
    }
    return readParts(exportBundle(F, V));
  }

  it.each([
    ['the first', 0],
    ['one in the middle', 0.5],
    ['the last', 1],
  ])('refuses %s changeset altered among hundreds, and imports nothing', (_, where) => {
    const parts = manyChanges(450);
    const index = Math.min(parts.changesets.length - 1, Math.floor(parts.changesets.length * where));
    const victim = parts.changesets[index]!;
    victim.body = victim.body.replace(/"Priority (\d+)"/, '"Priority $1 (altered)"');
    expect(victim.body).toContain('(altered)');
    const refusal = expectRefused(writeParts(parts, bundlePath(F, 'large-forged'), F.keys.privateKey), ['forged']);
    expect(refusal.message).toMatch(/signature/);
  });

  it('imports the same large bundle when nothing was altered', () => {
    const parts = manyChanges(450);
    const file = writeParts(parts, bundlePath(F, 'large-honest'), F.keys.privateKey);
    expect(V.must('bundles:import', { file, passphrase: null }).newChangesetCount).toBe(450);
  });
});

describe('an untrusted sender', () => {
  it('is refused without "trust new sender", and the message gives its fingerprint', () => {
    const stranger = makeInstallation('stranger', { idPrefix: 's' });
    try {
      const file = exportBundle(stranger, null);
      const refusal = expectRefused(file, ['untrusted_sender'], { trustNewSender: false });
      expect(refusal.message).toContain(stranger.fingerprint);
      // The preview still shows who it is, so the fingerprint can be checked by phone.
      expect(V.must('bundles:preview', { file, passphrase: null }).sender).toMatchObject({ fingerprint: stranger.fingerprint, trust: 'unknown' });
    } finally {
      stranger.core.close();
      fs.rmSync(stranger.dir, { recursive: true, force: true });
    }
  });

  it('is refused once revoked, even with "trust new sender"', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    expectRefused(fieldEdit(planA, 'After revocation').file, ['revoked'], { trustNewSender: true });
  });

  it('still accepts the coordinator’s bundles after F is revoked, when they only carry F’s old, already-imported changes', () => {
    // Revoking F must stop F's new changes, not cut V off from everyone who ever relayed F's history.
    importBundle(V, fieldEdit(planA, 'Before revocation').file);
    importBundle(C, exportBundle(F, null));
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    C.must('plans:update', { planId: planB, summary: 'Coordinator news' });
    const result = V.call('bundles:import', { file: exportBundle(C, null), passphrase: null });
    expect(result.ok ? 'imported' : result.error.message).toBe('imported');
    expect(V.must('plans:get', { planId: planB }).summary).toBe('Coordinator news');
  });

  it('refuses a bundle made on this very computer', () => {
    V.must('plans:update', { planId: planA, summary: 'Mine' });
    expectRefused(exportBundle(V, null), ['own_bundle']);
  });
});

describe('strict content, even from a trusted origin', () => {
  function signedWithOp(op: Partial<ChangesetBody['ops'][number]>) {
    const { file, body } = fieldEdit(planA, 'Harmless');
    const parts = readParts(file);
    parts.changesets[parts.changesets.length - 1] = signedChangeset({ ...body, ops: [{ ...body.ops[0]!, ...op }] }, F.keys.privateKey);
    return writeParts(parts, bundlePath(F, 'strict'), F.keys.privateKey);
  }

  it.each([
    ['a table outside the registry', { table: 'installation' }],
    ['an SQL-looking table name', { table: 'plans"; DROP TABLE plans; --' }],
    ['a field outside the registry', { field: 'lastSeq' }],
    ['a value of the wrong kind', { value: { nested: 'object' } }],
    ['an empty value for a required field', { field: 'title', value: null }],
  ])('refuses %s', (_, op) => {
    expectRefused(signedWithOp(op as Partial<ChangesetBody['ops'][number]>), ['damaged']);
  });
});

describe('damaged files (truncated, bit-flipped, wrong passphrase)', () => {
  function encryptedBundle(): Buffer {
    F.must('plans:update', { planId: planA, summary: 'Sealed for the trip' });
    F.must('plans:update', { planId: planA, title: 'Dettah plan, revised' });
    const file = bundlePath(F, 'sealed');
    F.must('bundles:export', { to: V.installationId, file, passphrase: PASSPHRASE });
    return fs.readFileSync(file);
  }

  function writeVariant(bytes: Buffer, hint: string): string {
    const file = bundlePath(F, hint);
    fs.writeFileSync(file, bytes);
    return file;
  }

  it('refuses a wrong passphrase, and a missing one', () => {
    const file = writeVariant(encryptedBundle(), 'sealed');
    expectRefused(file, ['wrong_passphrase'], { passphrase: 'not the passphrase' });
    expectRefused(file, ['passphrase_required'], { passphrase: null });
  });

  it('refuses the encrypted file cut short at several points', () => {
    const bytes = encryptedBundle();
    for (const length of [0, 5, 20, 60, Math.floor(bytes.length / 2), bytes.length - 17, bytes.length - 1]) {
      expectRefused(writeVariant(bytes.subarray(0, length), `cut-${length}`), ['not_a_bundle', 'damaged', 'wrong_passphrase'], { passphrase: PASSPHRASE });
    }
  });

  it('refuses the encrypted file with a bit flipped at several points', () => {
    const bytes = encryptedBundle();
    for (const byte of [0, 9, 12, 30, 70, Math.floor(bytes.length / 2), bytes.length - 20, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[byte]! ^= 0x10;
      expectRefused(writeVariant(copy, `flip-${byte}`), ['not_a_bundle', 'unsupported_version', 'damaged', 'wrong_passphrase'], { passphrase: PASSPHRASE });
    }
  });

  it('refuses an unencrypted bundle that lost lines (its trailer, or a changeset in the middle)', () => {
    F.must('plans:update', { planId: planA, summary: 'One' });
    F.must('plans:update', { planId: planA, summary: 'Two' });
    const parts = readParts(exportBundle(F, V));
    expect(parts.changesets.length).toBeGreaterThanOrEqual(2);
    const lines = [JSON.stringify(parts.manifest), ...parts.changesets.map((c) => JSON.stringify(c)), JSON.stringify(parts.trailer)];
    const rewrite = (kept: string[], hint: string) => {
      const file = bundlePath(F, hint);
      fs.writeFileSync(file, encodeBundle(kept, null));
      return file;
    };
    expectRefused(rewrite(lines.slice(0, -1), 'no-trailer'), ['damaged', 'bad_signature']);
    expectRefused(rewrite([...lines.slice(0, 1), ...lines.slice(2)], 'lost-line'), ['damaged', 'bad_signature']);
    expectRefused(rewrite([lines[0]!, lines.at(-1)!], 'only-ends'), ['damaged', 'bad_signature']);
  });

  it('refuses a file over the size limit before reading it', () => {
    const file = exportBundle(F, V);
    const saved = LIMITS.fileBytes;
    LIMITS.fileBytes = fs.statSync(file).size - 1;
    try {
      expectRefused(file, ['too_large']);
    } finally {
      LIMITS.fileBytes = saved;
    }
  });

  it('inspect refuses a file over the size limit without reading it into memory', () => {
    const file = exportBundle(F, V);
    const saved = LIMITS.fileBytes;
    LIMITS.fileBytes = fs.statSync(file).size - 1;
    const reads = vi.spyOn(fs, 'readFileSync');
    try {
      const refusal = refusalOf(V.call('bundles:inspect', { file, passphrase: null }));
      expect(refusal.reason).toBe('too_large');
      expect(reads.mock.calls.filter(([f]) => f === file)).toEqual([]);
    } finally {
      reads.mockRestore();
      LIMITS.fileBytes = saved;
    }
  });

  it('refuses files that are not bundles at all, and a folder', () => {
    expectRefused(writeVariant(Buffer.alloc(0), 'empty'), ['not_a_bundle']);
    expectRefused(writeVariant(Buffer.from('%PDF-1.7 not a bundle'), 'pdf'), ['not_a_bundle']);
    const folder = bundlePath(F, 'folder');
    fs.mkdirSync(folder);
    expectRefused(folder, ['not_a_bundle']);
  });
});
