/**
 * Backups in Electron main (issue 12, §6): the backup made when the planner closes, and the folder
 * dialog for choosing where backups go (a USB stick). Electron objects are described structurally
 * so tests pass small fakes (test/main/backup-on-exit.test.ts).
 */
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { backupMethods } from '../../shared/contract-backups';
import { msg, renderMessage } from '../../shared/core-messages';
import type { ExitBackupOutcome } from '../../shared/domain';
import { describeInvalidInput } from '../../shared/invalid-input-message';
import { err, ok, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import { defaultBundleFolder } from './bundle-file-dialogs';

/** A backup on exit taking longer than this is logged: the person waits for the window to close. */
export const SLOW_EXIT_BACKUP_MS = 3000;

export interface ShutdownDeps {
  /** The real database's backup on exit (never the demo's): `core.call('backups:onExit', {})`, answered by the core's worker. */
  backup(): Result<ExitBackupOutcome> | Promise<Result<ExitBackupOutcome>>;
  /** Closes the databases (and their worker threads). */
  close(): void | Promise<void>;
  logError(message: string, error: unknown): void;
  now?(): number;
}

/**
 * What runs once when the app quits ('will-quit'): the backup on exit, then the databases closed.
 * The core's backup (VACUUM INTO, well under a second for a planner database; the core skips it
 * when nothing changed since the last backup) runs in the core's worker: main waits for it
 * (will-quit is held until it resolves), so it is complete before the process ends; a failure is
 * logged and never keeps the planner from closing.
 */
export function shutdownSteps(deps: ShutdownDeps): () => Promise<ExitBackupOutcome | null> {
  const now = deps.now ?? Date.now;
  let done = false;
  return async () => {
    if (done) return null;
    done = true;
    let outcome: ExitBackupOutcome | null = null;
    const started = now();
    try {
      const result = await deps.backup();
      if (result.ok) outcome = result.value;
      else deps.logError(`The backup on exit was not made: ${result.error.message}`, result.error);
    } catch (error) {
      deps.logError('The backup on exit failed.', error);
    }
    const took = now() - started;
    if (took > SLOW_EXIT_BACKUP_MS) deps.logError(`The backup on exit took ${took} ms.`, null);
    try {
      await deps.close();
    } catch (error) {
      deps.logError('Closing the database failed.', error);
    }
    return outcome;
  };
}

export interface FolderDialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface BackupFolderDialogDeps<W> {
  dialog: FolderDialogLike<W>;
  parent(): W | null;
  documentsFolder(): string;
  removableDrives(): string[];
  locale(): Locale;
}

const TITLE: Record<Locale, string> = { en: 'Choose the backup folder', fr: 'Choisir le dossier des sauvegardes' };
const FILE_TITLE: Record<Locale, string> = { en: 'Choose a backup to restore', fr: 'Choisir une sauvegarde à restaurer' };
const FILE_FILTER: Record<Locale, string> = { en: 'Planner backup', fr: 'Sauvegarde du planificateur' };
const BUTTON: Record<Locale, string> = { en: 'Use this folder', fr: 'Utiliser ce dossier' };

/**
 * files:chooseBackupFolder and files:chooseBackupFile: a folder dialog, and an open dialog for a
 * backup (.db), each starting on the USB stick when exactly one is plugged in.
 */
export function backupFolderDialogHandlers<W>(deps: BackupFolderDialogDeps<W>): Record<'files:chooseBackupFolder' | 'files:chooseBackupFile', (input: unknown) => Promise<Result<unknown>>> {
  const language = (): Locale => (deps.locale() === 'fr' ? 'fr' : 'en');
  return {
    async 'files:chooseBackupFolder'(input) {
      const parsed = backupMethods['files:chooseBackupFolder'].input.safeParse(input ?? {});
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, language()));
      const window = deps.parent();
      if (window === null) return err('not_found', renderMessage(msg('files.noWindow'), language()));
      const answer = await deps.dialog.showOpenDialog(window, {
        title: TITLE[language()],
        buttonLabel: BUTTON[language()],
        defaultPath: defaultBundleFolder(deps.removableDrives(), deps.documentsFolder()),
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = answer.canceled ? undefined : answer.filePaths[0];
      return ok({ folder: folder && path.isAbsolute(folder) ? folder : null });
    },
    async 'files:chooseBackupFile'(input) {
      const parsed = backupMethods['files:chooseBackupFile'].input.safeParse(input ?? {});
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, language()));
      const window = deps.parent();
      if (window === null) return err('not_found', renderMessage(msg('files.noWindow'), language()));
      const answer = await deps.dialog.showOpenDialog(window, {
        title: FILE_TITLE[language()],
        defaultPath: defaultBundleFolder(deps.removableDrives(), deps.documentsFolder()),
        filters: [{ name: FILE_FILTER[language()], extensions: ['db'] }],
        properties: ['openFile'],
      });
      const file = answer.canceled ? undefined : answer.filePaths[0];
      return ok({ file: file && path.isAbsolute(file) ? file : null });
    },
  };
}
