import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeBundleFileName } from '../../shared/bundle-file-name';
import { suggestedBundleName } from '../../shared/contract-files';
import {
  bundleFileDialogHandlers,
  defaultBundleFolder,
  droppedPlanBundlePath,
  listRemovableDrives,
  type FileDialogLike,
} from '../../electron/main/bundle-file-dialogs';
import { handleInvoke } from '../../electron/main/ipc-registrar';
import { ok } from '../../shared/result';

const WINDOW = { id: 'main-window' };
const DOCS = path.resolve('/home/ana/Documents');

function fakeDialog(answers: { open?: { canceled: boolean; filePaths: string[] }; save?: { canceled: boolean; filePath?: string } }) {
  const dialog = {
    showOpenDialog: vi.fn(async () => answers.open ?? { canceled: true, filePaths: [] }),
    showSaveDialog: vi.fn(async () => answers.save ?? { canceled: true }),
  } satisfies FileDialogLike<typeof WINDOW>;
  return dialog;
}

function handlers(dialog: FileDialogLike<typeof WINDOW>, { drives = [] as string[], window = WINDOW as typeof WINDOW | null, locale = 'en' as 'en' | 'fr' } = {}) {
  return bundleFileDialogHandlers({ dialog, parent: () => window, documentsFolder: () => DOCS, removableDrives: () => drives, locale: () => locale });
}

describe('the files:* methods in Electron main', () => {
  it('opens a bundle with the system dialog, filtered to plan bundles, starting in Documents', async () => {
    const file = path.resolve('/media/ana/STICK/Inuvik-to-Coordinator-2026-11-24.planbundle');
    const dialog = fakeDialog({ open: { canceled: false, filePaths: [file] } });
    expect(await handlers(dialog)['files:chooseBundleToOpen']({})).toEqual(ok({ file }));
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(WINDOW, expect.objectContaining({ defaultPath: DOCS, filters: [{ name: 'Plan bundle', extensions: ['planbundle'] }], properties: ['openFile'] }));
  });

  it('answers null when the person cancels', async () => {
    expect(await handlers(fakeDialog({}))['files:chooseBundleToOpen']({})).toEqual(ok({ file: null }));
    expect(await handlers(fakeDialog({}))['files:chooseBundleDestination']({ suggestedName: 'x.planbundle' })).toEqual(ok({ file: null }));
  });

  it('saves on the one removable drive there is, under the suggested name, adding the extension if it was typed without', async () => {
    const stick = path.resolve('/media/ana/STICK');
    const dialog = fakeDialog({ save: { canceled: false, filePath: path.join(stick, 'for-inuvik') } });
    const answer = await handlers(dialog, { drives: [stick], locale: 'fr' })['files:chooseBundleDestination']({ suggestedName: 'Inuvik-to-Coordinator-2026-11-24.planbundle' });
    expect(answer).toEqual(ok({ file: path.join(stick, 'for-inuvik.planbundle') }));
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      WINDOW,
      expect.objectContaining({ defaultPath: path.join(stick, 'Inuvik-to-Coordinator-2026-11-24.planbundle'), title: 'Enregistrer le paquet de plans', filters: [{ name: 'Paquet de plans', extensions: ['planbundle'] }] }),
    );
  });

  it('refuses bad input with a sentence, and shows no dialog without a window', async () => {
    const dialog = fakeDialog({});
    const bad = await handlers(dialog)['files:chooseBundleDestination']({ suggestedName: '' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/suggested file name is missing/);
    const badFr = await handlers(dialog, { locale: 'fr' })['files:chooseBundleDestination']({ suggestedName: '' });
    expect(!badFr.ok && badFr.error.message).toBe('Il manque le nom de fichier suggéré.');
    const none = await handlers(dialog, { window: null })['files:chooseBundleToOpen']({});
    expect(!none.ok && none.error.message).toMatch(/window is not open/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('are answered by main through the registrar, before the core is asked', async () => {
    const core = { call: vi.fn(async () => ok('core')) };
    const dialog = fakeDialog({ open: { canceled: false, filePaths: [path.resolve('/tmp/a.planbundle')] } });
    const options = { isTrustedSender: () => true, adapterMethods: handlers(dialog) };
    expect(await handleInvoke(core, options, { senderFrame: null }, 'files:chooseBundleToOpen', {})).toEqual(ok({ file: path.resolve('/tmp/a.planbundle') }));
    expect(core.call).not.toHaveBeenCalled();
    // The sender check still comes first.
    const refused = await handleInvoke(core, { ...options, isTrustedSender: () => false }, { senderFrame: null }, 'files:chooseBundleToOpen', {});
    expect(refused.ok).toBe(false);
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
  });
});

describe('where bundles go and what they are called', () => {
  it('picks a removable drive only when exactly one is obvious', () => {
    expect(defaultBundleFolder(['/media/ana/STICK'], DOCS)).toBe('/media/ana/STICK');
    expect(defaultBundleFolder([], DOCS)).toBe(DOCS);
    expect(defaultBundleFolder(['/media/ana/A', '/media/ana/B'], DOCS)).toBe(DOCS);
  });

  it('lists mounted volumes but not the start-up disk (a link) on macOS, and none on Windows', () => {
    const entries: Record<string, string[]> = { '/Volumes': ['Macintosh HD', 'STICK', '.hidden'] };
    const fsLike = {
      readdirSync: ((folder: string) => entries[folder] ?? []) as never,
      lstatSync: ((full: string) => ({ isDirectory: () => true, isSymbolicLink: () => full.endsWith('Macintosh HD') })) as never,
    };
    expect(listRemovableDrives('darwin', 'ana', fsLike)).toEqual([path.join('/Volumes', 'STICK')]);
    expect(listRemovableDrives('win32', 'ana', fsLike)).toEqual([]);
  });

  it('suggests names like Inuvik-to-Coordinator-2026-11-24.planbundle, keeping letters of every language', () => {
    expect(suggestedBundleName('Inuvik', 'Coordinator', '2026-11-24T10:00:00Z')).toBe('Inuvik-to-Coordinator-2026-11-24.planbundle');
    expect(suggestedBundleName('Délı̨nę detachment', null, '2026-11-24')).toBe('Délı̨nę-detachment-full-2026-11-24.planbundle');
    expect(suggestedBundleName('a/b:c', 'x?', '2026-11-24')).toBe('abc-to-x-2026-11-24.planbundle');
    expect(safeBundleFileName('../../etc/passwd')).toBe('passwd.planbundle');
    expect(safeBundleFileName('.planbundle')).toBe('bundle.planbundle');
  });

  it('turns a dropped .planbundle (a file:// navigation) into its path, and ignores anything else', () => {
    const file = path.resolve('/home/ana/Downloads/Inuvik.planbundle');
    expect(droppedPlanBundlePath(new URL(`file://${file}`).href)).toBe(file);
    expect(droppedPlanBundlePath('file:///home/ana/notes.txt')).toBeNull();
    expect(droppedPlanBundlePath('https://example.org/x.planbundle')).toBeNull();
  });
});
