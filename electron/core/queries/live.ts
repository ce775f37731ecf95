/**
 * The live-row filter, written once. A removal is a soft delete that travels like any edit: it
 * sets `deleted_at`, and every read of the planning data leaves such rows out unless it asks for
 * them (restoring, or naming a changed row in the history).
 */
import { isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** The filter for a Drizzle query. */
export function isLive(table: { deletedAt: SQLiteColumn }): SQL {
  return isNull(table.deletedAt);
}

/** The same filter in raw SQL, for the table aliased `alias` (or unaliased, when omitted). */
export function live(alias?: string): string {
  return alias ? `${alias}.deleted_at IS NULL` : 'deleted_at IS NULL';
}

/** A row read by id is there and live (or there at all, when removed rows are wanted). */
export function isLiveRow<R extends { deletedAt: string | null }>(row: R | undefined, { includeRemoved = false } = {}): row is R {
  return row !== undefined && (includeRemoved || !row.deletedAt);
}

/** A row as the domain shows it: without its removal mark. */
export function withoutRemovalMark<R extends { deletedAt: string | null }>(row: R): Omit<R, 'deletedAt'> {
  const { deletedAt: _removed, ...rest } = row;
  return rest;
}
