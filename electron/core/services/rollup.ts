import { and, asc, eq, isNull } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import type { Commitment, CommitmentDetail, CompletenessCell, CompletenessMatrix, ThemeAcrossCommunities } from '../../../shared/domain';
import { daysBetween, QUARTERS, quarterEnd, reportDueDate, type Quarter } from '../../../shared/fiscal-calendar';
import { compareNames } from '../../../shared/text-search';
import {
  COMPLETENESS_STATES,
  type CommitmentKind,
  type CommitmentStatus,
  type CompletenessState,
  type MilestoneStatus,
  type PlanStatus,
} from '../../../shared/vocabulary';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { notFound } from '../../../shared/domain-error';

/**
 * The state of one community's report for one quarter, as of a date. Computed, never stored:
 * on time = submitted by the due date; late = submitted after it; missing = not submitted and
 * the due date has passed; due = the quarter has ended but the due date has not passed;
 * upcoming = the quarter has not ended.
 */
export function completenessOf(
  hasPlan: boolean,
  fiscalYear: number,
  quarter: Quarter,
  submittedAt: string | null,
  asOf: string,
  dueDays: number,
): CompletenessCell {
  const dueDate = reportDueDate(fiscalYear, quarter, dueDays);
  const cell = (state: CompletenessState, daysLate: number | null = null): CompletenessCell => ({ quarter, state, dueDate, submittedAt, daysLate });
  if (!hasPlan) return cell('no_plan');
  if (submittedAt) {
    const late = daysBetween(dueDate, submittedAt.slice(0, 10));
    return late > 0 ? cell('late', late) : cell('on_time');
  }
  if (asOf > dueDate) return cell('missing', daysBetween(dueDate, asOf));
  if (asOf > quarterEnd(fiscalYear, quarter)) return cell('due');
  return cell('upcoming');
}

export function completenessMatrix(ctx: CoreContext, input: MethodInput<'completeness:matrix'>): CompletenessMatrix {
  const profile = readProfile(ctx);
  const asOf = input.asOf ?? today(ctx);
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.id AS communityId, c.name AS communityName, p.id AS planId, p.status AS planStatus
         FROM communities c
         LEFT JOIN plans p ON p.community_id = c.id AND p.fiscal_year = ? AND p.deleted_at IS NULL
        WHERE c.deleted_at IS NULL`,
    )
    .all(input.fiscalYear) as Array<{ communityId: string; communityName: string; planId: string | null; planStatus: PlanStatus | null }>;
  const submissions = ctx.sqlite
    .prepare(
      `SELECT r.plan_id AS planId, r.quarter, r.submitted_at AS submittedAt
         FROM report_submissions r JOIN plans p ON p.id = r.plan_id
        WHERE p.fiscal_year = ? AND r.deleted_at IS NULL AND r.state = 'submitted'`,
    )
    .all(input.fiscalYear) as Array<{ planId: string; quarter: number; submittedAt: string }>;
  const submittedAt = new Map(submissions.map((s) => [`${s.planId}:${s.quarter}`, s.submittedAt]));
  const compare = compareNames(profile.locale);
  const matrixRows = rows
    .sort((a, b) => compare(a.communityName, b.communityName))
    .map((row) => ({
      ...row,
      cells: QUARTERS.map((q) =>
        completenessOf(row.planId !== null, input.fiscalYear, q, row.planId ? submittedAt.get(`${row.planId}:${q}`) ?? null : null, asOf, profile.reportDueDays),
      ),
    }));
  const totals = QUARTERS.map((quarter) => {
    const counts = Object.fromEntries(COMPLETENESS_STATES.map((s) => [s, 0])) as Record<CompletenessState, number>;
    for (const row of matrixRows) counts[row.cells[quarter - 1]!.state] += 1;
    return { quarter, ...counts };
  });
  return { fiscalYear: input.fiscalYear, asOf, reportDueDays: profile.reportDueDays, rows: matrixRows, totals };
}

export function themesAcrossCommunities(ctx: CoreContext, input: MethodInput<'themes:acrossCommunities'>): ThemeAcrossCommunities[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT t.id AS themeId, t.code, t.name_en AS nameEn, t.name_fr AS nameFr, c.id AS communityId, c.name AS communityName, p.id AS planId
         FROM priorities pr
         JOIN json_each(pr.theme_ids) je
         JOIN themes t ON t.id = je.value AND t.deleted_at IS NULL
         JOIN plans p ON p.id = pr.plan_id AND p.deleted_at IS NULL
         JOIN communities c ON c.id = p.community_id AND c.deleted_at IS NULL
        WHERE pr.deleted_at IS NULL AND p.fiscal_year = ?`,
    )
    .all(input.fiscalYear) as Array<{ themeId: string; code: string; nameEn: string; nameFr: string; communityId: string; communityName: string; planId: string }>;
  const byTheme = new Map<string, ThemeAcrossCommunities & { plans: Set<string> }>();
  for (const r of rows) {
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

function toCommitment(ctx: CoreContext, row: typeof schema.commitments.$inferSelect): Commitment {
  const milestones = ctx.db
    .select()
    .from(schema.milestones)
    .where(and(eq(schema.milestones.commitmentId, row.id), isNull(schema.milestones.deletedAt)))
    .orderBy(asc(schema.milestones.dueDate))
    .all();
  return {
    id: row.id,
    kind: row.kind as CommitmentKind,
    number: row.number,
    title: row.title,
    leadDepartment: row.leadDepartment,
    priorityArea: row.priorityArea,
    status: row.status as CommitmentStatus,
    relatedCommitmentIds: row.relatedCommitmentIds,
    milestones: milestones.map((m) => ({ id: m.id, commitmentId: m.commitmentId, title: m.title, dueDate: m.dueDate, status: m.status as MilestoneStatus })),
  };
}

export function listCommitments(ctx: CoreContext): Commitment[] {
  return ctx.db
    .select()
    .from(schema.commitments)
    .where(isNull(schema.commitments.deletedAt))
    .all()
    .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
    .map((row) => toCommitment(ctx, row));
}

function commitmentRow(ctx: CoreContext, id: string) {
  const row = ctx.db.select().from(schema.commitments).where(eq(schema.commitments.id, id)).get();
  if (!row || row.deletedAt) throw notFound('commitment');
  return row;
}

export function getCommitment(ctx: CoreContext, input: MethodInput<'commitments:get'>): CommitmentDetail {
  const row = commitmentRow(ctx, input.commitmentId);
  const linkedActions = ctx.sqlite
    .prepare(
      `SELECT a.id AS actionId, a.title AS actionTitle, p.id AS planId, c.id AS communityId, c.name AS communityName, p.fiscal_year AS fiscalYear
         FROM actions a
         JOIN json_each(a.commitment_ids) je ON je.value = ?
         JOIN priorities pr ON pr.id = a.priority_id AND pr.deleted_at IS NULL
         JOIN plans p ON p.id = pr.plan_id AND p.deleted_at IS NULL
         JOIN communities c ON c.id = p.community_id
        WHERE a.deleted_at IS NULL
        ORDER BY p.fiscal_year DESC, c.name`,
    )
    .all(row.id) as CommitmentDetail['linkedActions'];
  const communityCount = (ctx.sqlite.prepare('SELECT count(*) AS n FROM communities WHERE deleted_at IS NULL').get() as { n: number }).n;
  const plansByYear = (
    ctx.sqlite
      .prepare(
        `SELECT fiscal_year AS fiscalYear, count(DISTINCT community_id) AS communitiesWithAgreedPlan
           FROM plans WHERE deleted_at IS NULL AND status IN ('agreed', 'active', 'closed')
          GROUP BY fiscal_year ORDER BY fiscal_year`,
      )
      .all() as Array<{ fiscalYear: number; communitiesWithAgreedPlan: number }>
  ).map((r) => ({ ...r, communityCount }));
  return { ...toCommitment(ctx, row), linkedActions, plansByYear };
}

export function updateCommitment(ctx: CoreContext, input: MethodInput<'commitments:update'>): Commitment {
  const row = commitmentRow(ctx, input.commitmentId);
  change(ctx, 'commitments:update', (w) => w.update('commitments', row.id, { status: input.status }));
  return toCommitment(ctx, commitmentRow(ctx, row.id));
}
