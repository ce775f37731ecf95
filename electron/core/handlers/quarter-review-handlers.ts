/** The coordinator's review of a quarterly report (contract: shared/contract-quarter-review.ts). */
import type { quarterReviewMethods } from '../../../shared/contract-quarter-review';
import type { DomainHandlers, SomeHandlers } from './handler-types';
import * as review from '../services/quarter-review';

export const quarterReviewHandlers = {
  'reports:accept': review.acceptReport,
  'reports:return': review.returnReport,
  'reports:resubmit': review.resubmitReport,
} satisfies DomainHandlers<typeof quarterReviewMethods> & SomeHandlers;
