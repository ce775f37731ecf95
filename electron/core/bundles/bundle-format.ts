import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { type MessageRef, msg, renderMessage } from '../../../shared/core-messages';

/**
 * The .planbundle file:
 *
 *   "PLANBNDL" | format version (uint16 BE) | header length (uint32 BE) | header JSON | payload
 *
 * The header says whether and how the payload is encrypted (scrypt with whitelisted parameters →
 * AES-256-GCM, the header bytes as associated data). The payload is gzip of newline-delimited
 * JSON: a manifest, the changesets (each its origin's signed text), and a trailer signed by the
 * sender over a hash of every line before it, so truncation and tampering are detected. No
 * archive format, no paths inside. Nothing is parsed before the authentication tag verifies.
 */

export const MAGIC = Buffer.from('PLANBNDL', 'ascii');
export const FORMAT_VERSION = 1;
export const LIMITS = {
  fileBytes: 256 * 1024 * 1024,
  headerBytes: 4096,
  decompressedBytes: 512 * 1024 * 1024,
  lineBytes: 4 * 1024 * 1024,
  changesets: 2_000_000,
  /** Arrays and objects inside one another, in any line or changeset text (a plan needs about 5). */
  jsonDepth: 32,
};

/** scrypt parameters we will run: a hostile header cannot make us spend gigabytes or hours. */
export const SCRYPT_WHITELIST = [
  { N: 2 ** 15, r: 8, p: 1 },
  { N: 2 ** 16, r: 8, p: 1 },
  { N: 2 ** 17, r: 8, p: 1 },
] as const;
export const DEFAULT_SCRYPT = SCRYPT_WHITELIST[0];
export const MIN_PASSPHRASE_LENGTH = 8;

const encryptionSchema = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.base64().length(24),
  cipher: z.literal('aes-256-gcm'),
  iv: z.base64().length(16),
});
export const headerSchema = z.strictObject({ encryption: encryptionSchema.nullable() });
export type BundleHeader = z.infer<typeof headerSchema>;

/** A refusal to read a file, with a sentence for the person and a code for code. */
export class BundleRefusal extends Error {
  constructor(
    readonly reason:
      | 'too_large'
      | 'not_a_bundle'
      | 'unsupported_version'
      | 'newer_version'
      | 'damaged'
      | 'passphrase_required'
      | 'wrong_passphrase'
      | 'bad_signature'
      | 'untrusted_sender'
      | 'changed_key'
      | 'revoked'
      | 'out_of_scope'
      | 'forged'
      | 'seq_reused'
      | 'own_bundle',
    readonly ref: MessageRef,
    readonly details?: unknown,
  ) {
    super(renderMessage(ref, 'en'));
    this.name = 'BundleRefusal';
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * 1024 * 1024 });
}

export interface BundleContent {
  /** Lines of the inner stream, each a JSON text, in order (manifest … trailer). */
  lines: string[];
}

export function encodeBundle(lines: readonly string[], passphrase: string | null): Buffer {
  const payload = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 6 });
  let header: BundleHeader = { encryption: null };
  let salt: Buffer | undefined;
  let iv: Buffer | undefined;
  if (passphrase !== null) {
    salt = randomBytes(16);
    iv = randomBytes(12);
    header = { encryption: { kdf: 'scrypt', ...DEFAULT_SCRYPT, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64') } };
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 6);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, MAGIC.length + 2);
  const head = Buffer.concat([prefix, headerBytes]);
  if (passphrase === null) return Buffer.concat([head, payload]);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt!, DEFAULT_SCRYPT), iv!);
  cipher.setAAD(head);
  const encrypted = Buffer.concat([cipher.update(payload), cipher.final()]);
  return Buffer.concat([head, encrypted, cipher.getAuthTag()]);
}

/** Reads only the header: what `inspect` shows without a passphrase. */
export function readBundleHeader(file: Buffer): { version: number; header: BundleHeader; payloadOffset: number } {
  if (file.length > LIMITS.fileBytes) {
    throw new BundleRefusal('too_large', msg('bundle.tooLarge', { megabytes: LIMITS.fileBytes / 1024 / 1024 }));
  }
  if (file.length < MAGIC.length + 6 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BundleRefusal('not_a_bundle', msg('bundle.notABundle'));
  }
  const version = file.readUInt16BE(MAGIC.length);
  if (version !== FORMAT_VERSION) {
    throw new BundleRefusal('unsupported_version', msg('bundle.newerVersion', { version }));
  }
  const headerLength = file.readUInt32BE(MAGIC.length + 2);
  const payloadOffset = MAGIC.length + 6 + headerLength;
  if (headerLength > LIMITS.headerBytes || payloadOffset > file.length) throw new BundleRefusal('damaged', msg('bundle.headerDamaged'));
  let header: BundleHeader;
  try {
    header = headerSchema.parse(JSON.parse(file.subarray(MAGIC.length + 6, payloadOffset).toString('utf8')));
  } catch {
    throw new BundleRefusal('damaged', msg('bundle.headerDamaged'));
  }
  const enc = header.encryption;
  if (enc && !SCRYPT_WHITELIST.some((w) => w.N === enc.N && w.r === enc.r && w.p === enc.p)) {
    throw new BundleRefusal('damaged', msg('bundle.encryptionSettings'));
  }
  return { version, header, payloadOffset };
}

/** Decrypts (verifying the tag first), decompresses within bounds and splits into lines. */
export function decodeBundle(file: Buffer, passphrase: string | null): BundleContent & { header: BundleHeader } {
  const { header, payloadOffset } = readBundleHeader(file);
  let payload = file.subarray(payloadOffset);
  const enc = header.encryption;
  if (enc) {
    if (passphrase === null) throw new BundleRefusal('passphrase_required', msg('bundle.passphraseRequired'));
    if (payload.length < 16) throw new BundleRefusal('damaged', msg('bundle.cutShort'));
    const tag = payload.subarray(payload.length - 16);
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(enc.salt, 'base64'), enc), Buffer.from(enc.iv, 'base64'));
    decipher.setAAD(file.subarray(0, payloadOffset));
    decipher.setAuthTag(tag);
    try {
      // update() hands back bytes before the tag is checked; they are not looked at until final() passes.
      payload = Buffer.concat([decipher.update(payload.subarray(0, payload.length - 16)), decipher.final()]);
    } catch {
      throw new BundleRefusal('wrong_passphrase', msg('bundle.wrongPassphrase'));
    }
  }
  let text: string;
  try {
    text = gunzipSync(payload, { maxOutputLength: LIMITS.decompressedBytes }).toString('utf8');
  } catch (error) {
    const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new BundleRefusal('damaged', msg(tooBig ? 'bundle.unpacksTooBig' : 'bundle.cannotUnpack'));
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > LIMITS.changesets + 2 || lines.some((l) => l.length > LIMITS.lineBytes)) {
    throw new BundleRefusal('damaged', msg('bundle.holdsTooMuch'));
  }
  if (!lines.every((l) => jsonDepthWithin(l, LIMITS.jsonDepth))) throw tooDeep();
  return { header, lines };
}

export const tooDeep = () => new BundleRefusal('damaged', msg('bundle.nestedTooDeep', { max: LIMITS.jsonDepth }));

/**
 * Whether a JSON text nests arrays and objects at most `max` levels deep, found by one pass over
 * its characters (brackets inside strings do not count) before anything parses it: parsing is
 * fine, but what walks the parsed value afterwards (zod's z.json(), JSON.stringify) recurses, and
 * 10 000 levels would exhaust the stack. Says nothing about whether the text is valid JSON.
 */
export function jsonDepthWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return false;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return true;
}

export function hashLines(lines: readonly string[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}
