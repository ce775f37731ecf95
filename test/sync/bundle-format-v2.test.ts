/**
 * Bundle format 2 on its own: round trips to recipients, with a passphrase and unencrypted; any cut,
 * flipped bit, reordered or dropped chunk refused with a BundleRefusal; a future format refused
 * with the version it needs.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, generateEncryptionKeys, TAG_BYTES } from '../../electron/core/bundles/bundle-crypto';
import { type BundleKeys, decodeBundle, encodeBundle, FORMAT_VERSION, MAGIC, PLANNER_VERSION, readBundleHeader, READS_FORMAT_2_SINCE, versionAfter } from '../../electron/core/bundles/bundle-format';
import { BundleRefusal } from '../../electron/core/bundles/bundle-refusal';

const alice = generateEncryptionKeys();
const bob = generateEncryptionKeys();
const eve = generateEncryptionKeys();
const PASSPHRASE = 'correct horse battery';
/** Text that gzip cannot shrink much, so the body spans several chunks. */
const LINES = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i, noise: randomBytes(6000).toString('base64') }));
const TO_BOTH = encodeBundle(LINES, { recipients: [alice.publicKey, bob.publicKey] });

function attempt(file: Buffer, keys: BundleKeys) {
  try {
    return { ok: true as const, lines: decodeBundle(file, keys).lines };
  } catch (error) {
    if (!(error instanceof BundleRefusal)) throw new Error(`decodeBundle threw something other than a BundleRefusal: ${String(error)}`);
    return { ok: false as const, reason: error.reason, message: error.message };
  }
}
const asAlice: BundleKeys = { encryptionPrivateKey: alice.privateKey };

describe('format 2 round trips', () => {
  it('opens for each recipient, and for nobody else', () => {
    const read = readBundleHeader(TO_BOTH);
    expect(read).toMatchObject({ version: FORMAT_VERSION, encryption: 'recipients', recipients: 2 });
    expect(read.v2!.requires).toBe(READS_FORMAT_2_SINCE);
    // Several chunks: the test below cuts and shuffles real chunk boundaries.
    expect(TO_BOTH.length - read.payloadOffset).toBeGreaterThan(2 * (CHUNK_BYTES + TAG_BYTES));
    expect(attempt(TO_BOTH, asAlice)).toEqual({ ok: true, lines: LINES });
    expect(attempt(TO_BOTH, { encryptionPrivateKey: bob.privateKey })).toEqual({ ok: true, lines: LINES });
    expect(attempt(TO_BOTH, { encryptionPrivateKey: eve.privateKey })).toMatchObject({ ok: false, reason: 'not_for_this_computer' });
    expect(attempt(TO_BOTH, { passphrase: PASSPHRASE })).toMatchObject({ ok: false, reason: 'not_for_this_computer' });
    expect(TO_BOTH.includes(Buffer.from('noise'))).toBe(false);
  });

  it('opens a passphrase bundle with the passphrase only', () => {
    const sealed = encodeBundle(['{"a":1}'], PASSPHRASE);
    expect(readBundleHeader(sealed)).toMatchObject({ encryption: 'passphrase', recipients: 0, scrypt: { N: 2 ** 15 } });
    expect(attempt(sealed, { passphrase: PASSPHRASE })).toEqual({ ok: true, lines: ['{"a":1}'] });
    expect(attempt(sealed, { passphrase: 'wrong horse battery' })).toMatchObject({ ok: false, reason: 'wrong_passphrase' });
    expect(attempt(sealed, asAlice)).toMatchObject({ ok: false, reason: 'passphrase_required' });
  });

  it('reads an unencrypted bundle with or without keys', () => {
    const plain = encodeBundle(LINES, null);
    expect(readBundleHeader(plain).encryption).toBe('none');
    expect(attempt(plain, {})).toEqual({ ok: true, lines: LINES });
    expect(attempt(plain, asAlice)).toEqual({ ok: true, lines: LINES });
  });

  it('round-trips arbitrary lines to a recipient', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'), { minLength: 1, maxLength: 20 }), (lines) => {
        expect(decodeBundle(encodeBundle(lines, { recipients: [alice.publicKey] }), asAlice).lines).toEqual(lines);
      }),
      { numRuns: 50 },
    );
  });
});

describe('format 2 damage', () => {
  const { payloadOffset, headerEnd } = readBundleHeader(TO_BOTH);
  const sealedChunk = CHUNK_BYTES + TAG_BYTES;
  const chunks = () => {
    const body = TO_BOTH.subarray(payloadOffset);
    const out: Buffer[] = [];
    for (let i = 0; i < body.length; i += sealedChunk) out.push(body.subarray(i, i + sealedChunk));
    return out;
  };
  const withChunks = (list: Buffer[]) => Buffer.concat([TO_BOTH.subarray(0, payloadOffset), ...list]);

  it('refuses a cut at any point, with a sentence', () => {
    const points = new Set<number>();
    for (let i = 0; i < payloadOffset + 40; i++) points.add(i);
    for (let k = 1; k <= chunks().length; k++) points.add(payloadOffset + k * sealedChunk);
    for (let i = 1; i < 30; i++) points.add(payloadOffset + Math.floor(((TO_BOTH.length - payloadOffset) * i) / 30));
    for (const n of [...points].filter((p) => p < TO_BOTH.length)) {
      const r = attempt(TO_BOTH.subarray(0, n), asAlice);
      expect(r.ok, `cut at ${n}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^[A-Z].*\.$/s);
    }
  });

  it('refuses the last chunk dropped as cut short, a chunk dropped or two swapped as damaged', () => {
    const list = chunks();
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(attempt(withChunks(list.slice(0, -1)), asAlice)).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringMatching(/cut short/) });
    expect(attempt(withChunks([list[0]!, ...list.slice(2)]), asAlice)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(attempt(withChunks([list[1]!, list[0]!, ...list.slice(2)]), asAlice)).toMatchObject({ ok: false, reason: 'damaged' });
    // A chunk from another bundle to the same recipient (another file key) is refused too.
    const other = encodeBundle(LINES, { recipients: [alice.publicKey] });
    const otherFirst = other.subarray(readBundleHeader(other).payloadOffset, readBundleHeader(other).payloadOffset + sealedChunk);
    expect(attempt(withChunks([otherFirst, ...list.slice(1)]), asAlice)).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('refuses any one bit flipped in the prefix, header, MAC or body', () => {
    const bits = [] as number[];
    for (let bit = 0; bit < (MAGIC.length + 6) * 8; bit += 3) bits.push(bit);
    for (let bit = (MAGIC.length + 6) * 8; bit < payloadOffset * 8; bit += 41) bits.push(bit);
    for (let bit = payloadOffset * 8; bit < TO_BOTH.length * 8; bit += 20011) bits.push(bit);
    bits.push(headerEnd * 8, TO_BOTH.length * 8 - 1);
    for (const bit of bits) {
      const copy = Buffer.from(TO_BOTH);
      copy[bit >> 3]! ^= 1 << (bit & 7);
      const r = attempt(copy, asAlice);
      expect(r.ok, `bit ${bit}`).toBe(false);
    }
  });

  it('refuses a future format with the version it needs, read from its header', () => {
    const json = Buffer.from(JSON.stringify({ requires: '2.3.0', anything: ['new'] }));
    const prefix = Buffer.alloc(MAGIC.length + 6);
    MAGIC.copy(prefix);
    prefix.writeUInt16BE(FORMAT_VERSION + 1, MAGIC.length);
    prefix.writeUInt32BE(json.length, MAGIC.length + 2);
    const r = attempt(Buffer.concat([prefix, json, Buffer.from('whatever comes next')]), asAlice);
    expect(r).toMatchObject({ ok: false, reason: 'newer_version', message: 'This bundle needs version 2.3.0 or later of the planner. Update the planner on this computer to read it; nothing was imported.' });
    // A header that says nothing readable: still refused as newer, with the format number.
    prefix.writeUInt32BE(3, MAGIC.length + 2);
    expect(attempt(Buffer.concat([prefix, Buffer.from('{{{')]), asAlice)).toMatchObject({ ok: false, reason: 'newer_version' });
  });

  it('knows its own version: the one package.json gives', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(PLANNER_VERSION).toBe(pkg.version);
    expect(versionAfter('0.10.0', '0.9.9')).toBe(true);
    expect(versionAfter(PLANNER_VERSION, PLANNER_VERSION)).toBe(false);
  });
});
