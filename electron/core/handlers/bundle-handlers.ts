import type { syncMethods } from '../../../shared/contract-sync';
import { msg } from '../../../shared/core-messages';
import type { BundleInspection, Exchange } from '../../../shared/domain';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { DomainError } from '../../../shared/domain-error';
import type { DomainHandlers } from './handlers';
import { exportBundle } from '../bundles/bundle-export';
import { BundleRefusal, decodeBundle, hashLines, readBundleHeader } from '../bundles/bundle-format';
import { readFileCapped } from '../bundles/bundle-file';
import { importBundle, previewImport } from '../bundles/bundle-import';
import { listConflicts, resolveConflict } from '../changelog/conflicts';
import { replicatedDigest } from '../changelog/digest';
import { valueFor } from '../../../shared/id-record';
import { fingerprintOf, verifyText } from '../bundles/identity';
import { listPeers, revokePeer, trustPeer } from '../bundles/peers';
import { versionVector } from '../changelog/version-vector';

function inspectBundle(ctx: CoreContext, file: string, passphrase: string | null): BundleInspection {
  const bytes = readFileCapped(file);
  const asRefusal = (error: unknown): never => {
    if (error instanceof BundleRefusal) throw new DomainError('invalid_input', error.ref, { reason: error.reason });
    throw error;
  };
  let header: ReturnType<typeof readBundleHeader>;
  try {
    header = readBundleHeader(bytes);
  } catch (error) {
    return asRefusal(error);
  }
  const enc = header.header.encryption;
  const result: BundleInspection = {
    formatVersion: header.version,
    encrypted: enc !== null,
    encryption: enc ? { kdf: enc.kdf, N: enc.N, r: enc.r, p: enc.p, cipher: enc.cipher } : null,
    bytes: bytes.length,
    manifest: null,
  };
  if (enc && passphrase === null) return result;
  let lines: string[];
  try {
    lines = decodeBundle(bytes, passphrase).lines;
  } catch (error) {
    return asRefusal(error);
  }
  try {
    const manifest = JSON.parse(lines[0] ?? '') as {
      bundleId: string;
      createdAt: string;
      sender: { installationId: string; name: string; publicKey: string };
      recipient: string | null;
      full: boolean;
      changesetCount: number;
      keys: Record<string, string>;
    };
    const perOrigin = new Map<string, number>();
    for (const line of lines.slice(1, -1)) {
      const origin = (JSON.parse((JSON.parse(line) as { body: string }).body) as { origin: string }).origin;
      perOrigin.set(origin, (perOrigin.get(origin) ?? 0) + 1);
    }
    // Whether the sender's signature over the whole content holds; trust is decided at import.
    let signed = false;
    try {
      const trailer = JSON.parse(lines.at(-1) ?? '') as { digest?: unknown; signature?: unknown };
      signed =
        typeof trailer.digest === 'string' &&
        typeof trailer.signature === 'string' &&
        hashLines(lines.slice(0, -1)) === trailer.digest &&
        verifyText(String(manifest.sender.publicKey), trailer.digest, trailer.signature);
    } catch {
      signed = false;
    }
    result.manifest = {
      signatureValid: signed,
      bundleId: String(manifest.bundleId),
      createdAt: String(manifest.createdAt),
      sender: { installationId: String(manifest.sender.installationId), name: String(manifest.sender.name), fingerprint: fingerprintOf(String(manifest.sender.publicKey)) },
      recipient: manifest.recipient ?? null,
      full: manifest.full === true,
      changesetCount: Number(manifest.changesetCount),
      origins: [...perOrigin.entries()].map(([installationId, changesets]) => ({
        installationId,
        changesets,
        fingerprint: typeof valueFor(manifest.keys, installationId) === 'string' ? fingerprintOf(valueFor(manifest.keys, installationId)!) : '(missing)',
      })),
    };
  } catch {
    throw new DomainError('invalid_input', msg('bundle.contentsUnreadable'), { reason: 'damaged' });
  }
  return result;
}

function exchangeHistory(ctx: CoreContext): Exchange[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, direction, bundle_id AS bundleId, peer_installation_id AS peerInstallationId, peer_name AS peerName, file, at,
              changeset_count AS changesetCount, new_changeset_count AS newChangesetCount, encrypted
         FROM exchanges ORDER BY at DESC, id DESC LIMIT 200`,
    )
    .all()
    .map((row) => ({ ...(row as Exchange), encrypted: Boolean((row as { encrypted: number }).encrypted) }));
}

export const syncHandlers: DomainHandlers<typeof syncMethods> = {
  'sync:whoami': (ctx) => {
    const profile = readProfile(ctx);
    return { installationId: profile.installationId, name: profile.name, publicKey: ctx.keys.publicKey, fingerprint: fingerprintOf(ctx.keys.publicKey) };
  },
  'sync:digest': (ctx) => ({ digest: replicatedDigest(ctx) }),
  'sync:status': (ctx) => ({
    versionVector: versionVector(ctx.sqlite),
    changesetCount: ctx.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number,
    conflictCount: listConflicts(ctx).length,
    waitingRowCount: ctx.sqlite.prepare('SELECT count(*) FROM pending_rows').pluck().get() as number,
  }),
  'bundles:export': (ctx, input) => exportBundle(ctx, input),
  'bundles:inspect': (ctx, input) => inspectBundle(ctx, input.file, input.passphrase ?? null),
  'bundles:preview': (ctx, input) => previewImport(ctx, input),
  'bundles:import': (ctx, input) => importBundle(ctx, input),
  'bundles:history': (ctx) => exchangeHistory(ctx),
  'peers:list': (ctx) => listPeers(ctx),
  'peers:trust': (ctx, input) => trustPeer(ctx, input),
  'peers:revoke': (ctx, input) => revokePeer(ctx, input),
  'conflicts:list': (ctx) => listConflicts(ctx),
  'conflicts:resolve': (ctx, input) => resolveConflict(ctx, input),
};
