/**
 * Backups the person can use (issue 12, §6; contract: shared/contract-backups.ts).
 *
 * - Where: the folder the person chose (a USB stick), kept in a small settings file beside the
 *   database (this computer's own choice, never replicated, never restored with a backup); when
 *   that folder is not there (the stick was removed), backups go to the default folder beside the
 *   database and the answer says so. Automatic safety copies (before an import, a migration, a
 *   restore) always stay in the default folder, so they never depend on a stick.
 * - Restore: the backup is copied beside the database and checked there (a sound SQLite file, a
 *   planner database, made by this planner or an older one, of THIS installation: same signing
 *   key, same territory, demo or not) before anything changes; then a backup of the current state
 *   is made, the connection closed, the live file moved aside, the checked copy renamed into place
 *   (fsync'd), and the database opened again (migrated forward; as a restored copy it continues
 *   under a new installation id, changelog/restored-copy.ts) and checked. If anything fails the
 *   moved-aside file is put back. A backup of another installation is refused: its identity is tied
 *   to another computer's private key, which this computer does not have; restoring it would make
 *   this computer sign as another, or not sign at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  backupDatabase,
  backupMarkTime,
  copyDurably,
  ensureBackupMark,
  listBackups,
  looksLikeSqlite,
  nameParts,
  pruneBackups,
  syncFile,
  syncFolder,
} from '../../../db/backups';
import { checkIntegrity, DEFAULT_KEEP_BACKUPS, knownMigrationTimes } from '../../../db/open-database';
import { replaceWithPrivateFile } from '../../../db/private-files';
import { KEEP_BACKUPS_DEFAULT, KEEP_BACKUPS_MAX, KEEP_BACKUPS_MIN } from '../../../shared/contract-backups';
import { type MessageRef, msg } from '../../../shared/core-messages';
import type { BackupEntry, BackupList, BackupMade, BackupPreview, BackupReason, BackupSettings, ExitBackupOutcome, RestoreResult } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { installationPublicKey } from '../queries/installation';
import { backupContents, type BackupContents, changeMark } from '../queries/backup-contents';
import { resolveMigrationsFolder } from '../../../db/migrations-folder';

interface StoredSettings {
  folder: string | null;
  onExit: boolean;
  keep: number;
  /** The change mark (queries/backup-contents.ts) when the last backup was made. */
  lastMark: string | null;
}

const DEFAULTS: StoredSettings = { folder: null, onExit: true, keep: KEEP_BACKUPS_DEFAULT, lastMark: null };

/** The settings file beside the database: this computer's choice, outside the database so a restore keeps it. */
export function settingsFile(ctx: Pick<CoreContext, 'dbFile'>): string {
  return `${ctx.dbFile}.backup-settings.json`;
}

function readStored(ctx: Pick<CoreContext, 'dbFile'>): StoredSettings {
  try {
    const raw = JSON.parse(fs.readFileSync(settingsFile(ctx), 'utf8')) as Partial<StoredSettings>;
    const keep = Number.isInteger(raw.keep) ? Math.min(KEEP_BACKUPS_MAX, Math.max(KEEP_BACKUPS_MIN, raw.keep!)) : DEFAULTS.keep;
    return {
      folder: typeof raw.folder === 'string' && raw.folder !== '' ? raw.folder : null,
      onExit: typeof raw.onExit === 'boolean' ? raw.onExit : DEFAULTS.onExit,
      keep,
      lastMark: typeof raw.lastMark === 'string' ? raw.lastMark : null,
    };
  } catch {
    // No file yet, or one damaged by hand: the defaults.
    return { ...DEFAULTS };
  }
}

function writeStored(ctx: Pick<CoreContext, 'dbFile'>, stored: StoredSettings): void {
  replaceWithPrivateFile(settingsFile(ctx), JSON.stringify(stored, null, 2));
}

/** Why a folder cannot take backups now, or null when it can. */
function folderProblem(folder: string): MessageRef | null {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return msg('backups.folderMissing', { folder });
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    return msg('backups.folderNotWritable', { folder });
  }
  return null;
}

function settingsOf(ctx: CoreContext, stored: StoredSettings): BackupSettings {
  return {
    folder: stored.folder,
    defaultFolder: ctx.backupDir,
    folderAvailable: stored.folder === null || folderProblem(stored.folder) === null,
    onExit: stored.onExit,
    keep: stored.keep,
  };
}

export function backupSettings(ctx: CoreContext): BackupSettings {
  return settingsOf(ctx, readStored(ctx));
}

export function updateBackupSettings(ctx: CoreContext, input: { folder?: string | null; onExit?: boolean; keep?: number }): BackupSettings {
  const stored = readStored(ctx);
  if (input.folder !== undefined) {
    if (input.folder === null) stored.folder = null;
    else {
      const folder = path.resolve(input.folder);
      const problem = folderProblem(folder);
      if (problem) throw new DomainError('invalid_input', problem);
      stored.folder = path.resolve(ctx.backupDir) === folder ? null : folder;
    }
  }
  if (input.onExit !== undefined) stored.onExit = input.onExit;
  if (input.keep !== undefined) stored.keep = input.keep;
  writeStored(ctx, stored);
  return settingsOf(ctx, stored);
}

function reasonOf(name: string): BackupReason {
  const reason = nameParts(name)?.reason;
  const known: BackupReason[] = ['manual', 'on-exit', 'before-import', 'before-migration', 'before-restore'];
  return known.includes(reason as BackupReason) ? (reason as BackupReason) : 'other';
}

/** Makes a backup where the person wants it (manual, on exit); the default folder when theirs is not there. */
export function makeBackup(ctx: CoreContext, reason: 'manual' | 'on-exit' = 'manual'): BackupMade {
  const stored = readStored(ctx);
  const usable = stored.folder !== null && folderProblem(stored.folder) === null;
  const folder = usable ? stored.folder! : ctx.backupDir;
  const made = backupDatabase(ctx.sqlite, folder, reason, new Date(ctx.clock.now()));
  // The default folder also holds the automatic copies: it keeps at least as many as before.
  pruneBackups(folder, ctx.dbFile, usable ? stored.keep : Math.max(stored.keep, DEFAULT_KEEP_BACKUPS * 2));
  writeStored(ctx, { ...stored, lastMark: changeMark(ctx.sqlite) });
  return { file: made.file, createdAt: made.createdAt, bytes: made.bytes, reason, place: usable ? 'chosen' : 'default', fellBackFrom: stored.folder !== null && !usable ? stored.folder : null };
}

export function listAllBackups(ctx: CoreContext): BackupList {
  const stored = readStored(ctx);
  const entries: BackupEntry[] = [];
  const seen = new Set<string>();
  const add = (folder: string, place: BackupEntry['place']) => {
    for (const b of listBackups(folder, ctx.dbFile)) {
      if (seen.has(b.file)) continue;
      seen.add(b.file);
      entries.push({ file: b.file, createdAt: b.createdAt, bytes: b.bytes, reason: reasonOf(b.file), place });
    }
  };
  if (stored.folder !== null && folderProblem(stored.folder) === null) add(stored.folder, 'chosen');
  add(ctx.backupDir, 'default');
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { backups: entries, settings: settingsOf(ctx, stored) };
}

/** The backup on exit: skipped when turned off, or when nothing changed since the last backup. */
export function backupOnExit(ctx: CoreContext): ExitBackupOutcome {
  const stored = readStored(ctx);
  if (!stored.onExit) return { made: null, skipped: 'off' };
  if (installationPublicKey(ctx.sqlite) === null) return { made: null, skipped: 'not-set-up' };
  if (stored.lastMark !== null && stored.lastMark === changeMark(ctx.sqlite)) return { made: null, skipped: 'unchanged' };
  return { made: makeBackup(ctx, 'on-exit'), skipped: null };
}

// Restoring.

/** The checked copy beside the database, and what it holds. */
interface CheckedCopy {
  copy: string;
  contents: BackupContents;
  preview: BackupPreview;
}

function refuse(ref: MessageRef): never {
  throw new DomainError('invalid_input', ref);
}

/**
 * Copies the backup beside the database and checks the copy: a sound planner database of this
 * installation, made by this planner or an older one. Refuses with a sentence otherwise (the copy
 * removed, nothing else touched).
 */
function checkedCopy(ctx: CoreContext, requested: string): CheckedCopy {
  const file = path.resolve(requested);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) refuse(msg('backups.fileMissing', { file }));
  if (file === ctx.dbFile || fs.realpathSync(file) === fs.realpathSync(ctx.dbFile)) refuse(msg('backups.isLiveDatabase'));
  if (!looksLikeSqlite(file)) refuse(msg('backups.notADatabase', { file }));
  const copy = `${ctx.dbFile}.restoring`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${copy}${suffix}`, { force: true });
  copyDurably(file, copy);
  let keep = false;
  try {
    const checked = inspectCopy(ctx, file, copy, stat.size);
    keep = true;
    return checked;
  } finally {
    if (!keep) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}

function inspectCopy(ctx: CoreContext, file: string, copy: string, bytes: number): CheckedCopy {
  let db: Database.Database;
  try {
    db = new Database(copy, { fileMustExist: true });
  } catch {
    refuse(msg('backups.damaged', { file }));
  }
  try {
    let contents: BackupContents | null;
    let markTime: string | null;
    try {
      const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      if (integrity.some((r) => r.integrity_check !== 'ok')) refuse(msg('backups.damaged', { file }));
      contents = backupContents(db);
      markTime = backupMarkTime(db);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      refuse(msg('backups.damaged', { file }));
    }
    if (!contents) refuse(msg('backups.notPlanner', { file }));
    const known = new Set(knownMigrationTimes(ctx.migrationsFolder ?? resolveMigrationsFolder()));
    if (contents.appliedMigrations.some((when) => !known.has(when))) refuse(msg('backups.newerVersion'));
    const live = backupContents(ctx.sqlite);
    if (!live || !ctx.keys.publicKey) refuse(msg('backups.notSetUp'));
    if (contents.publicKey !== ctx.keys.publicKey) refuse(msg('backups.otherComputer', { name: contents.installationName }));
    if (contents.isDemo !== live.isDemo) refuse(msg('backups.demoMismatch'));
    if (contents.territoryId !== null && live.territoryId !== null && contents.territoryId !== live.territoryId) refuse(msg('backups.otherTerritory'));
    const liveChangesets = live.changesets;
    const preview: BackupPreview = {
      file,
      bytes,
      reason: reasonOf(file),
      createdAt: markTime ?? nameParts(file)?.createdAt ?? fs.statSync(file).mtime.toISOString(),
      installationName: contents.installationName,
      territoryName: contents.territoryName,
      communities: contents.communities,
      plansByYear: contents.plansByYear,
      changesets: contents.changesets,
      changesetsSince: Math.max(0, liveChangesets - contents.changesets),
      olderVersion: contents.appliedMigrations.length < known.size,
    };
    // Opened as the live database it must know it went back in time (a file copied by hand has no mark).
    ensureBackupMark(db, new Date(ctx.clock.now()));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    return { copy, contents, preview };
  } finally {
    db.close();
  }
}

export function previewBackup(ctx: CoreContext, file: string): BackupPreview {
  const checked = checkedCopy(ctx, file);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${checked.copy}${suffix}`, { force: true });
  return checked.preview;
}

export function restoreBackup(ctx: CoreContext, file: string): RestoreResult {
  if (!ctx.reopenAfter) throw new Error('This core cannot reopen its database.');
  const checked = checkedCopy(ctx, file);
  const aside = `${ctx.dbFile}.before-restore`;
  let preRestore: string;
  try {
    // Every change made so far is in the live file; the checkpoint fails while another program reads it.
    const busy = ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)', { simple: false }) as Array<{ busy: number }>;
    if (busy[0]?.busy) throw new DomainError('busy', msg('backups.databaseBusy'));
    preRestore = backupDatabase(ctx.sqlite, ctx.backupDir, 'before-restore', new Date(ctx.clock.now())).file;
    pruneBackups(ctx.backupDir, ctx.dbFile, DEFAULT_KEEP_BACKUPS * 2);
  } catch (error) {
    fs.rmSync(checked.copy, { force: true });
    throw error;
  }
  const companions = ['-wal', '-shm', '-journal'];
  const putBack = () => {
    if (!fs.existsSync(aside)) return;
    for (const suffix of companions) fs.rmSync(`${ctx.dbFile}${suffix}`, { force: true });
    fs.renameSync(aside, ctx.dbFile);
    syncFolder(path.dirname(ctx.dbFile));
  };
  let migrated: string[];
  try {
    migrated = ctx.reopenAfter(() => {
      // Closed: SQLite checkpointed the log into the file. The live file moves aside (kept until
      // the restored one is open and sound), the checked copy takes its name.
      fs.rmSync(aside, { force: true });
      fs.renameSync(ctx.dbFile, aside);
      for (const suffix of companions) fs.rmSync(`${ctx.dbFile}${suffix}`, { force: true });
      try {
        syncFile(checked.copy);
        fs.renameSync(checked.copy, ctx.dbFile);
        syncFolder(path.dirname(ctx.dbFile));
      } catch (error) {
        putBack();
        throw error;
      }
    }).appliedMigrations;
    const integrity = checkIntegrity(ctx.sqlite);
    if (!integrity.ok) throw new Error(`The restored database failed its check: ${integrity.problems.slice(0, 3).join(' ')}`);
  } catch (error) {
    fs.rmSync(checked.copy, { force: true });
    if (fs.existsSync(aside)) ctx.reopenAfter(putBack);
    if (error instanceof DomainError) throw error;
    throw new DomainError('conflict', msg('backups.putBack'), { cause: error instanceof Error ? error.message : String(error) });
  }
  fs.rmSync(aside, { force: true });
  // The restored state is now the last backup's: on exit, a backup is made only after new changes.
  const stored = readStored(ctx);
  writeStored(ctx, { ...stored, lastMark: changeMark(ctx.sqlite) });
  return { restored: checked.preview, preRestoreBackup: preRestore, migrated, installationId: readProfile(ctx).installationId };
}
