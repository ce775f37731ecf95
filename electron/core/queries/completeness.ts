/**
 * Each community's reports of a fiscal year, as of a date: computed once here for both the
 * completeness matrix (`completeness:matrix`) and the roll-up (`rollup:get`). A withdrawn draft is no
 * plan (plansOfYear reads live plans only): it expects no reports.
 */
import type { CompletenessCell } from '../../../shared/domain';
import { QUARTERS, type FiscalYear } from '../../../shared/fiscal-calendar';
import { completenessOf } from '../../../shared/rules/completeness';
import type { PlanStatus } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { plansOfYear } from './plans';
import { amendmentsOfYear, submissionsOfYear } from './progress';
import { reviewsOfYear } from './quarter-review';

export interface CommunityCompleteness {
  plan: { id: string; status: PlanStatus } | null;
  cells: CompletenessCell[];
}

/** A reader of one community's plan of the year and the state of its four reports. */
export function completenessOfYear(ctx: CoreContext, fiscalYear: FiscalYear, asOf: string): (communityId: string) => CommunityCompleteness {
  const { reportDueDays } = readProfile(ctx);
  const plans = plansOfYear(ctx, fiscalYear);
  const submitted = submissionsOfYear(ctx, fiscalYear);
  const amended = amendmentsOfYear(ctx, fiscalYear);
  const reviewed = reviewsOfYear(ctx, fiscalYear);
  return (communityId) => {
    const plan = plans.get(communityId) ?? null;
    const cells = QUARTERS.map((q) => {
      const cell = completenessOf(plan !== null, fiscalYear, q, plan ? submitted.get(`${plan.id}:${q}`) ?? null : null, asOf, reportDueDays);
      // A submitted report whose progress changed afterwards says so (amended on …, by …).
      const amendment = plan && cell.submittedAt ? amended.get(`${plan.id}:${q}`) : undefined;
      const withAmendment = amendment ? { ...cell, amended: amendment } : cell;
      // Its review (issue 14 §4): submitted, accepted, returned or resubmitted, with when and by whom.
      const review = plan && cell.submittedAt ? reviewed.get(`${plan.id}:${q}`) : undefined;
      return review ? { ...withAmendment, review } : withAmendment;
    });
    return { plan, cells };
  };
}
