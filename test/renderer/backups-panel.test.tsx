import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BackupList, BackupPreview, RestoreResult } from '../../shared/domain';
import { ApiError } from '../../renderer/api/api-error';
import { BackupsPanel } from '../../renderer/features/backups/BackupsPanel';
import { setup } from './support/render-app';

/** Issue 12, §6: restoring a backup asks first, with what it holds and what restoring does. */

const FILE = '/data/backups/planner-backup-2026-11-02T14-05-00-000Z-manual.db';
const list: BackupList = {
  backups: [{ file: FILE, createdAt: '2026-11-02T14:05:00.000Z', bytes: 360_000, reason: 'manual', place: 'default' }],
  settings: { folder: null, defaultFolder: '/data/backups', folderAvailable: true, onExit: true, keep: 10 },
};
const preview: BackupPreview = {
  file: FILE,
  bytes: 360_000,
  reason: 'manual',
  createdAt: '2026-11-02T14:05:00.000Z',
  installationName: 'Yellowknife coordinator',
  territoryName: 'Northwest Territories',
  communities: 33,
  plansByYear: [{ fiscalYear: 2025, plans: 12 }, { fiscalYear: 2026, plans: 11 }],
  changesets: 420,
  changesetsSince: 7,
  olderVersion: false,
};
const result: RestoreResult = { restored: preview, preRestoreBackup: '/data/backups/planner-backup-2026-12-03T10-00-00-000Z-before-restore.db', migrated: [], installationId: 'new' };

function render(locale: 'en' | 'fr', restore: () => RestoreResult) {
  document.body.innerHTML = '<div id="root"></div>';
  const restoreSpy = vi.fn(restore);
  const { renderIn } = setup({ 'backups:list': () => list, 'backups:preview': () => preview, 'backups:restore': restoreSpy }, locale);
  renderIn(<BackupsPanel />);
  return restoreSpy;
}

describe('restoring a backup from Settings', () => {
  it('previews the backup, warns what restoring does, restores only on confirmation, and says later changes come back through bundles', async () => {
    const restore = render('en', () => result);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Restore the backup taken/ }));
    const dialog = await screen.findByRole('dialog', { name: /Restore the backup taken .*\?/ });
    await within(dialog).findByText('Yellowknife coordinator');
    expect(within(dialog).getByText('33')).toBeTruthy();
    expect(within(dialog).getByText(/FY 2025–26: 12 · FY 2026–27: 11/)).toBeTruthy();
    expect(dialog.textContent).toMatch(/First, a backup of your data as it is now is made/);
    expect(dialog.textContent).toMatch(/7 changes were made or received here since then\. Those already sent to other computers in plan bundles come back/);
    // Cancel: nothing restored.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(restore).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: /Restore the backup taken/ }));
    const again = await screen.findByRole('dialog');
    await within(again).findByText('Yellowknife coordinator');
    await user.click(within(again).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(restore).toHaveBeenCalledWith({ file: FILE }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Backup restored')).toBeTruthy();
    expect(document.body.textContent).toMatch(/come back from the other computers with their next plan bundles/);
    expect(document.body.textContent).toContain('planner-backup-2026-12-03T10-00-00-000Z-before-restore.db');
  });

  it('in French, and a refused backup shows the core’s sentence and cannot be restored', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const refused = 'Cette sauvegarde a été faite sur un autre ordinateur (field). Rien n’a été modifié.';
    const restore = vi.fn(() => result);
    const { renderIn } = setup(
      {
        'backups:list': () => list,
        'backups:preview': () => {
          throw new ApiError({ code: 'invalid_input', message: refused });
        },
        'backups:restore': restore,
      },
      'fr',
    );
    renderIn(<BackupsPanel />);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Sauvegardes' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: /Restaurer la sauvegarde faite le/ }));
    const dialog = await screen.findByRole('dialog', { name: /Restaurer la sauvegarde faite le .*\u00a0\?/ });
    expect(await within(dialog).findByText(refused)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Restaurer cette sauvegarde' }) as HTMLButtonElement).disabled).toBe(true);
    expect(restore).not.toHaveBeenCalled();
  });

  it('checks a backup from somewhere else, typed as a path, before anything is restored', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const other = '/media/ana/STICK/planner-backup-2026-10-01T09-00-00-000Z-on-exit.db';
    const previewed = vi.fn((input: { file: string }) => ({ ...preview, file: input.file, reason: 'on-exit' as const }));
    const { renderIn } = setup({ 'backups:list': () => list, 'backups:preview': previewed });
    renderIn(<BackupsPanel />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Backup file'), other);
    await user.click(screen.getByRole('button', { name: 'Check this backup…' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('When the planner closed');
    expect(previewed).toHaveBeenCalledWith({ file: other });
  });
});
