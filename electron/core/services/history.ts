import type { MethodInput } from '../../../shared/contract';
import type { ChangeRecord } from '../../../shared/domain';
import { fiscalYearLabel, type Quarter, quarterLabel } from '../../../shared/fiscal-calendar';
import type { Locale } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { partitionOfCommunity, TERRITORY_PARTITION } from '../changelog/partitions';
import { anyRow, changesetOps, recentChangesets, type NamedTable } from '../queries/history';

/** Recent changesets with their ops, newest first, optionally only those touching one row. */
export function recentHistory(ctx: CoreContext, input: MethodInput<'history:recent'>): ChangeRecord[] {
  const profile = readProfile(ctx);
  const sets = recentChangesets(ctx, input.rowId ?? null, input.limit ?? 50, input.ownCommunities === true ? ownPartitions(profile) : null);
  const opsOf = changesetOps(ctx);
  const subjects = subjectFinder(ctx, profile.locale);
  const places = placeFinder(ctx);
  return sets.map((s) => {
    const ops = opsOf(s.id);
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
      place: places(main ? [main, ...ops] : ops),
      ops,
    };
  });
}

/**
 * The partitions of the communities this installation works for, and the territory's; null (all)
 * for the coordinator, or for an installation that names no community yet.
 */
function ownPartitions(profile: { role: string; scopeCommunityIds: string[] }): string[] | null {
  if (profile.role === 'coordinator' || profile.scopeCommunityIds.length === 0) return null;
  return [...profile.scopeCommunityIds.map(partitionOfCommunity), TERRITORY_PARTITION];
}

/** The plan a changed row is in, with the quarter for a quarter's row; null for rows outside any plan. */
function placeFinder(ctx: CoreContext): (ops: ChangeRecord['ops']) => ChangeRecord['place'] {
  const planOf = (table: string, rowId: string): { planId: string; quarter?: number } | null => {
    switch (table as NamedTable) {
      case 'plans':
        return anyRow(ctx, 'plans', rowId) ? { planId: rowId } : null;
      case 'planRevisions':
      case 'priorities': {
        const row = anyRow(ctx, table as 'priorities', rowId);
        return row ? { planId: row.planId } : null;
      }
      case 'actions':
      case 'indicators': {
        const row = anyRow(ctx, table as 'actions', rowId);
        return row ? planOf('priorities', row.priorityId) : null;
      }
      case 'progressEntries': {
        const row = anyRow(ctx, 'progressEntries', rowId);
        const plan = row ? planOf('actions', row.actionId) : null;
        return plan && row ? { planId: plan.planId, quarter: row.quarter } : null;
      }
      case 'indicatorValues': {
        const row = anyRow(ctx, 'indicatorValues', rowId);
        const plan = row ? planOf('indicators', row.indicatorId) : null;
        return plan && row ? { planId: plan.planId, quarter: row.quarter } : null;
      }
      case 'reportSubmissions': {
        const row = anyRow(ctx, 'reportSubmissions', rowId);
        return row ? { planId: row.planId, quarter: row.quarter } : null;
      }
      case 'reportComments': {
        const row = anyRow(ctx, 'reportComments', rowId);
        return row ? planOf('reportSubmissions', row.reportId) : null;
      }
      case 'reportReviews': {
        const row = anyRow(ctx, 'reportReviews', rowId);
        return row ? planOf('reportSubmissions', row.reportId) : null;
      }
      default:
        return null;
    }
  };
  const placeOf = (table: string, rowId: string): ChangeRecord['place'] => {
    const found = planOf(table, rowId);
    const plan = found ? anyRow(ctx, 'plans', found.planId) : undefined;
    if (!found || !plan) return null;
    const community = anyRow(ctx, 'communities', plan.communityId);
    return { communityName: community?.name ?? '?', fiscalYear: plan.fiscalYear, quarter: found.quarter ?? null };
  };
  // The first op that tells: an amendment of a submitted progress entry names the entry in a field.
  return (ops) => {
    for (const op of ops) {
      const place = op.table === 'progressAmendments' ? (op.field === 'progressEntryId' && typeof op.value === 'string' ? placeOf('progressEntries', op.value) : null) : placeOf(op.table, op.rowId);
      if (place) return place;
    }
    return null;
  };
}

/** The tables whose rows are named by their title or name as they are now. */
const TITLED = { priorities: 'title', actions: 'title', commitments: 'title', milestones: 'title', indicators: 'name', communities: 'name', detachments: 'name', organisations: 'name', people: 'name', practices: 'title', practiceProposals: 'title' } as const;

/**
 * A readable name for a changed row, from the rows as they are now (removed rows included):
 * a plan is its community and fiscal year, a quarter's row adds the quarter, other rows their
 * title or name. Null when the row is not here (e.g. still waiting for its parent).
 */
function subjectFinder(ctx: CoreContext, locale: Locale): (table: string, rowId: string) => string | null {
  const cache = new Map<string, string | null>();
  const planName = (planId: string, quarter?: number): string | null => {
    const plan = anyRow(ctx, 'plans', planId);
    if (!plan) return null;
    const community = anyRow(ctx, 'communities', plan.communityId);
    const period = quarter === undefined ? fiscalYearLabel(plan.fiscalYear, locale) : quarterOf(plan.fiscalYear, quarter);
    return `${community?.name ?? '?'} — ${period}`;
  };
  const quarterOf = (fiscalYear: number, quarter: number) => quarterLabel(fiscalYear, quarter as Quarter, locale);
  const titled = (table: keyof typeof TITLED, rowId: string): string | null => {
    const row = anyRow(ctx, table, rowId) as Record<string, unknown> | undefined;
    return (row?.[TITLED[table]] as string | undefined) ?? null;
  };
  const ofQuarter = (name: string | null, row: { fiscalYear: number; quarter: number } | undefined) => (row && name ? `${name} — ${quarterOf(row.fiscalYear, row.quarter)}` : null);
  const find = (table: string, rowId: string): string | null => {
    if (Object.hasOwn(TITLED, table)) return titled(table as keyof typeof TITLED, rowId);
    switch (table as NamedTable) {
      case 'plans':
        return planName(rowId);
      case 'planRevisions': {
        const row = anyRow(ctx, 'planRevisions', rowId);
        return row ? planName(row.planId) : null;
      }
      case 'indicatorValues': {
        const row = anyRow(ctx, 'indicatorValues', rowId);
        return ofQuarter(row ? titled('indicators', row.indicatorId) : null, row);
      }
      case 'progressEntries': {
        const row = anyRow(ctx, 'progressEntries', rowId);
        return ofQuarter(row ? titled('actions', row.actionId) : null, row);
      }
      case 'reportSubmissions': {
        const row = anyRow(ctx, 'reportSubmissions', rowId);
        return row ? planName(row.planId, row.quarter) : null;
      }
      case 'reportComments': {
        const row = anyRow(ctx, 'reportComments', rowId);
        return row ? find('reportSubmissions', row.reportId) : null;
      }
      case 'reportReviews': {
        const row = anyRow(ctx, 'reportReviews', rowId);
        return row ? find('reportSubmissions', row.reportId) : null;
      }
      case 'themes': {
        const row = anyRow(ctx, 'themes', rowId);
        return row ? (locale === 'fr' ? row.nameFr : row.nameEn) : null;
      }
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
