import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, hashLines } from '../../electron/core/bundles/bundle-format';
import { FILE_PART_BYTES } from '../../electron/core/bundles/bundle-files';
import { change } from '../../electron/core/changelog/core-context';
import { MAX_FILE_BYTES } from '../../shared/attachments';
import { signText } from '../../electron/core/bundles/identity';
import { sha256Hex } from '../../electron/core/queries/file-checks';
import { addCommunity, agreedPlan, bundlePath, databaseState, type Installation, isPlainSentence, makeInstallation, refusalOf } from '../support';
import { jpegFile, pdfFile, pdfWithJavaScript, pngFile, windowsProgram } from '../support/evidence-files';

/**
 * Issue 14 §3 between computers: evidence files travel in bundles within their record's partition
 * (a community-A file never in a bundle for a computer that reads only A... and never B's), a
 * bundle can be written without files and the files sent later, and files in a bundle are hostile
 * input: a tampered hash, a program, a PDF with JavaScript, an image bomb are each refused with a
 * sentence, the receiving database unchanged.
 * C: the coordinator (reads everything); D: community A's detachment, trusted by C for A only.
 */
let C: Installation;
let D: Installation;
let A: string;
let B: string;
let planA: string;
let planB: string;
let entryA: string;
const b64 = (b: Buffer) => b.toString('base64');
const signedPlan = pdfFile('Signed plan of A');
const photo = pngFile(6, 4);

function bundleTo(from: Installation, to: Installation, extra: { withoutFiles?: boolean } = {}): string {
  const file = bundlePath(from, `${from.label}-to-${to.label}`);
  from.must('bundles:export', { to: to.installationId, file, encrypt: false, ...extra });
  return file;
}
const importInto = (into: Installation, file: string) => into.must('bundles:import', { file, passphrase: null });

/** The lines of an unencrypted bundle, and a way to write them back signed by `signer` (an inside attacker). */
function linesOf(file: string): string[] {
  return decodeBundle(fs.readFileSync(file), null).lines;
}
function rewrite(lines: string[], signer: Installation, hint: string): string {
  const body = lines.slice(0, -1);
  const trailer = JSON.parse(lines.at(-1)!) as { count: number };
  const digest = hashLines(body);
  const out = bundlePath(signer, hint);
  fs.writeFileSync(out, encodeBundle([...body, JSON.stringify({ type: 'trailer', count: trailer.count, digest, signature: signText(signer.keys.privateKey, digest) })], null));
  return out;
}
const fileLinesOf = (lines: string[]) => lines.filter((l) => l.startsWith('{"type":"file"')).map((l) => JSON.parse(l) as { hash: string; part: number; parts: number; data: string });

beforeAll(() => {
  C = makeInstallation('coord', { role: 'coordinator', idPrefix: 'c', now: '2025-08-10T12:00:00.000Z' });
  D = makeInstallation('det', { role: 'detachment', idPrefix: 'd', now: '2025-08-10T12:00:00.000Z' });
  A = addCommunity(C, 'Aklavik');
  B = addCommunity(C, 'Behchokǫ̀');
  const a = agreedPlan(C, A, 2025, ['Foot patrols']);
  planA = a.plan.id;
  planB = agreedPlan(C, B, 2025, ['Youth nights']).plan.id;
  entryA = C.must('progress:record', { actionId: a.actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'Patrols done.' }).id;
  D.must('installation:update', { scopeCommunityIds: [A] });
  // D introduces itself; C trusts it for community A only, so C's bundles to D carry A and the territory.
  const hello = bundlePath(D, 'hello');
  D.must('bundles:export', { full: true, file: hello, encrypt: false });
  C.must('bundles:import', { file: hello, passphrase: null, trustNewSender: true, scopeCommunityIds: [A] });
  D.must('bundles:import', { file: bundleTo(C, D), passphrase: null, trustNewSender: true, allCommunities: true });
}, 60_000);
afterAll(() => {
  for (const inst of [C, D]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

describe('evidence files in bundles', () => {
  it('carry a PDF and a photo to the record’s community only, each file once, and open on the receiving computer', () => {
    const pdf = C.must('attachments:attach', { recordKind: 'plan', recordId: planA, fileName: 'signed plan.pdf', content: b64(signedPlan) });
    C.must('attachments:attach', { recordKind: 'progressEntry', recordId: entryA, fileName: 'patrol.png', content: b64(photo) });
    // The same PDF on the progress entry too: one file in the bundle, one stored copy.
    C.must('attachments:attach', { recordKind: 'progressEntry', recordId: entryA, fileName: 'plan again.pdf', content: b64(signedPlan) });
    const secret = pngFile(3, 3, { colour: [0, 0, 255] });
    C.must('attachments:attach', { recordKind: 'plan', recordId: planB, fileName: 'B only.png', content: b64(secret) });

    const file = bundleTo(C, D);
    const lines = linesOf(file);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 3, requires: '0.3.0', files: 2 });
    const carried = fileLinesOf(lines).map((l) => l.hash);
    expect(carried.sort()).toEqual([sha256Hex(signedPlan), sha256Hex(photo)].sort());
    expect(carried).not.toContain(sha256Hex(secret));

    importInto(D, file);
    const onPlan = D.must('attachments:list', { recordKind: 'plan', recordId: planA });
    expect(onPlan.map((x) => [x.fileName, x.type, x.received])).toEqual([['signed plan.pdf', 'application/pdf', true]]);
    expect(Buffer.from(D.must('attachments:read', { attachmentId: pdf.id }).base64, 'base64').equals(signedPlan)).toBe(true);
    expect(D.must('attachments:list', { recordKind: 'progressEntry', recordId: entryA }).map((x) => [x.fileName, x.received])).toEqual([
      ['patrol.png', true],
      ['plan again.pdf', true],
    ]);
    const sqlite = D.core.context.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM file_blobs').pluck().get()).toBe(2);
    expect(sqlite.prepare('SELECT count(*) FROM attachments WHERE community_id = ?').pluck().get(B)).toBe(0);
    // Converged: community A's partition (its attachments included) is the same on both computers.
    expect(D.must('sync:digest', {}).partitions[A]).toBe(C.must('sync:digest', {}).partitions[A]);
    // Sent once: the next bundle to D carries no file again.
    expect(fileLinesOf(linesOf(bundleTo(C, D)))).toEqual([]);
  });

  it('writes a bundle "without files": the record arrives, its file says "not received yet", and a later bundle fills it in', () => {
    const minutes = pdfFile('Council minutes, 12 August');
    const att = C.must('attachments:attach', { recordKind: 'plan', recordId: planA, fileName: 'minutes.pdf', content: b64(minutes) });
    const light = bundleTo(C, D, { withoutFiles: true });
    expect(fileLinesOf(linesOf(light))).toEqual([]);
    importInto(D, light);
    expect(D.must('attachments:list', { recordKind: 'plan', recordId: planA }).find((x) => x.id === att.id)).toMatchObject({ fileName: 'minutes.pdf', received: false });
    const notYet = refusalOf(D.call('attachments:read', { attachmentId: att.id }));
    expect(notYet.message).toMatch(/“minutes.pdf” has not been received yet/);
    expect(isPlainSentence(notYet.message)).toBe(true);

    const later = bundleTo(C, D);
    expect(fileLinesOf(linesOf(later)).map((l) => l.hash)).toEqual([sha256Hex(minutes)]);
    importInto(D, later);
    expect(D.must('attachments:read', { attachmentId: att.id }).size).toBe(minutes.length);
  });

  it('refuses a bundle whose file is not the one its record names, or is no file to accept — database unchanged, sentences in both languages', () => {
    const evidence = jpegFile(800, 600);
    C.must('attachments:attach', { recordKind: 'plan', recordId: planA, fileName: 'photo.jpg', content: b64(evidence) });
    const honest = linesOf(bundleTo(C, D));
    const at = honest.findIndex((l) => l.startsWith('{"type":"file"'));
    const line = JSON.parse(honest[at]!) as { hash: string };
    const swap = (data: Buffer, hash = line.hash) => {
      const lines = [...honest];
      lines[at] = JSON.stringify({ type: 'file', hash, part: 0, parts: 1, data: b64(data) });
      return rewrite(lines, C, 'tampered');
    };
    const before = databaseState(D);
    const cases: Array<[string, string, RegExp, RegExp]> = [
      ['a tampered hash', swap(jpegFile(801, 600)), /not the file its record names/, /n’est pas celui que nomme son enregistrement/],
      ['a program renamed', swap(windowsProgram(), sha256Hex(windowsProgram())), /is a program \(Windows \.exe\)/, /est un programme/],
      ['a PDF with JavaScript', swap(pdfWithJavaScript(), sha256Hex(pdfWithJavaScript())), /contains JavaScript/, /contient du JavaScript/],
      ['an image bomb', swap(pngFile(60_000, 60_000, { pixels: false }), sha256Hex(pngFile(60_000, 60_000, { pixels: false }))), /60000 × 60000 pixels/, /60000 × 60000 pixels/],
    ];
    for (const [what, file, en, fr] of cases) {
      const refusal = refusalOf(D.call('bundles:import', { file, passphrase: null }));
      expect(refusal.reason, what).toBe('damaged');
      expect(refusal.message, what).toMatch(en);
      expect(refusal.message, what).toMatch(/[Nn]othing was imported/);
      D.must('installation:update', { locale: 'fr' });
      expect(refusalOf(D.call('bundles:import', { file, passphrase: null })).message, what).toMatch(fr);
      D.must('installation:update', { locale: 'en' });
      expect(databaseState(D).tables, what).toBe(before.tables);
    }
    // A file cut short (a part missing) is refused as damaged.
    const cut = [...honest];
    cut[at] = JSON.stringify({ type: 'file', hash: line.hash, part: 0, parts: 2, data: b64(evidence.subarray(0, 10)) });
    expect(refusalOf(D.call('bundles:import', { file: rewrite(cut, C, 'cut'), passphrase: null })).message).toMatch(/a part is missing/);
    expect(FILE_PART_BYTES * 2).toBeGreaterThan(evidence.length);
    // The honest bundle still imports.
    importInto(D, rewrite(honest, C, 'honest'));
    expect(D.core.context.sqlite.prepare('SELECT count(*) FROM file_blobs WHERE hash = ?').pluck().get(sha256Hex(evidence))).toBe(1);
  });

  it('refuses a bundle carrying a file over the cap, with its size', () => {
    C.must('attachments:attach', { recordKind: 'plan', recordId: planA, fileName: 'small.png', content: b64(pngFile(2, 2, { colour: [1, 2, 3] })) });
    const honest = linesOf(bundleTo(C, D));
    const at = honest.findIndex((l) => l.startsWith('{"type":"file"'));
    // 20 MB and a little more, in 11 parts of 2 MiB, named by its true hash.
    const big = Buffer.concat([pdfFile(), Buffer.alloc(MAX_FILE_BYTES + 100_000, 0x20)]);
    const bigHash = sha256Hex(big);
    const parts = Math.ceil(big.length / FILE_PART_BYTES);
    const oversized = [...honest.slice(0, at), ...Array.from({ length: parts }, (_, part) => JSON.stringify({ type: 'file', hash: bigHash, part, parts, data: b64(big.subarray(part * FILE_PART_BYTES, (part + 1) * FILE_PART_BYTES)) })), ...honest.slice(at + 1)];
    const manifest = JSON.parse(oversized[0]!) as { files: number };
    oversized[0] = JSON.stringify({ ...manifest, files: manifest.files - 1 + parts });
    const before = D.core.context.sqlite.prepare('SELECT (SELECT count(*) FROM changesets) || \'/\' || (SELECT count(*) FROM file_blobs)').pluck().get();
    const tooBig = refusalOf(D.call('bundles:import', { file: rewrite(oversized, C, 'too-big'), passphrase: null }));
    expect(tooBig.message).toMatch(/A file in this bundle was refused: This file is 20\.1 MB: a file can be at most 20 MB/);
    expect(D.core.context.sqlite.prepare('SELECT (SELECT count(*) FROM changesets) || \'/\' || (SELECT count(*) FROM file_blobs)').pluck().get()).toBe(before);
  }, 60_000);

  it('refuses an attachment a community computer hangs on another community’s record', () => {
    // D (community A only) writes, by hand, an attachment of community A naming B's plan.
    change(D.core.context, 'attachments:attach', (w) =>
      w.insert('attachments', { id: 'dforged1', communityId: A, recordKind: 'plan', recordId: planB, hash: sha256Hex(photo), fileName: 'x.png', size: photo.length, type: 'image/png', addedBy: 'D', addedAt: '2025-08-10T12:00:00.000Z' }),
    );
    const before = databaseState(C);
    const refusal = refusalOf(C.call('bundles:import', { file: bundleTo(D, C), passphrase: null }));
    expect(refusal.message).toMatch(/attached to a record of another community/);
    expect(databaseState(C).tables).toBe(before.tables);
  });
});
