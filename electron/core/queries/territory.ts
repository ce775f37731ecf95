/** Reads of the territory, its certificates and revocations, and where this database stands. */
import type { CertificateBody, EnrolmentList, EnrolmentRequestInfo, IssuedCertificate, RevocationBody, SetupState } from '../../../shared/domain';
import type { Locale, Role } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { createHash } from 'node:crypto';

export interface TerritoryRow {
  territoryId: string;
  name: string;
  publicKey: string;
  keyHistory: Array<{ publicKey: string; replacedAt: string; handover: string }>;
  createdAt: string;
}

export interface StoredCertificate {
  serial: string;
  body: string;
  signature: string;
  parsed: CertificateBody;
}

export interface StoredRevocation {
  serial: string;
  body: string;
  signature: string;
  parsed: RevocationBody;
}

/** What an origin certified by the territory key may do here. */
export interface CertifiedOrigin {
  installationId: string;
  serial: string;
  name: string;
  publicKey: string;
  role: Role;
  /** null: all communities (a coordinator). */
  scope: string[] | null;
  revoked: { at: string; acceptedUpTo: number; acceptedByPartition?: Record<string, number> } | null;
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The same fingerprint as bundles/identity.ts fingerprintOf (kept here so queries need not import bundles). */
export function keyFingerprint(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  let chars = '';
  for (let i = 0; i < 32; i++) chars += BASE32[digest[i]! % 32];
  return chars.match(/.{4}/g)!.join('-');
}

export function territoryRow(ctx: Pick<CoreContext, 'sqlite'>): TerritoryRow | null {
  const row = ctx.sqlite
    .prepare('SELECT territory_id AS territoryId, name, public_key AS publicKey, key_history AS keyHistory, created_at AS createdAt FROM territory WHERE key = 1')
    .get() as (Omit<TerritoryRow, 'keyHistory'> & { keyHistory: string }) | undefined;
  return row ? { ...row, keyHistory: JSON.parse(row.keyHistory) as TerritoryRow['keyHistory'] } : null;
}

export function storedCertificates(ctx: Pick<CoreContext, 'sqlite'>): StoredCertificate[] {
  const rows = ctx.sqlite.prepare('SELECT serial, body, signature FROM certificates ORDER BY issued_at, serial').all() as Array<Omit<StoredCertificate, 'parsed'>>;
  return rows.map((r) => ({ ...r, parsed: JSON.parse(r.body) as CertificateBody }));
}

export function storedRevocations(ctx: Pick<CoreContext, 'sqlite'>): StoredRevocation[] {
  const rows = ctx.sqlite.prepare('SELECT serial, body, signature FROM revocations ORDER BY revoked_at, serial').all() as Array<Omit<StoredRevocation, 'parsed'>>;
  return rows.map((r) => ({ ...r, parsed: JSON.parse(r.body) as RevocationBody }));
}

/**
 * Every installation certified in this territory: its newest certificate, revoked or not. Built
 * from the certificates stored here plus `extra` (new ones a bundle brings, already verified).
 */
export function certifiedOrigins(
  certificates: ReadonlyArray<{ parsed: CertificateBody }>,
  revocations: ReadonlyArray<{ parsed: RevocationBody }>,
): Map<string, CertifiedOrigin> {
  const revokedBySerial = new Map(revocations.map((r) => [r.parsed.serial, r.parsed]));
  const newest = new Map<string, CertificateBody>();
  for (const { parsed } of certificates) {
    const before = newest.get(parsed.installationId);
    if (!before || before.issuedAt < parsed.issuedAt || (before.issuedAt === parsed.issuedAt && before.serial < parsed.serial)) newest.set(parsed.installationId, parsed);
  }
  const out = new Map<string, CertifiedOrigin>();
  for (const [installationId, c] of newest) {
    const revoked = revokedBySerial.get(c.serial);
    out.set(installationId, {
      installationId,
      serial: c.serial,
      name: c.name,
      publicKey: c.signingKey,
      role: c.role,
      scope: c.communityIds,
      revoked: revoked ? { at: revoked.revokedAt, acceptedUpTo: revoked.acceptedUpTo, ...(revoked.acceptedByPartition ? { acceptedByPartition: revoked.acceptedByPartition } : {}) } : null,
    });
  }
  return out;
}

function installation(ctx: Pick<CoreContext, 'sqlite'>) {
  return ctx.sqlite
    .prepare('SELECT installation_id AS installationId, name, role, locale, territory_id AS territoryId, certificate_serial AS certificateSerial, is_demo AS isDemo FROM installation WHERE key = 1')
    .get() as { installationId: string; name: string; role: string; locale: string; territoryId: string | null; certificateSerial: string | null; isDemo: number } | undefined;
}

/** This installation's own enrolment request, waiting for an answer (the joining state). */
export function ownPendingRequest(ctx: Pick<CoreContext, 'sqlite'>, installationId: string): { requestId: string; body: string } | null {
  return (
    (ctx.sqlite
      .prepare('SELECT request_id AS requestId, body FROM enrolment_requests WHERE installation_id = ? AND certificate_serial IS NULL ORDER BY received_at DESC, request_id DESC LIMIT 1')
      .get(installationId) as { requestId: string; body: string } | undefined) ?? null
  );
}

export type SetupStateName = SetupState['state'];

export function setupStateName(ctx: Pick<CoreContext, 'sqlite'>): SetupStateName {
  const row = installation(ctx);
  if (!row) return 'new';
  if (row.territoryId === null && ownPendingRequest(ctx, row.installationId) !== null) return 'joining';
  return 'ready';
}

function communityNames(ctx: Pick<CoreContext, 'sqlite'>, ids: readonly string[]): string[] {
  const name = ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck();
  return ids.map((id) => (name.get(id) as string | undefined) ?? id);
}

export function setupState(ctx: Pick<CoreContext, 'sqlite'>): SetupState {
  const row = installation(ctx);
  if (!row) return { state: 'new', isDemo: false, locale: 'en', territory: null, role: null, communities: null, certificate: null };
  const state = setupStateName(ctx);
  const territory = territoryRow(ctx);
  const own = row.certificateSerial ? storedCertificates(ctx).find((c) => c.serial === row.certificateSerial)?.parsed : undefined;
  const certificate = own ? { serial: own.serial, issuedAt: own.issuedAt, role: own.role, communityIds: own.communityIds } : null;
  const scope = own ? own.communityIds : null;
  return {
    state,
    isDemo: row.isDemo === 1,
    locale: (row.locale === 'fr' ? 'fr' : 'en') as Locale,
    territory: territory ? { id: territory.territoryId, name: territory.name, fingerprint: keyFingerprint(territory.publicKey) } : null,
    role: state === 'joining' ? null : (row.role as Role),
    communities: scope === null ? null : scope.map((id, i) => ({ id, name: communityNames(ctx, scope)[i]! })),
    certificate,
  };
}

export function enrolmentList(ctx: Pick<CoreContext, 'sqlite'>): EnrolmentList {
  const own = installation(ctx)?.installationId ?? '';
  const requests = (
    ctx.sqlite
      .prepare('SELECT request_id AS requestId, installation_id AS installationId, body, received_at AS receivedAt, certificate_serial AS certificateSerial FROM enrolment_requests WHERE installation_id <> ? ORDER BY received_at DESC, request_id')
      .all(own) as Array<{ requestId: string; installationId: string; body: string; receivedAt: string; certificateSerial: string | null }>
  ).map((r) => requestInfo(r));
  const revocations = new Map(storedRevocations(ctx).map((r) => [r.serial, r.parsed]));
  const certificates: IssuedCertificate[] = storedCertificates(ctx)
    .reverse()
    .map(({ parsed: c }) => issuedCertificate(ctx, c, revocations.get(c.serial) ?? null));
  return { requests, certificates };
}

export function issuedCertificate(ctx: Pick<CoreContext, 'sqlite'>, c: CertificateBody, revocation: RevocationBody | null): IssuedCertificate {
  return {
    serial: c.serial,
    installationId: c.installationId,
    name: c.name,
    userName: c.userName,
    role: c.role,
    communityIds: c.communityIds,
    communityNames: c.communityIds === null ? null : communityNames(ctx, c.communityIds),
    issuedAt: c.issuedAt,
    fingerprint: keyFingerprint(c.signingKey),
    replacesSerial: c.replacesSerial,
    revoked: revocation ? { at: revocation.revokedAt, reason: revocation.reason, acceptedUpTo: revocation.acceptedUpTo } : null,
  };
}

/** The request file's fields (it was checked when read). */
export interface RequestFile {
  kind: 'enrolment-request';
  version: 1;
  requestId: string;
  installationId: string;
  computerName: string;
  userName: string;
  signingKey: string;
  /** The computer's X25519 key for bundles encrypted to it (requests from before encryption keys have none). */
  encryptionKey?: string;
  createdAt: string;
}

export function requestInfo(r: { requestId: string; installationId: string; body: string; receivedAt: string; certificateSerial: string | null }): EnrolmentRequestInfo {
  const parsed = (JSON.parse(r.body) as { request: RequestFile }).request;
  return {
    requestId: r.requestId,
    installationId: r.installationId,
    computerName: parsed.computerName,
    userName: parsed.userName,
    fingerprint: keyFingerprint(parsed.signingKey),
    hasEncryptionKey: typeof parsed.encryptionKey === 'string',
    createdAt: parsed.createdAt,
    receivedAt: r.receivedAt,
    certificateSerial: r.certificateSerial,
  };
}

export function requestRow(ctx: Pick<CoreContext, 'sqlite'>, requestId: string) {
  return ctx.sqlite
    .prepare('SELECT request_id AS requestId, installation_id AS installationId, body, received_at AS receivedAt, certificate_serial AS certificateSerial FROM enrolment_requests WHERE request_id = ?')
    .get(requestId) as { requestId: string; installationId: string; body: string; receivedAt: string; certificateSerial: string | null } | undefined;
}
