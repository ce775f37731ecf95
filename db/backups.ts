import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createEmptyPrivateFile, makePrivateFolder } from './private-files';

export interface BackupFile {
  file: string;
  createdAt: string;
  bytes: number;
}

/**
 * Backups are named after their database ("planner-backup-…" for planner.db), so databases that
 * share a folder never list or prune each other's backups.
 */
function prefixOf(databaseFile: string): string {
  return `${path.basename(databaseFile).replace(/\.db$/i, '')}-backup-`;
}

/**
 * Writes a consistent copy of the open database with `VACUUM INTO` (safe while the database is
 * in use, and synchronous, so a backup is complete before a migration or import starts), only its
 * owner can read, in a folder only its owner can open.
 */
export function backupDatabase(sqlite: Database.Database, backupDir: string, reason: string, now: Date = new Date()): BackupFile {
  makePrivateFolder(backupDir, { tighten: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const safeReason = reason.replace(/[^a-z0-9-]/gi, '').slice(0, 30) || 'manual';
  const prefix = prefixOf(sqlite.name);
  let file = path.join(backupDir, `${prefix}${stamp}-${safeReason}.db`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(backupDir, `${prefix}${stamp}-${safeReason}-${n}.db`);
  // Written under a temporary name and renamed: a crash midway never leaves a half backup that
  // looks like a real one. VACUUM INTO fills an empty file and keeps its mode: owner-only.
  const partial = `${file}.partial`;
  createEmptyPrivateFile(partial);
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    markAsBackupCopy(partial, now);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  return { file, createdAt: now.toISOString(), bytes: fs.statSync(file).size };
}

/**
 * The mark a backup copy carries, and a live database never does: a table of its own, outside the
 * Drizzle schema, so that copies of every schema version carry it (even the one made just before
 * a migration) and migrations never see it. A database opened with it went back in time.
 */
export const BACKUP_MARK_TABLE = 'backup_copy_mark';

/** Marks the copy: if it is ever opened as the live database, it knows it is an older copy. */
function markAsBackupCopy(file: string, now: Date): void {
  const copy = new Database(file);
  try {
    copy.exec(`CREATE TABLE IF NOT EXISTS "${BACKUP_MARK_TABLE}" (made_at TEXT NOT NULL)`);
    copy.prepare(`INSERT INTO "${BACKUP_MARK_TABLE}" (made_at) VALUES (?)`).run(now.toISOString());
  } finally {
    copy.close();
  }
}

export function listBackups(backupDir: string, databaseFile: string): BackupFile[] {
  if (!fs.existsSync(backupDir)) return [];
  const prefix = prefixOf(databaseFile);
  return fs
    .readdirSync(backupDir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.db'))
    .flatMap((name) => {
      const file = path.join(backupDir, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) return [];
      // The time in the name is when the copy was made; a file copied to a stick has a newer mtime.
      return [{ file, createdAt: nameParts(name)?.createdAt ?? stat.mtime.toISOString(), bytes: stat.size }];
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** The time and reason written in a backup's name ("planner-backup-2026-12-03T03-11-42-123Z-on-exit.db"). */
export function nameParts(name: string): { createdAt: string; reason: string } | null {
  const found = /-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+?)(?:-\d+)?\.db$/i.exec(path.basename(name));
  if (!found) return null;
  const [, day, h, m, sec, ms, reason] = found;
  return { createdAt: `${day}T${h}:${m}:${sec}.${ms}Z`, reason: reason! };
}

/** When the copy was made, from the mark inside it; null for a file that carries no mark. */
export function backupMarkTime(copy: Database.Database): string | null {
  const marked = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(BACKUP_MARK_TABLE) !== undefined;
  if (!marked) return null;
  const row = copy.prepare(`SELECT made_at AS at FROM "${BACKUP_MARK_TABLE}" ORDER BY rowid LIMIT 1`).get() as { at: string } | undefined;
  return row?.at ?? null;
}

/** Marks a copy that is about to become the live database (a file copied by hand carries no mark). */
export function ensureBackupMark(copy: Database.Database, now: Date): void {
  if (backupMarkTime(copy) !== null) return;
  copy.exec(`CREATE TABLE IF NOT EXISTS "${BACKUP_MARK_TABLE}" (made_at TEXT NOT NULL)`);
  copy.prepare(`INSERT INTO "${BACKUP_MARK_TABLE}" (made_at) VALUES (?)`).run(now.toISOString());
}

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

/** True when the file starts like an SQLite database (a text file, a PDF or a bundle does not). */
export function looksLikeSqlite(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Copies a file to a new owner-only file and forces it to the disk before returning. */
export function copyDurably(from: string, to: string): void {
  fs.rmSync(to, { force: true });
  createEmptyPrivateFile(to);
  fs.copyFileSync(from, to);
  // copyFile gives the copy its source's mode: a backup stays readable by its owner only.
  if (process.platform !== 'win32') fs.chmodSync(to, 0o600);
  syncFile(to);
}

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Forces a folder's entries (a rename) to the disk; some systems (Windows) cannot, and need not. */
export function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its renames are durable through NTFS's journal.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * How much room the backups of one database may take together in one folder. With the compact
 * change log (migration 0006) a scale-10 territory's copy is about 25 MB, so this holds several.
 */
export const BACKUPS_TOTAL_BUDGET_BYTES = 200 * 1024 * 1024;

/**
 * The backup policy: of one database's backups in one folder, the newest is always kept (never the
 * only copy deleted, however large); then each next newest while the kept ones stay within `keep`
 * files AND `maxTotalBytes` together; that one and every older one are deleted. Returns the deleted files.
 */
export function pruneBackups(backupDir: string, databaseFile: string, keep: number, maxTotalBytes: number = BACKUPS_TOTAL_BUDGET_BYTES): string[] {
  const backups = listBackups(backupDir, databaseFile);
  let total = 0;
  let kept = 0;
  for (const backup of backups) {
    const fits = kept === 0 || (kept < keep && total + backup.bytes <= maxTotalBytes);
    if (!fits) break;
    total += backup.bytes;
    kept += 1;
  }
  const deleted = backups.slice(kept).map((b) => b.file);
  for (const file of deleted) fs.rmSync(file, { force: true });
  return deleted;
}
