import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backupFolderDialogHandlers, type FolderDialogLike, shutdownSteps, SLOW_EXIT_BACKUP_MS } from '../../electron/main/backup-on-exit';
import type { ExitBackupOutcome } from '../../shared/domain';
import { err, ok } from '../../shared/result';

const made: ExitBackupOutcome = {
  made: { file: '/data/backups/planner-backup-2026-12-03T03-11-42-123Z-on-exit.db', createdAt: '2026-12-03T03:11:42.123Z', bytes: 4096, reason: 'on-exit', place: 'default', fellBackFrom: null },
  skipped: null,
};

describe('the backup when the planner closes (Electron main, with fakes)', () => {
  it('backs up the real database, then closes the databases, once however often quit fires', async () => {
    const order: string[] = [];
    const backup = vi.fn(() => (order.push('backup'), ok(made)));
    const close = vi.fn(() => void order.push('close'));
    const shutdown = shutdownSteps({ backup, close, logError: () => {} });
    expect(await shutdown()).toEqual(made);
    expect(await shutdown()).toBeNull();
    expect(order).toEqual(['backup', 'close']);
  });

  it('closes even when the backup is refused or throws, and logs why (never a dialog)', async () => {
    for (const backup of [() => err('disk_full', 'The disk is full.'), () => { throw new Error('boom'); }]) {
      const close = vi.fn();
      const logError = vi.fn();
      expect(await shutdownSteps({ backup, close, logError })()).toBeNull();
      expect(close).toHaveBeenCalledTimes(1);
      expect(logError).toHaveBeenCalledTimes(1);
    }
  });

  it('passes on a skipped backup, and logs a slow one', async () => {
    const skipped: ExitBackupOutcome = { made: null, skipped: 'unchanged' };
    let t = 0;
    const logError = vi.fn();
    const shutdown = shutdownSteps({ backup: () => ((t += SLOW_EXIT_BACKUP_MS + 1), ok(skipped)), close: () => {}, logError, now: () => t });
    expect(await shutdown()).toEqual(skipped);
    expect(logError).toHaveBeenCalledWith(expect.stringMatching(/took \d+ ms/), null);
  });
});

describe('choosing the backup folder (files:chooseBackupFolder)', () => {
  const WINDOW = { id: 'w' };
  const DOCS = path.resolve('/home/ana/Documents');
  const STICK = path.resolve('/media/ana/STICK');
  const dialogAnswering = (answer: { canceled: boolean; filePaths: string[] }) => ({ showOpenDialog: vi.fn(async () => answer) }) satisfies FolderDialogLike<typeof WINDOW>;

  it('opens a folder dialog on the one USB stick plugged in, in the installation’s language, and answers the folder', async () => {
    const dialog = dialogAnswering({ canceled: false, filePaths: [STICK] });
    const handlers = backupFolderDialogHandlers({ dialog, parent: () => WINDOW, documentsFolder: () => DOCS, removableDrives: () => [STICK], locale: () => 'fr' });
    expect(await handlers['files:chooseBackupFolder']({})).toEqual(ok({ folder: STICK }));
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ title: 'Choisir le dossier des sauvegardes', defaultPath: STICK, properties: ['openDirectory', 'createDirectory'] }));
  });

  it('answers null when cancelled, starts in Documents without a stick, and refuses without a window', async () => {
    const dialog = dialogAnswering({ canceled: true, filePaths: [] });
    const handlers = backupFolderDialogHandlers({ dialog, parent: () => WINDOW, documentsFolder: () => DOCS, removableDrives: () => [], locale: () => 'en' });
    expect(await handlers['files:chooseBackupFolder']({})).toEqual(ok({ folder: null }));
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ defaultPath: DOCS, title: 'Choose the backup folder' }));
    const noWindow = backupFolderDialogHandlers({ dialog, parent: () => null, documentsFolder: () => DOCS, removableDrives: () => [], locale: () => 'en' });
    const refused = await noWindow['files:chooseBackupFolder']({});
    expect(refused.ok).toBe(false);
  });

  it('opens a backup file to restore, filtered to planner backups, on the stick', async () => {
    const file = path.join(STICK, 'planner-backup-2026-11-02T14-05-00-000Z-manual.db');
    const dialog = dialogAnswering({ canceled: false, filePaths: [file] });
    const handlers = backupFolderDialogHandlers({ dialog, parent: () => WINDOW, documentsFolder: () => DOCS, removableDrives: () => [STICK], locale: () => 'en' });
    expect(await handlers['files:chooseBackupFile']({})).toEqual(ok({ file }));
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ defaultPath: STICK, filters: [{ name: 'Planner backup', extensions: ['db'] }], properties: ['openFile'] }));
  });
});
