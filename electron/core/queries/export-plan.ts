/**
 * What the export wizard shows before a bundle is written (issue 11 §4): the computers it can be
 * written for, by name, and what it would hold per community. Reads only.
 *
 * "What the bundle will contain" is the export's own selection (bundles/bundle-selection.ts,
 * `exportContents`), described here with how the bundle will be encrypted.
 */
import type { CertificateBody, ExportContents, ExportContentsPart, ExportRecipient } from '../../../shared/domain';
import type { Role } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { LEGACY_PARTITION, TERRITORY_PARTITION } from '../changelog/partitions';
import { ownOrigins } from '../changelog/restored-copy';
import { certifiedOrigins, storedCertificates, storedRevocations } from './territory';


interface PeerRow {
  installationId: string;
  name: string;
  publicKey: string;
  scope: string | null;
  trustedAt: string | null;
  revokedAt: string | null;
  introducedBy: string | null;
}

/**
 * The X25519 key a certificate names for encrypting bundles to its computer (helper E's
 * certificate field). Certificates issued before it have none: bundles for them need a passphrase.
 */
export function certificateEncryptionKey(body: CertificateBody): string | null {
  const key = (body as CertificateBody & { encryptionKey?: unknown }).encryptionKey;
  // An X25519 public key as SPKI DER in base64: the 12-byte X25519 prefix, then the 32-byte key.
  return typeof key === 'string' && /^MCowBQYDK2VuAyEA[A-Za-z0-9+/]{43}=$/.test(key) ? key : null;
}

function peerRows(ctx: Pick<CoreContext, 'sqlite'>): PeerRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT installation_id AS installationId, name, public_key AS publicKey, scope_community_ids AS scope, trusted_at AS trustedAt,
              revoked_at AS revokedAt, introduced_by AS introducedBy
       FROM peers`,
    )
    .all() as PeerRow[];
}

function communityNames(ctx: Pick<CoreContext, 'sqlite'>, ids: readonly string[]): string[] {
  const name = ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck();
  return ids.map((id) => (name.get(id) as string | undefined) ?? id);
}

/** A recipient as the wizard describes it, with whether it was revoked (never a recipient then). */
export interface ExportTarget extends ExportRecipient {
  /** Revoked (its certificate, or by hand): never a recipient. */
  revoked: boolean;
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
    });
  }
  return targets.sort((a, b) => Number(b.enrolled) - Number(a.enrolled) || a.name.localeCompare(b.name) || a.installationId.localeCompare(b.installationId));
}

/** The recipients the wizard offers: not revoked, enrolled ones first, then by name. */
export function exportRecipients(ctx: CoreContext): ExportRecipient[] {
  return exportTargets(ctx)
    .filter((t) => !t.revoked)
    .map(({ revoked: _revoked, ...recipient }) => recipient);
}

/** One line of the export's own selection (bundles/bundle-selection.ts `exportContents`): a partition and its changesets. */
export interface SelectedPartition {
  partition: string;
  communityId: string | null;
  name: string;
  changesetCount: number;
}

/**
 * What the wizard shows of a bundle: the export's own selection per partition (so the preview and
 * the file never disagree), and whether it is encrypted to the recipients' keys — when each
 * recipient has one — or needs a passphrase (a full bundle, a computer trusted by hand, an older certificate).
 */
export function describeContents(lines: readonly SelectedPartition[], recipients: readonly ExportTarget[] | 'full'): ExportContents {
  const parts: ExportContentsPart[] = lines.map((l) =>
    l.partition === TERRITORY_PARTITION || l.partition === LEGACY_PARTITION
      ? { partition: l.partition, kind: l.partition === TERRITORY_PARTITION ? 'territory' : 'legacy', communityId: null, communityName: null, changesets: l.changesetCount }
      : { partition: l.partition, kind: 'community', communityId: l.communityId ?? l.partition, communityName: l.name, changesets: l.changesetCount },
  );
  const order = { community: 0, territory: 1, legacy: 2 } as const;
  parts.sort((a, b) => order[a.kind] - order[b.kind] || (a.communityName ?? '').localeCompare(b.communityName ?? ''));
  const withoutKey = recipients === 'full' ? [] : recipients.filter((t) => !t.hasEncryptionKey).map((t) => t.name);
  return {
    parts,
    changesetCount: parts.reduce((sum, p) => sum + p.changesets, 0),
    encryption: recipients !== 'full' && recipients.length > 0 && withoutKey.length === 0 ? 'recipients' : 'passphrase',
    withoutKey,
  };
}
