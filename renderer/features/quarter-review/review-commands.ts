/** The writes of the coordinator's review of a quarterly report (issue 14 §4). */
import type { Quarter } from '../../../shared/fiscal-calendar';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function reviewCommands({ client, notify, t }: CommandDeps) {
  return {
    async accept(planId: string, quarter: Quarter) {
      await client.call('reports:accept', { planId, quarter });
      notify(t('quarterReview.accepted'));
    },
    async return(planId: string, quarter: Quarter, reason: string) {
      await client.call('reports:return', { planId, quarter, reason });
      notify(t('quarterReview.returned'));
    },
    async resubmit(planId: string, quarter: Quarter) {
      await client.call('reports:resubmit', { planId, quarter });
      notify(t('quarterReview.resubmitted'));
    },
  };
}

export const useReviewCommands = () => useCommands(reviewCommands);
