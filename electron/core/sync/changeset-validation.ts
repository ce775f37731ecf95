import { getTableColumns } from 'drizzle-orm';
import { MAX_LONG_TEXT } from '../../../shared/contract';
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
 * Returns a sentence describing the first problem, or null.
 */
export function problemWithChangeset(body: ChangesetBody): string | null {
  for (const [position, op] of body.ops.entries()) {
    if (op.opId !== `${body.id}.${position}`) return `an operation has an id that does not belong to its changeset`;
    if (!Object.prototype.hasOwnProperty.call(replicatedTables, op.table)) return `it changes a kind of record the planner does not have ("${op.table.slice(0, 40)}")`;
    const entry = replicatedTables[op.table as ReplicatedTableName];
    if (!entry.fields.includes(op.field) || op.field === 'id') return `it changes a field the planner does not have ("${op.field.slice(0, 40)}")`;
    const column = columnsOf(op.table as ReplicatedTableName)[op.field];
    if (!column) return `it changes a field the planner does not have ("${op.field.slice(0, 40)}")`;
    const problem = problemWithValue(op.value, column);
    if (problem) return `${op.table}.${op.field} ${problem}`;
  }
  return null;
}

function problemWithValue(value: unknown, column: { dataType: string; notNull: boolean; columnType: string }): string | null {
  if (value === null) return column.notNull ? 'cannot be empty' : null;
  switch (column.dataType) {
    case 'string':
      return typeof value === 'string' && value.length <= MAX_LONG_TEXT ? null : 'must be text of reasonable length';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      return column.columnType === 'SQLiteInteger' && !Number.isInteger(value) ? 'must be a whole number' : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'json':
      return Array.isArray(value) && value.length <= 100 && value.every((v) => (typeof v === 'string' && v.length <= 64) || (typeof v === 'number' && Number.isInteger(v)))
        ? null
        : 'must be a short list';
    default:
      return 'has a kind of value the planner does not accept';
  }
}
