/** Backups the person can use (issue 12, §6): made, listed, previewed, restored; where they go. */

/** Why a backup was made, read from its name; `other` for a name this version does not know. */
export type BackupReason = 'manual' | 'on-exit' | 'before-import' | 'before-migration' | 'before-restore' | 'other';

export interface BackupEntry {
  file: string;
  /** When the copy was made (from its name; its mark inside when previewed). */
  createdAt: string;
  bytes: number;
  reason: BackupReason;
  /** Which folder it was listed from: the chosen one (a USB stick) or the default beside the database. */
  place: 'chosen' | 'default';
}

export interface BackupMade extends BackupEntry {
  /** The chosen folder could not be used (the stick was removed): the copy went to the default folder. */
  fellBackFrom: string | null;
}

export interface BackupSettings {
  /** The folder the person chose (a USB stick), or null: the default folder beside the database. */
  folder: string | null;
  defaultFolder: string;
  /** False when a chosen folder cannot be used now (the stick is not there): backups go to the default folder. */
  folderAvailable: boolean;
  /** Make a backup when the planner closes (skipped when nothing changed since the last one). */
  onExit: boolean;
  /** How many backups the person's folder keeps (the oldest are deleted beyond it). */
  keep: number;
}

export interface BackupList {
  backups: BackupEntry[];
  settings: BackupSettings;
}

/** What a backup holds, read before restoring it. */
export interface BackupPreview {
  file: string;
  bytes: number;
  reason: BackupReason;
  /** When the copy was made: the mark inside it, else its name, else the file's time. */
  createdAt: string;
  installationName: string;
  territoryName: string | null;
  communities: number;
  /** Plans per fiscal year, oldest year first. */
  plansByYear: Array<{ fiscalYear: number; plans: number }>;
  changesets: number;
  /** Changesets this database holds that the backup does not (they come back from peers' bundles, or are lost if only here). */
  changesetsSince: number;
  /** The backup was made by an older planner: it is brought up to date when restored. */
  olderVersion: boolean;
}

export interface RestoreResult {
  restored: BackupPreview;
  /** The copy of the database as it was just before the restore (kept; it can be restored in turn). */
  preRestoreBackup: string;
  /** The migrations that brought an older backup up to date. */
  migrated: string[];
  /** The restored database continues under a new installation id (see changelog/restored-copy.ts). */
  installationId: string;
}

export type ExitBackupOutcome = { made: BackupMade; skipped: null } | { made: null; skipped: 'off' | 'unchanged' | 'not-set-up' };
