import { getTableColumns } from 'drizzle-orm';
import { MAX_LONG_TEXT } from '../../../shared/contract';
import { type MessageRef, msg } from '../../../shared/core-messages';
import { fieldRule } from '../../../shared/field-rules';
import { issueMessage } from '../../../shared/invalid-input-message';
import { replicatedTables, type ReplicatedTableName } from './replicated-tables';
import { type ChangesetBody, CHANGESET_SCHEMA_VERSION, CHANGESET_TEXT_VERSION } from './changeset-body';

type ColumnInfo = { dataType: string; notNull: boolean; columnType: string };
const columnCache = new Map<ReplicatedTableName, Record<string, ColumnInfo>>();
function columnsOf(table: ReplicatedTableName): Record<string, ColumnInfo> {
  let columns = columnCache.get(table);
  if (!columns) columnCache.set(table, (columns = getTableColumns(replicatedTables[table].table) as Record<string, ColumnInfo>));
  return columns;
}

/**
 * Whether a changeset, read as plain JSON before its strict schema, says it was made by a newer
 * planner (a higher text or schema version). Checked first, so a newer changeset whose shape this
 * version does not know is reported as newer, not as damaged. Returns the refusal's sentence, or null.
 */
export function newerVersionOfChangeset(raw: unknown): MessageRef | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { v, schemaVersion } = raw as { v?: unknown; schemaVersion?: unknown };
  const newer = (value: unknown, current: number) => typeof value === 'number' && Number.isFinite(value) && value > current;
  return newer(v, CHANGESET_TEXT_VERSION) || newer(schemaVersion, CHANGESET_SCHEMA_VERSION) ? msg('import.newerChange') : null;
}

/**
 * What an op may say, checked against the fixed registry, the field's domain rule (shared/field-rules.ts,
 * the same rule a local call obeys) and the column it would write: table and field names never go
 * from bundle text into SQL, and values are ones the planner itself could have stored.
 * Returns the refusal's sentence for the first problem, or null.
 */
export function problemWithChangeset(body: ChangesetBody): MessageRef | null {
  for (const [position, op] of body.ops.entries()) {
    if (op.opId !== `${body.id}.${position}`) return rejected(msg('change.badOpId'));
    if (!Object.prototype.hasOwnProperty.call(replicatedTables, op.table)) return rejected(msg('change.unknownTable', { table: op.table.slice(0, 40) }));
    const entry = replicatedTables[op.table as ReplicatedTableName];
    if (!entry.fields.includes(op.field) || op.field === 'id') return rejected(msg('change.unknownField', { field: op.field.slice(0, 40) }));
    const column = columnsOf(op.table as ReplicatedTableName)[op.field];
    if (!column) return rejected(msg('change.unknownField', { field: op.field.slice(0, 40) }));
    const problem = problemWithFieldValue(op.table, op.field, op.value, column);
    if (problem) return problem;
  }
  return null;
}

const rejected = (problem: MessageRef) => msg('import.changeRejected', { problem });

/** Null where the column allows it; otherwise the field's rule, then (as a guard) the column's kind. */
function problemWithFieldValue(table: string, field: string, value: unknown, column: ColumnInfo): MessageRef | null {
  const clause = (problem: MessageRef) => rejected(msg('change.badValue', { table, field, problem }));
  if (value === null) return column.notNull ? clause(msg('change.value.empty')) : null;
  if (!fieldRule(table, field)) return clause(msg('change.value.kind'));
  const broken = brokenFieldRule(table, field, value);
  if (broken) return msg('import.valueRejected', { table, field, rule: broken });
  const kind = problemWithKind(value, column);
  return kind ? clause(kind) : null;
}

/**
 * The sentence of the field's rule that a present value breaks (e.g. "Quarter 99 does not exist:
 * quarters are 1 to 4."), or null when it keeps it. A field without a rule keeps nothing.
 */
export function brokenFieldRule(table: string, field: string, value: unknown): MessageRef | null {
  const rule = fieldRule(table, field);
  if (!rule) return msg('change.value.kind');
  const parsed = rule.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return issueMessage({ ...issue, path: [field, ...issue.path] });
}

function problemWithKind(value: unknown, column: ColumnInfo): MessageRef | null {
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
