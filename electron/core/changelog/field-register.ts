import type Database from 'better-sqlite3';

/**
 * Every replicated field is a small multi-value register. Applying an op removes the heads its
 * `pred` names and adds itself, unless a known op of the same field already names it (it arrived
 * late and is superseded: it still retires the heads it names); an op seen before is ignored. Because causality comes from `pred`,
 * relays, reordering and repeats give the same heads everywhere.
 */
export interface StoredOp {
  opId: string;
  /** The stored changeset's number (`changesets.n`). */
  cs: number;
  position: number;
  table: string;
  rowId: string;
  field: string;
  /** JSON text of the value. */
  value: string;
  pred: readonly string[];
}

/** An op id is `<changeset id>.<position>` (changeset-validation.ts refuses any other); null when it is not of that form. */
export function splitOpId(opId: string): { changesetId: string; position: number } | null {
  const dot = opId.lastIndexOf('.');
  if (dot <= 0) return null;
  const tail = opId.slice(dot + 1);
  if (!/^(0|[1-9][0-9]{0,8})$/.test(tail)) return null;
  return { changesetId: opId.slice(0, dot), position: Number(tail) };
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

/**
 * The registers live in `ops` (one row per op: its field as a number from `op_fields`, its value,
 * and whether it is one of its field's heads), see db/schema.ts and docs/architecture.md "Storage".
 */
export class FieldRegister {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      fieldKey: sqlite.prepare('SELECT k FROM op_fields WHERE table_name = ? AND field = ?').pluck(),
      insertField: sqlite.prepare('INSERT INTO op_fields (table_name, field) VALUES (?, ?)'),
      hasOp: sqlite.prepare('SELECT 1 FROM ops o JOIN changesets c ON c.n = o.cs WHERE c.id = ? AND o.position = ?').pluck(),
      insertOp: sqlite.prepare('INSERT OR IGNORE INTO ops (cs, position, field_key, row_id, value, head) VALUES (?, ?, ?, ?, ?, ?)'),
      insertPred: sqlite.prepare('INSERT OR IGNORE INTO op_preds (op_id, pred_op_id) VALUES (?, ?)'),
      namedBy: sqlite.prepare('SELECT op_id FROM op_preds WHERE pred_op_id = ?').pluck(),
      everyNamed: sqlite.prepare('SELECT DISTINCT pred_op_id FROM op_preds').pluck(),
      isOpOfField: sqlite
        .prepare('SELECT 1 FROM ops o JOIN changesets c ON c.n = o.cs WHERE c.id = ? AND o.position = ? AND o.row_id = ? AND o.field_key = ?')
        .pluck(),
      setHead: sqlite.prepare(
        'UPDATE ops SET head = ? WHERE cs = (SELECT n FROM changesets WHERE id = ?) AND position = ? AND row_id = ? AND field_key = ? AND head <> ?',
      ),
      headsOfField: sqlite.prepare(
        `SELECT c.id || '.' || o.position AS opId, o.value, c.hlc FROM ops o JOIN changesets c ON c.n = o.cs
          WHERE o.row_id = ? AND o.field_key = ? AND o.head = 1`,
      ),
      headsOfRow: sqlite.prepare(
        `SELECT f.field, c.id || '.' || o.position AS opId, o.value, c.hlc FROM ops o JOIN op_fields f ON f.k = o.field_key JOIN changesets c ON c.n = o.cs
          WHERE o.row_id = ? AND f.table_name = ? AND o.head = 1`,
      ),
    };
  }

  /** Field numbers remembered during `batch` only (see there). */
  private keys: Map<string, number> | null = null;
  /**
   * During `batch`: every op id some stored op names in its pred, read once when first needed and
   * kept up to date by `apply` (an import of thousands of ops, almost none of which anything names,
   * asks once instead of once per op).
   */
  private named: Set<string> | null = null;

  /**
   * Runs `work` remembering field numbers (an import applies tens of thousands of ops on a few
   * dozen fields). Only for work that rolls nothing back inside itself: outside a batch nothing is
   * remembered, since a rolled-back transaction takes its new numbers with it.
   */
  batch<T>(work: () => T): T {
    const outer = { keys: this.keys, named: this.named };
    this.keys ??= new Map();
    try {
      return work();
    } finally {
      this.keys = outer.keys;
      this.named = outer.named;
    }
  }

  /** The number of a (table, field) pair when it has one. */
  private knownFieldKey(table: string, field: string): number | undefined {
    const name = `${table}\u0000${field}`;
    const remembered = this.keys?.get(name);
    if (remembered !== undefined) return remembered;
    const known = this.statements.fieldKey.get(table, field) as number | undefined;
    if (known !== undefined) this.keys?.set(name, known);
    return known;
  }

  /** The number of a (table, field) pair, given on first use. Not cached (except in a `batch`): a rolled-back transaction takes its new numbers with it. */
  fieldKey(table: string, field: string): number {
    const known = this.knownFieldKey(table, field);
    if (known !== undefined) return known;
    const made = Number(this.statements.insertField.run(table, field).lastInsertRowid);
    this.keys?.set(`${table}\u0000${field}`, made);
    return made;
  }

  hasOp(opId: string): boolean {
    const split = splitOpId(opId);
    return split !== null && this.statements.hasOp.get(split.changesetId, split.position) !== undefined;
  }

  /** Whether `opId` is a known op of this field. */
  isOpOfField(opId: string, table: string, rowId: string, field: string): boolean {
    const split = splitOpId(opId);
    if (split === null) return false;
    const key = this.statements.fieldKey.get(table, field) as number | undefined;
    return key !== undefined && this.statements.isOpOfField.get(split.changesetId, split.position, rowId, key) !== undefined;
  }

  /** Whether a known op of the same field names `opId` in its pred (so `opId` cannot be a head). */
  supersededBySameField(opId: string, table: string, rowId: string, field: string): boolean {
    // Inside a batch (keys are remembered only there).
    if (this.keys !== null) {
      this.named ??= new Set(this.statements.everyNamed.all() as string[]);
      if (!this.named.has(opId)) return false;
    }
    return (this.statements.namedBy.all(opId) as string[]).some((later) => this.isOpOfField(later, table, rowId, field));
  }

  /** Makes `opId` a head of its field, or no longer one; nothing when it is not a known op of that field. */
  setHead(opId: string, table: string, rowId: string, field: string, head: boolean): void {
    const split = splitOpId(opId);
    if (split === null) return;
    const key = this.knownFieldKey(table, field);
    if (key === undefined) return;
    const flag = head ? 1 : 0;
    this.statements.setHead.run(flag, split.changesetId, split.position, rowId, key, flag);
  }

  /** Stores an op and updates its field's heads. Returns false when the op was already known. */
  apply(op: StoredOp): boolean {
    const s = this.statements;
    const key = this.fieldKey(op.table, op.field);
    // An op that arrives after one that names it is superseded at once (X ← Y ← Z arriving X, Z, Y).
    const head = this.supersededBySameField(op.opId, op.table, op.rowId, op.field) ? 0 : 1;
    const inserted = s.insertOp.run(op.cs, op.position, key, op.rowId, op.value, head);
    if (inserted.changes === 0) return false; // seen before: applying twice changes nothing
    for (const pred of op.pred) {
      s.insertPred.run(op.opId, pred);
      this.named?.add(pred);
      // Even an op that arrives already superseded retires what it replaced.
      this.setHead(pred, op.table, op.rowId, op.field, false);
    }
    return true;
  }

  headsOf(table: string, rowId: string, field: string): Head[] {
    const key = this.statements.fieldKey.get(table, field) as number | undefined;
    if (key === undefined) return [];
    return (this.statements.headsOfField.all(rowId, key) as Head[]).sort(compareHeads);
  }

  /** Heads of every field of a row, each list in display order (winner first). */
  headsOfRow(table: string, rowId: string): Map<string, Head[]> {
    const byField = new Map<string, Head[]>();
    for (const h of this.statements.headsOfRow.all(rowId, table) as Array<Head & { field: string }>) {
      const list = byField.get(h.field) ?? [];
      list.push({ opId: h.opId, value: h.value, hlc: h.hlc });
      byField.set(h.field, list);
    }
    for (const list of byField.values()) list.sort(compareHeads);
    return byField;
  }
}
