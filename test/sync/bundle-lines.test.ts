import { describe, expect, it } from 'vitest';
import {
  type BundleManifest,
  bundleLines,
  hashLines,
  manifestSchema,
  parseLine,
  sealedTrailer,
  trailerSchema,
  trailerSigned,
} from '../../electron/core/bundles/bundle-format';
import { generateIdentityKeys, signText } from '../../electron/core/bundles/identity';
import { idRecord } from '../../shared/id-record';
import {
  BUNDLE_REFUSAL_REASONS,
  bundleRefusalReason,
  isBundleRefusalReason,
  refusalCode,
} from '../../shared/bundle-refusals';

/** The inner lines of a bundle (manifest, changesets, trailer), declared once in bundle-format.ts. */

const keys = generateIdentityKeys();
const manifest: BundleManifest = {
  type: 'manifest',
  format: 1,
  bundleId: 'b1',
  createdAt: '2026-01-01T00:00:00.000Z',
  sender: { installationId: 'inst-a', name: 'Inuvik', publicKey: keys.publicKey },
  recipient: null,
  full: true,
  versionVector: idRecord([['inst-a', 2]]),
  keys: idRecord([['inst-a', keys.publicKey]]),
  changesetCount: 2,
};
const changesets = [
  { body: '{"origin":"inst-a","seq":1}', signature: 'c2ln' },
  { body: '{"origin":"inst-a","seq":2}', signature: 'c2ln' },
];
const sign = (digest: string) => signText(keys.privateKey, digest);

describe('the lines of a bundle', () => {
  it('are the manifest, one line per changeset and a trailer signed over the hash of all before it', () => {
    const lines = bundleLines(manifest, changesets, sign);
    expect(lines).toHaveLength(4);
    expect(parseLine(manifestSchema, lines[0])).toEqual(manifest);
    expect(JSON.parse(lines[1]!)).toEqual({ type: 'changeset', ...changesets[0] });
    const trailer = parseLine(trailerSchema, lines[3])!;
    expect(trailer).toEqual({ type: 'trailer', count: 2, digest: hashLines(lines.slice(0, 3)), signature: sign(hashLines(lines.slice(0, 3))) });
    expect(sealedTrailer(lines)).toEqual(trailer);
    expect(trailerSigned(trailer, keys.publicKey)).toBe(true);
    expect(trailerSigned(trailer, generateIdentityKeys().publicKey)).toBe(false);
  });

  it('are no longer sealed when a line is lost, changed or the trailer is unreadable', () => {
    const lines = bundleLines(manifest, changesets, sign);
    expect(sealedTrailer([lines[0]!, lines[2]!, lines[3]!])).toBeNull();
    expect(sealedTrailer([lines[0]!, lines[1]!.replace('seq', 'Seq'), lines[2]!, lines[3]!])).toBeNull();
    expect(sealedTrailer([...lines.slice(0, 3), '{"type":"trailer"'])).toBeNull();
    expect(sealedTrailer(lines.slice(0, 3))).toBeNull();
    expect(sealedTrailer([])).toBeNull();
  });

  it('are read by their schema: a missing, non-JSON or foreign line reads as null', () => {
    expect(parseLine(trailerSchema, undefined)).toBeNull();
    expect(parseLine(trailerSchema, 'not json')).toBeNull();
    expect(parseLine(manifestSchema, JSON.stringify({ ...manifest, extra: 1 }))).toBeNull();
    expect(parseLine(manifestSchema, JSON.stringify({ ...manifest, format: 2 }))).toBeNull();
  });
});

describe('refusal reasons (shared/bundle-refusals.ts)', () => {
  it('answer forbidden when the sender or what it may change is refused, invalid input when the file is', () => {
    const forbidden = BUNDLE_REFUSAL_REASONS.filter((r) => refusalCode(r) === 'forbidden');
    expect(forbidden.sort()).toEqual(['changed_key', 'demo_mismatch', 'forged', 'other_territory', 'out_of_scope', 'own_bundle', 'revoked', 'seq_reused', 'untrusted_sender']);
    expect(refusalCode('wrong_passphrase')).toBe('invalid_input');
    expect(refusalCode('bad_signature')).toBe('invalid_input');
    expect(new Set(BUNDLE_REFUSAL_REASONS).size).toBe(BUNDLE_REFUSAL_REASONS.length);
  });

  it('are read from an error’s details only when they name a known reason', () => {
    expect(bundleRefusalReason({ reason: 'wrong_passphrase', fingerprint: 'X' })).toBe('wrong_passphrase');
    expect(bundleRefusalReason({ reason: 'ambiguous_community' })).toBeNull();
    expect(bundleRefusalReason({ reason: 3 })).toBeNull();
    expect(bundleRefusalReason(null)).toBeNull();
    expect(bundleRefusalReason(undefined)).toBeNull();
    expect(bundleRefusalReason('damaged')).toBeNull();
    expect(isBundleRefusalReason('damaged')).toBe(true);
    expect(isBundleRefusalReason('toString')).toBe(false);
  });
});
