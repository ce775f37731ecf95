import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { change } from '../../electron/core/changelog/core-context';
import { encodeBundle, LIMITS } from '../../electron/core/bundles/bundle-format';
import { type ChangesetBody } from '../../electron/core/changelog/changeset-body';
import { bundlePath, exportBundle, importBundle, makeInstallation, readParts, refusalOf, writeParts } from '../support';
import { C, castDown, castUp, expectRefused, F, fieldEdit, PASSPHRASE, planA, planB, signedChangeset, V } from './support/hostile-cast';

/**
 * Hostile bundles, continued (the cast is in support/hostile-cast.ts): large bundles checked on
 * several threads, untrusted senders, strict content, and damaged files (truncated, bit-flipped,
 * wrong passphrase) — each refused with a sentence, the receiving database left as it was.
 */

beforeEach(castUp);
afterEach(castDown);

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
      // A flipped version byte reads as a file from a later planner (format 2's header cannot tell it apart).
      expectRefused(writeVariant(copy, `flip-${byte}`), ['not_a_bundle', 'unsupported_version', 'newer_version', 'damaged', 'wrong_passphrase'], { passphrase: PASSPHRASE });
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
