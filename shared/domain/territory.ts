/** The territory, its key, and the certificates by which the coordinator says who is who (issue 10, §2–3). */
import type { Locale, Role } from '../vocabulary';

/**
 * Where this database stands:
 * - 'new': no profile yet (first start: start a territory, join one, or open the demo);
 * - 'joining': a profile exists, waiting for its enrolment bundle from the coordinator;
 * - 'ready': in use (enrolled, the coordinator of a territory, or an unenrolled scratch/demo database).
 */
export type SetupStateName = 'new' | 'joining' | 'ready';

export interface TerritorySummary {
  id: string;
  name: string;
  /** The territory key's fingerprint ("K7QD-3MZP-…"): what every member checks once, by phone. */
  fingerprint: string;
}

export interface CertificateSummary {
  serial: string;
  issuedAt: string;
  role: Role;
  /** null: all communities (a coordinator's certificate only). */
  communityIds: string[] | null;
}

export interface SetupState {
  state: SetupStateName;
  isDemo: boolean;
  locale: Locale;
  territory: TerritorySummary | null;
  role: Role | null;
  /** The communities of this computer's certificate; null when all (or not enrolled). */
  communities: Array<{ id: string; name: string }> | null;
  certificate: CertificateSummary | null;
}

/** The signed body of a certificate (canonical JSON, keys in this order). */
export interface CertificateBody {
  kind: 'certificate';
  version: 1;
  serial: string;
  territoryId: string;
  territoryName: string;
  installationId: string;
  name: string;
  userName: string;
  role: Role;
  communityIds: string[] | null;
  /** The installation's Ed25519 signing key (SPKI DER, base64). */
  signingKey: string;
  issuedAt: string;
  /** The serial of the certificate this one replaces (re-enrolment of a replacement computer). */
  replacesSerial: string | null;
  /** The installation's X25519 encryption key (SPKI DER, base64); absent from certificates issued before bundles were encrypted to recipients. */
  encryptionKey?: string;
}

/** The signed body of a revocation. */
export interface RevocationBody {
  kind: 'revocation';
  version: 1;
  serial: string;
  territoryId: string;
  installationId: string;
  revokedAt: string;
  reason: string;
  /** The highest seq of that origin the coordinator held: changes up to it still count, later ones are refused. */
  acceptedUpTo: number;
  /**
   * Per partition (changesets are numbered per origin and partition): the highest seq the
   * coordinator held in each. Revocations written before partitions have only `acceptedUpTo`.
   */
  acceptedByPartition?: Record<string, number>;
}

/** An enrolment request the coordinator has read. */
export interface EnrolmentRequestInfo {
  requestId: string;
  installationId: string;
  computerName: string;
  userName: string;
  /** The fingerprint of the request's signing key, to read back by phone if wanted. */
  fingerprint: string;
  /** The request names the computer's encryption key: its enrolment bundle is encrypted to it, with no passphrase. */
  hasEncryptionKey: boolean;
  createdAt: string;
  receivedAt: string;
  /** The certificate issued in answer, if any. */
  certificateSerial: string | null;
}

export interface IssuedCertificate {
  serial: string;
  installationId: string;
  name: string;
  userName: string;
  role: Role;
  communityIds: string[] | null;
  /** Names of the certified communities (same order), for display; null when all. */
  communityNames: string[] | null;
  issuedAt: string;
  fingerprint: string;
  replacesSerial: string | null;
  revoked: { at: string; reason: string; acceptedUpTo: number } | null;
}

export interface EnrolmentList {
  requests: EnrolmentRequestInfo[];
  certificates: IssuedCertificate[];
}

export interface EnrolmentRequestWritten {
  file: string;
  requestId: string;
  installationId: string;
  fingerprint: string;
}

export interface EnrolmentIssued {
  certificate: IssuedCertificate;
  file: string;
  encrypted: boolean;
  /** The enrolment bundle holds all the data for now (need-to-know filtering is issue 11). */
  changesetCount: number;
}

export interface EnrolmentAccepted {
  setup: SetupState;
  changesetCount: number;
  newChangesetCount: number;
}

export interface CertificateRevoked {
  serial: string;
  installationId: string;
  name: string;
  revokedAt: string;
  reason: string;
  acceptedUpTo: number;
}

export interface RecoveryExported {
  file: string;
  /** Shown once, for printing: groups of 4 characters separated by dashes. */
  recoveryCode: string;
  fingerprint: string;
}

export interface TerritoryKeyRotated {
  fingerprint: string;
  formerFingerprint: string;
  rotatedAt: string;
}
