/**
 * Choosing plan bundle files and saving a printed report as a PDF: answered by the ADAPTERS, not
 * the core. Electron main shows the system's open and save dialogs (electron/main/bundle-file-dialogs.ts,
 * electron/main/print-to-pdf.ts); the core itself cannot show a dialog and refuses with a sentence;
 * the browser harness never calls these (it uploads and downloads instead, see scripts/preview.ts,
 * and prints with window.print(), whose dialog can also save a PDF).
 */
import { z } from 'zod';
import { input, MAX_SHORT_TEXT, read } from './contract-fields';
import { noun, schemaMessage as m } from './core-messages';
import type { BundleDestination } from './domain/exchange-export';

/** The extension every plan bundle carries. */
export const PLAN_BUNDLE_EXTENSION = '.planbundle';

/** The extension of a report saved as a PDF. */
export const PDF_EXTENSION = '.pdf';

const suggestedName = () =>
  z
    .string({ error: m('input.missing', { field: noun('suggested file name') }) })
    .min(1, { error: m('input.missing', { field: noun('suggested file name') }) })
    .max(MAX_SHORT_TEXT, { error: m('input.tooLong', { field: noun('suggested file name'), max: MAX_SHORT_TEXT }) });

export const filesMethods = {
  'files:chooseBundleToOpen': read<{ file: string | null }>()(
    'Ask the person for a plan bundle to import (a file dialog); null when they cancel.',
    input({}),
  ),
  'files:chooseBundleDestination': read<{ file: string | null }>()(
    'Ask the person where to save a plan bundle (a save dialog that suits a USB stick); null when they cancel.',
    input({ suggestedName: suggestedName() }),
  ),
  'files:bundleDestinations': read<{ destinations: BundleDestination[] }>()(
    'Where a plan bundle can be saved: mounted removable drives (USB sticks) first, then Documents and the home folder, each with a free file name; answered by the adapter (the core knows no drives and answers none).',
    input({ suggestedName: suggestedName() }),
  ),
  'files:savePrintedPdf': read<{ file: string | null }>()(
    'Save the print page that asks (a quarterly report or an annual plan) as a PDF, with the same layout as the printed copy: a save dialog, then the page printed to that file. null when the person cancels.',
    input({ suggestedName: suggestedName() }),
  ),
} as const;

export type FilesMethodName = keyof typeof filesMethods;
export type FilesOutput<M extends FilesMethodName> = NonNullable<(typeof filesMethods)[M]['output']>;

export function isFilesMethodName(name: unknown): name is FilesMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(filesMethods, name);
}

/** What the core answers for files:* (it has no window to show a dialog in). */
export const NO_FILE_DIALOG_MESSAGE = 'This computer cannot show a file dialog here.';

/** Part of a file name: letters of every language are kept (Délı̨nę stays Délı̨nę); characters file systems refuse and spaces become hyphens. */
function fileNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .replace(/[\s._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'planner'
  );
}

/** A file name for a bundle: "Inuvik-to-Coordinator-2026-11-24.planbundle", or "Inuvik-full-2026-11-24.planbundle". */
export function suggestedBundleName(from: string, to: string | null, isoDate: string): string {
  const part = fileNamePart;
  const date = /^\d{4}-\d{2}-\d{2}/.test(isoDate) ? isoDate.slice(0, 10) : 'bundle';
  return `${part(from)}-${to === null ? 'full' : `to-${part(to)}`}-${date}${PLAN_BUNDLE_EXTENSION}`;
}

/**
 * A file name for a printed report: "Dettah-Q2-FY2026-27.pdf" for a quarterly report,
 * "Dettah-plan-FY2026-27.pdf" for an annual plan. The fiscal year is written the same way in both
 * languages, so the name does not change with the language on screen.
 */
export function suggestedPrintedPdfName(community: string, fiscalYear: number, quarter: number | null): string {
  const year = `FY${fiscalYear}-${String((fiscalYear + 1) % 100).padStart(2, '0')}`;
  return `${fileNamePart(community)}-${quarter === null ? 'plan' : `Q${quarter}`}-${year}${PDF_EXTENSION}`;
}
