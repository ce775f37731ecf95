/** The quarterly report screen's one write: a coordinator's comment on it. */
import type { Quarter } from '../../../shared/fiscal-calendar';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function reportCommands({ client, notify, t }: CommandDeps) {
  return {
    async comment(planId: string, quarter: Quarter, body: string) {
      await client.call('reports:comment', { planId, quarter, body });
      notify(t('report.commentSent'));
    },
  };
}

export const useReportCommands = () => useCommands(reportCommands);
