/** The database panel's commands: a backup now, an integrity check. */
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function settingsCommands({ client }: CommandDeps) {
  return {
    backup: () => client.call('database:backup', {}),
    integrityCheck: () => client.call('database:integrityCheck', {}),
  };
}

export const useSettingsCommands = () => useCommands(settingsCommands);
