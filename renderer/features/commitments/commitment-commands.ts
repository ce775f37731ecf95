/** The commitments' one write: a coordinator changes a commitment's status. */
import type { CommitmentStatus } from '../../../shared/vocabulary';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function commitmentCommands({ client, notify, t }: CommandDeps) {
  return {
    async changeStatus(commitmentId: string, status: CommitmentStatus) {
      await client.call('commitments:update', { commitmentId, status });
      notify(t('commitments.statusChanged', { status: t(`vocab.commitmentStatus.${status}`) }));
    },
  };
}

export const useCommitmentCommands = () => useCommands(commitmentCommands);
