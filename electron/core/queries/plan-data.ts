/**
 * The plan and progress data of chosen plans as flat rows, one kind of row per export table:
 * each row names its community (and priority, action or indicator) instead of holding ids.
 */
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { CoreContext } from '../changelog/core-context';
import { live } from './live';
import { leadNameSql, partnerNamesSql } from './action-people';

export interface PlanDataRows {
  plans: {
    community: string;
    fiscalYear: number;
    title: string;
    status: string;
    summary: string | null;
    communitySignatory: string | null;
    communitySignedOn: string | null;
    detachmentSignatory: string | null;
    detachmentSignedOn: string | null;
  };
  priorities: { community: string; rank: number; priority: string; zone: string; themeIds: string; description: string | null };
  actions: { community: string; priority: string; action: string; owner: string; lead: string | null; partners: string | null; plannedQuarters: string; description: string | null };
  indicators: { community: string; priority: string; indicator: string; unit: string; direction: string; baseline: number | null; target: number | null; source: string | null };
  indicatorValues: { community: string; indicator: string; unit: string; fiscalYear: number; quarter: Quarter; value: number; note: string | null };
  progress: {
    community: string;
    priority: string;
    action: string;
    fiscalYear: number;
    quarter: Quarter;
    status: string;
    narrative: string;
    nextSteps: string | null;
    author: string;
    updatedAt: string;
  };
}

const OF_PLANS = 'p.id IN (SELECT value FROM json_each(@planIds))';
const PLAN_OF_PRIORITY = 'JOIN plans p ON p.id = pr.plan_id JOIN communities c ON c.id = p.community_id';
const PRIORITY_OF = (alias: string) => `JOIN priorities pr ON pr.id = ${alias}.priority_id AND ${live('pr')} ${PLAN_OF_PRIORITY}`;

const QUERIES: Record<keyof PlanDataRows, string> = {
  plans: `SELECT c.name AS community, p.fiscal_year AS fiscalYear, p.title, p.status, p.summary, p.community_signatory AS communitySignatory,
                 p.community_signed_on AS communitySignedOn, p.detachment_signatory AS detachmentSignatory, p.detachment_signed_on AS detachmentSignedOn
            FROM plans p JOIN communities c ON c.id = p.community_id WHERE ${OF_PLANS} ORDER BY c.name`,
  priorities: `SELECT c.name AS community, pr.rank, pr.title AS priority, pr.zone, pr.theme_ids AS themeIds, pr.description
                 FROM priorities pr ${PLAN_OF_PRIORITY}
                WHERE ${live('pr')} AND ${OF_PLANS} ORDER BY c.name, pr.rank`,
  actions: `SELECT c.name AS community, pr.title AS priority, a.title AS action, a.owner, ${leadNameSql('a')} AS lead, ${partnerNamesSql('a', '; ')} AS partners, a.planned_quarters AS plannedQuarters, a.description
              FROM actions a ${PRIORITY_OF('a')}
             WHERE ${live('a')} AND ${OF_PLANS} ORDER BY c.name, pr.rank, a.rank`,
  indicators: `SELECT c.name AS community, pr.title AS priority, i.name AS indicator, i.unit, i.direction, i.baseline, i.target, i.source
                 FROM indicators i ${PRIORITY_OF('i')}
                WHERE ${live('i')} AND ${OF_PLANS} ORDER BY c.name, pr.rank, i.name`,
  indicatorValues: `SELECT c.name AS community, i.name AS indicator, i.unit, v.fiscal_year AS fiscalYear, v.quarter, v.value, v.note
                      FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id AND ${live('i')} ${PRIORITY_OF('i')}
                     WHERE ${live('v')} AND ${OF_PLANS} ORDER BY c.name, i.name, v.fiscal_year, v.quarter`,
  progress: `SELECT c.name AS community, pr.title AS priority, a.title AS action, e.fiscal_year AS fiscalYear, e.quarter, e.status, e.narrative,
                    e.next_steps AS nextSteps, e.author, e.updated_at AS updatedAt
               FROM progress_entries e JOIN actions a ON a.id = e.action_id AND ${live('a')} ${PRIORITY_OF('a')}
              WHERE ${live('e')} AND ${OF_PLANS} ORDER BY c.name, pr.rank, a.rank, e.quarter`,
};

/** One kind of row of these plans, in community, then plan, order. */
export function planDataRows<K extends keyof PlanDataRows>(ctx: CoreContext, kind: K, planIds: string[]): Array<PlanDataRows[K]> {
  return ctx.sqlite.prepare(QUERIES[kind]).all({ planIds: JSON.stringify(planIds) }) as Array<PlanDataRows[K]>;
}
