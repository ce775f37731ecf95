/**
 * Why a plan bundle was refused. The core puts the reason in the details of its error
 * ({ reason, … }); the command line picks its hint by it and the import dialog its next step, so
 * the codes are declared once, here, for all of them.
 */

/** Refusals about who sent a file or what it may change: the core answers 'forbidden'. */
const ABOUT_THE_SENDER = ['untrusted_sender', 'changed_key', 'revoked', 'out_of_scope', 'forged', 'seq_reused', 'own_bundle', 'other_territory', 'demo_mismatch'] as const;
/** Refusals about the file itself (its size, format, passphrase, content): 'invalid_input'. */
const ABOUT_THE_FILE = ['too_large', 'not_a_bundle', 'unsupported_version', 'newer_version', 'damaged', 'passphrase_required', 'wrong_passphrase', 'bad_signature', 'not_for_this_computer'] as const;

export const BUNDLE_REFUSAL_REASONS = [...ABOUT_THE_FILE, ...ABOUT_THE_SENDER] as const;
export type BundleRefusalReason = (typeof BUNDLE_REFUSAL_REASONS)[number];

/** What the details of a refusal hold: the reason, and for some reasons the key and name it is about. */
export interface BundleRefusalDetails {
  reason: BundleRefusalReason;
  /** The fingerprint of the key that was refused (untrusted_sender, changed_key). */
  fingerprint?: string;
  /** The name the sender gives itself (untrusted_sender). */
  senderName?: string;
}

/** The error code a refusal is answered with. */
export function refusalCode(reason: BundleRefusalReason): 'forbidden' | 'invalid_input' {
  return (ABOUT_THE_SENDER as readonly string[]).includes(reason) ? 'forbidden' : 'invalid_input';
}

export function isBundleRefusalReason(value: unknown): value is BundleRefusalReason {
  return typeof value === 'string' && (BUNDLE_REFUSAL_REASONS as readonly string[]).includes(value);
}

/** The reason named by an error's details, when they name one of these; null otherwise. */
export function bundleRefusalReason(details: unknown): BundleRefusalReason | null {
  const reason = typeof details === 'object' && details !== null ? (details as { reason?: unknown }).reason : undefined;
  return isBundleRefusalReason(reason) ? reason : null;
}
