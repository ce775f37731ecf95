/** Reads of the change log for the history screen, and of any replicated row by table and id. */
import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import type { CoreContext } from '../changelog/core-context';

export interface ChangesetHead {
  id: string;
  seq: number;
  at: string;
  actor: string;
  origin: string;
  method: string;
}

/**
 * The newest changesets first, optionally only those touching one row, and optionally only those
 * of some partitions (a community's id, 'territory').
 */
export function recentChangesets(ctx: CoreContext, rowId: string | null, limit: number, partitions: string[] | null = null): ChangesetHead[] {
  return ctx.sqlite
    .prepare(
      `SELECT cs.id, cs.seq, cs.created_at AS at, cs.actor, cs.origin, cs.method
         FROM changesets cs
        WHERE (@rowId IS NULL OR cs.n IN (SELECT o.cs FROM ops o WHERE o.row_id = @rowId))
          AND (@partitions IS NULL OR cs.partition IN (SELECT value FROM json_each(@partitions)))
        ORDER BY cs.hlc DESC LIMIT @limit`,
    )
    .all({ rowId, limit, partitions: partitions === null ? null : JSON.stringify(partitions) }) as ChangesetHead[];
}

/** A reader of a changeset's ops, in the order they were written. */
export function changesetOps(ctx: CoreContext): (changesetId: string) => Array<{ table: string; rowId: string; field: string; value: unknown }> {
  const statement = ctx.sqlite.prepare(
    'SELECT f.table_name AS tableName, o.row_id AS rowId, f.field, o.value FROM ops o JOIN changesets c ON c.n = o.cs JOIN op_fields f ON f.k = o.field_key WHERE c.id = ? ORDER BY o.position',
  );
  return (changesetId) =>
    (statement.all(changesetId) as Array<{ tableName: string; rowId: string; field: string; value: string }>).map((o) => ({
      table: o.tableName,
      rowId: o.rowId,
      field: o.field,
      value: JSON.parse(o.value) as unknown,
    }));
}

/** The tables a history entry can name, by their name in the change log. */
const NAMED_TABLES = {
  plans: schema.plans,
  planRevisions: schema.planRevisions,
  priorities: schema.priorities,
  actions: schema.actions,
  indicators: schema.indicators,
  indicatorValues: schema.indicatorValues,
  progressEntries: schema.progressEntries,
  reportSubmissions: schema.reportSubmissions,
  reportComments: schema.reportComments,
  communities: schema.communities,
  detachments: schema.detachments,
  organisations: schema.organisations,
  people: schema.people,
  themes: schema.themes,
  commitments: schema.commitments,
  milestones: schema.milestones,
  practices: schema.practices,
  practiceProposals: schema.practiceProposals,

  reportReviews: schema.reportReviews,
} as const;
export type NamedTable = keyof typeof NAMED_TABLES;
type RowOf<T extends NamedTable> = (typeof NAMED_TABLES)[T]['$inferSelect'];

/** A row as it is now, removed or not; undefined when it is not here. */
export function anyRow<T extends NamedTable>(ctx: CoreContext, table: T, rowId: string): RowOf<T> | undefined {
  const t = NAMED_TABLES[table] as SQLiteTable & { id: SQLiteColumn };
  return ctx.db.select().from(t).where(eq(t.id, rowId)).get() as RowOf<T> | undefined;
}
