import type Database from 'better-sqlite3';

/**
 * Every replicated field is a small multi-value register. Applying an op removes the heads its
 * `pred` names and adds itself, unless a known op of the same field already names it (it arrived
 * late and is superseded: it still retires the heads it names); an op seen before is ignored. Because causality comes from `pred`,
 * relays, reordering and repeats give the same heads everywhere.
 */
export interface StoredOp {
  opId: string;
  changesetId: string;
  position: number;
  table: string;
  rowId: string;
  field: string;
  /** JSON text of the value. */
  value: string;
  pred: readonly string[];
  hlc: string;
}

export interface Head {
  opId: string;
  value: string;
  hlc: string;
}

/** Orders concurrent heads for display: latest clock first, then op id, the same everywhere. */
export function compareHeads(a: Head, b: Head): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? 1 : -1;
  return a.opId < b.opId ? 1 : a.opId > b.opId ? -1 : 0;
}

export class FieldRegister {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      hasOp: sqlite.prepare('SELECT 1 FROM change_ops WHERE op_id = ?').pluck(),
      insertOp: sqlite.prepare(
        'INSERT OR IGNORE INTO change_ops (op_id, changeset_id, position, table_name, row_id, field, value, pred, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertPred: sqlite.prepare('INSERT OR IGNORE INTO op_preds (op_id, pred_op_id) VALUES (?, ?)'),
      supersededBySameField: sqlite
        .prepare(
          `SELECT 1 FROM op_preds p JOIN change_ops o ON o.op_id = p.op_id
            WHERE p.pred_op_id = ? AND o.table_name = ? AND o.row_id = ? AND o.field = ? LIMIT 1`,
        )
        .pluck(),
      deleteHead: sqlite.prepare('DELETE FROM field_heads WHERE table_name = ? AND row_id = ? AND field = ? AND op_id = ?'),
      insertHead: sqlite.prepare('INSERT OR IGNORE INTO field_heads (table_name, row_id, field, op_id) VALUES (?, ?, ?, ?)'),
      headsOfField: sqlite.prepare(
        `SELECT o.op_id AS opId, o.value, o.hlc FROM field_heads h JOIN change_ops o ON o.op_id = h.op_id
          WHERE h.table_name = ? AND h.row_id = ? AND h.field = ?`,
      ),
      headsOfRow: sqlite.prepare(
        `SELECT h.field, o.op_id AS opId, o.value, o.hlc FROM field_heads h JOIN change_ops o ON o.op_id = h.op_id
          WHERE h.table_name = ? AND h.row_id = ?`,
      ),
    };
  }

  hasOp(opId: string): boolean {
    return this.statements.hasOp.get(opId) !== undefined;
  }

  /** Stores an op and updates its field's heads. Returns false when the op was already known. */
  apply(op: StoredOp): boolean {
    const s = this.statements;
    const inserted = s.insertOp.run(op.opId, op.changesetId, op.position, op.table, op.rowId, op.field, op.value, JSON.stringify(op.pred), op.hlc);
    if (inserted.changes === 0) return false; // seen before: applying twice changes nothing
    for (const pred of op.pred) {
      s.insertPred.run(op.opId, pred);
      // Even an op that arrives already superseded retires what it replaced (X ← Y ← Z arriving X, Z, Y).
      s.deleteHead.run(op.table, op.rowId, op.field, pred);
    }
    if (s.supersededBySameField.get(op.opId, op.table, op.rowId, op.field) === undefined) s.insertHead.run(op.table, op.rowId, op.field, op.opId);
    return true;
  }

  headsOf(table: string, rowId: string, field: string): Head[] {
    return (this.statements.headsOfField.all(table, rowId, field) as Head[]).sort(compareHeads);
  }

  /** Heads of every field of a row, each list in display order (winner first). */
  headsOfRow(table: string, rowId: string): Map<string, Head[]> {
    const byField = new Map<string, Head[]>();
    for (const h of this.statements.headsOfRow.all(table, rowId) as Array<Head & { field: string }>) {
      const list = byField.get(h.field) ?? [];
      list.push({ opId: h.opId, value: h.value, hlc: h.hlc });
      byField.set(h.field, list);
    }
    for (const list of byField.values()) list.sort(compareHeads);
    return byField;
  }
}
