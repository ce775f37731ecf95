/**
 * Each community's reports of a fiscal year, as of a date: computed once here for both the
 * completeness matrix (`completeness:matrix`) and the roll-up (`rollup:get`).
 */
import type { CompletenessCell } from '../../../shared/domain';
import { QUARTERS, type FiscalYear } from '../../../shared/fiscal-calendar';
import { completenessOf } from '../../../shared/rules/completeness';
import type { PlanStatus } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { plansOfYear } from './plans';
import { submissionsOfYear } from './progress';

export interface CommunityCompleteness {
  plan: { id: string; status: PlanStatus } | null;
  cells: CompletenessCell[];
}

/** A reader of one community's plan of the year and the state of its four reports. */
export function completenessOfYear(ctx: CoreContext, fiscalYear: FiscalYear, asOf: string): (communityId: string) => CommunityCompleteness {
  const { reportDueDays } = readProfile(ctx);
  const plans = plansOfYear(ctx, fiscalYear);
  const submitted = submissionsOfYear(ctx, fiscalYear);
  return (communityId) => {
    const plan = plans.get(communityId) ?? null;
    const cells = QUARTERS.map((q) => completenessOf(plan !== null, fiscalYear, q, plan ? submitted.get(`${plan.id}:${q}`) ?? null : null, asOf, reportDueDays));
    return { plan, cells };
  };
}
