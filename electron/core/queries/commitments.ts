/** Reads of the government's commitments, their milestones, and the plans that answer them. */
import { and, asc, eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { CommitmentDetail } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { isLive, live } from './live';

export type CommitmentRow = typeof schema.commitments.$inferSelect;
export type MilestoneRow = typeof schema.milestones.$inferSelect;

export function liveCommitments(ctx: CoreContext): CommitmentRow[] {
  return ctx.db.select().from(schema.commitments).where(isLive(schema.commitments)).all();
}

/** The commitment with this id, live or removed. */
export function commitmentRow(ctx: CoreContext, id: string): CommitmentRow | undefined {
  return ctx.db.select().from(schema.commitments).where(eq(schema.commitments.id, id)).get();
}

/** The live commitment with this number (e.g. 4.4.2), if any. */
export function commitmentByNumber(ctx: CoreContext, number: string): CommitmentRow | undefined {
  return ctx.db.select().from(schema.commitments).where(and(eq(schema.commitments.number, number), isLive(schema.commitments))).get();
}

/** A commitment's live milestones, by due date. */
export function milestonesOf(ctx: CoreContext, commitmentId: string): MilestoneRow[] {
  const { milestones } = schema;
  return ctx.db.select().from(milestones).where(and(eq(milestones.commitmentId, commitmentId), isLive(milestones))).orderBy(asc(milestones.dueDate)).all();
}

/** The live actions, in live plans, that name a commitment. */
export function actionsNaming(ctx: CoreContext, commitmentId: string): CommitmentDetail['linkedActions'] {
  return ctx.sqlite
    .prepare(
      `SELECT a.id AS actionId, a.title AS actionTitle, p.id AS planId, c.id AS communityId, c.name AS communityName, p.fiscal_year AS fiscalYear
         FROM actions a
         JOIN json_each(a.commitment_ids) je ON je.value = ?
         JOIN priorities pr ON pr.id = a.priority_id AND ${live('pr')}
         JOIN plans p ON p.id = pr.plan_id AND ${live('p')}
         JOIN communities c ON c.id = p.community_id
        WHERE ${live('a')}
        ORDER BY p.fiscal_year DESC, c.name`,
    )
    .all(commitmentId) as CommitmentDetail['linkedActions'];
}

/** Per fiscal year, how many communities have an agreed (or later) plan, out of every live community. */
export function agreedPlansByYear(ctx: CoreContext): CommitmentDetail['plansByYear'] {
  const communityCount = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM communities WHERE ${live()}`).get() as { n: number }).n;
  const rows = ctx.sqlite
    .prepare(
      `SELECT fiscal_year AS fiscalYear, count(DISTINCT community_id) AS communitiesWithAgreedPlan
         FROM plans WHERE ${live()} AND status IN ('agreed', 'active', 'closed')
        GROUP BY fiscal_year ORDER BY fiscal_year`,
    )
    .all() as Array<{ fiscalYear: number; communitiesWithAgreedPlan: number }>;
  return rows.map((r) => ({ ...r, communityCount }));
}
