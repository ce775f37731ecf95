import { msg } from '../../../shared/core-messages';
import type { Peer, Revocation } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { DomainError } from '../../../shared/domain-error';
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
  const rows = ctx.sqlite.prepare('SELECT * FROM peers ORDER BY name').all() as PeerRow[];
  const byId = new Map(rows.map((r) => [r.installation_id, r]));
  // An installation that continued under a new id after a restore (its new id is introduced by its
  // earlier one, with the same key) is listed once, by its newest id.
  const superseded = new Set(rows.filter((r) => r.introduced_by !== null && r.introduced_by !== r.installation_id && byId.get(r.introduced_by)?.public_key === r.public_key).map((r) => r.introduced_by!));
  return rows
    .filter((row) => !superseded.has(row.installation_id))
    .map((row) => {
      const { publicKey: _key, ...peer } = toPeer(row);
      // Who introduced it is who introduced its first id: its earlier ids (same key) are itself.
      const seen = new Set([row.installation_id]);
      for (let up = byId.get(peer.introducedBy ?? ''); up && up.public_key === row.public_key && !seen.has(up.installation_id); up = byId.get(up.introduced_by ?? '')) {
        seen.add(up.installation_id);
        peer.introducedBy = up.introduced_by;
      }
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
       ON CONFLICT (installation_id) DO UPDATE SET name = excluded.name, scope_community_ids = excluded.scope_community_ids`,
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

/**
 * Narrows or widens what a known peer may change, or re-trusts a revoked one. The person now
 * vouches for the peer directly, so it no longer depends on whoever introduced it.
 */
export function trustPeer(ctx: CoreContext, input: { fingerprint: string; scopeCommunityIds?: string[]; allCommunities?: boolean; name?: string }): Peer {
  const peer = peerByFingerprint(ctx, input.fingerprint);
  if (!peer) {
    throw new DomainError('not_found', msg('peer.notSeen'));
  }
  // The communities are said, never assumed: a rename alone keeps the scope it had.
  let scope: string[] | null;
  if (input.scopeCommunityIds !== undefined && input.scopeCommunityIds.length > 0) scope = input.scopeCommunityIds;
  else if (input.allCommunities === true) scope = null;
  else if (input.name !== undefined && input.scopeCommunityIds === undefined && peer.trustedAt !== null && peer.revokedAt === null) scope = peer.scopeCommunityIds;
  else throw new DomainError('invalid_input', msg('peer.scopeRequired'));
  // Every id that signs with this key is the same installation (it may have continued under a new
  // id after a restore); only a voucher with another key is dropped.
  ctx.sqlite
    .prepare(
      `UPDATE peers SET scope_community_ids = ?, revoked_at = NULL, name = ?,
         introduced_by = CASE WHEN (SELECT i.public_key FROM peers i WHERE i.installation_id = peers.introduced_by) = peers.public_key THEN introduced_by ELSE NULL END
       WHERE fingerprint = ?`,
    )
    .run(scope === null ? null : JSON.stringify(scope), input.name ?? peer.name, input.fingerprint);
  return listPeers(ctx).find((p) => p.fingerprint === input.fingerprint)!;
}

/** Every peer introduced, directly or through others, by the given installation (cycles cut). */
function introducedBy(ctx: CoreContext, installationId: string): PeerRow[] {
  const children = ctx.sqlite.prepare('SELECT * FROM peers WHERE introduced_by = ?');
  const found = new Map<string, PeerRow>();
  const queue = [installationId];
  while (queue.length > 0) {
    for (const row of children.all(queue.shift()!) as PeerRow[]) {
      if (row.installation_id === installationId || found.has(row.installation_id)) continue;
      found.set(row.installation_id, row);
      queue.push(row.installation_id);
    }
  }
  return [...found.values()];
}

/**
 * Stops accepting a peer's new changes, and those of every installation it introduced (they were
 * trusted only on its word): the result names them.
 */
export function revokePeer(ctx: CoreContext, input: { fingerprint: string }): Revocation {
  const peer = peerByFingerprint(ctx, input.fingerprint);
  if (!peer) throw new DomainError('not_found', msg('peer.unknown'));
  const now = ctx.clock.now();
  const revoke = ctx.sqlite.prepare('UPDATE peers SET revoked_at = ? WHERE installation_id = ? AND revoked_at IS NULL');
  const alsoRevoked: Revocation['alsoRevoked'] = [];
  ctx.sqlite.transaction(() => {
    const sameKey = ctx.sqlite.prepare('SELECT installation_id FROM peers WHERE fingerprint = ?').pluck().all(input.fingerprint) as string[];
    for (const id of sameKey) revoke.run(now, id);
    for (const id of sameKey) {
      for (const row of introducedBy(ctx, id)) {
        if (row.fingerprint !== input.fingerprint && revoke.run(now, row.installation_id).changes > 0) {
          alsoRevoked.push({ installationId: row.installation_id, name: row.name, fingerprint: row.fingerprint });
        }
      }
    }
  })();
  return { ...listPeers(ctx).find((p) => p.fingerprint === input.fingerprint)!, alsoRevoked };
}

/**
 * What a trusted peer may change today: its own scope narrowed by the scope of every installation
 * that vouched for it, up the chain; revoked when any of them is revoked.
 */
export function effectiveTrust(ctx: CoreContext, peer: Peer): { scope: string[] | null; revokedName: string | null } {
  let scope = peer.scopeCommunityIds;
  if (peer.revokedAt) return { scope, revokedName: peer.name };
  const seen = new Set([peer.installationId]);
  for (let voucher = peer.introducedBy; voucher !== null && !seen.has(voucher); ) {
    seen.add(voucher);
    const up = findPeer(ctx, voucher);
    if (!up) break;
    if (up.revokedAt) return { scope, revokedName: up.name };
    if (up.scopeCommunityIds !== null) scope = scope === null ? up.scopeCommunityIds : scope.filter((c) => up.scopeCommunityIds!.includes(c));
    voucher = up.introducedBy;
  }
  return { scope, revokedName: null };
}

/**
 * The key is the computer: an installation id never seen here but signing with the key of a
 * trusted peer is that same computer (restored from a backup, or posing as someone new). It gets
 * no more than every id pinned with that key may do: revoked if any is, scopes intersected.
 */
export function trustOfKey(ctx: CoreContext, publicKey: string): { peer: Peer; scope: string[] | null; revokedName: string | null } | null {
  const rows = ctx.sqlite.prepare('SELECT * FROM peers WHERE public_key = ? AND trusted_at IS NOT NULL ORDER BY trusted_at, installation_id').all(publicKey) as PeerRow[];
  if (rows.length === 0) return null;
  let scope: string[] | null = null;
  let revokedName: string | null = null;
  for (const peer of rows.map(toPeer)) {
    const trust = effectiveTrust(ctx, peer);
    revokedName ??= trust.revokedName;
    if (trust.scope !== null) scope = scope === null ? trust.scope : scope.filter((c) => trust.scope!.includes(c));
  }
  return { peer: toPeer(rows[0]!), scope, revokedName };
}
