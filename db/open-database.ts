import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { backupDatabase, listBackups, pruneBackups } from './backups';
import { resolveMigrationsFolder } from './migrations-folder';
import { deflateStoredBodies, registerChangesetFunctions } from './changeset-text';
import { createEmptyPrivateFile, makePrivateFolder, tightenOwnFile } from './private-files';

export type PlannerDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: PlannerDb;
  file: string;
  backupDir: string;
  /** The migration files applied at this opening (empty when the database was up to date). */
  appliedMigrations: string[];
}

export interface OpenDatabaseOptions {
  backupDir?: string;
  migrationsFolder?: string;
  /** How long a statement waits for another connection's lock before SQLite answers "busy" (ms). */
  busyTimeoutMs?: number;
  /** How many automatic backups to keep. */
  keepBackups?: number;
}

export const DEFAULT_KEEP_BACKUPS = 5;

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

/** The creation times of the committed migrations this planner knows (a database with others was made by a newer planner). */
export function knownMigrationTimes(migrationsFolder: string): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((e) => e.when);
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  const applied = new Set<number>();
  if (hasTable) {
    for (const row of sqlite.prepare('SELECT created_at FROM __drizzle_migrations').all() as Array<{ created_at: number }>) {
      applied.add(Number(row.created_at));
    }
  }
  return journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
}

/** The files SQLite keeps beside a database in WAL mode (and a rollback journal left by an older version). */
const COMPANIONS = [['-wal', 'write-ahead log'], ['-shm', 'shared-memory file'], ['-journal', 'journal']] as const;

/**
 * Only the owner may read the database: a new one is created empty and 0600 before SQLite opens it
 * (SQLite gives its -wal and -shm files the database file's mode); an existing one of ours, and
 * its companions and backups, are made 0600 if an older version left them readable by others; a
 * database or companion that belongs to another user is refused (FileRefused).
 */
function protectDatabaseFiles(file: string, backupDir: string): void {
  makePrivateFolder(path.dirname(file));
  if (!fs.existsSync(file)) createEmptyPrivateFile(file);
  tightenOwnFile(file, 'database');
  for (const [suffix, what] of COMPANIONS) tightenOwnFile(`${file}${suffix}`, `database's ${what}`);
  if (fs.existsSync(backupDir)) {
    makePrivateFolder(backupDir, { tighten: true });
    for (const backup of listBackups(backupDir, file)) {
      try {
        tightenOwnFile(backup.file, 'backup');
      } catch {
        // Someone else's file in our backups folder is not ours to change, and it is not opened.
      }
    }
  }
}

/**
 * Opens (creating if needed) the planner database, owner-only: WAL, foreign keys, a busy timeout;
 * backs it up when it already holds data and migrations are pending; then applies the committed
 * migrations.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const migrationsFolder = options.migrationsFolder ?? resolveMigrationsFolder();
  const backupDir = options.backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  // A folder at that path is left for SQLite to refuse, as before.
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) protectDatabaseFiles(path.resolve(file), backupDir);

  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('cache_size = -32768');

    const pending = pendingMigrations(sqlite, migrationsFolder);
    if (pending.length > 0 && existed) {
      backupDatabase(sqlite, backupDir, 'before-migration');
      pruneBackups(backupDir, file, options.keepBackups ?? DEFAULT_KEEP_BACKUPS);
    }
    registerChangesetFunctions(sqlite);
    const db = drizzle(sqlite, { schema });
    if (pending.length > 0) migrate(db, { migrationsFolder });
    // Bodies an older planner stored as text are deflated once, after the migration that allows it (0006).
    if (pending.length > 0) deflateStoredBodies(sqlite);
    return { sqlite, db, file, backupDir, appliedMigrations: pending };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Runs SQLite's integrity check and foreign key check; an empty problem list means healthy. */
export function checkIntegrity(sqlite: Database.Database): { ok: boolean; problems: string[] } {
  const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const fk = sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  for (const f of fk) problems.push(`A row in ${f.table} refers to a missing row in ${f.parent}.`);
  return { ok: problems.length === 0, problems };
}
