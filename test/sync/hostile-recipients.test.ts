/**
 * Bundles encrypted to their recipients (issue 11 §2), attacked: a bundle for someone else, a
 * recipient stanza or a header byte changed, chunks reordered, dropped or cut, a future format —
 * each refused with a sentence and the database unchanged. And a revoked computer never opens a
 * bundle made after its revocation reached the sender.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { change } from '../../electron/core/changelog/core-context';
import { CHUNK_BYTES, TAG_BYTES } from '../../electron/core/bundles/bundle-crypto';
import { FORMAT_VERSION, MAGIC, readBundleHeader } from '../../electron/core/bundles/bundle-format';
import { storedCertificates, storedRevocations } from '../../electron/core/queries/territory';
import { bundlePath, databaseState, isPlainSentence, refusalOf } from '../support';
import { type Computer, startTerritory, type Territory } from './support/territory';

let t: Territory;
let coordinator: Computer;
let detachment: Computer;
let office: Computer;
const idOf = (c: Computer) => c.must('sync:whoami', {}).installationId;

function exportFrom(from: Computer, input: { to?: Computer; alsoTo?: Computer[]; passphrase?: string }): { file: string; result: ReturnType<typeof from.must<'bundles:export'>> } {
  const file = bundlePath(from, `${from.label}-to-${input.to?.label ?? 'all'}`);
  const result = from.must('bundles:export', {
    ...(input.to ? { to: idOf(input.to) } : { full: true }),
    ...(input.alsoTo ? { alsoTo: input.alsoTo.map(idOf) } : {}),
    ...(input.passphrase ? { passphrase: input.passphrase } : {}),
    file,
  });
  return { file, result };
}

/** Imports into `who`, expects a refusal for one of `reasons`, a plain sentence, and `who`'s database unchanged. */
function expectRefused(who: Computer, file: string, reasons: string[], message?: RegExp) {
  const before = databaseState(who);
  const digest = who.must('sync:digest', {}).digest;
  const refusal = refusalOf(who.call('bundles:import', { file }));
  expect(reasons, refusal.message).toContain(refusal.reason);
  expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
  if (message) expect(refusal.message).toMatch(message);
  expect(refusalOf(who.call('bundles:preview', { file })).reason).toBe(refusal.reason);
  expect(databaseState(who)).toEqual(before);
  expect(who.must('sync:digest', {}).digest).toBe(digest);
  return refusal;
}

/** A copy of a bundle with its header JSON rewritten (same length, so the rest stays where it was). */
function withHeaderEdit(file: string, edit: (json: string) => string, name: string): string {
  const bytes = fs.readFileSync(file);
  const read = readBundleHeader(bytes);
  const start = MAGIC.length + 6;
  const json = bytes.subarray(start, read.headerEnd).toString('utf8');
  const edited = Buffer.from(edit(json), 'utf8');
  expect(edited.length).toBe(read.headerEnd - start);
  const out = `${file}.${name}.planbundle`;
  fs.writeFileSync(out, Buffer.concat([bytes.subarray(0, start), edited, bytes.subarray(read.headerEnd)]));
  return out;
}

function withChunks(file: string, arrange: (chunks: Buffer[]) => Buffer[], name: string): string {
  const bytes = fs.readFileSync(file);
  const { payloadOffset } = readBundleHeader(bytes);
  const size = CHUNK_BYTES + TAG_BYTES;
  const chunks: Buffer[] = [];
  for (let i = payloadOffset; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out = `${file}.${name}.planbundle`;
  fs.writeFileSync(out, Buffer.concat([bytes.subarray(0, payloadOffset), ...arrange(chunks)]));
  return out;
}

beforeAll(() => {
  t = startTerritory('rcp-');
  ({ coordinator, detachment, office } = t);
  // Enough incompressible content that a bundle spans several 64 KiB chunks.
  for (let round = 0; round < 3; round++) {
    change(coordinator.core.context, 'test:seed', (w) => {
      for (let i = 0; i < 300; i++) w.upsert('detachments', { id: `det-${round}-${i}`, name: randomBytes(90).toString('base64'), communityId: null });
    });
  }
}, 120_000);

describe('keys and certificates', () => {
  it('every installation has an encryption key, mirrored in its database and named in its certificate', () => {
    for (const computer of [coordinator, detachment, office]) {
      const key = computer.core.context.keys.encryptionPublicKey;
      expect(key).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(computer.core.context.sqlite.prepare('SELECT encryption_public_key FROM installation').pluck().get()).toBe(key);
      const certificate = storedCertificates(coordinator.core.context).find((c) => c.parsed.installationId === idOf(computer))!;
      expect(certificate.parsed.encryptionKey).toBe(key);
    }
  });
});

describe('encrypted to the recipient', () => {
  it('needs no passphrase for an enrolled peer, and only that peer opens it', () => {
    const { file, result } = exportFrom(coordinator, { to: detachment });
    expect(result).toMatchObject({ encrypted: true, encryption: 'recipients', recipients: ['rcp-det computer'] });
    expect(detachment.must('bundles:inspect', { file })).toMatchObject({ encryptedFor: 'recipients', recipients: 1, passphraseNeeded: false, manifest: expect.objectContaining({ full: false }) });
    expectRefused(office, file, ['not_for_this_computer'], /^This bundle was not made for this computer/);
    expect(refusalOf(office.call('bundles:inspect', { file })).reason).toBe('not_for_this_computer');
    expect(detachment.must('bundles:import', { file }).imported).toBe(true);
  });

  it('is encrypted to each of several recipients (a detachment and a community office)', () => {
    const { file, result } = exportFrom(coordinator, { to: detachment, alsoTo: [office] });
    expect(result).toMatchObject({ encryption: 'recipients', recipients: ['rcp-det computer', 'rcp-office computer'] });
    expect(readBundleHeader(fs.readFileSync(file))).toMatchObject({ encryption: 'recipients', recipients: 2 });
    expect(detachment.must('bundles:inspect', { file }).manifest).not.toBeNull();
    expect(office.must('bundles:inspect', { file }).manifest).not.toBeNull();
  });

  it('falls back to a passphrase only where no key is known (a full bundle without recipient), and says so', () => {
    expect(refusalOf(coordinator.call('bundles:export', { full: true, file: bundlePath(coordinator, 'nopass') })).message).toMatch(/passphrase/);
    const { file, result } = exportFrom(coordinator, { passphrase: 'ice road in march' });
    expect(result).toMatchObject({ encryption: 'passphrase', recipients: [] });
    expect(office.must('bundles:inspect', { file })).toMatchObject({ encryptedFor: 'passphrase', passphraseNeeded: true, manifest: null });
  });
});

describe('hostile recipient bundles', () => {
  let toBoth: string;
  beforeAll(() => {
    toBoth = exportFrom(coordinator, { to: detachment, alsoTo: [office] }).file;
    const chunks = Math.ceil((fs.statSync(toBoth).size - readBundleHeader(fs.readFileSync(toBoth)).payloadOffset) / (CHUNK_BYTES + TAG_BYTES));
    expect(chunks).toBeGreaterThanOrEqual(2);
  });

  it('refuses a recipient stanza tampered with, for its recipient and (by the header MAC) for the other', () => {
    const tampered = withHeaderEdit(toBoth, (json) => {
      const header = JSON.parse(json) as { encryption: { stanzas: Array<{ wrapped: string }> } };
      const wrapped = Buffer.from(header.encryption.stanzas[0]!.wrapped, 'base64');
      wrapped[3]! ^= 0x01;
      header.encryption.stanzas[0]!.wrapped = wrapped.toString('base64');
      return JSON.stringify(header);
    }, 'stanza');
    expectRefused(detachment, tampered, ['not_for_this_computer']);
    expectRefused(office, tampered, ['damaged'], /header does not match/);
  });

  it('refuses a header byte changed (the MAC)', () => {
    const changed = withHeaderEdit(toBoth, (json) => json.replace('"requires":"0.1.0"', '"requires":"0.1.1"'), 'requires');
    expectRefused(office, changed, ['damaged'], /header does not match/);
  });

  it('refuses chunks reordered, a chunk dropped, and the last chunk dropped', () => {
    expectRefused(office, withChunks(toBoth, (c) => [c[1]!, c[0]!, ...c.slice(2)], 'swapped'), ['damaged'], /missing, out of order or altered/);
    expectRefused(office, withChunks(toBoth, (c) => c.slice(1), 'dropped-first'), ['damaged']);
    expectRefused(office, withChunks(toBoth, (c) => c.slice(0, -1), 'dropped-last'), ['damaged'], /cut short/);
  });

  it('refuses a bundle of a future format with the version it needs, nothing applied', () => {
    const bytes = fs.readFileSync(toBoth);
    const future = Buffer.from(bytes);
    future.writeUInt16BE(FORMAT_VERSION + 1, MAGIC.length);
    const file = withHeaderEdit(toBoth, (json) => json.replace('"requires":"0.1.0"', '"requires":"3.2.0"'), 'future-header');
    const futureFile = `${file}.v3.planbundle`;
    const edited = fs.readFileSync(file);
    edited.writeUInt16BE(FORMAT_VERSION + 1, MAGIC.length);
    fs.writeFileSync(futureFile, edited);
    expectRefused(office, futureFile, ['newer_version'], /^This bundle needs version 3\.2\.0 or later of the planner\./);
  });
});

describe('revocation', () => {
  it('a revoked computer opens no bundle made after its revocation reached the sender', () => {
    coordinator.must('enrolment:revoke', { installationId: idOf(office), reason: 'Laptop lost' });
    // The coordinator: never a recipient again, named or as a second recipient.
    expect(refusalOf(coordinator.call('bundles:export', { to: idOf(office), file: bundlePath(coordinator, 'x') })).message).toBe('The certificate of rcp-office computer was revoked: no bundle is made for it.');
    expect(refusalOf(coordinator.call('bundles:export', { to: idOf(detachment), alsoTo: [idOf(office)], file: bundlePath(coordinator, 'y') })).message).toMatch(/^The certificate of rcp-office computer was revoked/);
    const { file } = exportFrom(coordinator, { to: detachment });
    expectRefused(office, file, ['not_for_this_computer']);

    // The detachment hears of the revocation from the coordinator; from then on it will not encrypt to the office either.
    detachment.must('bundles:import', { file });
    expect(storedRevocations(detachment.core.context).map((r) => r.parsed.installationId)).toEqual([idOf(office)]);
    expect(refusalOf(detachment.call('bundles:export', { to: idOf(office), file: bundlePath(detachment, 'z') })).code).toBe('forbidden');
    const toCoordinator = exportFrom(detachment, { to: coordinator });
    expect(toCoordinator.result.encryption).toBe('recipients');
    expectRefused(office, toCoordinator.file, ['not_for_this_computer']);
  });
});
