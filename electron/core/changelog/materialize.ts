import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { CoreContext } from './core-context';
import { fieldKnownAt, fieldsKnownAt, replicatedTables, type ReplicatedTableName, sqlTableName, tableKnownAt } from './replicated-tables';
import type { RowRef } from './changeset-store';
import type { HeadsSnapshot } from './heads-snapshot';

const tableOrder = Object.keys(replicatedTables) as ReplicatedTableName[];

type Outcome = 'written' | 'pending';

/**
 * Writes the winning value of every field of a row into its table. A row whose parent has not
 * arrived (or whose creating ops have not) cannot be inserted yet: it waits, hidden, in
 * pending_rows, and is tried again whenever more ops arrive.
 */
/**
 * Column kinds per table, from the Drizzle schema (the one source of truth), and prepared
 * statements per database: an import materialises thousands of rows, so no query building per row.
 */
interface TablePlan {
  sqlTable: string;
  /** The fields this planner's version knows that have a column, in the registry's order. */
  known: ReadonlyArray<{ field: string; sql: string; kind: string }>;
  select: Database.Statement;
}
const plans = new WeakMap<Database.Database, Map<string, TablePlan>>();
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Per database (one core, so one schema version), built once per table. */
function tablePlan(ctx: CoreContext, table: ReplicatedTableName): TablePlan {
  let perDb = plans.get(ctx.sqlite);
  if (!perDb) plans.set(ctx.sqlite, (perDb = new Map()));
  let plan = perDb.get(table);
  if (!plan) {
    const sqlTable = sqlTableName(table);
    const columns = getTableColumns(replicatedTables[table].table) as Record<string, { name: string; dataType: string }>;
    // Only the fields this planner's version knows: the others' ops wait, kept, for an upgrade.
    const known = fieldsKnownAt(table, ctx.recorder.schemaVersion).flatMap((field) => (columns[field] ? [{ field, sql: columns[field].name, kind: columns[field].dataType }] : []));
    plan = { sqlTable, known, select: ctx.sqlite.prepare(`SELECT * FROM "${sqlTable}" WHERE id = ?`) };
    perDb.set(table, plan);
  }
  return plan;
}

/** A field's value as SQLite stores it (the same encoding Drizzle uses for each column kind). */
function toSql(kind: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'json') return JSON.stringify(value);
  if (kind === 'boolean') return value ? 1 : 0;
  return value;
}

/** A prepared statement kept per database under `key`; its text is built only the first time (an import writes thousands of rows of a few shapes). */
function statement(ctx: CoreContext, key: string, text: () => string = () => key): Database.Statement {
  let perDb = statements.get(ctx.sqlite);
  if (!perDb) statements.set(ctx.sqlite, (perDb = new Map()));
  let s = perDb.get(key);
  if (!s) perDb.set(key, (s = ctx.sqlite.prepare(text())));
  return s;
}

/** The rows waiting in pending_rows, as `table\0rowId`: read once per materializeRows and kept up to date by it. */
type Waiting = Set<string>;

function materializeRow(ctx: CoreContext, table: ReplicatedTableName, rowId: string, snapshot: HeadsSnapshot | null, waiting: Waiting): Outcome {
  const plan = tablePlan(ctx, table);
  const heads = snapshot ? snapshot.headsOfRow(table, rowId) : ctx.recorder.register.headsOfRow(table, rowId);
  const fields = plan.known;
  const values: unknown[] = new Array(fields.length);
  let present = '';
  for (let i = 0; i < fields.length; i++) {
    const winner = heads.get(fields[i]!.field)?.[0];
    if (winner) values[i] = toSql(fields[i]!.kind, JSON.parse(winner.value));
    present += winner ? '1' : '0';
  }
  const existing = plan.select.get(rowId) as Record<string, unknown> | undefined;
  try {
    if (existing) {
      let changed = '';
      const args: unknown[] = [];
      for (let i = 0; i < fields.length; i++) {
        const differs = present[i] === '1' && existing[fields[i]!.sql] !== values[i];
        changed += differs ? '1' : '0';
        if (differs) args.push(values[i]);
      }
      if (args.length > 0) {
        const columns = fields.filter((_, i) => changed[i] === '1').map((f) => `"${f.sql}" = ?`);
        statement(ctx, `u\u0000${table}\u0000${changed}`, () => `UPDATE "${plan.sqlTable}" SET ${columns.join(', ')} WHERE id = ?`).run(...args, rowId);
      }
    } else {
      const columns = ['id', ...fields.filter((_, i) => present[i] === '1').map((f) => f.sql)];
      // Kept under the row's shape (its table and which fields it has), not its SQL text.
      statement(ctx, `i\u0000${table}\u0000${present}`, () => `INSERT INTO "${plan.sqlTable}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
        rowId,
        ...values.filter((_, i) => present[i] === '1'),
      );
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CONSTRAINT')) throw error;
    statement(ctx, 'INSERT OR REPLACE INTO pending_rows (table_name, row_id, reason) VALUES (?, ?, ?)').run(table, rowId, code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ? 'waiting for its parent' : 'incomplete');
    waiting.add(`${table}\u0000${rowId}`);
    return 'pending';
  }
  // Only a row that was waiting has a line to clear (an import writes thousands that never waited).
  if (waiting.delete(`${table}\u0000${rowId}`)) statement(ctx, 'DELETE FROM pending_rows WHERE table_name = ? AND row_id = ?').run(table, rowId);
  return 'written';
}

/**
 * Materialises the given rows, parents before children, then retries waiting rows until none move.
 * `snapshot`: every head read in one pass (heads-snapshot.ts), when no op changes meanwhile.
 */
export function materializeRows(ctx: CoreContext, rows: readonly RowRef[], snapshot: HeadsSnapshot | null = null): void {
  const version = ctx.recorder.schemaVersion;
  const isReplicated = (table: string): table is ReplicatedTableName => tableKnownAt(table, version);
  const sorted = rows
    .filter((r): r is { table: ReplicatedTableName; rowId: string } => isReplicated(r.table))
    .sort((a, b) => tableOrder.indexOf(a.table) - tableOrder.indexOf(b.table));
  const waitingRows = ctx.sqlite.prepare('SELECT table_name AS tableName, row_id AS rowId FROM pending_rows');
  const waiting: Waiting = new Set((waitingRows.all() as Array<{ tableName: string; rowId: string }>).map((r) => `${r.tableName}\u0000${r.rowId}`));
  for (const row of sorted) materializeRow(ctx, row.table, row.rowId, snapshot, waiting);
  for (;;) {
    const before = waitingRows.all() as Array<{ tableName: string; rowId: string }>;
    if (before.length === 0) return;
    let moved = false;
    for (const row of before.sort((a, b) => tableOrder.indexOf(a.tableName as ReplicatedTableName) - tableOrder.indexOf(b.tableName as ReplicatedTableName))) {
      if (isReplicated(row.tableName) && materializeRow(ctx, row.tableName, row.rowId, snapshot, waiting) === 'written') moved = true;
    }
    if (!moved) return;
  }
}

/**
 * After an upgrade: the fields recorded in `unknown_fields` that this planner now knows have their
 * kept ops materialised (every row with an op on one of them), and their lines are cleared. Fields
 * still unknown stay listed. Runs at start, in one transaction; returns the fields it materialised.
 */
export function materializeNowKnownFields(ctx: CoreContext): Array<{ table: string; field: string }> {
  const version = ctx.recorder.schemaVersion;
  const listed = ctx.sqlite.prepare('SELECT table_name AS "table", field FROM unknown_fields ORDER BY table_name, field').all() as Array<{ table: string; field: string }>;
  const known = listed.filter((f) => fieldKnownAt(f.table, f.field, version));
  if (known.length === 0) return [];
  const rowsOf = ctx.sqlite
    .prepare('SELECT DISTINCT o.row_id AS rowId FROM ops o JOIN op_fields f ON f.k = o.field_key WHERE f.table_name = ? AND f.field = ?')
    .pluck();
  const clear = ctx.sqlite.prepare('DELETE FROM unknown_fields WHERE table_name = ? AND field = ?');
  ctx.sqlite.transaction(() => {
    const rows = new Map<string, RowRef>();
    for (const f of known) for (const rowId of rowsOf.all(f.table, f.field) as string[]) rows.set(`${f.table}\u0000${rowId}`, { table: f.table, rowId });
    materializeRows(ctx, [...rows.values()]);
    for (const f of known) clear.run(f.table, f.field);
  }).immediate();
  return known;
}

/** Records the (table, field) pairs a changeset names that this planner does not know yet; each once. */
export function recordUnknownFields(ctx: CoreContext, fields: ReadonlyArray<{ table: string; field: string }>, at: string): void {
  if (fields.length === 0) return;
  const insert = ctx.sqlite.prepare('INSERT OR IGNORE INTO unknown_fields (table_name, field, first_seen_at) VALUES (?, ?, ?)');
  for (const f of fields) insert.run(f.table, f.field, at);
}
