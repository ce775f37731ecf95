import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Every row of every table, as sorted JSON lines per table: equal strings mean equal contents. */
export function tableContents(sqlite: Database.Database): Record<string, string[]> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      (sqlite.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort(),
    ]),
  );
}

/** A digest of every table's contents. */
export function digestOf(sqlite: Database.Database): string {
  return createHash('sha256').update(JSON.stringify(tableContents(sqlite))).digest('hex');
}

/** The digest of a database file, opened read-only (nothing is changed by looking). */
export function digestOfFile(file: string): string {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return digestOf(sqlite);
  } finally {
    sqlite.close();
  }
}
