/**
 * The primitives of bundle format 2, each a thin wrapper over Node's crypto (no hand-written
 * primitive): X25519 key agreement (RFC 7748), HKDF-SHA256 (RFC 5869), AES-256-GCM, HMAC-SHA256,
 * and the STREAM construction that cuts the body into authenticated chunks (as age does). The
 * known-answer tests (test/sync/crypto-kat.test.ts) run the RFC and NIST vectors through these same
 * functions. AES-256-GCM rather than ChaCha20-Poly1305: Electron's BoringSSL has no
 * chacha20-poly1305 cipher in Node's crypto (docs/architecture.md, "Recipients and encryption").
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  timingSafeEqual,
} from 'node:crypto';

/** DER prefixes of an X25519 key (RFC 8410): SPKI for a public key, PKCS#8 for a private one, then the 32 raw bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export interface EncryptionKeys {
  /** SPKI DER in base64, as the signing key is kept. */
  publicKey: string;
  /** PKCS#8 DER in base64. */
  privateKey: string;
}

export function generateEncryptionKeys(): EncryptionKeys {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

/** The 32 raw bytes of an X25519 public key given as SPKI DER base64; null when it is not one. */
export function rawPublicKey(spkiBase64: string): Buffer | null {
  const der = Buffer.from(spkiBase64, 'base64');
  if (der.length !== SPKI_PREFIX.length + 32 || !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX)) return null;
  return der.subarray(SPKI_PREFIX.length);
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function privateKeyFromRaw(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

export function privateKeyObject(pkcs8Base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(pkcs8Base64, 'base64'), format: 'der', type: 'pkcs8' });
}

/** The raw public key of a private key object. */
export function rawPublicOf(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length);
}

/**
 * X25519(k, u) of RFC 7748. Refuses (null) an all-zero result: the peer's point was of small order,
 * which a hostile stanza could use to make the shared secret known to everyone.
 */
export function x25519(privateKey: KeyObject, peerPublicRaw: Buffer): Buffer | null {
  try {
    const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(peerPublicRaw) });
    return shared.every((b) => b === 0) ? null : shared;
  } catch {
    return null;
  }
}

/** HKDF-SHA256 (RFC 5869). */
export function hkdf(ikm: Buffer, salt: Buffer, info: string | Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, typeof info === 'string' ? Buffer.from(info, 'utf8') : info, length));
}

export function hmacSha256(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function macEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export const TAG_BYTES = 16;

/** AES-256-GCM: ciphertext followed by its 16-byte tag. */
export function aeadSeal(key: Buffer, nonce: Buffer, plaintext: Buffer, aad: Buffer = Buffer.alloc(0)): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens what aeadSeal sealed; null when the tag does not verify (nothing of the plaintext is returned then). */
export function aeadOpen(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer = Buffer.alloc(0)): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    return Buffer.concat([plain, decipher.final()]);
  } catch {
    return null;
  }
}

// --- Recipient stanzas ------------------------------------------------------------------------

const WRAP_INFO = 'planbundle/v2 x25519';
const ZERO_NONCE = Buffer.alloc(12);

/** The file key wrapped for one recipient: a fresh ephemeral key, and the file key sealed with a key derived from the shared secret and both public keys. */
export function wrapForRecipient(fileKey: Buffer, recipientRaw: Buffer): { ephemeral: Buffer; wrapped: Buffer } {
  const { privateKey } = generateKeyPairSync('x25519');
  const ephemeral = rawPublicOf(privateKey);
  const shared = x25519(privateKey, recipientRaw);
  if (shared === null) throw new Error('The recipient key is not a usable X25519 key.');
  const wrapKey = hkdf(shared, Buffer.concat([ephemeral, recipientRaw]), WRAP_INFO, 32);
  // The wrapping key is new for every stanza (a new ephemeral key), so a fixed nonce is safe.
  return { ephemeral, wrapped: aeadSeal(wrapKey, ZERO_NONCE, fileKey) };
}

/** The file key, when this stanza was made for the holder of `privateKey`; null otherwise. */
export function unwrapStanza(privateKey: KeyObject, ownRaw: Buffer, stanza: { ephemeral: Buffer; wrapped: Buffer }): Buffer | null {
  if (stanza.ephemeral.length !== 32) return null;
  const shared = x25519(privateKey, stanza.ephemeral);
  if (shared === null) return null;
  const wrapKey = hkdf(shared, Buffer.concat([stanza.ephemeral, ownRaw]), WRAP_INFO, 32);
  const fileKey = aeadOpen(wrapKey, ZERO_NONCE, stanza.wrapped);
  return fileKey !== null && fileKey.length === 32 ? fileKey : null;
}

/** Wraps the file key with a key derived from a passphrase (the caller runs scrypt). */
export function wrapWithKey(fileKey: Buffer, key: Buffer): Buffer {
  return aeadSeal(key, ZERO_NONCE, fileKey);
}

export function unwrapWithKey(wrapped: Buffer, key: Buffer): Buffer | null {
  const fileKey = aeadOpen(key, ZERO_NONCE, wrapped);
  return fileKey !== null && fileKey.length === 32 ? fileKey : null;
}

/** The key of the header's MAC and the key of the body, both derived from the file key. */
export function headerMacKey(fileKey: Buffer): Buffer {
  return hkdf(fileKey, Buffer.alloc(0), 'planbundle/v2 header', 32);
}

export function payloadKey(fileKey: Buffer, nonce: Buffer): Buffer {
  return hkdf(fileKey, nonce, 'planbundle/v2 payload', 32);
}

// --- STREAM: the body in authenticated chunks -------------------------------------------------

export const CHUNK_BYTES = 64 * 1024;

/** The nonce of chunk `counter`: an 11-byte big-endian counter and a last-chunk flag (age's STREAM). */
export function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Seals a plaintext chunk by chunk; the last chunk carries the flag, so a cut is noticed. */
export function sealStream(key: Buffer, plaintext: Buffer, chunkBytes = CHUNK_BYTES): Buffer {
  const parts: Buffer[] = [];
  const count = Math.max(1, Math.ceil(plaintext.length / chunkBytes));
  for (let i = 0; i < count; i++) {
    const chunk = plaintext.subarray(i * chunkBytes, (i + 1) * chunkBytes);
    parts.push(aeadSeal(key, chunkNonce(i, i === count - 1), chunk));
  }
  return Buffer.concat(parts);
}

export type StreamProblem = 'cut_short' | 'damaged';

/**
 * Opens a sealed stream chunk by chunk, handing each authenticated chunk to `take` before the next
 * is read: a reordered, dropped or changed chunk fails at that chunk, and a stream whose last chunk
 * is missing fails because no chunk carries the last flag. Returns null when all is whole.
 */
export function openStream(key: Buffer, sealed: Buffer, take: (chunk: Buffer) => void, chunkBytes = CHUNK_BYTES): StreamProblem | null {
  const sealedChunk = chunkBytes + TAG_BYTES;
  if (sealed.length < TAG_BYTES) return 'cut_short';
  let offset = 0;
  for (let counter = 0; offset < sealed.length; counter++) {
    const end = Math.min(offset + sealedChunk, sealed.length);
    const last = end === sealed.length;
    const chunk = sealed.subarray(offset, end);
    const plain = aeadOpen(key, chunkNonce(counter, last), chunk);
    if (plain === null) {
      // A whole chunk sealed as "not last" at the very end: the chunks after it are missing.
      if (last && aeadOpen(key, chunkNonce(counter, false), chunk) !== null) return 'cut_short';
      return 'damaged';
    }
    // An empty last chunk is only valid as the only chunk (an empty plaintext).
    if (last && plain.length === 0 && counter > 0) return 'damaged';
    take(plain);
    offset = end;
  }
  return null;
}
