/**
 * Which changesets a bundle carries (issue 11 §1): to peers, only changesets of partitions in
 * EVERY recipient's read scope, above what one of them has not acknowledged; a full bundle,
 * everything — or, for an enrolment bundle, everything in the new computer's read scope. The
 * legacy partition '*' (changesets written before partitions) goes only to computers that read
 * everything. The coordinator relays within each recipient's scope only.
 */
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import { type IdRecord, idRecord, valueFor } from '../../../shared/id-record';
import { versionVector } from '../changelog/version-vector';
import type { CoreContext } from '../changelog/core-context';
import { communityOfPartition, inReadScope, READ_ALL, type ReadScope, splitVectorKey, TERRITORY_PARTITION, vectorKey } from '../changelog/partitions';
import { certifiedOrigins, storedCertificates, storedRevocations } from '../queries/territory';
import { findPeer } from './peers';

/**
 * A peer's read scope: its newest certificate stored here (coordinator: everything; revoked:
 * nothing); a computer known only by its fingerprint (trust on first use): the communities it is
 * trusted for here (null: everything), nothing once revoked.
 */
export function peerReadScope(ctx: Pick<CoreContext, 'sqlite'>, installationId: string): ReadScope {
  const certified = certifiedOrigins(storedCertificates(ctx), storedRevocations(ctx)).get(installationId);
  if (certified) {
    if (certified.revoked) return { all: false, communities: [], revoked: true };
    return certified.role === 'coordinator' || certified.scope === null ? READ_ALL : { all: false, communities: [...certified.scope] };
  }
  const peer = ctx.sqlite.prepare('SELECT scope_community_ids AS scope, revoked_at AS revokedAt FROM peers WHERE installation_id = ?').get(installationId) as
    | { scope: string | null; revokedAt: string | null }
    | undefined;
  if (!peer || peer.revokedAt !== null) return { all: false, communities: [], revoked: true };
  const scope = peer.scope === null ? null : (JSON.parse(peer.scope) as string[] | null);
  return scope === null ? READ_ALL : { all: false, communities: scope };
}

/** Who a bundle is for: trusted peers by installation id, or everything (optionally within one read scope: an enrolment bundle). */
export type BundleAudience = { to: readonly string[] } | { full: true; scope?: ReadScope };

interface Recipient {
  installationId: string;
  name: string;
  scope: ReadScope;
  acknowledged: Record<string, number>;
}

function recipientsOf(ctx: CoreContext, ids: readonly string[]): Recipient[] {
  if (ids.length === 0) throw new DomainError('invalid_input', msg('export.recipient'));
  return ids.map((id) => {
    const peer = findPeer(ctx, id);
    if (!peer || peer.trustedAt === null) throw new DomainError('not_found', msg('export.unknownPeer'));
    return { installationId: id, name: peer.name, scope: peerReadScope(ctx, id), acknowledged: peer.acknowledged };
  });
}

/** A changeset chosen for a bundle, its body as stored (db/changeset-text.ts: deflated, or text from before migration 0006). */
export interface ChosenChangeset {
  origin: string;
  partition: string;
  seq: number;
  body: Buffer | string;
  signature: string;
}

/** The changesets a bundle to this audience carries, in (origin, partition, seq) order, their bodies as stored (nothing opened). */
export function chooseChangesets(ctx: CoreContext, audience: BundleAudience): ChosenChangeset[] {
  return chosenFor(ctx, audience, 'origin, partition, seq, body, signature') as ChosenChangeset[];
}

/** The rows of `changesets` (these columns, which include origin, partition and seq) a bundle to this audience carries. */
function chosenFor(ctx: CoreContext, audience: BundleAudience, columns: string): Array<Pick<ChosenChangeset, 'origin' | 'partition' | 'seq'>> {
  const rows = ctx.sqlite.prepare(`SELECT ${columns} FROM changesets ORDER BY origin, partition, seq`).all() as Array<Pick<ChosenChangeset, 'origin' | 'partition' | 'seq'>>;
  if ('full' in audience) {
    const scope = audience.scope ?? READ_ALL;
    return rows.filter((r) => inReadScope(scope, r.partition));
  }
  const recipients = recipientsOf(ctx, audience.to);
  return rows.filter(
    (r) =>
      recipients.every((p) => inReadScope(p.scope, r.partition)) &&
      recipients.some((p) => r.seq > (valueFor(p.acknowledged, vectorKey(r.origin, r.partition)) ?? 0)),
  );
}

/**
 * The sender's version vector as a bundle to this audience tells it: only partitions the audience
 * reads (a computer is not told which other communities exist in the log, nor how busy they are).
 */
export function vectorForAudience(ctx: CoreContext, audience: BundleAudience): IdRecord<number> {
  const scopes = 'full' in audience ? [audience.scope ?? READ_ALL] : audience.to.map((id) => peerReadScope(ctx, id));
  return idRecord(Object.entries(versionVector(ctx.sqlite)).filter(([key]) => scopes.every((scope) => inReadScope(scope, splitVectorKey(key).partition))));
}

/** One line of "what the bundle will contain": a community (or the territory) and its number of changesets. */
export interface BundleContentLine {
  partition: string;
  /** null: the territory-wide lists, or changes made before partitions ('*'). */
  communityId: string | null;
  /** The community's name; "territory" for the territory, "*" for changes made before partitions. */
  name: string;
  changesetCount: number;
}

/**
 * What a bundle to these recipients would contain, per partition (a pure read, for the export
 * wizard): communities by name, then the territory, then changes made before partitions.
 */
export function exportContents(ctx: CoreContext, audience: BundleAudience): BundleContentLine[] {
  const counts = new Map<string, number>();
  // Counted from what would be chosen: no body is read for a count.
  for (const c of chosenFor(ctx, audience, 'origin, partition, seq')) counts.set(c.partition, (counts.get(c.partition) ?? 0) + 1);
  const name = ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck();
  const lines = [...counts].map(([partition, changesetCount]) => {
    const communityId = communityOfPartition(partition);
    return { partition, communityId, name: communityId === null ? partition : ((name.get(communityId) as string | undefined) ?? communityId), changesetCount };
  });
  const rank = (l: BundleContentLine) => (l.communityId !== null ? 0 : l.partition === TERRITORY_PARTITION ? 1 : 2);
  return lines.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
