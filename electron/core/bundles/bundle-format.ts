import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { msg } from '../../../shared/core-messages';
import { PLAN_BUNDLE_EXTENSION } from '../../../shared/contract-files';
import { idRecordSchema } from '../../../shared/id-record';
import { BundleRefusal } from './bundle-refusal';
import { verifyText } from './identity';
import { territorySectionSchema } from './territory-crypto';

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
 * The three kinds of line are declared below as schemas; their types are derived from them.
 */

export const BUNDLE_EXTENSION = PLAN_BUNDLE_EXTENSION;

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

const base64 = z.string().max(200).regex(/^[A-Za-z0-9+/=]+$/);
const installationId = z.string().min(1).max(64);
/** The manifest's format; a higher one is refused as made by a newer planner, before anything else is read. */
export const MANIFEST_FORMAT = 1;
export const manifestFormatSchema = z.object({ format: z.number() });
/** The first line: who sends, to whom, what the sender holds, and the keys of every origin inside. */
export const manifestSchema = z.strictObject({
  type: z.literal('manifest'),
  format: z.literal(MANIFEST_FORMAT),
  bundleId: z.string().min(1).max(64),
  createdAt: z.string().max(40),
  sender: z.strictObject({ installationId, name: z.string().max(200), publicKey: base64 }),
  recipient: z.string().max(64).nullable(),
  full: z.boolean(),
  /** Per (origin, partition), keyed "origin partition" (changelog/partitions.ts vectorKey). */
  versionVector: idRecordSchema(z.string().max(140), z.number().int().min(0)),
  keys: idRecordSchema(z.string().max(64), base64),
  changesetCount: z.number().int().min(0).max(LIMITS.changesets),
  /** Earlier ids of the sender (same key), after it was restored from a backup. */
  formerIds: z.array(installationId).max(16).optional(),
  /** The sender's territory: its key history, certificates and revocations (absent: not enrolled). */
  territory: territorySectionSchema.optional(),
  /** Written by a demo database: never mixed with a real territory. */
  demo: z.boolean().optional(),
});
export type BundleManifest = z.infer<typeof manifestSchema>;
/** One line per changeset: its text as its origin signed it, and that signature. */
export const changesetLineSchema = z.strictObject({ type: z.literal('changeset'), body: z.string().max(LIMITS.lineBytes), signature: base64 });
export type ChangesetLine = z.infer<typeof changesetLineSchema>;
/** The last line: the sender's signature over a hash of every line before it. */
export const trailerSchema = z.strictObject({ type: z.literal('trailer'), count: z.number().int().min(0), digest: z.string().length(64), signature: base64 });
export type BundleTrailer = z.infer<typeof trailerSchema>;

/** One line read by its schema; null when it is missing, not JSON or not of that shape. */
export function parseLine<T>(schema: z.ZodType<T>, line: string | undefined): T | null {
  if (line === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The lines of a bundle: the manifest, the changesets as given, and the trailer the sender signs. */
export function bundleLines(manifest: BundleManifest, changesets: ReadonlyArray<Omit<ChangesetLine, 'type'>>, sign: (digest: string) => string): string[] {
  const lines = [JSON.stringify(manifest)];
  for (const c of changesets) lines.push(JSON.stringify({ type: 'changeset', body: c.body, signature: c.signature } satisfies ChangesetLine));
  const digest = hashLines(lines);
  lines.push(JSON.stringify({ type: 'trailer', count: changesets.length, digest, signature: sign(digest) } satisfies BundleTrailer));
  return lines;
}

/**
 * The trailer, when it reads and its digest is the hash of every line before it: the content is
 * whole. Whether the sender signed it is `trailerSigned`, against the key the manifest names.
 */
export function sealedTrailer(lines: readonly string[]): BundleTrailer | null {
  const trailer = parseLine(trailerSchema, lines.at(-1));
  return trailer !== null && hashLines(lines.slice(0, -1)) === trailer.digest ? trailer : null;
}

export function trailerSigned(trailer: BundleTrailer, publicKey: string): boolean {
  return verifyText(publicKey, trailer.digest, trailer.signature);
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
