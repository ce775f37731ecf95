/** What the export wizard reads before writing a bundle (issue 11 §4): recipients, contents, destinations. */
import type { Role } from '../vocabulary';

/** How a bundle is (or will be) encrypted: to its recipients' own keys, with a passphrase, or not at all. */
export type BundleEncryption = 'recipients' | 'passphrase' | 'none';

/** A computer a bundle can be written for: an enrolled computer (its certificate) or a computer trusted by hand. */
export interface ExportRecipient {
  installationId: string;
  /** The computer's name (its certificate's once enrolled). */
  name: string;
  /** Who uses it; null for a computer trusted by hand (no certificate). */
  userName: string | null;
  role: Role | null;
  /** null: every community (the coordinator, or a computer trusted for all). */
  communityIds: string[] | null;
  communityNames: string[] | null;
  /** Enrolled with a valid certificate (not revoked). */
  enrolled: boolean;
  /** Its certificate names an encryption key: bundles for it need no passphrase. */
  hasEncryptionKey: boolean;
}

/** What a bundle will hold, per partition: one community, the territory-wide lists, or changes from before partitions. */
export interface ExportContentsPart {
  partition: string;
  kind: 'community' | 'territory' | 'legacy';
  /** The community's id and name (kind 'community'); null otherwise. */
  communityId: string | null;
  communityName: string | null;
  changesets: number;
}

export interface ExportContents {
  parts: ExportContentsPart[];
  changesetCount: number;
  /** 'recipients' when every recipient has an encryption key; 'passphrase' otherwise (a full bundle, or a computer not enrolled). */
  encryption: Exclude<BundleEncryption, 'none'>;
  /** The recipients that have no encryption key (why a passphrase is needed). */
  withoutKey: string[];
}

/** A folder a bundle can be written to, removable drives first. */
export interface BundleDestination {
  kind: 'removable' | 'documents' | 'home' | 'preview';
  /** What people call it: the drive's label, "Documents"… */
  name: string;
  folder: string;
  /** The suggested file in that folder (a free name). */
  file: string;
}
