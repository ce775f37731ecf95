/**
 * Known-answer tests: the published vectors of each primitive bundle format 2 uses, run through
 * the very functions the bundle code calls (electron/core/bundles/bundle-crypto.ts). In the desktop
 * app these run on Electron's BoringSSL instead of Node's OpenSSL; the same vectors must hold there.
 */
import { describe, expect, it } from 'vitest';
import {
  aeadOpen,
  aeadSeal,
  chunkNonce,
  hkdf,
  hmacSha256,
  privateKeyFromRaw,
  rawPublicOf,
  x25519,
} from '../../electron/core/bundles/bundle-crypto';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('X25519 (RFC 7748)', () => {
  it('section 5.2, first vector: scalar × u-coordinate', () => {
    const scalar = hex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4');
    const u = hex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c');
    expect(x25519(privateKeyFromRaw(scalar), u)!.toString('hex')).toBe('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552');
  });

  it('section 6.1: both public keys and the shared secret of Alice and Bob', () => {
    const alice = privateKeyFromRaw(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'));
    const bob = privateKeyFromRaw(hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb'));
    expect(rawPublicOf(alice).toString('hex')).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(rawPublicOf(bob).toString('hex')).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(x25519(alice, rawPublicOf(bob))!.toString('hex')).toBe(shared);
    expect(x25519(bob, rawPublicOf(alice))!.toString('hex')).toBe(shared);
  });

  it('refuses a small-order point (the all-zero shared secret) instead of using it', () => {
    const alice = privateKeyFromRaw(hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'));
    expect(x25519(alice, Buffer.alloc(32))).toBeNull();
    expect(x25519(alice, hex('0100000000000000000000000000000000000000000000000000000000000000'))).toBeNull();
  });
});

describe('HKDF-SHA256 (RFC 5869)', () => {
  it('test case 1', () => {
    const okm = hkdf(Buffer.alloc(22, 0x0b), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42);
    expect(okm.toString('hex')).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });

  it('test case 3: no salt, no info', () => {
    const okm = hkdf(Buffer.alloc(22, 0x0b), Buffer.alloc(0), Buffer.alloc(0), 42);
    expect(okm.toString('hex')).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  });
});

describe('HMAC-SHA256 (RFC 4231)', () => {
  it('test case 2', () => {
    expect(hmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')).toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('AES-256-GCM (the GCM specification’s test cases 13–16, as used in NIST’s validation)', () => {
  const K15 = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
  const IV15 = hex('cafebabefacedbaddecaf888');
  const P15 = hex(`d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
                   1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255`);
  const C15 = hex(`522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa
                   8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad`);
  const cases = [
    { name: '13: empty plaintext, zero key', key: Buffer.alloc(32), iv: Buffer.alloc(12), p: Buffer.alloc(0), aad: Buffer.alloc(0), c: Buffer.alloc(0), tag: '530f8afbc74536b9a963b4f1c4cb738b' },
    { name: '14: one zero block, zero key', key: Buffer.alloc(32), iv: Buffer.alloc(12), p: Buffer.alloc(16), aad: Buffer.alloc(0), c: hex('cea7403d4d606b6e074ec5d3baf39d18'), tag: 'd0d1c8a799996bf0265b98b5d48ab919' },
    { name: '15: four blocks', key: K15, iv: IV15, p: P15, aad: Buffer.alloc(0), c: C15, tag: 'b094dac5d93471bdec1a502270e3cc6c' },
    { name: '16: with associated data', key: K15, iv: IV15, p: P15.subarray(0, 60), aad: hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'), c: C15.subarray(0, 60), tag: '76fc6ece0f4e1768cddf8853bb2d551b' },
  ];
  for (const v of cases) {
    it(`test case ${v.name}`, () => {
      const sealed = aeadSeal(v.key, v.iv, v.p, v.aad);
      expect(sealed.toString('hex')).toBe(Buffer.concat([v.c, hex(v.tag)]).toString('hex'));
      expect(aeadOpen(v.key, v.iv, sealed, v.aad)!.equals(v.p)).toBe(true);
      // One bit of the tag, the ciphertext or the associated data changed: nothing comes out.
      const flipped = Buffer.from(sealed);
      flipped[flipped.length - 1]! ^= 1;
      expect(aeadOpen(v.key, v.iv, flipped, v.aad)).toBeNull();
      if (v.aad.length > 0) expect(aeadOpen(v.key, v.iv, sealed, Buffer.alloc(v.aad.length))).toBeNull();
    });
  }
});

describe('STREAM nonces', () => {
  it('are an 11-byte big-endian counter and a last-chunk flag', () => {
    expect(chunkNonce(0, false).toString('hex')).toBe('000000000000000000000000');
    expect(chunkNonce(1, false).toString('hex')).toBe('000000000000000000000100');
    expect(chunkNonce(258, true).toString('hex')).toBe('000000000000000000010201');
  });
});
