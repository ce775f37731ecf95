import { getTableColumns } from 'drizzle-orm';
import { MAX_LONG_TEXT } from '../../../shared/contract';
import { type MessageRef, msg } from '../../../shared/core-messages';
import { replicatedTables, type ReplicatedTableName } from '../replicated-tables';
import type { ChangesetBody } from './changeset-body';

type ColumnInfo = { dataType: string; notNull: boolean; columnType: string };
const columnCache = new Map<ReplicatedTableName, Record<string, ColumnInfo>>();
function columnsOf(table: ReplicatedTableName): Record<string, ColumnInfo> {
  let columns = columnCache.get(table);
  if (!columns) columnCache.set(table, (columns = getTableColumns(replicatedTables[table].table) as Record<string, ColumnInfo>));
  return columns;
}

/**
 * What an op may say, checked against the fixed registry and the column it would write: table and
 * field names never go from bundle text into SQL, and values must have the column's kind.
 * Returns a message describing the first problem (a clause of 'import.changeRejected'), or null.
 */
export function problemWithChangeset(body: ChangesetBody): MessageRef | null {
  for (const [position, op] of body.ops.entries()) {
    if (op.opId !== `${body.id}.${position}`) return msg('change.badOpId');
    if (!Object.prototype.hasOwnProperty.call(replicatedTables, op.table)) return msg('change.unknownTable', { table: op.table.slice(0, 40) });
    const entry = replicatedTables[op.table as ReplicatedTableName];
    if (!entry.fields.includes(op.field) || op.field === 'id') return msg('change.unknownField', { field: op.field.slice(0, 40) });
    const column = columnsOf(op.table as ReplicatedTableName)[op.field];
    if (!column) return msg('change.unknownField', { field: op.field.slice(0, 40) });
    const problem = problemWithValue(op.value, column);
    if (problem) return msg('change.badValue', { table: op.table, field: op.field, problem });
  }
  return null;
}

function problemWithValue(value: unknown, column: { dataType: string; notNull: boolean; columnType: string }): MessageRef | null {
  if (value === null) return column.notNull ? msg('change.value.empty') : null;
  switch (column.dataType) {
    case 'string':
      return typeof value === 'string' && value.length <= MAX_LONG_TEXT ? null : msg('change.value.text');
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return msg('change.value.number');
      return column.columnType === 'SQLiteInteger' && !Number.isInteger(value) ? msg('change.value.whole') : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : msg('change.value.boolean');
    case 'json':
      return Array.isArray(value) && value.length <= 100 && value.every((v) => (typeof v === 'string' && v.length <= 64) || (typeof v === 'number' && Number.isInteger(v)))
        ? null
        : msg('change.value.list');
    default:
      return msg('change.value.kind');
  }
}
