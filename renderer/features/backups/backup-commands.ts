/** The backups panel's commands (contract: shared/contract-backups.ts). */
import type { MethodRawInput } from '../../../shared/contract';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function backupCommands({ client }: CommandDeps) {
  return {
    make: () => client.call('backups:make', {}),
    restore: (file: string) => client.call('backups:restore', { file }),
    updateSettings: (patch: MethodRawInput<'backups:updateSettings'>) => client.call('backups:updateSettings', patch),
    /** The system's folder dialog (Electron main); the browser harness refuses it with a sentence. */
    chooseFolder: () => client.call('files:chooseBackupFolder', {}),
    chooseFile: () => client.call('files:chooseBackupFile', {}),
  };
}

export const useBackupCommands = () => useCommands(backupCommands);
