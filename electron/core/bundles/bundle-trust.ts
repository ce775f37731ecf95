/**
 * Whom a bundle comes from and whose changes it carries: the sender's trust and scope, and every
 * origin's key checked against what is pinned here. Nothing here changes anything; a refusal
 * throws (bundle-refusal.ts).
 */
import { msg } from '../../../shared/core-messages';
import type { Peer } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { ownOrigins } from '../changelog/restored-copy';
import type { BundleManifest } from './bundle-format';
import { refuse } from './bundle-refusal';
import { fingerprintOf } from './identity';
import { effectiveTrust, findPeer, trustOfKey } from './peers';
import type { CertifiedOrigin } from '../queries/territory';

type KeyTrust = NonNullable<ReturnType<typeof trustOfKey>>;

/** An origin whose key is pinned by this import; `sameKeyAs`: a peer already pinned under that key. */
export interface NewOrigin {
  installationId: string;
  publicKey: string;
  sameKeyAs?: Peer | null;
}

export interface SenderJudgement {
  /** This installation's own ids (several after restores from backups). */
  own: string[];
  /** The sender as pinned here under its id, if it is. */
  senderPeer: ReturnType<typeof findPeer>;
  /** A sender new under its id but signing with a trusted peer's key: that peer's trust. */
  continued: KeyTrust | null;
  senderTrust: 'trusted' | 'unknown';
  /** What the sender may change (null: everything). */
  senderScope: string[] | null;
}

export interface OriginJudgement {
  newOrigins: NewOrigin[];
  originKey: Map<string, string>;
  /** What each origin may change (null: everything); the check runs on the state after applying. */
  originScope: Map<string, string[] | null>;
  /** Revoked origins, whose new changes are set aside rather than refused. */
  revokedOrigins: Map<string, { name: string; fingerprint: string }>;
  /** Ids this computer signed under and forgot (restored twice). */
  forgottenOwn: Set<string>;
  /** Origins whose certificate the territory key revoked: changes after `acceptedUpTo` are refused. */
  certRevoked: Map<string, { name: string; at: string; acceptedUpTo: number; acceptedByPartition?: Record<string, number> }>;
}

/**
 * A sender never seen under its id but signing with the key of a trusted peer is that computer
 * under a new id (restored from a backup, or posing as a newcomer): it gets that key's trust, no
 * more. `formerIds` only picks which earlier id it is listed under; it never grants anything.
 */
function continuedPeer(ctx: CoreContext, manifest: BundleManifest): KeyTrust | null {
  const trust = trustOfKey(ctx, manifest.sender.publicKey);
  if (!trust) return null;
  for (const formerId of manifest.formerIds ?? []) {
    const peer = findPeer(ctx, formerId);
    if (peer && peer.trustedAt !== null && peer.publicKey === manifest.sender.publicKey) return { ...trust, peer };
  }
  return trust;
}

/** Whether the sender is this computer, trusted, revoked, or new (refused unless it is to be trusted, or only previewed). */
export function judgeSender(
  ctx: CoreContext,
  manifest: BundleManifest,
  { refuseNewSender, certified = new Map() }: { refuseNewSender: boolean; certified?: ReadonlyMap<string, CertifiedOrigin> },
): SenderJudgement {
  const sender = manifest.sender;
  const senderFingerprint = fingerprintOf(sender.publicKey);
  const own = ownOrigins(ctx);
  // The key is the computer: a bundle signed with this computer's own key was made here, under any id.
  if (own.includes(sender.installationId) || sender.publicKey === ctx.keys.publicKey) refuse('own_bundle', msg('import.ownBundle'));
  const senderPeer = findPeer(ctx, sender.installationId);
  // A computer certified by the territory key is trusted within its certificate, with no phone call.
  const cert = certified.get(sender.installationId);
  if (cert) {
    if (cert.publicKey !== sender.publicKey) {
      refuse('changed_key', msg('import.senderKeyChanged', { name: cert.name, fingerprint: senderFingerprint, expected: fingerprintOf(cert.publicKey) }), { fingerprint: senderFingerprint });
    }
    if (cert.revoked) refuse('revoked', msg('enrolment.revokedSender', { name: cert.name, date: cert.revoked.at.slice(0, 10) }));
    return { own, senderPeer, continued: null, senderTrust: 'trusted', senderScope: cert.scope };
  }
  // A trusted installation restored from a backup comes back under a new id with the same key.
  const continued = senderPeer ? null : continuedPeer(ctx, manifest);
  let senderTrust: 'trusted' | 'unknown' = 'unknown';
  let senderScope: string[] | null = null;
  if (senderPeer && senderPeer.trustedAt !== null) {
    if (senderPeer.publicKey !== sender.publicKey) {
      refuse('changed_key', msg('import.senderKeyChanged', { name: senderPeer.name, fingerprint: senderFingerprint, expected: senderPeer.fingerprint }), { fingerprint: senderFingerprint });
    }
    if (senderPeer.revokedAt) refuse('revoked', msg('import.senderRevoked', { name: senderPeer.name, date: senderPeer.revokedAt.slice(0, 10) }));
    const trust = effectiveTrust(ctx, senderPeer);
    if (trust.revokedName !== null) refuse('revoked', msg('import.voucherRevoked', { name: senderPeer.name, voucher: trust.revokedName }));
    senderTrust = 'trusted';
    senderScope = trust.scope;
  } else if (continued) {
    if (continued.revokedName !== null) {
      // Revoked itself under an earlier id, or through whoever vouched for it: say which, never a made-up date.
      const { peer } = continued;
      refuse('revoked', peer.revokedAt ? msg('import.senderRevoked', { name: peer.name, date: peer.revokedAt.slice(0, 10) }) : msg('import.voucherRevoked', { name: peer.name, voucher: continued.revokedName }));
    }
    senderTrust = 'trusted';
    senderScope = continued.scope;
  } else if (refuseNewSender) {
    refuse('untrusted_sender', msg('import.untrustedSender', { name: sender.name, fingerprint: senderFingerprint }), { fingerprint: senderFingerprint, senderName: sender.name });
  }
  return { own, senderPeer, continued, senderTrust, senderScope };
}

/** Every origin's key must match what we have pinned; unknown origins come in vouched for by the sender. */
export function judgeOrigins(ctx: CoreContext, manifest: BundleManifest, judged: SenderJudgement, certified: ReadonlyMap<string, CertifiedOrigin> = new Map()): OriginJudgement {
  const { own, senderPeer, senderScope } = judged;
  const sender = manifest.sender;
  const origins: OriginJudgement = { newOrigins: [], originKey: new Map(), originScope: new Map(), revokedOrigins: new Map(), forgottenOwn: new Set(), certRevoked: new Map() };
  const { newOrigins, originKey, originScope, revokedOrigins, forgottenOwn, certRevoked } = origins;
  for (const [origin, key] of Object.entries(manifest.keys)) {
    if (own.includes(origin)) {
      if (key !== ctx.keys.publicKey) refuse('forged', msg('import.forgedOwnChanges'));
      originKey.set(origin, key);
      continue;
    }
    // Changes signed with this computer's own key under an id it forgot (a backup restored twice)
    // are its own history; only its key can have signed them, which the signature check verifies.
    if (key === ctx.keys.publicKey) {
      originKey.set(origin, key);
      forgottenOwn.add(origin);
      continue;
    }
    const cert = certified.get(origin);
    if (cert) {
      if (cert.publicKey !== key) {
        refuse('changed_key', msg('import.originKeyChanged', { name: cert.name, fingerprint: fingerprintOf(key), expected: fingerprintOf(cert.publicKey) }), { fingerprint: fingerprintOf(key) });
      }
      originScope.set(origin, cert.scope);
      if (cert.revoked) certRevoked.set(origin, { name: cert.name, ...cert.revoked });
      originKey.set(origin, key);
      continue;
    }
    const peer = origin === sender.installationId ? senderPeer : findPeer(ctx, origin);
    if (peer && peer.trustedAt !== null) {
      if (peer.publicKey !== key) {
        refuse('changed_key', msg('import.originKeyChanged', { name: peer.name, fingerprint: fingerprintOf(key), expected: peer.fingerprint }), { fingerprint: fingerprintOf(key) });
      }
      // Old changes from a revoked computer may still travel in others' bundles; its new ones are set aside.
      const trust = effectiveTrust(ctx, peer);
      if (trust.revokedName !== null) revokedOrigins.set(origin, { name: peer.name, fingerprint: peer.fingerprint });
      originScope.set(origin, trust.scope);
    } else {
      if (origin === sender.installationId && key !== sender.publicKey) refuse('forged', msg('import.senderKeyForged'));
      // A new id signing with a trusted peer's key is that peer, whoever relays it: its trust, no more.
      const sameKey = origin === sender.installationId ? null : trustOfKey(ctx, key);
      if (sameKey) {
        originScope.set(origin, sameKey.scope);
        if (sameKey.revokedName !== null) revokedOrigins.set(origin, { name: sameKey.peer.name, fingerprint: sameKey.peer.fingerprint });
        else newOrigins.push({ installationId: origin, publicKey: key, sameKeyAs: sameKey.peer });
      } else {
        newOrigins.push({ installationId: origin, publicKey: key, sameKeyAs: null });
        // An introduced origin may change no more than the installation that vouches for it.
        originScope.set(origin, senderScope);
      }
    }
    originKey.set(origin, key);
  }
  return origins;
}
