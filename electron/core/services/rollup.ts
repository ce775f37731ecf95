import type { MethodInput } from '../../../shared/contract';
import type { Commitment, CommitmentDetail, Milestone, CompletenessMatrix, ThemeAcrossCommunities } from '../../../shared/domain';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import { countStates, quarterStandings } from '../../../shared/rules/completeness';
import { compareNames } from '../../../shared/text-search';
import type { CommitmentKind, CommitmentStatus, Locale, MilestoneStatus } from '../../../shared/vocabulary';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { notFound } from '../../../shared/domain-error';
import { actionsNaming, agreedPlansByYear, commitmentRow, liveCommitments, milestonesOf, type CommitmentRow, type MilestoneRow } from '../queries/commitments';
import { completenessOfYear } from '../queries/completeness';
import { isLiveRow } from '../queries/live';
import { plansOfYear, themeUsesOfYear } from '../queries/plans';
import { inLocale, liveCommunities, localeOf } from '../queries/reference';

export function completenessMatrix(ctx: CoreContext, input: MethodInput<'completeness:matrix'>): CompletenessMatrix {
  const profile = readProfile(ctx);
  const asOf = input.asOf ?? today(ctx);
  const completeness = completenessOfYear(ctx, input.fiscalYear, asOf);
  const compare = compareNames(profile.locale);
  const plans = plansOfYear(ctx, input.fiscalYear);
  const rows = liveCommunities(ctx)
    // A retired community stays in the years it had a plan, and leaves the others.
    .filter((c) => !c.retired || plans.has(c.id))
    .sort((a, b) => compare(a.name, b.name))
    .map((c) => {
      const { plan, cells } = completeness(c.id);
      return { communityId: c.id, communityName: c.name, planId: plan?.id ?? null, planStatus: plan?.status ?? null, cells };
    });
  const totals = QUARTERS.map((quarter) => ({ quarter, ...countStates(rows.map((row) => row.cells[quarter - 1]!.state)) }));
  const quarters = quarterStandings(input.fiscalYear, asOf, profile.reportDueDays, rows);
  return { fiscalYear: input.fiscalYear, asOf, reportDueDays: profile.reportDueDays, rows, totals, quarters };
}

export function themesAcrossCommunities(ctx: CoreContext, input: MethodInput<'themes:acrossCommunities'>): ThemeAcrossCommunities[] {
  const byTheme = new Map<string, ThemeAcrossCommunities & { plans: Set<string> }>();
  for (const r of themeUsesOfYear(ctx, input.fiscalYear)) {
    let t = byTheme.get(r.themeId);
    if (!t) {
      t = { themeId: r.themeId, code: r.code, nameEn: r.nameEn, nameFr: r.nameFr, communityCount: 0, planCount: 0, communities: [], plans: new Set() };
      byTheme.set(r.themeId, t);
    }
    if (!t.communities.some((c) => c.id === r.communityId)) t.communities.push({ id: r.communityId, name: r.communityName });
    t.plans.add(r.planId);
  }
  const compare = compareNames(readProfile(ctx).locale);
  return [...byTheme.values()]
    .map(({ plans, ...t }) => ({ ...t, communityCount: t.communities.length, planCount: plans.size, communities: t.communities.sort((a, b) => compare(a.name, b.name)) }))
    .sort((a, b) => b.communityCount - a.communityCount || a.code.localeCompare(b.code));
}

export function toCommitment(ctx: CoreContext, row: CommitmentRow): Commitment {
  const locale = localeOf(ctx);
  return {
    id: row.id,
    kind: row.kind as CommitmentKind,
    number: row.number,
    title: inLocale(locale, row.title, row.titleFr),
    titleEn: row.title,
    titleFr: row.titleFr,
    descriptionEn: row.descriptionEn,
    descriptionFr: row.descriptionFr,
    leadDepartment: row.leadDepartment,
    priorityArea: row.priorityArea,
    status: row.status as CommitmentStatus,
    relatedCommitmentIds: row.relatedCommitmentIds,
    milestones: milestonesOf(ctx, row.id).map((m) => toMilestone(locale, m)),
  };
}

export function toMilestone(locale: Locale, m: MilestoneRow): Milestone {
  return { id: m.id, commitmentId: m.commitmentId, title: inLocale(locale, m.title, m.titleFr), titleEn: m.title, titleFr: m.titleFr, dueDate: m.dueDate, status: m.status as MilestoneStatus };
}

export function listCommitments(ctx: CoreContext): Commitment[] {
  return liveCommitments(ctx)
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
    .map((row) => toCommitment(ctx, row));
}

function liveCommitment(ctx: CoreContext, id: string): CommitmentRow {
  const row = commitmentRow(ctx, id);
  if (!isLiveRow(row)) throw notFound('commitment');
  return row;
}

export function getCommitment(ctx: CoreContext, input: MethodInput<'commitments:get'>): CommitmentDetail {
  const row = liveCommitment(ctx, input.commitmentId);
  return { ...toCommitment(ctx, row), linkedActions: actionsNaming(ctx, row.id), plansByYear: agreedPlansByYear(ctx) };
}

export function updateCommitment(ctx: CoreContext, input: MethodInput<'commitments:update'>): Commitment {
  const row = liveCommitment(ctx, input.commitmentId);
  change(ctx, 'commitments:update', (w) => w.update('commitments', row.id, { status: input.status }));
  return toCommitment(ctx, liveCommitment(ctx, row.id));
}
