import type Database from 'better-sqlite3';

/**
 * Indexes an import may build once after storing instead of updating once per op: none of them
 * enforces anything (no UNIQUE), and nothing the storing step asks uses them. `ops_row` (the ops
 * of a row) is the largest: one entry per op, inserted in random order of row id.
 */
export const DEFERRABLE = ['ops_row'] as const;
/** Fewer changesets than this are stored with the indexes in place, whatever the log holds. */
export const DEFER_FROM = 500;

/**
 * Runs `work` (which stores `incoming` changesets, inside the caller's transaction) with the
 * deferrable indexes dropped, and builds them again from their own stored definitions afterwards,
 * when the import is large and at least doubles the log: building an index is one sort, as a
 * bulk load does, where thousands of random insertions cost several times more. A failure inside
 * `work` rolls the whole transaction back, the drop with it. Smaller imports run `work` as is.
 */
export function withIndexesDeferred<T>(sqlite: Database.Database, incoming: number, work: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withIndexesDeferred runs inside a transaction.');
  const held = (sqlite.prepare('SELECT max(n) FROM changesets').pluck().get() as number | null) ?? 0;
  if (incoming < DEFER_FROM || incoming < held) return work();
  const definitions = DEFERRABLE.map((name) => sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string | undefined);
  const present = DEFERRABLE.flatMap((name, i) => (definitions[i] ? [{ name, sql: definitions[i]! }] : []));
  for (const index of present) sqlite.exec(`DROP INDEX "${index.name}"`);
  const value = work();
  for (const index of present) sqlite.exec(index.sql);
  return value;
}
