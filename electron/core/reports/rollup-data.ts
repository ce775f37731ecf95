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
 * Definitions (the rules are in shared/rules/completeness.ts): a report is expected once its due date has passed (on time, late or missing);
 * completeness rate = reported (on time + late) / expected; on-time rate = on time / expected.
 * A community without a plan expects no report: it shows as "no plan", outside the rates.
 * An action's status is its latest entry in the fiscal year, or "not recorded".
 * A theme's share = communities whose plan has it / communities with a plan (after filters).
 */
import type { MethodInput } from '../../../shared/contract';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import type { RollupData, StatusOrNone } from '../../../shared/reports';
import { countStates, figuresOf, quarterStandings } from '../../../shared/rules/completeness';
import { assessIndicator, quartersEndingAt } from '../../../shared/rules/indicator-assessment';
import { compareNames } from '../../../shared/text-search';
import { CSWB_ZONES, PROGRESS_STATUSES, type CommitmentStatus, type CswbZone, type IndicatorDirection, type MilestoneStatus, type PlanStatus } from '../../../shared/vocabulary';
import { type CoreContext, readProfile, today } from '../changelog/core-context';
import { commitmentByNumber, milestonesOf } from '../queries/commitments';
import { completenessOfYear } from '../queries/completeness';
import { indicatorHistory } from '../queries/indicators';
import { liveActions, liveIndicators, plansOfYear, prioritiesOfYear } from '../queries/plans';
import { lastStatuses } from '../queries/progress';
import { inLocale, liveCommunities, liveDetachments, liveThemes, localeOf } from '../queries/reference';

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

type PriorityRow = ReturnType<typeof prioritiesOfYear>[number];

const emptyStatusCounts = () => Object.fromEntries([...PROGRESS_STATUSES, 'not_recorded'].map((s) => [s, 0])) as Record<StatusOrNone, number>;

export function rollup(ctx: CoreContext, input: MethodInput<'rollup:get'>): RollupData {
  const profile = readProfile(ctx);
  const compare = compareNames(profile.locale);
  const asOf = input.asOf ?? today(ctx);
  const fy = input.fiscalYear;

  const planOf = plansOfYear(ctx, fy);
  // A retired community stays in the years it had a plan, and leaves the others.
  const allCommunities: CommunityRow[] = liveCommunities(ctx)
    .filter((c) => !c.retired || planOf.has(c.id))
    .map((c) => ({
    communityId: c.id,
    communityName: c.name,
    region: c.region,
    detachmentId: c.servedByDetachmentId,
    detachmentName: c.servedByDetachmentName,
  }));
  const placeCommunities = allCommunities
    .filter((c) => (input.region === undefined || c.region === input.region) && (input.detachmentId === undefined || c.detachmentId === input.detachmentId))
    .sort((a, b) => compare(a.communityName, b.communityName));

  const priorities = prioritiesOfYear(ctx, fy);
  const priorityMatches = (p: PriorityRow) => (input.themeId === undefined || p.themeIds.includes(input.themeId)) && (input.zone === undefined || p.zone === input.zone);
  const placeIds = new Set(placeCommunities.map((c) => c.communityId));
  const matching = priorities.filter((p) => placeIds.has(p.communityId) && priorityMatches(p));
  const byPriorityFilter = input.themeId !== undefined || input.zone !== undefined;
  const communities = byPriorityFilter ? placeCommunities.filter((c) => matching.some((p) => p.communityId === c.communityId)) : placeCommunities;
  const withPlan = communities.filter((c) => planOf.has(c.communityId));

  // Completeness.
  const completeness = completenessOfYear(ctx, fy, asOf);
  const rows = communities.map((c) => {
    const { plan, cells } = completeness(c.communityId);
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
  const standings = quarterStandings(fy, asOf, profile.reportDueDays, rows);
  const perQuarter = QUARTERS.map((quarter) => {
    const states = rows.map((r) => r.cells[quarter - 1]!.state);
    const { due, upcoming, no_plan: noPlan } = countStates(states);
    const { dueDate, phase, notReported } = standings[quarter - 1]!;
    return { quarter, ...figuresOf(states), due, upcoming, noPlan, dueDate, phase, notReported };
  });
  const overall = figuresOf(rows.flatMap((r) => r.cells.map((cell) => cell.state)));

  // Action status: each action's latest entry of the year.
  const matchingIds = new Set(matching.map((p) => p.id));
  const matchingActions = liveActions(ctx, [...matchingIds]);
  const statusOf = lastStatuses(ctx, matchingActions.map((a) => a.id), fy);
  const actions = matchingActions.map((a) => ({ id: a.id, priorityId: a.priorityId, status: statusOf.get(a.id) ?? null }));
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
  const themeRows = liveThemes(ctx, 'byCode');
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
  const indicatorRows = liveIndicators(ctx, inPlans.map((p) => p.id)).map((i) => ({ ...i, direction: i.direction as IndicatorDirection }));
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
      detachments: liveDetachments(ctx)
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => compare(a.name, b.name)),
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

function commitmentProgress(ctx: CoreContext, fiscalYear: number, communities: CommunityRow[]): RollupData['commitment'] {
  const commitment = commitmentByNumber(ctx, PLAN_COMMITMENT_NUMBER);
  const locale = localeOf(ctx);
  const milestones = commitment ? milestonesOf(ctx, commitment.id).map((m) => ({ title: inLocale(locale, m.title, m.titleFr), dueDate: m.dueDate, status: m.status as MilestoneStatus })) : [];
  const yearFigures = (fy: number) => {
    const plans = plansOfYear(ctx, fy);
    const agreed = communities.filter((c) => AGREED.includes(plans.get(c.communityId)?.status as PlanStatus)).length;
    return { fiscalYear: fy, agreed, total: communities.length, rate: communities.length ? agreed / communities.length : null, plans };
  };
  const years = Array.from({ length: COMMITMENT_YEARS }, (_, i) => yearFigures(fiscalYear - COMMITMENT_YEARS + 1 + i));
  const current = years.at(-1)!;
  return {
    number: PLAN_COMMITMENT_NUMBER,
    title: commitment ? inLocale(locale, commitment.title, commitment.titleFr) : null,
    status: (commitment?.status as CommitmentStatus | undefined) ?? null,
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
