/**
 * Evidence files in bundles (issue 14 §3). A bundle carries the bytes of the files attached to
 * records its recipients may read (each attachment belongs to its record's community: its
 * partition), as lines after the changesets and before the trailer, so the sender's signature and
 * the bundle's encryption cover them (manifest format 3, bundle-format.ts). A file is cut into
 * parts of FILE_PART_BYTES so no line exceeds the format's line limit.
 *
 * - To a peer: every held file of a live attachment in the partitions every recipient reads that
 *   this computer has not yet sent it (file_deliveries), oldest first, up to MAX_BUNDLE_FILE_BYTES
 *   (the rest go with the next bundle). A full bundle: every such file, up to the cap.
 * - "Without files": no file lines and nothing recorded as sent, so the next bundle with files
 *   carries them; the receiver shows those attachments as "not received yet".
 * - On import, files are hostile input: each file's parts must be whole and in order, its bytes
 *   must hash to the name its line gives, and pass the same checks as a file attached here
 *   (queries/file-checks.ts) — otherwise the whole bundle is refused, nothing imported. A file is
 *   stored only when a live attachment here names it, after the changesets are applied.
 */
import { z } from 'zod';
import { MAX_BUNDLE_FILE_BYTES, MAX_FILE_BYTES } from '../../../shared/attachments';
import { msg } from '../../../shared/core-messages';
import type { ChangesetBody } from '../changelog/changeset-body';
import type { CoreContext } from '../changelog/core-context';
import { communityOfRecord, tableOfKind } from '../changelog/attachable-records';
import { inReadScope, READ_ALL, type ReadScope } from '../changelog/partitions';
import { storedFieldLookup } from '../changelog/row-community';
import { blobBytes, hasBlob, storeBlob } from '../queries/attachments';
import { checkFile, sha256Hex } from '../queries/file-checks';
import { type BundleManifest, FILES_FORMAT, parseLine, READS_FILES_SINCE } from './bundle-format';
import { refuse } from './bundle-refusal';
import { type BundleAudience, peerReadScope } from './bundle-selection';

/** The bytes of one file line at most (base64 makes them 4/3 larger, well under the format's 4 MiB line). */
export const FILE_PART_BYTES = 2 * 1024 * 1024;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const fileLineSchema = z.strictObject({
  type: z.literal('file'),
  hash: hashSchema,
  part: z.number().int().min(0).max(1000),
  // One part more than a file at the cap needs: a file a little over it is refused with its size, in words.
  parts: z.number().int().min(1).max(Math.ceil(MAX_FILE_BYTES / FILE_PART_BYTES) + 1),
  data: z.string().max(Math.ceil(FILE_PART_BYTES / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type FileLine = z.infer<typeof fileLineSchema>;

export interface BundleFiles {
  lines: string[];
  hashes: string[];
}

/** The scopes every recipient reads (a file goes only where all of them may read its record). */
function scopesOf(ctx: CoreContext, audience: BundleAudience): ReadScope[] {
  return 'full' in audience ? [audience.scope ?? READ_ALL] : audience.to.map((id) => peerReadScope(ctx, id));
}

/** The files a bundle to this audience carries, as lines; null when there are none. */
export function filesForBundle(ctx: CoreContext, audience: BundleAudience): BundleFiles | null {
  const scopes = scopesOf(ctx, audience);
  const recipients = 'full' in audience ? [] : [...audience.to];
  const candidates = ctx.sqlite
    .prepare(
      `SELECT a.hash AS hash, a.community_id AS communityId, b.size AS size FROM attachments a JOIN file_blobs b ON b.hash = a.hash
       WHERE a.deleted_at IS NULL GROUP BY a.hash, a.community_id ORDER BY min(a.added_at), a.hash`,
    )
    .all() as Array<{ hash: string; communityId: string; size: number }>;
  const sent = ctx.sqlite.prepare('SELECT 1 FROM file_deliveries WHERE peer_id = ? AND hash = ?').pluck();
  const chosen = new Set<string>();
  let total = 0;
  for (const c of candidates) {
    if (chosen.has(c.hash) || !scopes.every((scope) => inReadScope(scope, c.communityId))) continue;
    if (recipients.length > 0 && recipients.every((peer) => sent.get(peer, c.hash) !== undefined)) continue;
    if (total + c.size > MAX_BUNDLE_FILE_BYTES) continue;
    chosen.add(c.hash);
    total += c.size;
  }
  if (chosen.size === 0) return null;
  const lines: string[] = [];
  for (const hash of chosen) {
    const bytes = blobBytes(ctx.sqlite, hash)!;
    const parts = Math.max(1, Math.ceil(bytes.length / FILE_PART_BYTES));
    for (let part = 0; part < parts; part++) {
      const data = bytes.subarray(part * FILE_PART_BYTES, (part + 1) * FILE_PART_BYTES).toString('base64');
      lines.push(JSON.stringify({ type: 'file', hash, part, parts, data } satisfies FileLine));
    }
  }
  return { lines, hashes: [...chosen] };
}

/** The manifest of a bundle carrying files: format 3, read from planner READS_FILES_SINCE on. */
export function withFiles(manifest: BundleManifest, files: BundleFiles): BundleManifest {
  return { ...manifest, format: FILES_FORMAT, requires: READS_FILES_SINCE, files: files.lines.length };
}

/** Remembers which files went to which peers, so the next bundle does not carry them again. */
export function recordDeliveries(ctx: CoreContext, peers: readonly string[], hashes: readonly string[]): void {
  const put = ctx.sqlite.prepare('INSERT OR IGNORE INTO file_deliveries (peer_id, hash, sent_at) VALUES (?, ?, ?)');
  const now = ctx.clock.now();
  ctx.sqlite.transaction(() => {
    for (const peer of peers) for (const hash of hashes) put.run(peer, hash, now);
  })();
}

export interface IncomingFile {
  hash: string;
  bytes: Buffer;
  type: string;
}

/**
 * The files of a bundle, read from its file lines (those after the changesets) and checked: whole,
 * named by their content's hash, and files this planner accepts. Refuses the bundle otherwise.
 */
export function readBundleFiles(fileLines: readonly string[]): IncomingFile[] {
  const damaged = () => refuse('damaged', msg('import.fileDamaged'));
  const files: IncomingFile[] = [];
  let current: { hash: string; parts: number; chunks: Buffer[]; size: number } | null = null;
  const finish = () => {
    if (!current) return;
    if (current.chunks.length !== current.parts) damaged();
    const bytes = Buffer.concat(current.chunks);
    if (sha256Hex(bytes) !== current.hash) refuse('damaged', msg('import.fileHashMismatch'));
    const verdict = checkFile(bytes);
    if (!verdict.ok) refuse('damaged', msg('import.fileRefused', { reason: verdict.reason }));
    files.push({ hash: current.hash, bytes, type: verdict.type });
    current = null;
  };
  for (const text of fileLines) {
    const line = parseLine(fileLineSchema, text) ?? damaged();
    if (line.part === 0) {
      finish();
      if (files.some((f) => f.hash === line.hash)) damaged();
      current = { hash: line.hash, parts: line.parts, chunks: [], size: 0 };
    }
    if (!current || current.hash !== line.hash || current.parts !== line.parts || current.chunks.length !== line.part) return damaged();
    const chunk = Buffer.from(line.data, 'base64');
    current.size += chunk.length;
    // Far over the cap by its parts already: refused before anything joins them.
    if (current.size > MAX_FILE_BYTES + FILE_PART_BYTES) refuse('damaged', msg('import.fileRefused', { reason: msg('file.muchTooLarge', { max: String(MAX_FILE_BYTES / 1024 / 1024) }) }));
    current.chunks.push(chunk);
  }
  finish();
  return files;
}

/** Inside the import's transaction, after the changesets are applied: the files some live attachment here names. */
export function storeBundleFiles(ctx: CoreContext, files: readonly IncomingFile[]): number {
  const named = ctx.sqlite.prepare('SELECT 1 FROM attachments WHERE hash = ? AND deleted_at IS NULL LIMIT 1').pluck();
  let stored = 0;
  const now = ctx.clock.now();
  for (const file of files) {
    if (named.get(file.hash) === undefined || hasBlob(ctx.sqlite, file.hash)) continue;
    storeBlob(ctx.sqlite, file.hash, file.bytes, file.type, now);
    stored++;
  }
  return stored;
}

/**
 * On the result of applying a bundle: each attachment it touched names a kind of record this
 * planner knows, and a record here belongs to the attachment's own community (a community's
 * computer cannot hang a file on another community's plan, which a coordinator would then show).
 */
export function checkAttachedRecords(ctx: CoreContext, fresh: ReadonlyArray<{ body: ChangesetBody }>): void {
  const touched = new Set<string>();
  for (const { body } of fresh) for (const op of body.ops) if (op.table === 'attachments') touched.add(op.rowId);
  if (touched.size === 0) return;
  const lookup = storedFieldLookup(ctx);
  for (const id of touched) {
    const kind = lookup('attachments', id, 'recordKind');
    const recordId = lookup('attachments', id, 'recordId');
    const community = lookup('attachments', id, 'communityId');
    if (typeof kind !== 'string' || typeof recordId !== 'string') continue;
    // A kind a newer planner holds (the engagement log, before this one has it): placed by its community alone.
    if (tableOfKind(kind) === undefined) continue;
    const recordCommunity = communityOfRecord(lookup, kind, recordId);
    if (recordCommunity !== undefined && recordCommunity !== community) refuse('out_of_scope', msg('import.attachmentElsewhere'));
  }
}
