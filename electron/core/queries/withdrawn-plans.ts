/**
 * Withdrawn drafts: a plan whose row carries a removal mark. Its priorities, actions and
 * indicators keep their own rows untouched (so reinstating brings the draft back whole), and every
 * read reaches them only through a live plan, so they are gone with it.
 */
import type { WithdrawnPlan } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { live } from './live';

/** The withdrawn drafts, optionally of one community and/or fiscal year, latest year first. */
export function withdrawnPlans(ctx: CoreContext, filter: { communityId?: string; fiscalYear?: number }): WithdrawnPlan[] {
  return ctx.sqlite
    .prepare(
      `SELECT p.id, p.community_id AS communityId, c.name AS communityName, p.fiscal_year AS fiscalYear, p.title, p.deleted_at AS withdrawnAt,
              (SELECT count(*) FROM priorities pr WHERE pr.plan_id = p.id AND ${live('pr')}) AS priorityCount
         FROM plans p JOIN communities c ON c.id = p.community_id
        WHERE p.deleted_at IS NOT NULL
          AND (@communityId IS NULL OR p.community_id = @communityId)
          AND (@fiscalYear IS NULL OR p.fiscal_year = @fiscalYear)
        ORDER BY p.fiscal_year DESC, c.name`,
    )
    .all({ communityId: filter.communityId ?? null, fiscalYear: filter.fiscalYear ?? null }) as WithdrawnPlan[];
}
