/**
 * What the export wizard shows before a bundle is written (issue 11 §4): the computers it can be
 * written for, by name, and what it would hold per community. Reads only.
 *
 * `exportContents` is the one place the wizard's "what the bundle will contain" is computed. Its
 * selection mirrors the export's (helper P's `selectChangesets`, bundles/bundle-selection.ts):
 * when that lands, its body becomes a call to it (group the selected changesets by partition)
 * so that the preview and the file can never disagree.
 */
import type { CertificateBody, ExportContents, ExportContentsPart, ExportRecipient } from '../../../shared/domain';
import type { Role } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { ownOrigins } from '../changelog/restored-copy';
import { certifiedOrigins, storedCertificates, storedRevocations } from './territory';

/** The territory-wide partition and the partition of changesets written before partitions (changelog/partitions.ts). */
const TERRITORY = 'territory';
const LEGACY = '*';

interface PeerRow {
  installationId: string;
  name: string;
  publicKey: string;
  scope: string | null;
  trustedAt: string | null;
  revokedAt: string | null;
  introducedBy: string | null;
  acknowledged: string;
}

/**
 * The X25519 key a certificate names for encrypting bundles to its computer (helper E's
 * certificate field). Certificates issued before it have none: bundles for them need a passphrase.
 */
export function certificateEncryptionKey(body: CertificateBody): string | null {
  const key = (body as CertificateBody & { encryptionKey?: unknown }).encryptionKey;
  return typeof key === 'string' && key.length > 0 ? key : null;
}

function peerRows(ctx: Pick<CoreContext, 'sqlite'>): PeerRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT installation_id AS installationId, name, public_key AS publicKey, scope_community_ids AS scope, trusted_at AS trustedAt,
              revoked_at AS revokedAt, introduced_by AS introducedBy, acknowledged
       FROM peers`,
    )
    .all() as PeerRow[];
}

function communityNames(ctx: Pick<CoreContext, 'sqlite'>, ids: readonly string[]): string[] {
  const name = ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck();
  return ids.map((id) => (name.get(id) as string | undefined) ?? id);
}

/** A recipient with what the selection needs: its read scope and what it acknowledged. */
export interface ExportTarget extends ExportRecipient {
  /** Revoked (its certificate, or by hand): never a recipient. */
  revoked: boolean;
  acknowledged: Record<string, number>;
}

/**
 * Every computer known here a bundle could be written for, revoked ones included (flagged), this
 * installation and its own earlier ids excluded. An enrolled computer is described by its newest
 * certificate; a computer trusted by hand by its peer row.
 */
export function exportTargets(ctx: CoreContext): ExportTarget[] {
  const own = new Set(ownOrigins(ctx));
  const certificates = storedCertificates(ctx);
  const bySerial = new Map(certificates.map((c) => [c.parsed.serial, c.parsed]));
  const certified = certifiedOrigins(certificates, storedRevocations(ctx));
  const rows = peerRows(ctx);
  const byId = new Map(rows.map((r) => [r.installationId, r]));
  // A computer that continued under a new id after a restore (same key, introduced by its earlier id) is listed once, by its newest id.
  const superseded = new Set(rows.filter((r) => r.introducedBy !== null && r.introducedBy !== r.installationId && byId.get(r.introducedBy)?.publicKey === r.publicKey).map((r) => r.introducedBy!));
  const targets: ExportTarget[] = [];
  for (const row of rows) {
    if (own.has(row.installationId) || superseded.has(row.installationId) || row.trustedAt === null) continue;
    const acknowledged = JSON.parse(row.acknowledged) as Record<string, number>;
    const origin = certified.get(row.installationId);
    const body = origin ? bySerial.get(origin.serial) : undefined;
    if (origin && body) {
      targets.push({
        installationId: row.installationId,
        name: body.name,
        userName: body.userName,
        role: body.role,
        communityIds: body.communityIds,
        communityNames: body.communityIds === null ? null : communityNames(ctx, body.communityIds),
        enrolled: origin.revoked === null,
        hasEncryptionKey: origin.revoked === null && certificateEncryptionKey(body) !== null,
        revoked: origin.revoked !== null || row.revokedAt !== null,
        acknowledged,
      });
      continue;
    }
    const scope = row.scope === null ? null : (JSON.parse(row.scope) as string[]);
    targets.push({
      installationId: row.installationId,
      name: row.name,
      userName: null,
      role: null as Role | null,
      communityIds: scope,
      communityNames: scope === null ? null : communityNames(ctx, scope),
      enrolled: false,
      hasEncryptionKey: false,
      revoked: row.revokedAt !== null,
      acknowledged,
    });
  }
  return targets.sort((a, b) => Number(b.enrolled) - Number(a.enrolled) || a.name.localeCompare(b.name) || a.installationId.localeCompare(b.installationId));
}

/** The recipients the wizard offers: not revoked, enrolled ones first, then by name. */
export function exportRecipients(ctx: CoreContext): ExportRecipient[] {
  return exportTargets(ctx)
    .filter((t) => !t.revoked)
    .map(({ revoked: _revoked, acknowledged: _acknowledged, ...recipient }) => recipient);
}

/** Whether a partition is in a read scope (null: everything). Changes from before partitions go only to computers that read everything. */
function inScope(scope: readonly string[] | null, partition: string): boolean {
  if (scope === null) return true;
  if (partition === LEGACY) return false;
  return partition === TERRITORY || scope.includes(partition);
}

/**
 * What a bundle would hold: 'full', every changeset; for recipients, the changesets of partitions
 * in EVERY recipient's read scope, above what at least one of them acknowledged. Encrypted to the
 * recipients' keys when each has one; otherwise (and for a full bundle) a passphrase is needed.
 */
export function exportContents(ctx: CoreContext, recipients: readonly ExportTarget[] | 'full'): ExportContents {
  const rows = ctx.sqlite.prepare('SELECT origin, seq, partition FROM changesets').all() as Array<{ origin: string; seq: number; partition: string }>;
  const selected =
    recipients === 'full'
      ? rows
      : rows.filter((r) => recipients.every((t) => inScope(t.communityIds, r.partition)) && recipients.some((t) => r.seq > acknowledgedUpTo(t.acknowledged, r.origin, r.partition)));
  const counts = new Map<string, number>();
  for (const r of selected) counts.set(r.partition, (counts.get(r.partition) ?? 0) + 1);
  const names = communityNames(ctx, [...counts.keys()]);
  const parts: ExportContentsPart[] = [...counts.entries()].map(([partition, changesets], i) =>
    partition === TERRITORY || partition === LEGACY
      ? { partition, kind: partition === TERRITORY ? 'territory' : 'legacy', communityId: null, communityName: null, changesets }
      : { partition, kind: 'community', communityId: partition, communityName: names[i]!, changesets },
  );
  const order = { community: 0, territory: 1, legacy: 2 } as const;
  parts.sort((a, b) => order[a.kind] - order[b.kind] || (a.communityName ?? '').localeCompare(b.communityName ?? ''));
  const withoutKey = recipients === 'full' ? [] : recipients.filter((t) => !t.hasEncryptionKey).map((t) => t.name);
  return {
    parts,
    changesetCount: selected.length,
    encryption: recipients !== 'full' && recipients.length > 0 && withoutKey.length === 0 ? 'recipients' : 'passphrase',
    withoutKey,
  };
}

/**
 * What a peer acknowledged of an origin's partition. The acknowledgement is kept per (origin,
 * partition) (migration 0003); read as "origin/partition" first, then the origin alone (before partitions).
 */
function acknowledgedUpTo(acknowledged: Record<string, number>, origin: string, partition: string): number {
  const own = Object.prototype.hasOwnProperty.call(acknowledged, `${origin}/${partition}`) ? acknowledged[`${origin}/${partition}`] : undefined;
  if (typeof own === 'number') return own;
  const whole = Object.prototype.hasOwnProperty.call(acknowledged, origin) ? acknowledged[origin] : undefined;
  return typeof whole === 'number' ? whole : 0;
}
