/**
 * Backups the person can use (issue 12, §6): make one now, list them (the chosen folder and the
 * default one), preview what one holds, restore it (after a backup of the current state), choose
 * the folder (a USB stick) and whether a backup is made when the planner closes. The folder
 * dialog is answered by Electron main (electron/main/backup-folder.ts); the core refuses it.
 */
import { z } from 'zod';
import { noun, schemaMessage } from './core-messages';
import type * as D from './domain';
import { input, read, write } from './contract-fields';

const path = (what: 'backup file' | 'backup folder') =>
  z
    .string({ error: schemaMessage('input.missing', { field: noun(what) }) })
    .trim()
    .min(1, { error: schemaMessage('input.missing', { field: noun(what) }) })
    .max(4096, { error: schemaMessage('input.filePathTooLong') });

/** The fewest and most backups the person's folder may keep. */
export const KEEP_BACKUPS_MIN = 2;
export const KEEP_BACKUPS_MAX = 100;
export const KEEP_BACKUPS_DEFAULT = 10;

export const backupMethods = {
  'backups:list': read<D.BackupList>()('The backups in the chosen folder and in the default folder beside the database, newest first, with the backup settings.', input({})),
  'backups:make': write<D.BackupMade>()(
    'Make a backup now, in the chosen folder (the default folder when the chosen one is not there, and the answer says so).',
    input({}),
  ),
  'backups:preview': read<D.BackupPreview>()(
    'What a backup holds (date, why it was made, territory, communities, plans per fiscal year, changesets), after checking it is a sound backup of this installation. Changes nothing.',
    input({ file: path('backup file') }),
  ),
  'backups:restore': write<D.RestoreResult>()(
    'Replace the database with a backup of this installation: a backup of the current state first, then the files swapped safely, the database reopened, checked and brought up to date. Changes made since come back from peers through plan bundles.',
    input({ file: path('backup file') }),
  ),
  'backups:settings': read<D.BackupSettings>()('Where backups go and whether one is made when the planner closes (kept on this computer only).', input({})),
  'backups:updateSettings': write<D.BackupSettings>()(
    'Choose the backup folder (null: the default beside the database), whether to back up when the planner closes, and how many backups to keep.',
    input({
      folder: path('backup folder').nullable().optional(),
      onExit: z.boolean().optional(),
      keep: z.number().int().min(KEEP_BACKUPS_MIN).max(KEEP_BACKUPS_MAX).optional(),
    }),
  ),
  'backups:onExit': write<D.ExitBackupOutcome>()(
    'The backup made when the planner closes: skipped when it is turned off or nothing changed since the last backup.',
    input({}),
  ),
  'files:chooseBackupFolder': read<{ folder: string | null }>()(
    'Ask the person for a backup folder (a folder dialog that offers USB sticks); null when they cancel. Answered by Electron main.',
    input({}),
  ),
  'files:chooseBackupFile': read<{ file: string | null }>()(
    'Ask the person for a backup file to restore (an open dialog that starts on the USB stick); null when they cancel. Answered by Electron main.',
    input({}),
  ),
} as const;
