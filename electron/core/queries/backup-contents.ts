/**
 * What a backup copy holds, read from its own SQLite connection (not this installation's): its
 * installation row, territory, communities, plans per fiscal year and changesets. A copy made by
 * an older planner may lack later columns: each read asks only for what every version had.
 */
import type Database from 'better-sqlite3';

export interface BackupContents {
  installationId: string;
  installationName: string;
  publicKey: string | null;
  territoryId: string | null;
  territoryName: string | null;
  isDemo: boolean;
  communities: number;
  plansByYear: Array<{ fiscalYear: number; plans: number }>;
  changesets: number;
  /** The creation times of the migrations the copy has had (a newer planner's are unknown here). */
  appliedMigrations: number[];
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function columnsOf(sqlite: Database.Database, table: string): Set<string> {
  return new Set((sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
}

/** Null when the file is a database but not the planner's (no installation row). */
export function backupContents(sqlite: Database.Database): BackupContents | null {
  if (!hasTable(sqlite, 'installation') || !hasTable(sqlite, 'communities') || !hasTable(sqlite, 'plans') || !hasTable(sqlite, 'changesets')) return null;
  const cols = columnsOf(sqlite, 'installation');
  if (!cols.has('installation_id') || !cols.has('name')) return null;
  const pick = (c: string) => (cols.has(c) ? c : 'NULL');
  const row = sqlite
    .prepare(`SELECT installation_id AS id, name, ${pick('public_key')} AS publicKey, ${pick('territory_id')} AS territoryId, ${pick('is_demo')} AS isDemo FROM installation WHERE key = 1`)
    .get() as { id: string; name: string; publicKey: string | null; territoryId: string | null; isDemo: number | null } | undefined;
  if (!row) return null;
  const territoryName = hasTable(sqlite, 'territory') ? ((sqlite.prepare('SELECT name FROM territory WHERE key = 1').pluck().get() as string | undefined) ?? null) : null;
  const live = (table: string) => (columnsOf(sqlite, table).has('deleted_at') ? 'WHERE deleted_at IS NULL' : '');
  const communities = sqlite.prepare(`SELECT count(*) FROM communities ${live('communities')}`).pluck().get() as number;
  const plansByYear = sqlite
    .prepare(`SELECT fiscal_year AS fiscalYear, count(*) AS plans FROM plans ${live('plans')} GROUP BY fiscal_year ORDER BY fiscal_year`)
    .all() as Array<{ fiscalYear: number; plans: number }>;
  const changesets = sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
  const appliedMigrations = hasTable(sqlite, '__drizzle_migrations')
    ? (sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as Array<number | string>).map(Number)
    : [];
  return {
    installationId: row.id,
    installationName: row.name,
    publicKey: row.publicKey,
    territoryId: row.territoryId,
    territoryName,
    isDemo: Boolean(row.isDemo),
    communities,
    plansByYear,
    changesets,
    appliedMigrations,
  };
}

/** A mark of the changesets a database holds, to tell whether anything changed since the last backup. */
export function changeMark(sqlite: Database.Database): string {
  const row = sqlite.prepare('SELECT count(*) AS n, coalesce(max(rowid), 0) AS top FROM changesets').get() as { n: number; top: number };
  return `${row.n}:${row.top}`;
}
