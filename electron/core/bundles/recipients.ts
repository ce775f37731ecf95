/**
 * Who a bundle is encrypted to: each recipient's X25519 key from its newest certificate (never a
 * revoked one), or a passphrase where no recipient key is known (a computer trusted by
 * fingerprint, a certificate issued before encryption keys, a full bundle without recipient).
 */
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import type { ExportResult } from '../../../shared/domain';
import type { CertificateBody } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { storedCertificates, storedRevocations } from '../queries/territory';
import { certificateEncryptionKey } from '../queries/export-plan';
import { rawPublicKey } from './bundle-crypto';
import { type BundleEncryption, MAX_RECIPIENTS, MIN_PASSPHRASE_LENGTH } from './bundle-format';
import { findPeer } from './peers';

export interface EncryptionRequest {
  /** The installations the bundle is for (the peer it is exported to, and any others). */
  recipientIds: readonly string[];
  /** Keys known otherwise (the enrolment bundle: the key in the request the coordinator read). */
  extraKeys?: ReadonlyArray<{ name: string; key: string }>;
  passphrase?: string | null;
  encrypt?: boolean;
}

export interface EncryptionPlan {
  encryption: BundleEncryption | null;
  kind: ExportResult['encryption'];
  recipients: string[];
}

/** Each installation's newest certificate, and whether it was revoked. */
function newestCertificates(ctx: CoreContext): Map<string, { cert: CertificateBody; revoked: boolean }> {
  const revoked = new Set(storedRevocations(ctx).map((r) => r.parsed.serial));
  const newest = new Map<string, { cert: CertificateBody; revoked: boolean }>();
  for (const { parsed } of storedCertificates(ctx)) {
    const before = newest.get(parsed.installationId)?.cert;
    if (!before || before.issuedAt < parsed.issuedAt || (before.issuedAt === parsed.issuedAt && before.serial < parsed.serial)) {
      newest.set(parsed.installationId, { cert: parsed, revoked: revoked.has(parsed.serial) });
    }
  }
  return newest;
}

/** A revoked computer is never a recipient: naming one refuses the export, with its name. */
export function planEncryption(ctx: CoreContext, request: EncryptionRequest): EncryptionPlan {
  const certificates = newestCertificates(ctx);
  const found: Array<{ name: string; key: string | null }> = [];
  for (const installationId of new Set(request.recipientIds)) {
    const certified = certificates.get(installationId);
    const peer = findPeer(ctx, installationId);
    const name = certified?.cert.name ?? peer?.name ?? installationId;
    if (certified?.revoked || (peer !== null && peer.revokedAt !== null)) throw new DomainError('forbidden', msg('export.recipientRevoked', { name }));
    if (!certified && (peer === null || peer.trustedAt === null)) throw new DomainError('not_found', msg('export.unknownRecipient', { installationId }));
    // The same reading of a certificate's key as the export wizard's (queries/export-plan.ts).
    found.push({ name, key: certified ? certificateEncryptionKey(certified.cert) : null });
  }
  for (const extra of request.extraKeys ?? []) found.push({ name: extra.name, key: rawPublicKey(extra.key) !== null ? extra.key : null });
  const names = found.map((f) => f.name);
  if (request.encrypt === false) return { encryption: null, kind: 'none', recipients: names };
  if (found.length > MAX_RECIPIENTS) throw new DomainError('invalid_input', msg('export.tooManyRecipients', { max: MAX_RECIPIENTS }));
  const missing = found.filter((f) => f.key === null);
  if (found.length > 0 && missing.length === 0) {
    // Every recipient has a key: no passphrase is needed, and one given is not used.
    return { encryption: { recipients: found.map((f) => f.key!) }, kind: 'recipients', recipients: names };
  }
  const passphrase = request.passphrase ?? '';
  if (passphrase.length === 0) {
    throw new DomainError(
      'invalid_input',
      missing.length > 0 ? msg('export.passphraseNeeded', { name: missing.map((m) => m.name).join(', '), min: MIN_PASSPHRASE_LENGTH }) : msg('export.fullNeedsPassphrase', { min: MIN_PASSPHRASE_LENGTH }),
    );
  }
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new DomainError('invalid_input', msg('export.passphrase', { min: MIN_PASSPHRASE_LENGTH }));
  return { encryption: { passphrase }, kind: 'passphrase', recipients: names };
}
