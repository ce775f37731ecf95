import { getTableColumns } from 'drizzle-orm';
import { MAX_LONG_TEXT } from '../../../shared/contract';
import { type MessageRef, msg } from '../../../shared/core-messages';
import { fieldRule } from '../../../shared/field-rules';
import { issueMessage } from '../../../shared/invalid-input-message';
import { fieldKnownAt, replicatedTables, type ReplicatedTableName, tableKnownAt } from './replicated-tables';
import { type ChangesetBody, type ChangesetOp, CHANGESET_SCHEMA_VERSION, CHANGESET_TEXT_VERSION } from './changeset-body';

type ColumnInfo = { dataType: string; notNull: boolean; columnType: string };
const columnCache = new Map<ReplicatedTableName, Record<string, ColumnInfo>>();
function columnsOf(table: ReplicatedTableName): Record<string, ColumnInfo> {
  let columns = columnCache.get(table);
  if (!columns) columnCache.set(table, (columns = getTableColumns(replicatedTables[table].table) as Record<string, ColumnInfo>));
  return columns;
}

/**
 * Whether a changeset, read as plain JSON before its strict schema, is written in a newer form of
 * changeset text (`v`) than this planner reads. Checked first, so such a changeset is reported as
 * newer, not as damaged. A higher *schema* version is not refused: its text reads like ours, and its
 * ops on fields this planner does not know are kept (problemWithChangeset). Returns the sentence, or null.
 */
export function newerVersionOfChangeset(raw: unknown): MessageRef | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { v } = raw as { v?: unknown };
  return typeof v === 'number' && Number.isFinite(v) && v > CHANGESET_TEXT_VERSION ? msg('import.newerChange') : null;
}

/** Table and field names as the registry writes them: a later planner's new names have the same form. */
const REGISTRY_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** The largest value (as JSON text) kept for a field this version does not know: a long text and then some. */
export const MAX_UNKNOWN_VALUE_BYTES = 2 * MAX_LONG_TEXT;

/**
 * What an op may say, checked against the fixed registry, the field's domain rule (shared/field-rules.ts,
 * the same rule a local call obeys) and the column it would write: table and field names never go
 * from bundle text into SQL, and values are ones the planner itself could have stored.
 *
 * `schemaVersion` is the version this planner is built for (the recorder's). An op on a field it
 * does not know is damage in a changeset of that version or an older one; in a changeset of a
 * newer version it is a field added since, kept as it came (see `opsForLater`), once its names
 * have the registry's form and its value is bounded (the bundle already bounds its depth).
 * Returns the refusal's sentence for the first problem, or null.
 */
export function problemWithChangeset(body: ChangesetBody, schemaVersion: number = CHANGESET_SCHEMA_VERSION): MessageRef | null {
  const fromNewer = body.schemaVersion > schemaVersion;
  for (const [position, op] of body.ops.entries()) {
    if (op.opId !== `${body.id}.${position}`) return rejected(msg('change.badOpId'));
    if (!fieldKnownAt(op.table, op.field, schemaVersion)) {
      if (fromNewer && op.field !== 'id') {
        const problem = problemWithLaterOp(op);
        if (problem) return problem;
        continue;
      }
      if (!tableKnownAt(op.table, schemaVersion)) return rejected(msg('change.unknownTable', { table: op.table.slice(0, 40) }));
      return rejected(msg('change.unknownField', { field: op.field.slice(0, 40) }));
    }
    const column = columnsOf(op.table as ReplicatedTableName)[op.field];
    if (!column) return rejected(msg('change.unknownField', { field: op.field.slice(0, 40) }));
    const problem = problemWithFieldValue(op.table, op.field, op.value, column);
    if (problem) return problem;
  }
  return null;
}

/** An op of a newer planner on a field this one does not know: names of the registry's form, a bounded value. */
function problemWithLaterOp(op: ChangesetOp): MessageRef | null {
  for (const name of [op.table, op.field]) if (!REGISTRY_NAME.test(name)) return rejected(msg('change.badName', { name: name.slice(0, 40) }));
  if (Buffer.byteLength(JSON.stringify(op.value), 'utf8') > MAX_UNKNOWN_VALUE_BYTES) {
    return rejected(msg('change.futureValueTooLarge', { table: op.table, field: op.field, kilobytes: MAX_UNKNOWN_VALUE_BYTES / 1024 }));
  }
  return null;
}

/** The (table, field) pairs of a changeset's ops that a planner built for `schemaVersion` does not know. */
export function opsForLater(body: ChangesetBody, schemaVersion: number): Array<{ table: string; field: string }> {
  const found = new Map<string, { table: string; field: string }>();
  for (const op of body.ops) if (!fieldKnownAt(op.table, op.field, schemaVersion)) found.set(`${op.table}\u0000${op.field}`, { table: op.table, field: op.field });
  return [...found.values()];
}

const rejected = (problem: MessageRef) => msg('import.changeRejected', { problem });

/** Null where the column allows it; otherwise the field's rule, then (as a guard) the column's kind. */
function problemWithFieldValue(table: string, field: string, value: unknown, column: ColumnInfo): MessageRef | null {
  if (value === null) return column.notNull ? badValue(table, field, msg('change.value.empty')) : null;
  if (!fieldRule(table, field)) return badValue(table, field, msg('change.value.kind'));
  const known = verdictKey(table, field, value);
  if (known !== null && keptValues.has(known)) return null;
  const broken = brokenFieldRule(table, field, value);
  if (broken) return msg('import.valueRejected', { table, field, rule: broken });
  const kind = problemWithKind(value, column);
  if (kind) return badValue(table, field, kind);
  if (known !== null) {
    if (keptValues.size >= MAX_KEPT_VALUES) keptValues.clear();
    keptValues.add(known);
  }
  return null;
}

/**
 * Short plain values already found to keep their field's rule and column: an import checks the same
 * ids, years, quarters and statuses thousands of times, and a rule depends on the value alone.
 */
const keptValues = new Set<string>();
const MAX_KEPT_VALUES = 20_000;
function verdictKey(table: string, field: string, value: unknown): string | null {
  if (typeof value === 'string') return value.length <= 64 ? `${table}\u0000${field}\u0000s${value}` : null;
  if (typeof value === 'number' || typeof value === 'boolean') return `${table}\u0000${field}\u0000${typeof value}${String(value)}`;
  return null;
}

/** (Not a closure per call: an import checks every op of every changeset.) */
function badValue(table: string, field: string, problem: MessageRef): MessageRef {
  return rejected(msg('change.badValue', { table, field, problem }));
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
