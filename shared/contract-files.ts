/**
 * Choosing plan bundle files: answered by the ADAPTERS, not the core. Electron main shows the
 * system's open and save dialogs (electron/main/bundle-file-dialogs.ts); the core itself cannot
 * show a dialog and refuses with a sentence; the browser harness never calls these (it uploads
 * and downloads instead, see scripts/preview.ts).
 */
import { z } from 'zod';
import { input, MAX_SHORT_TEXT, read } from './contract-fields';
import { noun, schemaMessage as m } from './core-messages';

/** The extension every plan bundle carries. */
export const PLAN_BUNDLE_EXTENSION = '.planbundle';

export const filesMethods = {
  'files:chooseBundleToOpen': read<{ file: string | null }>()(
    'Ask the person for a plan bundle to import (a file dialog); null when they cancel.',
    input({}),
  ),
  'files:chooseBundleDestination': read<{ file: string | null }>()(
    'Ask the person where to save a plan bundle (a save dialog that suits a USB stick); null when they cancel.',
    input({
      suggestedName: z
        .string({ error: m('input.missing', { field: noun('suggested file name') }) })
        .min(1, { error: m('input.missing', { field: noun('suggested file name') }) })
        .max(MAX_SHORT_TEXT, { error: m('input.tooLong', { field: noun('suggested file name'), max: MAX_SHORT_TEXT }) }),
    }),
  ),
} as const;

export type FilesMethodName = keyof typeof filesMethods;
export type FilesOutput<M extends FilesMethodName> = NonNullable<(typeof filesMethods)[M]['output']>;

export function isFilesMethodName(name: unknown): name is FilesMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(filesMethods, name);
}

/** What the core answers for files:* (it has no window to show a dialog in). */
export const NO_FILE_DIALOG_MESSAGE = 'This computer cannot show a file dialog here.';

/**
 * A file name for a bundle: "Inuvik-to-Coordinator-2026-11-24.planbundle", or
 * "Inuvik-full-2026-11-24.planbundle". Letters of every language are kept (Délı̨nę stays Délı̨nę);
 * characters file systems refuse and spaces become hyphens.
 */
export function suggestedBundleName(from: string, to: string | null, isoDate: string): string {
  const part = (text: string) =>
    text
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .replace(/[\s._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'planner';
  const date = /^\d{4}-\d{2}-\d{2}/.test(isoDate) ? isoDate.slice(0, 10) : 'bundle';
  return `${part(from)}-${to === null ? 'full' : `to-${part(to)}`}-${date}${PLAN_BUNDLE_EXTENSION}`;
}
