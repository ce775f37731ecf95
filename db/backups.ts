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
    .map((name) => {
      const file = path.join(backupDir, name);
      const stat = fs.statSync(file);
      return { file, createdAt: stat.mtime.toISOString(), bytes: stat.size };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` backups of one database and deletes the rest. */
export function pruneBackups(backupDir: string, databaseFile: string, keep: number): void {
  for (const old of listBackups(backupDir, databaseFile).slice(keep)) fs.rmSync(old.file, { force: true });
}
