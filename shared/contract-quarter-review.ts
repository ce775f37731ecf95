/**
 * The coordinator's review of a quarterly report (issue 14 §4): accept it (the quarter is locked:
 * later edits are amendments) or return it with a reason; the community resubmits a returned
 * report. Joined into the contract in contract.ts.
 */
import type * as D from './domain';
import { id, input, quarter, write } from './contract-fields';
import { fieldRules } from './field-rules';

export const quarterReviewMethods = {
  'reports:accept': write<D.QuarterlyReport>()(
    "Accept a submitted (or resubmitted) quarterly report: the coordinator's; the quarter is then locked and later edits are amendments.",
    input({ planId: id('plan id'), quarter }),
  ),
  'reports:return': write<D.QuarterlyReport>()(
    'Return a submitted (or resubmitted) quarterly report to its community with a reason: the coordinator’s.',
    input({ planId: id('plan id'), quarter, reason: fieldRules.reportReviews.reason }),
  ),
  'reports:resubmit': write<D.QuarterlyReport>()(
    'Resubmit a quarterly report the coordinator returned, once amended; on time or late is still measured from the first submission.',
    input({ planId: id('plan id'), quarter }),
  ),
} as const;
