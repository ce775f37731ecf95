import { msg } from '../../../shared/core-messages';
import type { Peer } from '../../../shared/domain';
import type { CoreContext } from '../core-context';
import { DomainError } from '../domain-error';
import { idRecord, valueFor } from '../../../shared/id-record';
import { fingerprintOf } from './identity';

interface PeerRow {
  installation_id: string;
  name: string;
  public_key: string;
  fingerprint: string;
  scope_community_ids: string | null;
  trusted_at: string | null;
  revoked_at: string | null;
  introduced_by: string | null;
  acknowledged: string;
}

function toPeer(row: PeerRow): Peer & { publicKey: string } {
  return {
    installationId: row.installation_id,
    name: row.name,
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    scopeCommunityIds: row.scope_community_ids === null ? null : (JSON.parse(row.scope_community_ids) as string[] | null),
    trustedAt: row.trusted_at,
    revokedAt: row.revoked_at,
    introducedBy: row.introduced_by,
    acknowledged: idRecord(Object.entries(JSON.parse(row.acknowledged) as Record<string, number>)),
  };
}

export function findPeer(ctx: CoreContext, installationId: string): (Peer & { publicKey: string }) | null {
  const row = ctx.sqlite.prepare('SELECT * FROM peers WHERE installation_id = ?').get(installationId) as PeerRow | undefined;
  return row ? toPeer(row) : null;
}

export function listPeers(ctx: CoreContext): Peer[] {
  return (ctx.sqlite.prepare('SELECT * FROM peers ORDER BY name').all() as PeerRow[]).map((row) => {
    const { publicKey: _key, ...peer } = toPeer(row);
    return peer;
  });
}

export function pinPeer(
  ctx: CoreContext,
  peer: { installationId: string; name: string; publicKey: string; scopeCommunityIds: string[] | null; introducedBy: string | null },
): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO peers (installation_id, name, public_key, fingerprint, scope_community_ids, trusted_at, introduced_by, acknowledged)
       VALUES (?, ?, ?, ?, ?, ?, ?, '{}')
       ON CONFLICT (installation_id) DO UPDATE SET name = excluded.name, scope_community_ids = excluded.scope_community_ids, revoked_at = NULL`,
    )
    .run(
      peer.installationId,
      peer.name,
      peer.publicKey,
      fingerprintOf(peer.publicKey),
      peer.scopeCommunityIds === null ? null : JSON.stringify(peer.scopeCommunityIds),
      ctx.clock.now(),
      peer.introducedBy,
    );
}

export function recordAcknowledgement(ctx: CoreContext, installationId: string, vector: Record<string, number>): void {
  const peer = findPeer(ctx, installationId);
  if (!peer) return;
  // Acknowledgements only grow: an old bundle arriving late must not make us resend everything.
  const merged = idRecord(Object.entries(peer.acknowledged));
  for (const [origin, seq] of Object.entries(vector)) merged[origin] = Math.max(valueFor(merged, origin) ?? 0, seq);
  ctx.sqlite.prepare('UPDATE peers SET acknowledged = ? WHERE installation_id = ?').run(JSON.stringify(merged), installationId);
}

function peerByFingerprint(ctx: CoreContext, fingerprint: string): (Peer & { publicKey: string }) | null {
  const row = ctx.sqlite.prepare('SELECT * FROM peers WHERE fingerprint = ?').get(fingerprint) as PeerRow | undefined;
  return row ? toPeer(row) : null;
}

/** Narrows or widens what a known peer may change, or re-trusts a revoked one. */
export function trustPeer(ctx: CoreContext, input: { fingerprint: string; scopeCommunityIds?: string[]; name?: string }): Peer {
  const peer = peerByFingerprint(ctx, input.fingerprint);
  if (!peer) {
    throw new DomainError('not_found', msg('peer.notSeen'));
  }
  ctx.sqlite
    .prepare('UPDATE peers SET scope_community_ids = ?, revoked_at = NULL, name = ? WHERE installation_id = ?')
    .run(input.scopeCommunityIds ? JSON.stringify(input.scopeCommunityIds) : null, input.name ?? peer.name, peer.installationId);
  return listPeers(ctx).find((p) => p.installationId === peer.installationId)!;
}

export function revokePeer(ctx: CoreContext, input: { fingerprint: string }): Peer {
  const peer = peerByFingerprint(ctx, input.fingerprint);
  if (!peer) throw new DomainError('not_found', msg('peer.unknown'));
  ctx.sqlite.prepare('UPDATE peers SET revoked_at = ? WHERE installation_id = ?').run(ctx.clock.now(), peer.installationId);
  return listPeers(ctx).find((p) => p.installationId === peer.installationId)!;
}
