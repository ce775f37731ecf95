import { eq } from 'drizzle-orm';
import type { CoreContext } from '../core-context';
import { replicatedTables, type ReplicatedTableName } from '../replicated-tables';
import type { RowRef } from './changeset-store';

const tableOrder = Object.keys(replicatedTables) as ReplicatedTableName[];

function isReplicated(table: string): table is ReplicatedTableName {
  return Object.prototype.hasOwnProperty.call(replicatedTables, table);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

type Outcome = 'written' | 'pending';

/**
 * Writes the winning value of every field of a row into its table. A row whose parent has not
 * arrived (or whose creating ops have not) cannot be inserted yet: it waits, hidden, in
 * pending_rows, and is tried again whenever more ops arrive.
 */
function materializeRow(ctx: CoreContext, table: ReplicatedTableName, rowId: string): Outcome {
  const { table: drizzleTable, fields } = replicatedTables[table];
  const idColumn = (drizzleTable as unknown as { id: Parameters<typeof eq>[0] }).id;
  const heads = ctx.recorder.register.headsOfRow(table, rowId);
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const winner = heads.get(field)?.[0];
    if (winner) values[field] = JSON.parse(winner.value);
  }
  const pending = ctx.sqlite.prepare('INSERT OR REPLACE INTO pending_rows (table_name, row_id, reason) VALUES (?, ?, ?)');
  const existing = ctx.db.select().from(drizzleTable).where(eq(idColumn, rowId)).get() as Record<string, unknown> | undefined;
  try {
    if (existing) {
      const patch = Object.fromEntries(Object.entries(values).filter(([field, value]) => !same(existing[field], value)));
      if (Object.keys(patch).length > 0) ctx.db.update(drizzleTable).set(patch as never).where(eq(idColumn, rowId)).run();
    } else {
      ctx.db.insert(drizzleTable).values({ id: rowId, ...values } as never).run();
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
    pending.run(table, rowId, code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ? 'waiting for its parent' : 'incomplete');
    return 'pending';
  }
  ctx.sqlite.prepare('DELETE FROM pending_rows WHERE table_name = ? AND row_id = ?').run(table, rowId);
  return 'written';
}

/** Materialises the given rows, parents before children, then retries waiting rows until none move. */
export function materializeRows(ctx: CoreContext, rows: readonly RowRef[]): void {
  const sorted = rows
    .filter((r): r is { table: ReplicatedTableName; rowId: string } => isReplicated(r.table))
    .sort((a, b) => tableOrder.indexOf(a.table) - tableOrder.indexOf(b.table));
  for (const row of sorted) materializeRow(ctx, row.table, row.rowId);
  const waiting = ctx.sqlite.prepare('SELECT table_name AS tableName, row_id AS rowId FROM pending_rows');
  for (;;) {
    const before = waiting.all() as Array<{ tableName: string; rowId: string }>;
    if (before.length === 0) return;
    let moved = false;
    for (const row of before.sort((a, b) => tableOrder.indexOf(a.tableName as ReplicatedTableName) - tableOrder.indexOf(b.tableName as ReplicatedTableName))) {
      if (isReplicated(row.tableName) && materializeRow(ctx, row.tableName, row.rowId) === 'written') moved = true;
    }
    if (!moved) return;
  }
}
