import { eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import type { ChangeRecord } from '../../../shared/domain';
import { fiscalYearLabel, type Quarter, quarterLabel } from '../../../shared/fiscal-calendar';
import type { Locale } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';

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
  const subjects = subjectFinder(ctx, readProfile(ctx).locale);
  return sets.map((s) => {
    const ops = (opsOf.all(s.id) as Array<{ tableName: string; rowId: string; field: string; value: string }>).map((o) => ({
      table: o.tableName,
      rowId: o.rowId,
      field: o.field,
      value: JSON.parse(o.value) as unknown,
    }));
    // The row the change is about: the one asked for, else the first one it touches.
    const main = ops.find((o) => o.rowId === input.rowId) ?? ops[0];
    return {
      changesetId: s.id,
      seq: s.seq,
      at: s.at,
      actor: s.actor,
      installationId: s.origin,
      summary: s.method,
      subject: main ? subjects(main.table, main.rowId) : null,
      ops,
    };
  });
}

/**
 * A readable name for a changed row, from the rows as they are now (removed rows included):
 * a plan is its community and fiscal year, a quarter's row adds the quarter, other rows their
 * title or name. Null when the row is not here (e.g. still waiting for its parent).
 */
function subjectFinder(ctx: CoreContext, locale: Locale): (table: string, rowId: string) => string | null {
  const cache = new Map<string, string | null>();
  const one = <T>(row: T | undefined): T | null => row ?? null;
  const planName = (planId: string): string | null => {
    const plan = one(ctx.db.select().from(schema.plans).where(eq(schema.plans.id, planId)).get());
    if (!plan) return null;
    const community = one(ctx.db.select().from(schema.communities).where(eq(schema.communities.id, plan.communityId)).get());
    return `${community?.name ?? '?'} — ${fiscalYearLabel(plan.fiscalYear, locale)}`;
  };
  const quarterOf = (fiscalYear: number, quarter: number) => quarterLabel(fiscalYear, quarter as Quarter, locale);
  const find = (table: string, rowId: string): string | null => {
    switch (table) {
      case 'plans':
        return planName(rowId);
      case 'planRevisions': {
        const row = one(ctx.db.select().from(schema.planRevisions).where(eq(schema.planRevisions.id, rowId)).get());
        return row ? planName(row.planId) : null;
      }
      case 'priorities':
        return one(ctx.db.select().from(schema.priorities).where(eq(schema.priorities.id, rowId)).get())?.title ?? null;
      case 'actions':
        return one(ctx.db.select().from(schema.actions).where(eq(schema.actions.id, rowId)).get())?.title ?? null;
      case 'indicators':
        return one(ctx.db.select().from(schema.indicators).where(eq(schema.indicators.id, rowId)).get())?.name ?? null;
      case 'indicatorValues': {
        const row = one(ctx.db.select().from(schema.indicatorValues).where(eq(schema.indicatorValues.id, rowId)).get());
        const name = row && one(ctx.db.select().from(schema.indicators).where(eq(schema.indicators.id, row.indicatorId)).get())?.name;
        return row && name ? `${name} — ${quarterOf(row.fiscalYear, row.quarter)}` : null;
      }
      case 'progressEntries': {
        const row = one(ctx.db.select().from(schema.progressEntries).where(eq(schema.progressEntries.id, rowId)).get());
        const title = row && one(ctx.db.select().from(schema.actions).where(eq(schema.actions.id, row.actionId)).get())?.title;
        return row && title ? `${title} — ${quarterOf(row.fiscalYear, row.quarter)}` : null;
      }
      case 'reportSubmissions': {
        const row = one(ctx.db.select().from(schema.reportSubmissions).where(eq(schema.reportSubmissions.id, rowId)).get());
        const plan = row && one(ctx.db.select().from(schema.plans).where(eq(schema.plans.id, row.planId)).get());
        if (!row || !plan) return null;
        const community = one(ctx.db.select().from(schema.communities).where(eq(schema.communities.id, plan.communityId)).get());
        return `${community?.name ?? '?'} — ${quarterOf(plan.fiscalYear, row.quarter)}`;
      }
      case 'reportComments': {
        const row = one(ctx.db.select().from(schema.reportComments).where(eq(schema.reportComments.id, rowId)).get());
        return row ? find('reportSubmissions', row.reportId) : null;
      }
      case 'communities':
        return one(ctx.db.select().from(schema.communities).where(eq(schema.communities.id, rowId)).get())?.name ?? null;
      case 'detachments':
        return one(ctx.db.select().from(schema.detachments).where(eq(schema.detachments.id, rowId)).get())?.name ?? null;
      case 'organisations':
        return one(ctx.db.select().from(schema.organisations).where(eq(schema.organisations.id, rowId)).get())?.name ?? null;
      case 'people':
        return one(ctx.db.select().from(schema.people).where(eq(schema.people.id, rowId)).get())?.name ?? null;
      case 'themes': {
        const row = one(ctx.db.select().from(schema.themes).where(eq(schema.themes.id, rowId)).get());
        return row ? (locale === 'fr' ? row.nameFr : row.nameEn) : null;
      }
      case 'commitments':
        return one(ctx.db.select().from(schema.commitments).where(eq(schema.commitments.id, rowId)).get())?.title ?? null;
      case 'milestones':
        return one(ctx.db.select().from(schema.milestones).where(eq(schema.milestones.id, rowId)).get())?.title ?? null;
      default:
        return null;
    }
  };
  return (table, rowId) => {
    const key = `${table}\u0000${rowId}`;
    if (!cache.has(key)) cache.set(key, find(table, rowId));
    return cache.get(key)!;
  };
}
