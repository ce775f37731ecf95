/**
 * The conflict inbox's calls: a record decided in one change, and undoing that decision while no
 * bundle has carried it (offered in the notice, and in the inbox's list of unsent resolutions).
 */
import type { MethodRawInput } from '../../../shared/contract';
import type { UndoableResolution } from '../../../shared/domain';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function conflictCommands({ client, notify, t }: CommandDeps) {
  const undo = (resolutionId: string) => client.call('conflicts:undo', { resolutionId });
  return {
    async resolveRecord(input: MethodRawInput<'conflicts:resolveRecord'>, label: string) {
      const { resolutionId } = await client.call('conflicts:resolveRecord', input);
      notify(t('exchangeImport.conflicts.resolved', { label }), resolutionId === null ? undefined : () => undo(resolutionId));
    },
    async undoResolution(resolution: UndoableResolution) {
      await undo(resolution.id);
      notify(t('exchangeImport.conflicts.undone', { label: resolution.label }));
    },
  };
}

export const useConflictCommands = () => useCommands(conflictCommands);
