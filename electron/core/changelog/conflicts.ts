import { createHash } from 'node:crypto';
import { msg } from '../../../shared/core-messages';
import type { Conflict, ConflictHead } from '../../../shared/domain';
import { MAX_LONG_TEXT } from '../../../shared/contract';
import {
  COMMITMENT_STATUSES,
  CSWB_ZONES,
  INDICATOR_DIRECTIONS,
  MILESTONE_STATUSES,
  OWNER_PARTIES,
  PLAN_STATUSES,
  PROGRESS_STATUSES,
  REPORT_STATES,
} from '../../../shared/vocabulary';
import { quarterLabel, type Quarter } from '../../../shared/fiscal-calendar';
import { change, type CoreContext, readProfile } from './core-context';
import { DomainError } from '../../../shared/domain-error';
import { replicatedTables, type ReplicatedTableName, sqlColumnName, sqlTableName, tableKnownAt } from './replicated-tables';
import { brokenFieldRule } from './changeset-validation';
import { compareHeads, type Head, splitOpId } from './field-register';
import { materializeRows } from './materialize';
import { ownOrigins } from './restored-copy';

export function conflictId(table: string, rowId: string, field: string): string {
  return `cf_${createHash('sha256').update(`${table}\u001f${rowId}\u001f${field}`).digest('hex').slice(0, 20)}`;
}

function isMeaningful(table: string, field: string): boolean {
  const entry = (replicatedTables as Record<string, { meaningful: readonly string[] }>)[table];
  return entry !== undefined && entry.meaningful.includes(field);
}

interface HeadRow extends Head {
  tableName: string;
  rowId: string;
  field: string;
  actor: string;
  origin: string;
  createdAt: string;
}

const headColumns = `f.table_name AS tableName, o.row_id AS rowId, f.field, c.id || '.' || o.position AS opId, o.value, c.hlc,
  c.actor, c.origin, c.created_at AS createdAt`;
const headsFrom = 'ops o JOIN op_fields f ON f.k = o.field_key JOIN changesets c ON c.n = o.cs';

/** Heads of meaningful fields that have two or more: concurrent edits nobody has chosen between. */
function concurrentEdits(ctx: CoreContext): HeadRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT ${headColumns} FROM ${headsFrom}
        WHERE o.head = 1
          AND (o.row_id, o.field_key) IN (SELECT row_id, field_key FROM ops WHERE head = 1 GROUP BY row_id, field_key HAVING count(*) > 1)`,
    )
    .all() as HeadRow[];
}

/**
 * Rows removed by someone who had not seen another person's edit of the same row: the edit is a
 * head that no head of `deletedAt` names in its pred.
 */
function removalsOverEdits(ctx: CoreContext): HeadRow[] {
  return ctx.sqlite
    .prepare(
      `WITH removals AS MATERIALIZED (
              SELECT o.row_id, f.table_name, c.id || '.' || o.position AS op_id, o.value FROM ${headsFrom}
               WHERE f.field = 'deletedAt' AND o.head = 1)
       SELECT ${headColumns} FROM ${headsFrom}
        WHERE o.row_id IN (SELECT row_id FROM removals WHERE value <> 'null')
          AND o.head = 1 AND f.field <> 'deletedAt'
          AND EXISTS (SELECT 1 FROM removals d WHERE d.row_id = o.row_id AND d.table_name = f.table_name AND d.value <> 'null')
          AND NOT EXISTS (SELECT 1 FROM removals d JOIN op_preds p ON p.op_id = d.op_id
                           WHERE d.row_id = o.row_id AND d.table_name = f.table_name AND p.pred_op_id = c.id || '.' || o.position)`,
    )
    .all() as HeadRow[];
}

/** Who each origin is, read once per listing rather than once per version. */
function originNames(ctx: CoreContext): (origin: string) => string {
  const self = ownOrigins(ctx);
  const peers = new Map(ctx.sqlite.prepare('SELECT installation_id, name FROM peers').raw().all() as Array<[string, string]>);
  return (origin) => peers.get(origin) ?? (self.includes(origin) ? 'this computer' : origin);
}

function toHead(h: HeadRow, originName: (origin: string) => string): ConflictHead {
  return { opId: h.opId, value: JSON.parse(h.value) as unknown, actor: h.actor, origin: h.origin, originName: originName(h.origin), at: h.createdAt };
}

/** A few words naming the row, from its own title or name. */
export function describeRow(ctx: CoreContext, table: string, rowId: string): string {
  const known = Object.keys(replicatedTables).includes(table);
  if (!known) return rowId;
  if (table === 'progressEntries') {
    const row = ctx.sqlite
      .prepare(`SELECT a.title, p.fiscal_year AS fy, p.quarter FROM progress_entries p JOIN actions a ON a.id = p.action_id WHERE p.id = ?`)
      .get(rowId) as { title: string; fy: number; quarter: number } | undefined;
    if (row) return `${row.title} — ${quarterLabel(row.fy, row.quarter as Quarter, readProfile(ctx).locale)}`;
  }
  const name = table as ReplicatedTableName;
  for (const field of ['title', 'name', 'narrative', 'body', 'summary']) {
    if (!replicatedTables[name].fields.includes(field)) continue;
    const text = ctx.sqlite.prepare(`SELECT "${sqlColumnName(name, field)}" FROM "${sqlTableName(name)}" WHERE id = ?`).pluck().get(rowId) as string | undefined;
    if (text) return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
  return rowId;
}

export function listConflicts(ctx: CoreContext): Conflict[] {
  const groups = new Map<string, { kind: Conflict['kind']; table: string; rowId: string; field: string; heads: HeadRow[] }>();
  for (const h of concurrentEdits(ctx)) {
    if (!isMeaningful(h.tableName, h.field)) continue;
    const id = conflictId(h.tableName, h.rowId, h.field);
    const group = groups.get(id) ?? { kind: 'concurrent_edit' as const, table: h.tableName, rowId: h.rowId, field: h.field, heads: [] };
    group.heads.push(h);
    groups.set(id, group);
  }
  for (const h of removalsOverEdits(ctx)) {
    // A kind of record this version does not have is not shown (nor resolvable) until the upgrade.
    if (!tableKnownAt(h.tableName, ctx.recorder.schemaVersion)) continue;
    const id = conflictId(h.tableName, h.rowId, 'deletedAt');
    const group = groups.get(id) ?? { kind: 'removed_while_edited' as const, table: h.tableName, rowId: h.rowId, field: 'deletedAt', heads: [] };
    group.heads.push(h);
    groups.set(id, group);
  }
  const originName = originNames(ctx);
  const removalHead = ctx.sqlite.prepare(
    `SELECT 'x' AS tableName, ? AS rowId, 'deletedAt' AS field, c.id || '.' || o.position AS opId, o.value, c.hlc, c.actor, c.origin, c.created_at AS createdAt
       FROM ops o JOIN changesets c ON c.n = o.cs WHERE c.id = ? AND o.position = ?`,
  );
  return [...groups.entries()]
    // Two people writing the same value have not disagreed: nothing to choose between.
    .filter(([, g]) => g.kind === 'removed_while_edited' || new Set(g.heads.map((h) => h.value)).size > 1)
    .map(([id, g]) => {
      let heads = g.heads.sort(compareHeads);
      if (g.kind === 'removed_while_edited') {
        // Show the removal first, then the edits it did not see.
        const removal = ctx.recorder.register.headsOf(g.table, g.rowId, 'deletedAt').filter((r) => r.value !== 'null');
        const removalRows = removal.map((r) => {
          const split = splitOpId(r.opId)!; // a head is a stored op: its id has the stored form
          return removalHead.get(g.rowId, split.changesetId, split.position) as HeadRow;
        });
        heads = [...removalRows, ...heads];
      }
      return { id, kind: g.kind, table: g.table, rowId: g.rowId, field: g.field, label: describeRow(ctx, g.table, g.rowId), heads: heads.map((h) => toHead(h, originName)) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Turns the person's typed merge into a value of the field's kind, refusing what does not fit. */
function valueFromText(current: unknown[], text: string): unknown {
  if (current.every((v) => typeof v === 'string' || v === null)) {
    if (text.length > MAX_LONG_TEXT) throw new DomainError('invalid_input', msg('conflict.mergeTooLong', { max: MAX_LONG_TEXT }));
    return text;
  }
  if (current.every((v) => typeof v === 'number' || v === null)) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new DomainError('invalid_input', msg('conflict.mergeNumber'));
    return n;
  }
  throw new DomainError('invalid_input', msg('conflict.mergeNotTypeable'));
}

/** Fields whose values come from a vocabulary: a typed merge must use one of its codes. */
const ENUM_FIELDS: Record<string, readonly string[]> = {
  'progressEntries.status': PROGRESS_STATUSES,
  'plans.status': PLAN_STATUSES,
  'priorities.zone': CSWB_ZONES,
  'actions.owner': OWNER_PARTIES,
  'indicators.direction': INDICATOR_DIRECTIONS,
  'commitments.status': COMMITMENT_STATUSES,
  'milestones.status': MILESTONE_STATUSES,
  'reportSubmissions.state': REPORT_STATES,
};

/** One choice for one conflict: a version to keep (pickOpId) or a typed merge (value). */
export interface ConflictChoice {
  conflictId: string;
  pickOpId?: string;
  value?: string;
}

/** The value a choice writes, after every check a local call or an import would make. */
export function valueOfChoice(ctx: CoreContext, conflict: Conflict, input: ConflictChoice): unknown {
  if ((input.pickOpId === undefined) === (input.value === undefined)) {
    throw new DomainError('invalid_input', msg('conflict.pickOrType'));
  }
  if (input.pickOpId !== undefined) {
    const head = conflict.heads.find((h) => h.opId === input.pickOpId);
    if (!head) throw new DomainError('not_found', msg('conflict.versionUnknown'));
    if (conflict.kind === 'removed_while_edited') {
      // The versions of a removal conflict are the removal and the edits it did not see: picking the
      // removal keeps the row removed; picking an edit restores the row with its edits.
      const removals = new Set(ctx.recorder.register.headsOf(conflict.table, conflict.rowId, 'deletedAt').map((h) => h.opId));
      return removals.has(head.opId) ? head.value : null;
    }
    return head.value;
  }
  if (conflict.kind === 'removed_while_edited') throw new DomainError('invalid_input', msg('conflict.removalChoice'));
  const value = valueFromText(conflict.heads.map((h) => h.value), input.value!);
  const allowed = ENUM_FIELDS[`${conflict.table}.${conflict.field}`];
  if (allowed && !allowed.includes(String(value))) throw new DomainError('invalid_input', msg('conflict.mergeOneOf', { values: allowed.join(', ') }));
  // The field's own rule, as for any local call or import: otherwise other computers would refuse the resolution.
  const broken = brokenFieldRule(conflict.table, conflict.field, value);
  if (broken) throw new DomainError('invalid_input', broken);
  return value;
}

/** Resolves a conflict with one of its versions or a typed merge: an ordinary op that names all heads. */
export function resolveConflict(ctx: CoreContext, input: ConflictChoice): Conflict[] {
  const conflict = listConflicts(ctx).find((c) => c.id === input.conflictId);
  if (!conflict) throw new DomainError('not_found', msg('conflict.notFound'));
  const value = valueOfChoice(ctx, conflict, input);
  change(ctx, 'conflicts:resolve', (w) => w.resolve(conflict.table as ReplicatedTableName, conflict.rowId, conflict.field, value));
  materializeRows(ctx, [{ table: conflict.table, rowId: conflict.rowId }]);
  return listConflicts(ctx);
}
