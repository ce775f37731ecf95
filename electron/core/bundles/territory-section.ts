/**
 * The territory part of a bundle's signed manifest: the territory (id, name, current key and the
 * handovers from earlier keys), every certificate and every revocation the sender holds. The
 * receiver checks each against the territory key it knows, and keeps what is new.
 */
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import type { CertificateBody, RevocationBody } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { type CertifiedOrigin, certifiedOrigins, storedCertificates, storedRevocations, territoryRow } from '../queries/territory';
import { refuse } from './bundle-refusal';
import { fingerprintOf } from './identity';
import {
  certificateBodySchema,
  keyChain,
  parseSigned,
  revocationBodySchema,
  signedByChain,
  type SignedText,
  type TerritorySection,
} from './territory-crypto';
import { pinPeer } from './peers';


/** What this installation puts in the manifest of every bundle it writes (undefined: not in a territory). */
export function territorySectionForExport(ctx: CoreContext): TerritorySection | undefined {
  const territory = territoryRow(ctx);
  if (!territory) return undefined;
  return {
    territoryId: territory.territoryId,
    name: territory.name,
    publicKey: territory.publicKey,
    keyHistory: territory.keyHistory,
    certificates: storedCertificates(ctx).map(({ body, signature }) => ({ body, signature })),
    revocations: storedRevocations(ctx).map(({ body, signature }) => ({ body, signature })),
  };
}

export function isDemoDatabase(ctx: CoreContext): boolean {
  return ctx.sqlite.prepare('SELECT is_demo FROM installation WHERE key = 1').pluck().get() === 1;
}

export interface VerifiedSection {
  territoryId: string;
  name: string;
  /** The key to keep as current (the bundle's when it was handed over to, else the one known here). */
  publicKey: string;
  keyHistory: TerritorySection['keyHistory'];
  keyChanged: boolean;
  newCertificates: Array<SignedText & { parsed: CertificateBody }>;
  newRevocations: Array<SignedText & { parsed: RevocationBody }>;
  /** Every certified installation, counting what the bundle brings. */
  certified: Map<string, CertifiedOrigin>;
}

/**
 * Checks a bundle's territory part against the territory this database knows (or, when it joins,
 * against the key whose fingerprint the person confirmed). Refuses with a sentence a section of
 * another territory, a new key without a handover by the known one, a forged certificate or
 * revocation. Changes nothing.
 */
export function verifySection(ctx: CoreContext, section: TerritorySection | undefined, options: { joiningFingerprint?: string } = {}): VerifiedSection | null {
  const known = territoryRow(ctx);
  const joining = !known && options.joiningFingerprint !== undefined;
  if (!section) {
    if (joining) throw new DomainError('invalid_input', msg('enrolment.notAnEnrolmentBundle'));
    return null;
  }
  if (!known && !joining) return null;
  if (joining && fingerprintOf(section.publicKey) !== options.joiningFingerprint) {
    throw new DomainError('forbidden', msg('enrolment.fingerprintMismatch', { typed: options.joiningFingerprint!, actual: fingerprintOf(section.publicKey) }));
  }
  if (known && section.territoryId !== known.territoryId) refuse('other_territory', msg('enrolment.otherTerritory', { name: section.name }));
  const chain = keyChain(section.territoryId, section.publicKey, section.keyHistory);
  if (!chain) refuse('forged', msg('territory.handoverRefused'));
  let publicKey = section.publicKey;
  let keyHistory = section.keyHistory;
  let keyChanged = false;
  let trusted = chain;
  if (known) {
    if (section.publicKey !== known.publicKey) {
      const knownInChain = chain.findIndex((k) => k.publicKey === known.publicKey);
      if (knownInChain >= 0) {
        // The bundle's key was handed over to, through a chain starting at the key known here.
        keyChanged = true;
      } else {
        // The sender may not have heard of a newer key yet: its key must be one this database handed over from.
        const ours = keyChain(known.territoryId, known.publicKey, known.keyHistory) ?? [];
        if (!ours.some((k) => k.publicKey === section.publicKey)) refuse('forged', msg('territory.handoverRefused'));
        publicKey = known.publicKey;
        keyHistory = known.keyHistory;
        trusted = ours;
      }
    } else {
      publicKey = known.publicKey;
      keyHistory = known.keyHistory.length >= section.keyHistory.length ? known.keyHistory : section.keyHistory;
    }
  }
  const storedCerts = storedCertificates(ctx);
  const storedRevs = storedRevocations(ctx);
  const haveCert = new Set(storedCerts.map((c) => c.serial));
  const haveRev = new Set(storedRevs.map((r) => r.serial));
  const newCertificates: VerifiedSection['newCertificates'] = [];
  for (const c of section.certificates) {
    const parsed = parseSigned(certificateBodySchema, c.body);
    if (!parsed) refuse('damaged', msg('import.damaged'));
    if (parsed.territoryId !== section.territoryId) refuse('other_territory', msg('enrolment.otherTerritory', { name: parsed.territoryName }));
    if (!signedByChain(trusted, c.body, c.signature, parsed.issuedAt)) refuse('forged', msg('enrolment.certificateForged', { name: parsed.name }));
    if (haveCert.has(parsed.serial) || newCertificates.some((n) => n.parsed.serial === parsed.serial)) continue;
    newCertificates.push({ ...c, parsed });
  }
  const newRevocations: VerifiedSection['newRevocations'] = [];
  for (const r of section.revocations) {
    const parsed = parseSigned(revocationBodySchema, r.body);
    if (!parsed) refuse('damaged', msg('import.damaged'));
    if (parsed.territoryId !== section.territoryId) refuse('other_territory', msg('enrolment.otherTerritory', { name: section.name }));
    if (!signedByChain(trusted, r.body, r.signature, parsed.revokedAt)) refuse('forged', msg('enrolment.certificateForged', { name: parsed.installationId }));
    if (haveRev.has(parsed.serial) || newRevocations.some((n) => n.parsed.serial === parsed.serial)) continue;
    newRevocations.push({ ...r, parsed });
  }
  const certified = certifiedOrigins([...storedCerts, ...newCertificates], [...storedRevs, ...newRevocations]);
  return { territoryId: section.territoryId, name: known?.name ?? section.name, publicKey, keyHistory, keyChanged, newCertificates, newRevocations, certified };
}

/** The certified installations of this database's territory, as stored (no bundle). */
export function storedCertified(ctx: CoreContext): Map<string, CertifiedOrigin> {
  if (!territoryRow(ctx)) return new Map();
  return certifiedOrigins(storedCertificates(ctx), storedRevocations(ctx));
}

/** Stores what a verified section brings (inside the caller's transaction) and pins each certified computer as a peer. */
export function storeSection(ctx: CoreContext, verified: VerifiedSection): void {
  const now = ctx.clock.now();
  const known = territoryRow(ctx);
  if (!known) {
    ctx.sqlite
      .prepare('INSERT INTO territory (key, territory_id, name, public_key, key_history, created_at) VALUES (1, ?, ?, ?, ?, ?)')
      .run(verified.territoryId, verified.name, verified.publicKey, JSON.stringify(verified.keyHistory), now);
  } else if (verified.keyChanged || verified.keyHistory.length > known.keyHistory.length) {
    ctx.sqlite.prepare('UPDATE territory SET public_key = ?, key_history = ? WHERE key = 1').run(verified.publicKey, JSON.stringify(verified.keyHistory));
  }
  const insertCert = ctx.sqlite.prepare('INSERT OR IGNORE INTO certificates (serial, installation_id, territory_id, body, signature, issued_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const c of verified.newCertificates) insertCert.run(c.parsed.serial, c.parsed.installationId, c.parsed.territoryId, c.body, c.signature, c.parsed.issuedAt, now);
  const insertRev = ctx.sqlite.prepare('INSERT OR IGNORE INTO revocations (serial, body, signature, revoked_at, received_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of verified.newRevocations) insertRev.run(r.parsed.serial, r.body, r.signature, r.parsed.revokedAt, now);
  pinCertified(ctx, verified.certified);
}

/** Keeps the peers table (read by the peers screen and the export) in step with the certificates. */
export function pinCertified(ctx: CoreContext, certified: Map<string, CertifiedOrigin>): void {
  const own = ctx.sqlite.prepare('SELECT installation_id FROM installation WHERE key = 1').pluck().get() as string | undefined;
  const revoke = ctx.sqlite.prepare('UPDATE peers SET revoked_at = ? WHERE installation_id = ? AND revoked_at IS NULL');
  const unrevoke = ctx.sqlite.prepare('UPDATE peers SET revoked_at = NULL WHERE installation_id = ?');
  const sameKey = ctx.sqlite.prepare('SELECT public_key FROM peers WHERE installation_id = ?').pluck();
  for (const origin of certified.values()) {
    if (origin.installationId === own) continue;
    const pinned = sameKey.get(origin.installationId) as string | undefined;
    if (pinned !== undefined && pinned !== origin.publicKey) ctx.sqlite.prepare('DELETE FROM peers WHERE installation_id = ?').run(origin.installationId);
    pinPeer(ctx, { installationId: origin.installationId, name: origin.name, publicKey: origin.publicKey, scopeCommunityIds: origin.scope, introducedBy: null });
    if (origin.revoked) revoke.run(origin.revoked.at, origin.installationId);
    else unrevoke.run(origin.installationId);
  }
}

export function territoryFingerprint(publicKey: string): string {
  return fingerprintOf(publicKey);
}
