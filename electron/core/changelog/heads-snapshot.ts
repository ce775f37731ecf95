import type Database from 'better-sqlite3';
import { compareHeads, type Head } from './field-register';
import type { FieldLookup } from './row-community';
import { sqlColumnName, sqlTableName, type ReplicatedTableName } from './replicated-tables';

/**
 * Every field head of the database read in one pass, for a step that reads the heads of many rows
 * while no op changes (an import, between storing its changesets and committing: materialising,
 * placing rows in partitions, counting changes per plan). One scan of `ops` instead of one query
 * per row; the same heads, in the same order (compareHeads), as FieldRegister.headsOfRow.
 * Worth it only when the rows read are a good share of the database (`headsSnapshotFor`).
 */
export class HeadsSnapshot {
  private readonly byTable = new Map<string, Map<string, Map<string, Head[]>>>();

  constructor(sqlite: Database.Database) {
    // Three plain scans joined here rather than in SQL: the few field names and the changesets'
    // ids and clocks are read once each, not once per op (most of a snapshot's cost was that join).
    const fields = new Map((sqlite.prepare('SELECT k, table_name, field FROM op_fields').raw().all() as Array<[number, string, string]>).map(([k, table, field]) => [k, { table, field }]));
    const changesets = new Map((sqlite.prepare('SELECT n, id, hlc FROM changesets').raw().all() as Array<[number, string, string]>).map(([n, id, hlc]) => [n, { id, hlc }]));
    const rows = sqlite.prepare('SELECT field_key, row_id, value, cs, position FROM ops WHERE head = 1').raw().all() as Array<[number, string, string, number, number]>;
    for (const [fieldKey, rowId, value, cs, position] of rows) {
      const { table, field } = fields.get(fieldKey)!;
      const { id, hlc } = changesets.get(cs)!;
      const head = { opId: `${id}.${position}`, value, hlc };
      let perRow = this.byTable.get(table);
      if (!perRow) this.byTable.set(table, (perRow = new Map()));
      let perField = perRow.get(rowId);
      if (!perField) perRow.set(rowId, (perField = new Map()));
      const list = perField.get(field);
      if (list) list.push(head);
      else perField.set(field, [head]);
    }
    for (const perRow of this.byTable.values()) for (const perField of perRow.values()) for (const list of perField.values()) if (list.length > 1) list.sort(compareHeads);
  }

  /** Heads of every field of a row, each list in display order (winner first): FieldRegister.headsOfRow's answer. */
  headsOfRow(table: string, rowId: string): Map<string, Head[]> {
    return this.byTable.get(table)?.get(rowId) ?? new Map();
  }

  /** storedFieldLookup's answers from the snapshot: the winning op's value, else the stored row. */
  lookup(sqlite: Database.Database): FieldLookup {
    const rowStatements = new Map<string, Database.Statement>();
    return (table: ReplicatedTableName, rowId: string, field: string) => {
      const winner = this.byTable.get(table)?.get(rowId)?.get(field)?.[0];
      if (winner !== undefined) return JSON.parse(winner.value) as unknown;
      const sql = `SELECT "${sqlColumnName(table, field)}" AS v FROM "${sqlTableName(table)}" WHERE id = ?`;
      let statement = rowStatements.get(sql);
      if (!statement) rowStatements.set(sql, (statement = sqlite.prepare(sql)));
      const row = statement.get(rowId) as { v: unknown } | undefined;
      return row ? row.v : undefined;
    };
  }
}

/**
 * A snapshot when `rowCount` rows are about to be read and that is a large share of the rows held
 * (a first or large import), else null (a few rows are cheaper one query each).
 */
export function headsSnapshotFor(sqlite: Database.Database, rowCount: number): HeadsSnapshot | null {
  if (rowCount < 500) return null;
  const held = sqlite.prepare('SELECT count(*) FROM row_partitions').pluck().get() as number;
  return rowCount * 4 >= held ? new HeadsSnapshot(sqlite) : null;
}
