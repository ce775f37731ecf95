/**
 * The coordinator's roll-up for one fiscal year, computed from the plans and progress (never
 * stored): completeness rates per quarter and per community, action status across communities,
 * themes and CSWB zones across communities, indicator trends, and progress on commitment 4.4.2
 * (a plan agreed with every community every year).
 *
 * Filters: region and detachment choose communities. Theme and zone choose priorities: the
 * communities shown are those whose plan has a matching priority, and action status, themes,
 * zones and indicators count only matching priorities. Commitment progress ignores theme and zone
 * (the commitment is about every community) but follows region and detachment.
 *
 * Definitions: a report is expected once its due date has passed (on time, late or missing);
 * completeness rate = reported (on time + late) / expected; on-time rate = on time / expected.
 * A community without a plan expects no report: it shows as "no plan", outside the rates.
 * An action's status is its latest entry in the fiscal year, or "not recorded".
 * A theme's share = communities whose plan has it / communities with a plan (after filters).
 */
import type { MethodInput } from '../../../shared/contract';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import type { CompletenessFigures, RollupData, StatusOrNone, ThemeRef } from '../../../shared/reports';
import { compareNames } from '../../../shared/text-search';
import {
  CSWB_ZONES,
  PROGRESS_STATUSES,
  type CommitmentStatus,
  type CompletenessState,
  type CswbZone,
  type IndicatorDirection,
  type MilestoneStatus,
  type PlanStatus,
} from '../../../shared/vocabulary';
import { type CoreContext, readProfile, today } from '../changelog/core-context';
import { completenessOf } from '../services/rollup';
import { assessIndicator, indicatorHistory, quartersEndingAt } from './report-data';

export const PLAN_COMMITMENT_NUMBER = '4.4.2';
const AGREED: readonly PlanStatus[] = ['agreed', 'active', 'closed'];
const COMMITMENT_YEARS = 5;

interface CommunityRow {
  communityId: string;
  communityName: string;
  region: string;
  detachmentId: string | null;
  detachmentName: string | null;
}

interface PriorityRow {
  id: string;
  planId: string;
  communityId: string;
  title: string;
  zone: CswbZone;
  themeIds: string[];
}

export function figuresOf(states: CompletenessState[]): CompletenessFigures {
  const n = (s: CompletenessState) => states.filter((x) => x === s).length;
  const onTime = n('on_time');
  const late = n('late');
  const missing = n('missing');
  const expected = onTime + late + missing;
  const reported = onTime + late;
  return { expected, reported, onTime, late, missing, rate: expected ? reported / expected : null, onTimeRate: expected ? onTime / expected : null };
}

const emptyStatusCounts = () => Object.fromEntries([...PROGRESS_STATUSES, 'not_recorded'].map((s) => [s, 0])) as Record<StatusOrNone, number>;

export function rollup(ctx: CoreContext, input: MethodInput<'rollup:get'>): RollupData {
  const profile = readProfile(ctx);
  const compare = compareNames(profile.locale);
  const asOf = input.asOf ?? today(ctx);
  const fy = input.fiscalYear;

  const allCommunities = ctx.sqlite
    .prepare(
      `SELECT c.id AS communityId, c.name AS communityName, c.region, c.served_by_detachment_id AS detachmentId, d.name AS detachmentName
         FROM communities c LEFT JOIN detachments d ON d.id = c.served_by_detachment_id
        WHERE c.deleted_at IS NULL`,
    )
    .all() as CommunityRow[];
  const placeCommunities = allCommunities
    .filter((c) => (input.region === undefined || c.region === input.region) && (input.detachmentId === undefined || c.detachmentId === input.detachmentId))
    .sort((a, b) => compare(a.communityName, b.communityName));

  const planOf = plansOfYear(ctx, fy);
  const priorities = (
    ctx.sqlite
      .prepare(
        `SELECT pr.id, pr.plan_id AS planId, p.community_id AS communityId, pr.title, pr.zone, pr.theme_ids AS themeIds
           FROM priorities pr JOIN plans p ON p.id = pr.plan_id AND p.deleted_at IS NULL
          WHERE pr.deleted_at IS NULL AND p.fiscal_year = ?
          ORDER BY pr.rank, pr.id`,
      )
      .all(fy) as Array<Omit<PriorityRow, 'themeIds'> & { themeIds: string }>
  ).map((p) => ({ ...p, themeIds: JSON.parse(p.themeIds) as string[] }));
  const priorityMatches = (p: PriorityRow) => (input.themeId === undefined || p.themeIds.includes(input.themeId)) && (input.zone === undefined || p.zone === input.zone);
  const placeIds = new Set(placeCommunities.map((c) => c.communityId));
  const matching = priorities.filter((p) => placeIds.has(p.communityId) && priorityMatches(p));
  const byPriorityFilter = input.themeId !== undefined || input.zone !== undefined;
  const communities = byPriorityFilter ? placeCommunities.filter((c) => matching.some((p) => p.communityId === c.communityId)) : placeCommunities;
  const withPlan = communities.filter((c) => planOf.has(c.communityId));

  // Completeness.
  const submitted = new Map(
    (
      ctx.sqlite
        .prepare(
          `SELECT r.plan_id AS planId, r.quarter, r.submitted_at AS submittedAt
             FROM report_submissions r JOIN plans p ON p.id = r.plan_id
            WHERE p.fiscal_year = ? AND r.deleted_at IS NULL AND r.state = 'submitted'`,
        )
        .all(fy) as Array<{ planId: string; quarter: number; submittedAt: string }>
    ).map((s) => [`${s.planId}:${s.quarter}`, s.submittedAt]),
  );
  const rows = communities.map((c) => {
    const plan = planOf.get(c.communityId) ?? null;
    const cells = QUARTERS.map((q) => completenessOf(plan !== null, fy, q, plan ? submitted.get(`${plan.id}:${q}`) ?? null : null, asOf, profile.reportDueDays));
    return {
      communityId: c.communityId,
      communityName: c.communityName,
      region: c.region,
      detachmentName: c.detachmentName,
      planId: plan?.id ?? null,
      planStatus: plan?.status ?? null,
      cells,
      ...figuresOf(cells.map((cell) => cell.state)),
    };
  });
  const perQuarter = QUARTERS.map((quarter) => {
    const states = rows.map((r) => r.cells[quarter - 1]!.state);
    return {
      quarter,
      ...figuresOf(states),
      due: states.filter((s) => s === 'due').length,
      upcoming: states.filter((s) => s === 'upcoming').length,
      noPlan: states.filter((s) => s === 'no_plan').length,
    };
  });
  const overall = figuresOf(rows.flatMap((r) => r.cells.map((cell) => cell.state)));

  // Action status: each action's latest entry of the year.
  const matchingIds = new Set(matching.map((p) => p.id));
  const actions = (
    ctx.sqlite
      .prepare(
        `SELECT a.id, a.priority_id AS priorityId,
                (SELECT e.status FROM progress_entries e
                  WHERE e.action_id = a.id AND e.deleted_at IS NULL AND e.fiscal_year = ?
                  ORDER BY e.quarter DESC LIMIT 1) AS status
           FROM actions a WHERE a.deleted_at IS NULL AND a.priority_id IN (SELECT value FROM json_each(?))`,
      )
      .all(fy, JSON.stringify([...matchingIds])) as Array<{ id: string; priorityId: string; status: StatusOrNone | null }>
  );
  const communityOfPriority = new Map(matching.map((p) => [p.id, p.communityId]));
  const totals = emptyStatusCounts();
  const statusRows = withPlan.map((c) => {
    const counts = emptyStatusCounts();
    for (const a of actions) if (communityOfPriority.get(a.priorityId) === c.communityId) counts[a.status ?? 'not_recorded'] += 1;
    for (const [s, n] of Object.entries(counts)) totals[s as StatusOrNone] += n;
    return { communityId: c.communityId, communityName: c.communityName, planId: planOf.get(c.communityId)!.id, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
  const inPlans = matching.filter((p) => withPlan.some((c) => c.communityId === p.communityId));

  // Themes and zones.
  const themeRows = ctx.sqlite.prepare('SELECT id, code, name_en AS nameEn, name_fr AS nameFr FROM themes WHERE deleted_at IS NULL ORDER BY code').all() as ThemeRef[];
  const nameOf = new Map(communities.map((c) => [c.communityId, c.communityName]));
  const share = (n: number) => (withPlan.length ? n / withPlan.length : null);
  const themes = themeRows
    .map((t) => {
      const ps = inPlans.filter((p) => p.themeIds.includes(t.id));
      const ids = [...new Set(ps.map((p) => p.communityId))];
      return { ...t, communityCount: ids.length, priorityCount: ps.length, share: share(ids.length), communities: ids.map((id) => nameOf.get(id)!).sort(compare) };
    })
    .filter((t) => t.priorityCount > 0)
    .sort((a, b) => b.communityCount - a.communityCount || b.priorityCount - a.priorityCount || a.code.localeCompare(b.code));
  const zones = CSWB_ZONES.map((zone) => {
    const ps = inPlans.filter((p) => p.zone === zone);
    const ids = [...new Set(ps.map((p) => p.communityId))];
    return { zone, communityCount: ids.length, priorityCount: ps.length, share: share(ids.length), communities: ids.map((id) => nameOf.get(id)!).sort(compare) };
  });
  const themeZones = themes.map((t) => ({
    themeId: t.id,
    counts: Object.fromEntries(CSWB_ZONES.map((z) => [z, inPlans.filter((p) => p.zone === z && p.themeIds.includes(t.id)).length])) as Record<CswbZone, number>,
  }));

  // Indicator trends: the eight quarters ending with this year's fourth.
  const indicatorRows = ctx.sqlite
    .prepare(
      `SELECT i.id, i.priority_id AS priorityId, i.name, i.unit, i.direction, i.baseline, i.target
         FROM indicators i WHERE i.deleted_at IS NULL AND i.priority_id IN (SELECT value FROM json_each(?))
        ORDER BY i.name, i.id`,
    )
    .all(JSON.stringify(inPlans.map((p) => p.id))) as Array<{ id: string; priorityId: string; name: string; unit: string; direction: IndicatorDirection; baseline: number | null; target: number | null }>;
  const window = quartersEndingAt(fy, 4, 8);
  const indicators = indicatorRows
    .map((i) => {
      const priority = inPlans.find((p) => p.id === i.priorityId)!;
      const history = indicatorHistory(ctx, i.id);
      const values = window.map((w) => ({ ...w, value: history.find((h) => h.fiscalYear === w.fiscalYear && h.quarter === w.quarter)?.value ?? null }));
      const latest = values.filter((v) => v.value !== null).at(-1)?.value ?? null;
      return {
        indicatorId: i.id,
        communityId: priority.communityId,
        communityName: nameOf.get(priority.communityId)!,
        priorityTitle: priority.title,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baseline: i.baseline,
        target: i.target,
        values,
        latest,
        assessment: assessIndicator(i.direction, i.baseline, i.target, latest),
      };
    })
    .sort((a, b) => compare(a.communityName, b.communityName) || compare(a.name, b.name));

  return {
    filters: { ...input, asOf },
    choices: {
      regions: [...new Set(allCommunities.map((c) => c.region))].sort(compare),
      detachments: (ctx.sqlite.prepare('SELECT id, name FROM detachments WHERE deleted_at IS NULL').all() as Array<{ id: string; name: string }>).sort((a, b) => compare(a.name, b.name)),
      themes: themeRows,
    },
    communityCount: communities.length,
    communitiesWithPlan: withPlan.length,
    completeness: { rows, perQuarter, overall },
    actionStatus: { rows: statusRows, totals, total: actions.filter((a) => withPlan.some((c) => c.communityId === communityOfPriority.get(a.priorityId))).length },
    themes,
    zones,
    themeZones,
    indicators,
    commitment: commitmentProgress(ctx, fy, placeCommunities),
  };
}

function plansOfYear(ctx: CoreContext, fiscalYear: number): Map<string, { id: string; status: PlanStatus }> {
  const rows = ctx.sqlite
    .prepare('SELECT id, community_id AS communityId, status FROM plans WHERE deleted_at IS NULL AND fiscal_year = ?')
    .all(fiscalYear) as Array<{ id: string; communityId: string; status: PlanStatus }>;
  return new Map(rows.map((r) => [r.communityId, { id: r.id, status: r.status }]));
}

function commitmentProgress(ctx: CoreContext, fiscalYear: number, communities: CommunityRow[]): RollupData['commitment'] {
  const commitment = ctx.sqlite.prepare('SELECT id, title, status FROM commitments WHERE number = ? AND deleted_at IS NULL').get(PLAN_COMMITMENT_NUMBER) as
    | { id: string; title: string; status: CommitmentStatus }
    | undefined;
  const milestones = commitment
    ? (ctx.sqlite
        .prepare('SELECT title, due_date AS dueDate, status FROM milestones WHERE commitment_id = ? AND deleted_at IS NULL ORDER BY due_date')
        .all(commitment.id) as Array<{ title: string; dueDate: string | null; status: MilestoneStatus }>)
    : [];
  const yearFigures = (fy: number) => {
    const plans = plansOfYear(ctx, fy);
    const agreed = communities.filter((c) => AGREED.includes(plans.get(c.communityId)?.status as PlanStatus)).length;
    return { fiscalYear: fy, agreed, total: communities.length, rate: communities.length ? agreed / communities.length : null, plans };
  };
  const years = Array.from({ length: COMMITMENT_YEARS }, (_, i) => yearFigures(fiscalYear - COMMITMENT_YEARS + 1 + i));
  const current = years.at(-1)!;
  return {
    number: PLAN_COMMITMENT_NUMBER,
    title: commitment?.title ?? null,
    status: commitment?.status ?? null,
    agreed: current.agreed,
    total: current.total,
    rate: current.rate,
    withoutAgreedPlan: communities
      .filter((c) => !AGREED.includes(current.plans.get(c.communityId)?.status as PlanStatus))
      .map((c) => ({ communityId: c.communityId, communityName: c.communityName, planStatus: current.plans.get(c.communityId)?.status ?? null })),
    years: years.map(({ plans: _plans, ...y }) => y),
    milestones,
  };
}
