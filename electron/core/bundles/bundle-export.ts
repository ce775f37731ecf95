import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { replaceWithPrivateFile } from '../../../db/private-files';
import { msg } from '../../../shared/core-messages';
import type { ExportResult } from '../../../shared/domain';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { DomainError } from '../../../shared/domain-error';
import { BUNDLE_EXTENSION, type BundleManifest, bundlePayload, encodeBundle, READS_SIGNED_HEADS_SINCE, SIGNED_HEADS_FORMAT } from './bundle-format';
import { filesForBundle, recordDeliveries, withFiles } from './bundle-files';
import { headsForExport } from './signed-heads';
import { changesetLineBytes } from './parallel-verify';
import { planEncryption } from './recipients';
import { recordExchange } from './exchanges';
import { signText, SIGNING_KEY_UNAVAILABLE } from './identity';
import { idRecord, valueFor } from '../../../shared/id-record';
import { findPeer } from './peers';
import { type BundleAudience, chooseChangesets, vectorForAudience } from './bundle-selection';
import type { ReadScope } from '../changelog/partitions';
import { ownOrigins } from '../changelog/restored-copy';
import { isDemoDatabase, territorySectionForExport } from './territory-section';

/** The territory, its certificates and revocations, and the demo mark, for the signed manifest. */
export function territoryParts(ctx: CoreContext): Pick<BundleManifest, 'territory' | 'demo'> {
  const territory = territorySectionForExport(ctx);
  return { ...(territory ? { territory } : {}), ...(isDemoDatabase(ctx) ? { demo: true } : {}) };
}

export interface ExportRequest {
  to?: string;
  full?: boolean;
  file: string;
  passphrase?: string | null;
  encrypt?: boolean;
  /** A full bundle limited to one read scope: the enrolment bundle of a computer that reads only its communities. */
  scope?: ReadScope;
  /** More recipients beside `to` (a detachment and its community office): the bundle is encrypted to each. */
  alsoTo?: string[];
  /** Recipient keys known otherwise (the enrolment bundle: the key of the request). */
  recipientKeys?: Array<{ name: string; key: string }>;
  /**
   * Whether to carry signed heads (manifest format 2, which planners from before issue 13 refuse
   * with "needs version"). Default: for a full bundle (a first contact, an enrolment: a new
   * installation, the big imports they speed up), and to peers that have sent a head of their own
   * (they run a planner that reads them); otherwise not, so older planners keep reading our bundles.
   */
  signedHeads?: boolean;
  /** Leave the files out (a small USB stick, an email limit): their records travel, the files come later. */
  withoutFiles?: boolean;
}

/** Whether every recipient has shown, by a head of its own it sent here, that it reads heads. */
function recipientsReadHeads(ctx: CoreContext, recipientIds: readonly string[]): boolean {
  const signed = ctx.sqlite.prepare('SELECT 1 FROM chain_heads WHERE origin = ? AND head_signature IS NOT NULL LIMIT 1').pluck();
  return recipientIds.length > 0 && recipientIds.every((id) => signed.get(id) !== undefined);
}

/**
 * Writes a bundle: to a peer, every changeset (own and relayed) of its read scope above what it
 * acknowledged; a full bundle, everything (or everything in `scope`). Changesets go out as their origin signed them. The file is written
 * beside its destination and renamed into place, so a pulled USB stick never leaves half a file
 * under the real name; only its owner can read it.
 */
export function exportBundle(ctx: CoreContext, request: ExportRequest): ExportResult {
  const profile = readProfile(ctx);
  const privateKey = ctx.keys.privateKey;
  if (privateKey === null) throw new DomainError('forbidden', SIGNING_KEY_UNAVAILABLE);
  if ((request.to === undefined) === (request.full !== true)) {
    throw new DomainError('invalid_input', msg('export.recipient'));
  }
  if (!request.file.toLowerCase().endsWith(BUNDLE_EXTENSION)) {
    throw new DomainError('invalid_input', msg('export.extension', { extension: BUNDLE_EXTENSION }));
  }
  let recipientName: string | null = null;
  if (request.to !== undefined) {
    const peer = findPeer(ctx, request.to);
    if (!peer || peer.trustedAt === null) throw new DomainError('not_found', msg('export.unknownPeer'));
    recipientName = peer.name;
  }
  // Need to know (bundle-selection.ts): only partitions in every recipient's read scope.
  const recipientIds = [...(request.to !== undefined ? [request.to] : []), ...(request.alsoTo ?? [])];
  const audience: BundleAudience = request.to !== undefined ? { to: recipientIds } : { full: true, ...(request.scope ? { scope: request.scope } : {}) };
  ctx.progress?.('select', 0, 1);
  // Chosen as stored; their lines are made on every core below, from the stored bodies (parallel-verify.ts).
  const selected = chooseChangesets(ctx, audience);
  ctx.progress?.('select', 1, 1);
  // Who can open it (recipients.ts): the recipients' keys, else a passphrase; a revoked computer never.
  const plan = planEncryption(ctx, {
    recipientIds,
    ...(request.recipientKeys ? { extraKeys: request.recipientKeys } : {}),
    passphrase: request.passphrase ?? null,
    encrypt: request.encrypt ?? true,
  });
  const own = ownOrigins(ctx);
  const keys = idRecord(own.map((origin) => [origin, ctx.keys.publicKey] as [string, string]));
  for (const origin of new Set(selected.map((r) => r.origin))) {
    if (valueFor(keys, origin) !== undefined) continue;
    const peer = findPeer(ctx, origin);
    if (!peer) throw new Error(`No key is known for origin ${origin}, whose changesets are stored here.`);
    keys[origin] = peer.publicKey;
  }
  const withHeads = selected.length > 0 && (request.signedHeads ?? (request.full === true || recipientsReadHeads(ctx, recipientIds)));
  const heads = withHeads ? headsForExport(ctx, selected, own, privateKey) : [];
  const manifest: BundleManifest = {
    type: 'manifest',
    ...(withHeads ? { format: SIGNED_HEADS_FORMAT, requires: READS_SIGNED_HEADS_SINCE } : { format: 1 }),
    bundleId: randomUUID(),
    createdAt: ctx.clock.now(),
    sender: { installationId: profile.installationId, name: profile.name, publicKey: ctx.keys.publicKey },
    recipient: request.to ?? null,
    full: request.full === true,
    versionVector: vectorForAudience(ctx, audience),
    keys,
    changesetCount: selected.length,
    ...(own.length > 1 ? { formerIds: own.slice(1) } : {}),
    ...territoryParts(ctx),
    ...(withHeads ? { heads } : {}),
  };
  // Evidence files (bundle-files.ts): those of the records it may read, unless written "without files".
  const files = request.withoutFiles === true ? null : filesForBundle(ctx, audience);
  const bytes = encodeBundle(
    bundlePayload(files ? withFiles(manifest, files) : manifest, selected.length, changesetLineBytes(selected), (digest) => signText(privateKey, digest), files?.lines ?? []),
    plan.encryption,
  );

  // The last moment a cancel can stop the export: nothing is written yet.
  ctx.progress?.('write', 0, 1);
  const target = path.resolve(request.file);
  try {
    replaceWithPrivateFile(target, bytes);
  } catch (error) {
    const full = ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');
    throw full ? new DomainError('disk_full', msg('export.diskFull', { target })) : new DomainError('forbidden', msg('export.notWritable', { target }));
  }
  if (files && request.to !== undefined) recordDeliveries(ctx, recipientIds, files.hashes);
  recordExchange(ctx, {
    direction: 'export',
    bundleId: manifest.bundleId,
    peerInstallationId: request.to ?? null,
    peerName: recipientName,
    file: target,
    at: manifest.createdAt,
    changesetCount: selected.length,
    newChangesetCount: selected.length,
    encrypted: plan.kind !== 'none',
  });
  ctx.progress?.('write', 1, 1);
  return { file: target, bytes: bytes.length, changesetCount: selected.length, encrypted: plan.kind !== 'none', recipient: recipientName, encryption: plan.kind, recipients: plan.recipients };
}

