/**
 * The files:* methods (shared/contract-files.ts), answered here in main with the system's open
 * and save dialogs instead of by the core, which has no window. The registrar hands these two
 * methods to `bundleFileDialogHandlers` before anything reaches the core.
 *
 * Where the dialog opens: a removable drive when exactly one is mounted (the USB stick the bundle
 * travels on), else the person's Documents folder. Electron objects are described structurally
 * so tests pass small fakes.
 */
import fs from 'node:fs';
import { removableDrives } from './bundle-destinations';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { safeBundleFileName } from '../../shared/bundle-file-name';
import { filesMethods, PLAN_BUNDLE_EXTENSION } from '../../shared/contract-files';
import { msg, renderMessage } from '../../shared/core-messages';
import { describeInvalidInput } from '../../shared/invalid-input-message';
import { err, ok, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import { isPlanBundlePath } from './plan-bundle-files';

export interface FileDialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface BundleFileDialogDeps<W> {
  dialog: FileDialogLike<W>;
  /** The window the dialog belongs to; without one no dialog is shown. */
  parent(): W | null;
  /** app.getPath('documents'). */
  documentsFolder(): string;
  /** Mounted removable drives (see listRemovableDrives). */
  removableDrives(): string[];
  /** The language of the installation, for the dialog's title and filter. */
  locale(): Locale;
}

const TEXT = {
  en: { open: 'Import a plan bundle', save: 'Save the plan bundle', filter: 'Plan bundle' },
  fr: { open: 'Importer un paquet de plans', save: 'Enregistrer le paquet de plans', filter: 'Paquet de plans' },
} as const;

const FILTER_EXTENSION = PLAN_BUNDLE_EXTENSION.slice(1);

/**
 * Removable drives a person would recognise: on macOS the volumes other than the start-up disk
 * (/Volumes/X that is not a link to /), on Linux the folders the desktop mounts USB sticks in
 * (/media/USER/X, /run/media/USER/X). Windows gives no such hint without native code: none.
 */
export function listRemovableDrives(
  platform: NodeJS.Platform,
  user: string,
  fsLike: Pick<typeof fs, 'readdirSync' | 'lstatSync'> = fs,
): string[] {
  // The export wizard's list (bundle-destinations.ts) is the one home for what a removable drive is;
  // only Windows differs here: a drive letter may be a second disk, so the save dialog guesses none.
  if (platform === 'win32') return [];
  return removableDrives({ platform, user, fs: { readdirSync: fsLike.readdirSync, lstatSync: fsLike.lstatSync, existsSync: () => false } }).map((drive) => drive.folder);
}

/** A removable drive if exactly one is mounted (obvious), else Documents. */
export function defaultBundleFolder(drives: readonly string[], documents: string): string {
  return drives.length === 1 ? drives[0]! : documents;
}

/** The path a save dialog answered, with the extension added when the person typed none. */
export function withBundleExtension(file: string): string {
  return file.toLowerCase().endsWith(PLAN_BUNDLE_EXTENSION) ? file : `${file}${PLAN_BUNDLE_EXTENSION}`;
}

/**
 * A file dropped onto the window: Chromium navigates to its file:// URL, which main stops anyway
 * (security.ts). When that URL names a plan bundle, its path is returned so it can be opened
 * like a double-clicked one ('bundle:open'); otherwise null.
 */
export function droppedPlanBundlePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  try {
    const file = fileURLToPath(url);
    return isPlanBundlePath(file) ? file : null;
  } catch {
    return null;
  }
}

type Handler = (input: unknown) => Promise<Result<unknown>>;
type BundleDialogMethod = 'files:chooseBundleToOpen' | 'files:chooseBundleDestination';

/** The two bundle files:* methods, validated against their schemas, answered with dialogs. */
export function bundleFileDialogHandlers<W>(deps: BundleFileDialogDeps<W>): Record<BundleDialogMethod, Handler> {
  const language = () => (deps.locale() === 'fr' ? 'fr' : 'en');
  const text = () => TEXT[language()];
  const filters = () => [{ name: text().filter, extensions: [FILTER_EXTENSION] }];
  const folder = () => defaultBundleFolder(deps.removableDrives(), deps.documentsFolder());

  const noWindow = () => renderMessage(msg('files.noWindow'), language());

  function parse<M extends BundleDialogMethod>(method: M, input: unknown) {
    return filesMethods[method].input.safeParse(input ?? {});
  }

  return {
    async 'files:chooseBundleToOpen'(input) {
      const parsed = parse('files:chooseBundleToOpen', input);
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, language()));
      const window = deps.parent();
      if (window === null) return err('not_found', noWindow());
      const answer = await deps.dialog.showOpenDialog(window, { title: text().open, defaultPath: folder(), filters: filters(), properties: ['openFile'] });
      const file = answer.canceled ? undefined : answer.filePaths[0];
      return ok({ file: file && path.isAbsolute(file) ? file : null });
    },
    async 'files:chooseBundleDestination'(input) {
      const parsed = parse('files:chooseBundleDestination', input);
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, language()));
      const window = deps.parent();
      if (window === null) return err('not_found', noWindow());
      const answer = await deps.dialog.showSaveDialog(window, {
        title: text().save,
        defaultPath: path.join(folder(), safeBundleFileName(parsed.data.suggestedName)),
        filters: filters(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      const file = answer.canceled || !answer.filePath ? null : answer.filePath;
      return ok({ file: file && path.isAbsolute(file) ? withBundleExtension(file) : null });
    },
  };
}
