/** What `inspect` shows of a bundle: its header, and with this computer's key or the passphrase who sent it and what it holds. */
import { msg } from '../../../shared/core-messages';
import type { BundleInspection } from '../../../shared/domain';
import { valueFor } from '../../../shared/id-record';
import { readFileCapped } from './bundle-file';
import { type BundleKeys, type BundleManifest, decodeBundle, readBundleHeader, sealedTrailer, trailerSigned } from './bundle-format';
import { readOrRefuse, refuse } from './bundle-refusal';
import { fingerprintOf } from './identity';

/**
 * Shows what a file says of itself without judging it: trust is decided at import. The manifest
 * is read as it stands (not by its schema), so a file that import would refuse can still be looked
 * at; every field is read defensively.
 */
export function inspectBundle(file: string, keys: BundleKeys): BundleInspection {
  const bytes = readFileCapped(file);
  const header = readOrRefuse(() => readBundleHeader(bytes));
  const passphraseNeeded = header.encryption === 'passphrase';
  const result: BundleInspection = {
    formatVersion: header.version,
    encrypted: header.encryption !== 'none',
    encryption: header.scrypt ? { kdf: 'scrypt', ...header.scrypt, cipher: 'aes-256-gcm' } : null,
    encryptedFor: header.encryption,
    recipients: header.recipients,
    passphraseNeeded,
    bytes: bytes.length,
    manifest: null,
  };
  if (passphraseNeeded && (keys.passphrase ?? null) === null) return result;
  // A recipient bundle is opened with this computer's key: one made for other computers is refused here, with a sentence.
  const { lines } = readOrRefuse(() => decodeBundle(bytes, keys));
  try {
    result.manifest = describeContent(lines);
  } catch {
    refuse('damaged', msg('bundle.contentsUnreadable'));
  }
  return result;
}

function describeContent(lines: readonly string[]): NonNullable<BundleInspection['manifest']> {
  const manifest = JSON.parse(lines[0] ?? '') as BundleManifest;
  const perOrigin = new Map<string, number>();
  // The changesets only: evidence files (format 3) follow them.
  for (const line of lines.slice(1, 1 + Number(manifest.changesetCount))) {
    const origin = (JSON.parse((JSON.parse(line) as { body: string }).body) as { origin: string }).origin;
    perOrigin.set(origin, (perOrigin.get(origin) ?? 0) + 1);
  }
  // Whether the sender's signature over the whole content holds; trust is decided at import.
  const trailer = sealedTrailer(lines);
  return {
    signatureValid: trailer !== null && trailerSigned(trailer, String(manifest.sender.publicKey)),
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
}
