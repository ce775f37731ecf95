/**
 * Reading a bundle in: the dry run (preview) and the import, each checking it first
 * (bundle-check.ts) and applying it (bundle-apply.ts) inside one transaction.
 */
import path from 'node:path';
import { backupDatabase, pruneBackups } from '../../../db/backups';
import { DEFAULT_KEEP_BACKUPS } from '../../../db/open-database';
import type { ImportPreview, ImportResult } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { adoptOwnOrigin } from '../changelog/restored-copy';
import { type AppliedBundle, applyChecked } from './bundle-apply';
import { type CheckedBundle, checkBundle, type ImportRequest } from './bundle-check';
import { recordExchange } from './exchanges';
import { fingerprintOf } from './identity';
import { RollBack } from './import-scope';
import { pinPeer, recordAcknowledgement } from './peers';
import { storeSection } from './territory-section';
import { advanceChain, keepHead } from './signed-heads';
import { storeBundleFiles } from './bundle-files';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';

export type { ImportRequest } from './bundle-check';

function senderOf(checked: CheckedBundle): ImportPreview['sender'] {
  const s = checked.manifest.sender;
  return { installationId: s.installationId, name: s.name, fingerprint: fingerprintOf(s.publicKey), trust: checked.senderTrust };
}

/** What a bundle imported here before does again: nothing (its exact bytes were applied then). */
function alreadyAppliedOutcome(checked: CheckedBundle): AppliedBundle {
  return { changesetCount: checked.total, newChangesetCount: 0, alreadyImported: true, gaps: [], changesPerPlan: [], otherChanges: 0, newConflicts: [], newOrigins: [], setAside: [] };
}

/**
 * After applying, inside the import's transaction: the chain values the heads' proofs reached
 * stored (nothing is hashed twice, and nothing no head asked for is hashed at all), the verified
 * heads kept to be relayed, and the bundle's digest recorded when it was applied whole.
 */
function recordChains(ctx: CoreContext, checked: CheckedBundle): void {
  const reached = new Map(checked.headProof.reached.map((r) => [`${r.origin}\u0000${r.partition}`, r]));
  // A reached value is taken only when every seq up to it is now held (none set aside).
  const held = ctx.sqlite.prepare('SELECT count(*) FROM changesets WHERE origin = ? AND partition = ? AND seq <= ?').pluck();
  for (const from of reached.values()) {
    if (held.get(from.origin, from.partition, from.seq) === from.seq) advanceChain(ctx, from.origin, from.partition, { seq: from.seq, chain: from.chain }, { walk: false });
  }
  for (const head of checked.headProof.verifiedHeads) keepHead(ctx, head);
  if (checked.setAside.length === 0) {
    ctx.sqlite.prepare('INSERT OR IGNORE INTO imported_bundles (digest, bundle_id, imported_at) VALUES (?, ?, ?)').run(checked.digest, checked.manifest.bundleId, ctx.clock.now());
  }
}

/** The dry run: applies everything inside a transaction that is always rolled back. */
export function previewImport(ctx: CoreContext, request: ImportRequest): ImportPreview {
  const checked = checkBundle(ctx, request, { forImport: false });
  if (checked.alreadyApplied) return { bundleId: checked.manifest.bundleId, sender: senderOf(checked), createdAt: checked.manifest.createdAt, ...alreadyAppliedOutcome(checked) };
  let outcome: AppliedBundle | undefined;
  try {
    ctx.sqlite.transaction(() => {
      outcome = applyChecked(ctx, checked);
      throw new RollBack();
    })();
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { bundleId: checked.manifest.bundleId, sender: senderOf(checked), createdAt: checked.manifest.createdAt, ...outcome! };
}

/** Test hook: lets a test kill the process while the import transaction is open. */
export const importHooks: { insideTransaction?: () => void } = {};

/**
 * Imports in one all-or-nothing transaction after an automatic backup. Re-importing changes
 * nothing and says so.
 */
export function importBundle(ctx: CoreContext, request: ImportRequest, beforeApply?: (checked: CheckedBundle) => void): ImportResult {
  const checked = checkBundle(ctx, request, { forImport: true });
  // A new sender is trusted for the communities the person names, never for all by default.
  const newSenderScope = request.scopeCommunityIds !== undefined && request.scopeCommunityIds.length > 0 ? request.scopeCommunityIds : request.allCommunities === true ? null : undefined;
  if (checked.senderTrust === 'unknown' && !checked.continues && newSenderScope === undefined) throw new DomainError('invalid_input', msg('peer.scopeRequired'));
  const head = { bundleId: checked.manifest.bundleId, sender: senderOf(checked), createdAt: checked.manifest.createdAt };
  const exchange = () =>
    recordExchange(ctx, {
      direction: 'import',
      bundleId: checked.manifest.bundleId,
      peerInstallationId: checked.manifest.sender.installationId,
      peerName: checked.manifest.sender.name,
      file: path.resolve(request.file),
      at: ctx.clock.now(),
      changesetCount: checked.total,
      newChangesetCount: checked.fresh.length,
      encrypted: checked.encrypted,
    });
  if (checked.alreadyApplied) {
    // These exact bytes were applied here before: only the exchange is written (no backup, no apply).
    ctx.sqlite.transaction(() => {
      exchange();
      storeBundleFiles(ctx, checked.files);
    }).immediate();
    return { ...head, ...alreadyAppliedOutcome(checked), imported: false, backupFile: null };
  }
  let backupFile: string | null = null;
  if (checked.fresh.length > 0) {
    ctx.progress?.('backup', 0, 1);
    backupFile = backupDatabase(ctx.sqlite, ctx.backupDir, 'before-import', new Date(ctx.clock.now())).file;
    pruneBackups(ctx.backupDir, ctx.dbFile, DEFAULT_KEEP_BACKUPS * 2);
    ctx.progress?.('backup', 1, 1);
  }
  const outcome = ctx.sqlite.transaction(() => {
    const sender = checked.manifest.sender;
    beforeApply?.(checked);
    if (checked.territory) storeSection(ctx, checked.territory);
    if (checked.continues) {
      // Vouched for by its own earlier id (same key): same scope, and revoking either revokes both.
      pinPeer(ctx, { installationId: sender.installationId, name: sender.name || checked.continues.name, publicKey: sender.publicKey, scopeCommunityIds: checked.continues.scopeCommunityIds, introducedBy: checked.continues.installationId });
    } else if (checked.senderTrust === 'unknown') {
      pinPeer(ctx, { installationId: sender.installationId, name: sender.name || 'Unnamed computer', publicKey: sender.publicKey, scopeCommunityIds: newSenderScope === undefined ? [] : newSenderScope, introducedBy: null });
    }
    for (const origin of checked.newOrigins) {
      if (origin.installationId === sender.installationId) continue;
      if (origin.sameKeyAs) {
        // Another id of a computer already pinned here (same key): vouched for by that computer itself.
        const same = origin.sameKeyAs;
        pinPeer(ctx, { installationId: origin.installationId, name: same.name, publicKey: origin.publicKey, scopeCommunityIds: same.scopeCommunityIds, introducedBy: same.installationId });
        continue;
      }
      pinPeer(ctx, { installationId: origin.installationId, name: `Computer introduced by ${sender.name}`, publicKey: origin.publicKey, scopeCommunityIds: checked.senderTrust === 'unknown' ? (newSenderScope === undefined ? [] : newSenderScope) : checked.senderScope, introducedBy: sender.installationId });
    }
    const result = applyChecked(ctx, checked);
    storeBundleFiles(ctx, checked.files);
    recordChains(ctx, checked);
    importHooks.insideTransaction?.();
    recordAcknowledgement(ctx, sender.installationId, checked.manifest.versionVector);
    for (const origin of checked.forgottenOwn) adoptOwnOrigin(ctx, origin);
    // Own changes this database had lost (it is an older copy) came back: never number new ones over them.
    ctx.sqlite.prepare('UPDATE installation SET last_seq = max(last_seq, (SELECT coalesce(max(seq), 0) FROM changesets WHERE origin = installation.installation_id)) WHERE key = 1').run();
    exchange();
    return result;
  }).immediate();
  return { ...head, ...outcome, imported: checked.fresh.length > 0, backupFile };
}
