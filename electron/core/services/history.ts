import type { MethodInput } from '../../../shared/contract';
import type { ChangeRecord } from '../../../shared/domain';
import type { CoreContext } from '../core-context';

/** Recent changesets with their ops, newest first, optionally only those touching one row. */
export function recentHistory(ctx: CoreContext, input: MethodInput<'history:recent'>): ChangeRecord[] {
  const limit = input.limit ?? 50;
  const sets = ctx.sqlite
    .prepare(
      `SELECT cs.id, cs.seq, cs.created_at AS at, cs.actor, cs.origin, cs.method
         FROM changesets cs
        WHERE @rowId IS NULL OR EXISTS (SELECT 1 FROM change_ops o WHERE o.changeset_id = cs.id AND o.row_id = @rowId)
        ORDER BY cs.hlc DESC LIMIT @limit`,
    )
    .all({ rowId: input.rowId ?? null, limit }) as Array<{ id: string; seq: number; at: string; actor: string; origin: string; method: string }>;
  const opsOf = ctx.sqlite.prepare('SELECT table_name AS tableName, row_id AS rowId, field, value FROM change_ops WHERE changeset_id = ? ORDER BY position');
  return sets.map((s) => ({
    changesetId: s.id,
    seq: s.seq,
    at: s.at,
    actor: s.actor,
    installationId: s.origin,
    summary: s.method,
    ops: (opsOf.all(s.id) as Array<{ tableName: string; rowId: string; field: string; value: string }>).map((o) => ({
      table: o.tableName,
      rowId: o.rowId,
      field: o.field,
      value: JSON.parse(o.value) as unknown,
    })),
  }));
}
