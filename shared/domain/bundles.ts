/** Exchanging plan bundles: identity, peers, conflicts, imports and exports. */


export interface ConflictHead {
  opId: string;
  value: unknown;
  actor: string;
  origin: string;
  originName: string;
  at: string;
}

/** sync:digest: everything held, and per partition held (a community's id, "territory"; "?" for rows not yet placed). */
export interface ReplicatedDigest {
  digest: string;
  partitions: Record<string, string>;
}

export interface Conflict {
  id: string;
  /** Two people changed the same thing, or someone removed a row another person was editing. */
  kind: 'concurrent_edit' | 'removed_while_edited';
  table: string;
  rowId: string;
  field: string;
  label: string;
  heads: ConflictHead[];
}

export interface Identity {
  installationId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
}

export interface SyncStatus {
  versionVector: Record<string, number>;
  changesetCount: number;
  conflictCount: number;
  waitingRowCount: number;
}

export interface Peer {
  installationId: string;
  name: string;
  fingerprint: string;
  /** null: all communities. */
  scopeCommunityIds: string[] | null;
  trustedAt: string | null;
  revokedAt: string | null;
  introducedBy: string | null;
  acknowledged: Record<string, number>;
}

export interface ExportResult {
  file: string;
  bytes: number;
  changesetCount: number;
  encrypted: boolean;
  recipient: string | null;
}

export interface BundleInspection {
  formatVersion: number;
  encrypted: boolean;
  encryption: { kdf: string; N: number; r: number; p: number; cipher: string } | null;
  bytes: number;
  /** Present when the content could be read (unencrypted, or the passphrase was given). */
  manifest: {
    /** The sender's signature over the whole content checks out (the sender is who the bundle names). */
    signatureValid: boolean;
    bundleId: string;
    createdAt: string;
    sender: { installationId: string; name: string; fingerprint: string };
    recipient: string | null;
    full: boolean;
    changesetCount: number;
    origins: Array<{ installationId: string; fingerprint: string; changesets: number }>;
  } | null;
}

export interface ImportPreview {
  bundleId: string;
  sender: { installationId: string; name: string; fingerprint: string; trust: 'trusted' | 'unknown' };
  createdAt: string;
  changesetCount: number;
  newChangesetCount: number;
  alreadyImported: boolean;
  /** Origins whose changesets skip numbers we do not have yet (they will be asked for again). */
  /** Per (origin, partition): the partition is a community id, "territory", or "*" (before partitions). */
  gaps: Array<{ installationId: string; partition?: string; have: number; firstInBundle: number }>;
  changesPerPlan: Array<{ planId: string; communityName: string; fiscalYear: number; rows: number }>;
  otherChanges: number;
  newConflicts: Conflict[];
  newOrigins: Array<{ installationId: string; fingerprint: string }>;
  /** Changesets left out, not applied: new changes from revoked computers relayed by others. */
  setAside: Array<{ installationId: string; name: string; fingerprint: string; changesets: number; reason: 'revoked' }>;
}

/** A revoked peer, and the installations it had introduced, revoked with it. */
export interface Revocation extends Peer {
  alsoRevoked: Array<{ installationId: string; name: string; fingerprint: string }>;
}

export interface ImportResult extends ImportPreview {
  imported: boolean;
  backupFile: string | null;
}

export interface Exchange {
  id: string;
  direction: 'export' | 'import';
  bundleId: string;
  peerInstallationId: string | null;
  peerName: string | null;
  file: string;
  at: string;
  changesetCount: number;
  newChangesetCount: number;
  encrypted: boolean;
}
