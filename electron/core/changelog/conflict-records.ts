/**
 * Conflicts grouped by record: a progress entry whose status and narrative were both edited on two
 * computers is ONE decision, not two (issue 11, §4). The record's heading names its community, the
 * plan's year and the action; each author's version holds that author's values of every
 * conflicting field, and keeping it resolves them all in one change (one changeset).
 *
 * A resolution is an ordinary op. Until a bundle has carried it, it never left this computer, so
 * it can be withdrawn: `withdrawResolution` deletes that changeset and gives the fields back the
 * heads it had replaced (the conflict is there again). Only the last changeset of its
 * (origin, partition) sequence is withdrawn, so the sequence never has a hole.
 */
import { msg } from '../../../shared/core-messages';
import type { Conflict, ConflictRecord, ConflictRecords, ConflictRecordVersion, RecordResolution, UndoableResolution } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { change, type CoreContext } from './core-context';
import { type ConflictChoice, describeRow, listConflicts, valueOfChoice } from './conflicts';
import { materializeRows } from './materialize';
import type { ReplicatedTableName } from './replicated-tables';
import { communityOfRow, type FieldLookup, storedFieldLookup } from './row-community';

/** The methods whose changesets are resolutions (and so may be withdrawn while unsent). */
export const RESOLUTION_METHODS = ['conflicts:resolve', 'conflicts:resolveRecord'] as const;

export function recordId(table: string, rowId: string): string {
  return `${table}:${rowId}`;
}

/** How a record reaches its plan (and, on the way, its action). */
const PARENT: Partial<Record<string, { field: string; table: string }>> = {
  progressEntries: { field: 'actionId', table: 'actions' },
  progressAmendments: { field: 'progressEntryId', table: 'progressEntries' },
  actions: { field: 'priorityId', table: 'priorities' },
  indicators: { field: 'priorityId', table: 'priorities' },
  indicatorValues: { field: 'indicatorId', table: 'indicators' },
  priorities: { field: 'planId', table: 'plans' },
  planRevisions: { field: 'planId', table: 'plans' },
  reportSubmissions: { field: 'planId', table: 'plans' },
  reportComments: { field: 'reportId', table: 'reportSubmissions' },
  reportReviews: { field: 'reportId', table: 'reportSubmissions' },
};

interface Place {
  communityName: string | null;
  fiscalYear: number | null;
  actionTitle: string | null;
}

function placeOf(lookup: FieldLookup, table: string, rowId: string): Place {
  let fiscalYear: number | null = null;
  let actionTitle: string | null = null;
  let at: { table: string; rowId: string } | null = { table, rowId };
  for (let depth = 0; at && depth < 8; depth++) {
    if (at.table === 'actions') {
      const title = lookup('actions', at.rowId, 'title');
      if (typeof title === 'string') actionTitle = title;
    }
    if (at.table === 'plans') {
      const year = lookup('plans', at.rowId, 'fiscalYear');
      if (typeof year === 'number') fiscalYear = year;
      break;
    }
    const parent: { field: string; table: string } | undefined = PARENT[at.table];
    const next: unknown = parent ? lookup(at.table as ReplicatedTableName, at.rowId, parent.field) : null;
    at = parent && typeof next === 'string' ? { table: parent.table, rowId: next } : null;
  }
  let communityName: string | null = null;
  const community = communityOfRow(lookup, table as ReplicatedTableName, rowId);
  if (typeof community === 'string') {
    const name = lookup('communities', community, 'name');
    communityName = typeof name === 'string' ? name : null;
  }
  return { communityName, fiscalYear, actionTitle };
}

/** One version per author: for every conflict of the record, the op that author wrote (its latest). */
function versionsOf(conflicts: Conflict[]): ConflictRecordVersion[] {
  const byOrigin = new Map<string, ConflictRecordVersion>();
  for (const conflict of conflicts) {
    for (const head of conflict.heads) {
      let version = byOrigin.get(head.origin);
      if (!version) byOrigin.set(head.origin, (version = { origin: head.origin, originName: head.originName, actor: head.actor, at: head.at, picks: {} }));
      // Heads are in display order (latest first): the author's latest value of the field wins.
      if (version.picks[conflict.id] === undefined) version.picks[conflict.id] = head.opId;
      if (head.at > version.at) Object.assign(version, { actor: head.actor, at: head.at });
    }
  }
  return [...byOrigin.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.origin.localeCompare(b.origin)));
}


/** The conflicts of this computer, one entry per record, with the place each record belongs to. */
export function listConflictRecords(ctx: CoreContext): ConflictRecord[] {
  const lookup = storedFieldLookup(ctx);
  const byRecord = new Map<string, Conflict[]>();
  for (const conflict of listConflicts(ctx)) {
    const id = recordId(conflict.table, conflict.rowId);
    byRecord.set(id, [...(byRecord.get(id) ?? []), conflict]);
  }
  const records = [...byRecord.entries()].map(([id, conflicts]): ConflictRecord => {
    const first = conflicts[0]!;
    // A removal over edits first, then the fields in a stable order.
    conflicts.sort((a, b) => (a.kind === b.kind ? a.field.localeCompare(b.field) : a.kind === 'removed_while_edited' ? -1 : 1));
    return { id, table: first.table, rowId: first.rowId, ...placeOf(lookup, first.table, first.rowId), label: first.label, conflicts, versions: versionsOf(conflicts) };
  });
  return records.sort((a, b) => (a.communityName ?? '').localeCompare(b.communityName ?? '') || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

interface StoredResolution {
  id: string;
  origin: string;
  partition: string;
  seq: number;
  createdAt: string;
}

/** Why a resolution can no longer be withdrawn; null when it still can. */
function whyFinal(ctx: CoreContext, cs: StoredResolution): 'sent' | 'later' | 'built_on' | 'not_own' | null {
  const self = ctx.sqlite.prepare('SELECT installation_id FROM installation WHERE key = 1').pluck().get() as string | undefined;
  if (cs.origin !== self) return 'not_own';
  // Any bundle written since may carry it (a full bundle, or one to a peer): from then on it is someone else's too.
  const sent = ctx.sqlite.prepare("SELECT 1 FROM exchanges WHERE direction = 'export' AND at >= ? LIMIT 1").pluck().get(cs.createdAt);
  if (sent !== undefined) return 'sent';
  // Only the last of its sequence: withdrawing one in the middle would leave a hole.
  const later = ctx.sqlite.prepare('SELECT 1 FROM changesets WHERE origin = ? AND partition = ? AND seq > ? LIMIT 1').pluck().get(cs.origin, cs.partition, cs.seq);
  if (later !== undefined) return 'later';
  const builtOn = ctx.sqlite
    .prepare(`SELECT 1 FROM ops o JOIN changesets c ON c.n = o.cs JOIN op_preds p ON p.pred_op_id = c.id || '.' || o.position WHERE c.id = ? LIMIT 1`)
    .pluck()
    .get(cs.id);
  if (builtOn !== undefined) return 'built_on';
  return null;
}

const resolutionColumns = 'id, origin, partition, seq, created_at AS createdAt';

/** Resolutions made here that nothing has carried away or built on yet: each can be undone. */
export function undoableResolutions(ctx: CoreContext): UndoableResolution[] {
  const self = ctx.sqlite.prepare('SELECT installation_id FROM installation WHERE key = 1').pluck().get() as string | undefined;
  if (!self) return [];
  const candidates = ctx.sqlite
    .prepare(
      `SELECT ${resolutionColumns} FROM changesets cs
        WHERE origin = ? AND method IN (${RESOLUTION_METHODS.map(() => '?').join(', ')})
          AND seq = (SELECT max(seq) FROM changesets l WHERE l.origin = cs.origin AND l.partition = cs.partition)`,
    )
    .all(self, ...RESOLUTION_METHODS) as StoredResolution[];
  const lookup = storedFieldLookup(ctx);
  const opsOf = ctx.sqlite.prepare(
    'SELECT f.table_name AS tableName, o.row_id AS rowId, f.field FROM ops o JOIN changesets c ON c.n = o.cs JOIN op_fields f ON f.k = o.field_key WHERE c.id = ? ORDER BY o.position',
  );
  return candidates
    .filter((cs) => whyFinal(ctx, cs) === null)
    .map((cs) => {
      const ops = opsOf.all(cs.id) as Array<{ tableName: string; rowId: string; field: string }>;
      const first = ops[0]!;
      const place = placeOf(lookup, first.tableName, first.rowId);
      return {
        id: cs.id,
        table: first.tableName,
        rowId: first.rowId,
        label: describeRow(ctx, first.tableName, first.rowId),
        communityName: place.communityName,
        at: cs.createdAt,
        fields: ops.map((o) => o.field),
      };
    })
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

export function conflictRecords(ctx: CoreContext): ConflictRecords {
  return { records: listConflictRecords(ctx), undoable: undoableResolutions(ctx) };
}

/**
 * Resolves several conflicts of ONE record in one change: a version kept whole, or field by field.
 * Every choice is checked as `conflicts:resolve` checks it; one refusal refuses them all.
 */
export function resolveRecord(ctx: CoreContext, input: { recordId: string; choices: ConflictChoice[] }): RecordResolution {
  const current = new Map(listConflicts(ctx).map((c) => [c.id, c]));
  const seen = new Set<string>();
  const chosen = input.choices.map((choice) => {
    const conflict = current.get(choice.conflictId);
    if (!conflict) throw new DomainError('not_found', msg('conflict.notFound'));
    if (recordId(conflict.table, conflict.rowId) !== input.recordId) throw new DomainError('invalid_input', msg('conflictRecord.otherRecord'));
    if (seen.has(conflict.id)) throw new DomainError('invalid_input', msg('conflictRecord.twice'));
    seen.add(conflict.id);
    return { conflict, value: valueOfChoice(ctx, conflict, choice) };
  });
  if (chosen.length === 0) throw new DomainError('invalid_input', msg('conflictRecord.nothingChosen'));
  const before = ctx.sqlite.prepare('SELECT max(rowid) FROM changesets').pluck().get() as number | null;
  change(ctx, 'conflicts:resolveRecord', (w) => {
    for (const { conflict, value } of chosen) w.resolve(conflict.table as ReplicatedTableName, conflict.rowId, conflict.field, value);
  });
  const rows = [...new Map(chosen.map(({ conflict }) => [recordId(conflict.table, conflict.rowId), { table: conflict.table, rowId: conflict.rowId }])).values()];
  materializeRows(ctx, rows);
  const written = ctx.sqlite.prepare('SELECT id FROM changesets WHERE rowid > ? ORDER BY rowid DESC LIMIT 1').pluck().get(before ?? 0) as string | undefined;
  return { resolutionId: written ?? null, records: conflictRecords(ctx) };
}

/**
 * Undoes a resolution that has not left this computer: deletes its changeset and gives each field
 * back the heads it had replaced, so the conflict is there again, exactly as before.
 */
export function withdrawResolution(ctx: CoreContext, input: { resolutionId: string }): ConflictRecords {
  const cs = ctx.sqlite
    .prepare(`SELECT ${resolutionColumns}, method FROM changesets WHERE id = ?`)
    .get(input.resolutionId) as (StoredResolution & { method: string }) | undefined;
  if (!cs || !(RESOLUTION_METHODS as readonly string[]).includes(cs.method)) throw new DomainError('not_found', msg('conflictRecord.undoUnknown'));
  const why = whyFinal(ctx, cs);
  if (why === 'sent') throw new DomainError('conflict', msg('conflictRecord.undoSent'));
  if (why !== null) throw new DomainError('conflict', msg('conflictRecord.undoLater'));
  const register = ctx.recorder.register;
  const s = {
    ops: ctx.sqlite.prepare(
      `SELECT c.id || '.' || o.position AS opId, f.table_name AS tableName, o.row_id AS rowId, f.field
         FROM ops o JOIN changesets c ON c.n = o.cs JOIN op_fields f ON f.k = o.field_key WHERE c.id = ?`,
    ),
    preds: ctx.sqlite.prepare('SELECT pred_op_id FROM op_preds WHERE op_id = ?').pluck(),
    deletePreds: ctx.sqlite.prepare('DELETE FROM op_preds WHERE op_id = ?'),
  };
  ctx.sqlite
    .transaction(() => {
      const ops = s.ops.all(cs.id) as Array<{ opId: string; tableName: string; rowId: string; field: string }>;
      for (const op of ops) {
        const preds = s.preds.all(op.opId) as string[];
        s.deletePreds.run(op.opId);
        register.setHead(op.opId, op.tableName, op.rowId, op.field, false);
        // A pred becomes a head again when it is an op of the same field that no other op supersedes.
        for (const pred of preds) {
          if (!register.isOpOfField(pred, op.tableName, op.rowId, op.field)) continue;
          if (register.supersededBySameField(pred, op.tableName, op.rowId, op.field)) continue;
          register.setHead(pred, op.tableName, op.rowId, op.field, true);
        }
      }
      ctx.sqlite.prepare('DELETE FROM ops WHERE cs = (SELECT n FROM changesets WHERE id = ?)').run(cs.id);
      ctx.sqlite.prepare('DELETE FROM changesets WHERE id = ?').run(cs.id);
      // The sequence number is given out again by the next change: no hole, no number used twice abroad.
      ctx.sqlite.prepare('UPDATE installation SET last_seq = last_seq - 1 WHERE key = 1 AND installation_id = ? AND last_seq = ?').run(cs.origin, cs.seq);
      materializeRows(
        ctx,
        [...new Map(ops.map((o) => [recordId(o.tableName, o.rowId), { table: o.tableName, rowId: o.rowId }])).values()],
      );
    })
    .immediate();
  return conflictRecords(ctx);
}
