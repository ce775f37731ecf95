import { createCipheriv, createDecipheriv, createHash, type KeyObject, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { msg } from '../../../shared/core-messages';
import { PLAN_BUNDLE_EXTENSION } from '../../../shared/contract-files';
import { idRecordSchema } from '../../../shared/id-record';
import {
  CHUNK_BYTES,
  headerMacKey,
  hmacSha256,
  macEqual,
  openStream,
  payloadKey,
  privateKeyObject,
  rawPublicKey,
  rawPublicOf,
  sealStream,
  unwrapStanza,
  unwrapWithKey,
  wrapForRecipient,
  wrapWithKey,
} from './bundle-crypto';
import { BundleRefusal } from './bundle-refusal';
import { verifyText } from './identity';
import { changesetLine, gzipInParallel } from './parallel-verify';
import { MAX_HEADS, signedHeadSchema } from './signed-heads';
import { territorySectionSchema } from './territory-crypto';

/**
 * The .planbundle file (format 1; format 2, which this planner writes, is described below at
 * encodeBundle):
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
/** The format this planner writes; it reads this one and format 1. */
export const FORMAT_VERSION = 2;
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
/**
 * The manifest's format; a higher one is refused as made by a newer planner, before anything else
 * is read. Format 2 (issue 13) adds `heads`, the origins' signed heads (bundles/signed-heads.ts);
 * it is written only when it carries heads, so a bundle without them stays format 1 and every
 * older planner still reads it. Format 1's schema is strict: an older planner cannot skip a field
 * it does not know, hence the new number (it says "needs version …", `requires`, nothing applied).
 */
export const MANIFEST_FORMAT = 3;
/** The format of a manifest carrying signed heads and no files (issue 13): what older planners (0.2.0) read. */
export const SIGNED_HEADS_FORMAT = 2;
/**
 * Format 3 (issue 14 §3): the bundle carries files (bundles/bundle-files.ts), `files` counting their
 * lines, which come after the changesets and before the trailer, so the sender's signature covers
 * them. Written only when there are files: a bundle without them stays format 1 or 2.
 */
export const FILES_FORMAT = 3;
/** The planner version that first reads manifest format 3 (its `requires`). */
export const READS_FILES_SINCE = '0.3.0';
/** The planner version that first reads manifest format 2 (written as its `requires`). */
export const READS_SIGNED_HEADS_SINCE = '0.2.0';
/** A planner version as people read it ("1.4", "2.0.1"): the only text of a newer manifest this one shows. */
export const plannerVersionSchema = z.string().max(20).regex(/^\d{1,4}(\.\d{1,4}){0,3}$/);
/**
 * What every manifest format, this one and all later ones, says first: its format, and (from
 * format 2 on) `requires`, the oldest planner version that reads it. Read loosely, before the
 * strict schema, so a newer manifest is refused with the version to install, not as damaged.
 */
export const manifestFormatSchema = z.object({ format: z.number(), requires: plannerVersionSchema.optional().catch(undefined) });
/** The first line: who sends, to whom, what the sender holds, and the keys of every origin inside. */
export const manifestSchema = z.strictObject({
  type: z.literal('manifest'),
  format: z.union([z.literal(1), z.literal(SIGNED_HEADS_FORMAT), z.literal(FILES_FORMAT)]),
  /** The oldest planner version that reads this manifest (required from format 2 on; see manifestFormatSchema). */
  requires: plannerVersionSchema.optional(),
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
  /** Format 2: per (origin, partition) carried, the newest head its origin signed (signed-heads.ts). */
  heads: z.array(signedHeadSchema).max(MAX_HEADS).optional(),
  /** Format 3: how many file lines follow the changesets (bundle-files.ts). */
  files: z.number().int().min(1).max(LIMITS.changesets).optional(),
})
  // Heads never in format 1, always in format 2; files exactly in format 3; from format 2 on, which planner reads it.
  .refine(
    (m) =>
      (m.format === 1 ? m.heads === undefined : m.format === SIGNED_HEADS_FORMAT ? m.heads !== undefined : true) &&
      (m.format === FILES_FORMAT) === (m.files !== undefined) &&
      (m.format === 1 || m.requires !== undefined),
  );
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

const BASE64_TEXT = /^[A-Za-z0-9+/=]+$/;
/**
 * A changeset line read by changesetLineSchema, without zod's machinery for the ordinary line (an
 * import reads one per changeset): it says yes only to a line the schema takes unchanged, and
 * leaves every other line to the schema.
 */
export function parseChangesetLine(line: string | undefined): ChangesetLine | null {
  if (line === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const keys = Object.keys(o);
    if (
      keys.length === 3 && o.type === 'changeset' && typeof o.body === 'string' && o.body.length <= LIMITS.lineBytes &&
      typeof o.signature === 'string' && o.signature.length <= 200 && BASE64_TEXT.test(o.signature)
    ) {
      return o as ChangesetLine;
    }
  }
  const parsed = changesetLineSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The lines of a bundle: the manifest, the changesets as given, and the trailer the sender signs. */
export function bundleLines(manifest: BundleManifest, changesets: ReadonlyArray<Omit<ChangesetLine, 'type'>>, sign: (digest: string) => string, fileLines: readonly string[] = []): string[] {
  const lines = [JSON.stringify(manifest)];
  for (const c of changesets) lines.push(changesetLine(c.body, c.signature));
  // Files (format 3) after the changesets: covered by the trailer's digest like every line.
  lines.push(...fileLines);
  const digest = hashLines(lines);
  lines.push(JSON.stringify({ type: 'trailer', count: changesets.length, digest, signature: sign(digest) } satisfies BundleTrailer));
  return lines;
}

/**
 * What `Buffer.from(bundleLines(...).join('\n') + '\n')` gives, from the changeset lines already
 * made as bytes (changesetLineBytes: on every core, from the stored bodies): the lines are encoded
 * once and hashed as one run of bytes (the digest covers each line and its newline, in order, which
 * is exactly the payload up to the trailer).
 */
export function bundlePayload(manifest: BundleManifest, changesetCount: number, changesetBytes: Buffer, sign: (digest: string) => string, fileLines: readonly string[] = []): Buffer {
  const head = Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8');
  const files = Buffer.from(fileLines.map((line) => `${line}\n`).join(''), 'utf8');
  const digest = createHash('sha256').update(head).update(changesetBytes).update(files).digest('hex');
  const trailer = Buffer.from(`${JSON.stringify({ type: 'trailer', count: changesetCount, digest, signature: sign(digest) } satisfies BundleTrailer)}\n`, 'utf8');
  return Buffer.concat([head, changesetBytes, files, trailer]);
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

// --- Format 2: encrypted to recipients (or one passphrase), the body in authenticated chunks ----

/**
 * Format 2:
 *
 *   "PLANBNDL" | 2 (uint16 BE) | header length (uint32 BE) | header JSON | [header MAC, 32 bytes] | body
 *
 * The header (plaintext, bounded) says which planner version reads it (`requires`) and, when the
 * body is encrypted, the stanzas that wrap a random 32-byte file key: one X25519 stanza per
 * recipient (an ephemeral key, and the file key sealed with a key derived by HKDF from the shared
 * secret and both public keys), or one scrypt stanza when no recipient key is known. The MAC is an
 * HMAC-SHA256 of every byte before it, keyed from the file key: a header byte changed is caught
 * once the file key is unwrapped, before the body is touched. The body is the gzipped line stream,
 * sealed in 64 KiB chunks (AES-256-GCM, STREAM nonces: counter and last-chunk flag) with a key
 * derived from the file key and the header's nonce. Unencrypted: the header says so and the body
 * is the gzip stream. The lines are signed first (the trailer), then encrypted.
 */
export const FORMAT_V1 = 1;
/** The planner version that first reads format 2: what a format-2 file `requires`. */
export const READS_FORMAT_2_SINCE = '0.1.0';
/** This planner's version (package.json's; a test keeps them equal): a future file asking for no later one is damaged, not new. */
export const PLANNER_VERSION = '0.3.0';

/** Compares dotted version numbers ("0.10.2" > "0.9"). */
export function versionAfter(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return false;
}
export const MAX_RECIPIENTS = 32;
export const HEADER_MAC_BYTES = 32;

const base64Of = (bytes: number) => z.base64().length(4 * Math.ceil(bytes / 3));
const x25519StanzaSchema = z.strictObject({ type: z.literal('x25519'), ephemeral: base64Of(32), wrapped: base64Of(48) });
const scryptStanzaSchema = z.strictObject({ type: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: base64Of(16), wrapped: base64Of(48) });
export const headerV2Schema = z.strictObject({
  requires: z.string().max(40),
  encryption: z
    .strictObject({
      cipher: z.literal('aes-256-gcm'),
      chunkBytes: z.literal(CHUNK_BYTES),
      nonce: base64Of(16),
      /** One scrypt stanza alone, or X25519 stanzas: never both (a passphrase would open what was meant for keys). */
      stanzas: z.union([z.tuple([scryptStanzaSchema]), z.array(x25519StanzaSchema).min(1).max(MAX_RECIPIENTS)]),
    })
    .nullable(),
});
export type BundleHeaderV2 = z.infer<typeof headerV2Schema>;

/** How a bundle is written: to recipients' X25519 keys (SPKI DER base64), with a passphrase, or (null) not encrypted. */
export type BundleEncryption = { passphrase: string } | { recipients: readonly string[] };
/** What opens a bundle: this computer's X25519 private key (PKCS#8 DER base64) and/or a passphrase. */
export interface BundleKeys {
  passphrase?: string | null;
  encryptionPrivateKey?: string | null;
}
export type EncryptionKind = 'none' | 'passphrase' | 'recipients';

function prefixed(version: number, headerJson: Buffer): Buffer {
  const prefix = Buffer.alloc(MAGIC.length + 6);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(version, MAGIC.length);
  prefix.writeUInt32BE(headerJson.length, MAGIC.length + 2);
  return Buffer.concat([prefix, headerJson]);
}

/** Writes format 2. A string is a passphrase (as before), null means not encrypted. */
export function encodeBundle(lines: readonly string[] | Buffer, encryption: string | null | BundleEncryption): Buffer {
  const enc: BundleEncryption | null = typeof encryption === 'string' ? { passphrase: encryption } : encryption;
  // The lines, or their bytes already joined (bundlePayload), gzipped on every core: one gzip member per part (parallel-verify.ts), read back as one stream.
  const payload = gzipInParallel(Buffer.isBuffer(lines) ? lines : Buffer.from(lines.join('\n') + '\n', 'utf8'), 6);
  if (enc === null) return Buffer.concat([prefixed(FORMAT_VERSION, Buffer.from(JSON.stringify({ requires: READS_FORMAT_2_SINCE, encryption: null } satisfies BundleHeaderV2))), payload]);
  const fileKey = randomBytes(32);
  const nonce = randomBytes(16);
  let stanzas: NonNullable<BundleHeaderV2['encryption']>['stanzas'];
  if ('passphrase' in enc) {
    const salt = randomBytes(16);
    stanzas = [{ type: 'scrypt', ...DEFAULT_SCRYPT, salt: salt.toString('base64'), wrapped: wrapWithKey(fileKey, deriveKey(enc.passphrase, salt, DEFAULT_SCRYPT)).toString('base64') }];
  } else {
    if (enc.recipients.length === 0 || enc.recipients.length > MAX_RECIPIENTS) throw new Error(`A bundle has 1 to ${MAX_RECIPIENTS} recipients.`);
    stanzas = enc.recipients.map((key) => {
      const raw = rawPublicKey(key);
      if (raw === null) throw new Error('A recipient key is not an X25519 public key.');
      const { ephemeral, wrapped } = wrapForRecipient(fileKey, raw);
      return { type: 'x25519' as const, ephemeral: ephemeral.toString('base64'), wrapped: wrapped.toString('base64') };
    });
  }
  const header: BundleHeaderV2 = { requires: READS_FORMAT_2_SINCE, encryption: { cipher: 'aes-256-gcm', chunkBytes: CHUNK_BYTES, nonce: nonce.toString('base64'), stanzas } };
  const head = prefixed(FORMAT_VERSION, Buffer.from(JSON.stringify(header), 'utf8'));
  return Buffer.concat([head, hmacSha256(headerMacKey(fileKey), head), sealStream(payloadKey(fileKey, nonce), payload)]);
}

/** Format 1 (read only, for bundles written before format 2): scrypt → one AES-256-GCM over the whole gzip stream. */
export function encodeBundleV1(lines: readonly string[], passphrase: string | null): Buffer {
  const payload = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 6 });
  let header: BundleHeader = { encryption: null };
  let salt: Buffer | undefined;
  let iv: Buffer | undefined;
  if (passphrase !== null) {
    salt = randomBytes(16);
    iv = randomBytes(12);
    header = { encryption: { kdf: 'scrypt', ...DEFAULT_SCRYPT, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64') } };
  }
  const head = prefixed(FORMAT_V1, Buffer.from(JSON.stringify(header), 'utf8'));
  if (passphrase === null) return Buffer.concat([head, payload]);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt!, DEFAULT_SCRYPT), iv!);
  cipher.setAAD(head);
  const encrypted = Buffer.concat([cipher.update(payload), cipher.final()]);
  return Buffer.concat([head, encrypted, cipher.getAuthTag()]);
}

/** What the header of any readable format says. */
export interface ReadHeader {
  version: number;
  encryption: EncryptionKind;
  /** The scrypt parameters of a passphrase bundle. */
  scrypt: { N: number; r: number; p: number } | null;
  /** How many recipients a recipient bundle has (who they are is not written). */
  recipients: number;
  /** Format 1's header (its encryption settings), when the file is format 1. */
  header: BundleHeader;
  v2: BundleHeaderV2 | null;
  /** Where the header MAC starts (format 2, encrypted) or the body does. */
  headerEnd: number;
  payloadOffset: number;
}

/** A version a future file asks for, read leniently from its header: null when it cannot say. */
function requiredVersion(file: Buffer, headerLength: number): string | null {
  try {
    const start = MAGIC.length + 6;
    if (headerLength > LIMITS.headerBytes || start + headerLength > file.length) return null;
    const requires = (JSON.parse(file.subarray(start, start + headerLength).toString('utf8')) as { requires?: unknown }).requires;
    return typeof requires === 'string' && /^\d{1,6}(\.\d{1,6}){0,3}$/.test(requires) ? requires : null;
  } catch {
    return null;
  }
}

/** Reads only the header: what `inspect` shows without a key or passphrase. */
export function readBundleHeader(file: Buffer): ReadHeader {
  if (file.length > LIMITS.fileBytes) {
    throw new BundleRefusal('too_large', msg('bundle.tooLarge', { megabytes: LIMITS.fileBytes / 1024 / 1024 }));
  }
  if (file.length < MAGIC.length + 6 || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BundleRefusal('not_a_bundle', msg('bundle.notABundle'));
  }
  const version = file.readUInt16BE(MAGIC.length);
  const headerLength = file.readUInt32BE(MAGIC.length + 2);
  if (version > FORMAT_VERSION) {
    const requires = requiredVersion(file, headerLength);
    throw new BundleRefusal('newer_version', requires !== null && versionAfter(requires, PLANNER_VERSION) ? msg('bundle.needsVersion', { version: requires }) : msg('bundle.newerVersion', { version }));
  }
  if (version !== FORMAT_VERSION && version !== FORMAT_V1) {
    throw new BundleRefusal('unsupported_version', msg('bundle.newerVersion', { version }));
  }
  const headerEnd = MAGIC.length + 6 + headerLength;
  if (headerLength > LIMITS.headerBytes || headerEnd > file.length) throw new BundleRefusal('damaged', msg('bundle.headerDamaged'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.subarray(MAGIC.length + 6, headerEnd).toString('utf8'));
  } catch {
    throw new BundleRefusal('damaged', msg('bundle.headerDamaged'));
  }
  const whitelisted = (params: { N: number; r: number; p: number }) => {
    if (!SCRYPT_WHITELIST.some((w) => w.N === params.N && w.r === params.r && w.p === params.p)) throw new BundleRefusal('damaged', msg('bundle.encryptionSettings'));
    return { N: params.N, r: params.r, p: params.p };
  };
  if (version === FORMAT_V1) {
    const header = headerSchema.safeParse(parsed);
    if (!header.success) throw new BundleRefusal('damaged', msg('bundle.headerDamaged'));
    const enc = header.data.encryption;
    const scrypt = enc ? whitelisted(enc) : null;
    return { version, encryption: enc ? 'passphrase' : 'none', scrypt, recipients: 0, header: header.data, v2: null, headerEnd, payloadOffset: headerEnd };
  }
  const v2 = headerV2Schema.safeParse(parsed);
  if (!v2.success) throw new BundleRefusal('damaged', msg('bundle.headerDamaged'));
  const enc = v2.data.encryption;
  if (enc === null) return { version, encryption: 'none', scrypt: null, recipients: 0, header: { encryption: null }, v2: v2.data, headerEnd, payloadOffset: headerEnd };
  if (headerEnd + HEADER_MAC_BYTES > file.length) throw new BundleRefusal('damaged', msg('bundle.cutShort'));
  const first = enc.stanzas[0];
  const scrypt = first.type === 'scrypt' ? whitelisted(first) : null;
  return {
    version,
    encryption: scrypt ? 'passphrase' : 'recipients',
    scrypt,
    recipients: scrypt ? 0 : enc.stanzas.length,
    header: { encryption: null },
    v2: v2.data,
    headerEnd,
    payloadOffset: headerEnd + HEADER_MAC_BYTES,
  };
}

/** The file key of a format-2 bundle, from this computer's key or the passphrase; refuses otherwise. */
function unwrapFileKey(enc: NonNullable<BundleHeaderV2['encryption']>, keys: BundleKeys): Buffer {
  const first = enc.stanzas[0];
  if (first.type === 'scrypt') {
    const passphrase = keys.passphrase ?? null;
    if (passphrase === null) throw new BundleRefusal('passphrase_required', msg('bundle.passphraseRequired'));
    const fileKey = unwrapWithKey(Buffer.from(first.wrapped, 'base64'), deriveKey(passphrase, Buffer.from(first.salt, 'base64'), first));
    if (fileKey === null) throw new BundleRefusal('wrong_passphrase', msg('bundle.wrongPassphrase'));
    return fileKey;
  }
  const notForMe = () => new BundleRefusal('not_for_this_computer', msg('bundle.notForThisComputer'));
  if (!keys.encryptionPrivateKey) throw notForMe();
  let own: KeyObject;
  try {
    own = privateKeyObject(keys.encryptionPrivateKey);
  } catch {
    throw notForMe();
  }
  const ownRaw = rawPublicOf(own);
  for (const stanza of enc.stanzas as ReadonlyArray<{ ephemeral: string; wrapped: string }>) {
    const fileKey = unwrapStanza(own, ownRaw, { ephemeral: Buffer.from(stanza.ephemeral, 'base64'), wrapped: Buffer.from(stanza.wrapped, 'base64') });
    if (fileKey !== null) return fileKey;
  }
  throw notForMe();
}

/** The gzip stream of a format-1 file, after its tag verifies. */
function openV1(file: Buffer, read: ReadHeader, passphrase: string | null): Buffer {
  let payload = file.subarray(read.payloadOffset);
  const enc = read.header.encryption;
  if (!enc) return payload;
  if (passphrase === null) throw new BundleRefusal('passphrase_required', msg('bundle.passphraseRequired'));
  if (payload.length < 16) throw new BundleRefusal('damaged', msg('bundle.cutShort'));
  const tag = payload.subarray(payload.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(enc.salt, 'base64'), enc), Buffer.from(enc.iv, 'base64'));
  decipher.setAAD(file.subarray(0, read.payloadOffset));
  decipher.setAuthTag(tag);
  try {
    // update() hands back bytes before the tag is checked; they are not looked at until final() passes.
    payload = Buffer.concat([decipher.update(payload.subarray(0, payload.length - 16)), decipher.final()]);
  } catch {
    throw new BundleRefusal('wrong_passphrase', msg('bundle.wrongPassphrase'));
  }
  return payload;
}

/** The gzip stream of a format-2 file: the file key unwrapped, the header's MAC checked, then each chunk opened in turn. */
function openV2(file: Buffer, read: ReadHeader, keys: BundleKeys): Buffer {
  const enc = read.v2!.encryption;
  if (enc === null) return file.subarray(read.payloadOffset);
  const fileKey = unwrapFileKey(enc, keys);
  const mac = file.subarray(read.headerEnd, read.payloadOffset);
  if (!macEqual(hmacSha256(headerMacKey(fileKey), file.subarray(0, read.headerEnd)), mac)) throw new BundleRefusal('damaged', msg('bundle.headerChanged'));
  const chunks: Buffer[] = [];
  const problem = openStream(payloadKey(fileKey, Buffer.from(enc.nonce, 'base64')), file.subarray(read.payloadOffset), (chunk) => chunks.push(chunk));
  if (problem === 'cut_short') throw new BundleRefusal('damaged', msg('bundle.cutShort'));
  if (problem === 'damaged') throw new BundleRefusal('damaged', msg('bundle.chunkDamaged'));
  return Buffer.concat(chunks);
}

/** A bundle file opened: its header, and its line stream decrypted and decompressed (within bounds), not yet split. */
export interface OpenedBundle {
  header: BundleHeader;
  read: ReadHeader;
  encryption: EncryptionKind;
  /** The gzipped stream's bytes: the lines, each followed by a newline. */
  payload: Buffer;
}

/** Decrypts (every authentication checked before a byte is used) and decompresses within bounds. */
export function openBundle(file: Buffer, keys: string | null | BundleKeys): OpenedBundle {
  const given: BundleKeys = typeof keys === 'string' || keys === null ? { passphrase: keys } : keys;
  const read = readBundleHeader(file);
  const payload = read.version === FORMAT_V1 ? openV1(file, read, given.passphrase ?? null) : openV2(file, read, given);
  try {
    return { header: read.header, read, encryption: read.encryption, payload: gunzipSync(payload, { maxOutputLength: LIMITS.decompressedBytes }) };
  } catch (error) {
    const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new BundleRefusal('damaged', msg(tooBig ? 'bundle.unpacksTooBig' : 'bundle.cannotUnpack'));
  }
}

/** An opened bundle's lines, each held to the format's bounds (count, length, nesting). */
export function linesOf(payload: Buffer): string[] {
  const lines = payload.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > LIMITS.changesets + 2 || lines.some((l) => l.length > LIMITS.lineBytes)) {
    throw new BundleRefusal('damaged', msg('bundle.holdsTooMuch'));
  }
  if (!lines.every((l) => jsonDepthWithin(l, LIMITS.jsonDepth))) throw tooDeep();
  return lines;
}

/**
 * Decrypts (every authentication checked before a byte is used), decompresses within bounds and
 * splits into lines. `keys`: a passphrase (string), nothing (null), or this computer's key and/or a passphrase.
 */
export function decodeBundle(file: Buffer, keys: string | null | BundleKeys): BundleContent & { header: BundleHeader; read: ReadHeader; encryption: EncryptionKind } {
  const opened = openBundle(file, keys);
  return { header: opened.header, read: opened.read, encryption: opened.encryption, lines: linesOf(opened.payload) };
}

/**
 * What a line stream says of itself, read straight from its bytes without decoding the rest: the
 * first line (the manifest), the last (the trailer), the number of lines, the lines just before the
 * trailer on demand, and the hash of every byte before the trailer — which is the digest the trailer
 * must hold (hashLines of the lines before it) whenever those bytes are valid UTF-8. Enough to know
 * whether these exact bytes were imported before; null when the stream is not laid out as lines.
 */
export interface StreamOutline {
  first: string;
  last: string;
  lineCount: number;
  digest: string;
  /** The `count` lines just before the trailer, in order. */
  linesBeforeLast(count: number): string[];
}

export function outlineOf(payload: Buffer): StreamOutline | null {
  const NEWLINE = 0x0a;
  const end = payload.length > 0 && payload[payload.length - 1] === NEWLINE ? payload.length - 1 : payload.length;
  const firstEnd = payload.indexOf(NEWLINE);
  if (firstEnd < 0 || firstEnd >= end) return null;
  const lastStart = payload.lastIndexOf(NEWLINE, end - 1) + 1;
  if (end - lastStart > LIMITS.lineBytes || firstEnd > LIMITS.lineBytes) return null;
  let lineCount = 1;
  for (let at = payload.indexOf(NEWLINE); at >= 0 && at < end; at = payload.indexOf(NEWLINE, at + 1)) lineCount++;
  return {
    first: payload.toString('utf8', 0, firstEnd),
    last: payload.toString('utf8', lastStart, end),
    lineCount,
    digest: createHash('sha256').update(payload.subarray(0, lastStart)).digest('hex'),
    linesBeforeLast(count) {
      const lines: string[] = [];
      let lineEnd = lastStart - 1;
      for (let i = 0; i < count && lineEnd > firstEnd; i++) {
        const start = payload.lastIndexOf(NEWLINE, lineEnd - 1) + 1;
        lines.unshift(payload.toString('utf8', start, lineEnd));
        lineEnd = start - 1;
      }
      return lines;
    },
  };
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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: jump to its closing quote (one not escaped by an odd run of backslashes) with the
      // engine's own search, not one JavaScript step per character: a bundle is mostly strings.
      let end = text.indexOf('"', i + 1);
      while (end >= 0) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return true; // an unterminated string: nothing after it nests
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
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
