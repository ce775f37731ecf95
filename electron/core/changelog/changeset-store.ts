import type Database from 'better-sqlite3';
import { type ChangesetBody, partitionOfChangeset } from './changeset-body';
import type { FieldRegister } from './field-register';
import { storedChangesetBody } from '../../../db/changeset-text';

/** The exact signed text of a stored changeset (`changesets.body`), to send it or read old values; in SQL, `changeset_body(body)`. */
export { changesetText } from '../../../db/changeset-text';

export interface RowRef {
  table: string;
  rowId: string;
}

const statements = new WeakMap<Database.Database, Database.Statement>();
function insertStatement(sqlite: Database.Database): Database.Statement {
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(
      `INSERT INTO changesets (id, origin, partition, seq, hlc, actor, method, schema_version, created_at, body, signature, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    statements.set(sqlite, statement);
  }
  return statement;
}

/**
 * Appends one changeset (local or imported) to the log and applies its ops to the field
 * registers. The signed text is stored deflated (db/changeset-text.ts; read it back with
 * `changesetText` or SQL `changeset_body(body)`). The same path for both, so local saves and imports can never disagree on heads.
 * Returns the rows whose ops were new here.
 */
export function storeChangeset(
  sqlite: Database.Database,
  register: FieldRegister,
  body: ChangesetBody,
  text: string,
  signature: string,
  receivedAt: string,
  /** The text's stored form when already made (an import deflates on other cores): storedChangesetBody(text), byte for byte. */
  storedBody?: Buffer,
): RowRef[] {
  const stored = insertStatement(sqlite).run(
    body.id, body.origin, partitionOfChangeset(body), body.seq, body.hlc, body.actor, body.method, body.schemaVersion, body.createdAt,
    storedBody ?? storedChangesetBody(text), signature, receivedAt,
  );
  const cs = Number(stored.lastInsertRowid);
  const touched = new Map<string, RowRef>();
  body.ops.forEach((op, position) => {
    const applied = register.apply({
      opId: op.opId,
      cs,
      position,
      table: op.table,
      rowId: op.rowId,
      field: op.field,
      value: JSON.stringify(op.value),
      pred: op.pred,
    });
    if (applied) touched.set(`${op.table}\u0000${op.rowId}`, { table: op.table, rowId: op.rowId });
  });
  return [...touched.values()];
}
