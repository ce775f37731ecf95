/**
 * files:savePrintedPdf (shared/contract-files.ts), answered here in main: the print page asks to be
 * saved as a PDF; main shows a save dialog, prints the CALLING page with Chromium's print-to-PDF
 * (the same engine, options and print stylesheet as the CLI's `report pdf`, so the layout is the
 * same: CSS page size and margins, running header, page numbers, no toolbar), and writes the file
 * beside its destination before renaming it into place, so a pulled USB stick never leaves half a
 * PDF under the real name.
 *
 * The page printed is the sender of the call (event.sender), which the registrar has already
 * checked is the app's own window and main frame. Electron objects are described structurally so
 * tests pass small fakes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY_FILE } from '../../db/private-files';
import { filesMethods, PDF_EXTENSION } from '../../shared/contract-files';
import { msg, renderMessage, type MessageRef } from '../../shared/core-messages';
import { describeInvalidInput } from '../../shared/invalid-input-message';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import type { FileDialogLike } from './bundle-file-dialogs';
import type { AdapterMethod, IpcInvokeEventLike } from './ipc-registrar';

/**
 * The same options the CLI gives Chromium's page.pdf (electron/cli/report-pdf.ts: `tagged`,
 * `outline`): the page's CSS page size and backgrounds, a TAGGED PDF (headings, tables with their
 * header cells, reading order: what a screen reader follows; CAN/ASC-EN 301 549 clause 10) and an
 * outline (bookmarks) from the headings. Electron's printToPDF has had `generateTaggedPDF` since
 * Electron 28 (electron/electron#39563, experimental) and `generateDocumentOutline` since 29
 * (electron/electron#41156); both are in this project's electron.d.ts. The PDF's Title is the
 * page's document.title and its language the page's <html lang>, both set by the print page.
 */
export const PRINT_TO_PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true } as const;

/** What is used of a webContents: printing itself to PDF bytes. */
export interface PdfPrinterLike {
  printToPDF(options: typeof PRINT_TO_PDF_OPTIONS): Promise<Uint8Array>;
}

/** What is used of node:fs/promises. */
export interface PdfFileSystemLike {
  writeFile(file: string, data: Uint8Array, options: { mode: number; flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface PrintToPdfDeps<W> {
  dialog: Pick<FileDialogLike<W>, 'showSaveDialog'>;
  /** The window the dialog belongs to; without one no dialog is shown. */
  parent(): W | null;
  /** app.getPath('documents'): where the dialog opens. */
  documentsFolder(): string;
  /** The language of the installation, for the dialog's title and filter and for sentences. */
  locale(): Locale;
  fs?: PdfFileSystemLike;
  /** Where a failure of printToPDF is written, for developers. */
  logError?(message: string, error: unknown): void;
}

const TEXT = {
  en: { save: 'Save as PDF', filter: 'PDF document' },
  fr: { save: 'Enregistrer en PDF', filter: 'Document PDF' },
} as const;

/** The suggested name, reduced to a plain file name that ends in .pdf. */
export function safePdfFileName(suggested: string): string {
  const base = path.basename(suggested.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '').trim();
  const name = base === '' || base.startsWith('.') ? `report${PDF_EXTENSION}` : base;
  return withPdfExtension(name);
}

/** The path a save dialog answered, with the extension added when the person typed none. */
export function withPdfExtension(file: string): string {
  return file.toLowerCase().endsWith(PDF_EXTENSION) ? file : `${file}${PDF_EXTENSION}`;
}

function isPdfPrinter(sender: unknown): sender is PdfPrinterLike {
  return typeof sender === 'object' && sender !== null && typeof (sender as { printToPDF?: unknown }).printToPDF === 'function';
}

export function printToPdfHandlers<W>(deps: PrintToPdfDeps<W>): Record<'files:savePrintedPdf', AdapterMethod> {
  const files = deps.fs ?? fs;
  const language = (): Locale => (deps.locale() === 'fr' ? 'fr' : 'en');
  /** A catalogue sentence in the installation's language, with its key so the renderer can re-render it in the language on screen. */
  const refusal = (code: ErrorCode, ref: MessageRef): Result<never> => err(code, renderMessage(ref, language()), { messageKey: ref.key, params: ref.params ?? {} });

  return {
    async 'files:savePrintedPdf'(input: unknown, event: IpcInvokeEventLike) {
      const parsed = filesMethods['files:savePrintedPdf'].input.safeParse(input ?? {});
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, language()));
      const page = event.sender;
      // The registrar hands over Electron's own event; a sender that cannot print is a bug in main.
      if (!isPdfPrinter(page)) throw new Error('files:savePrintedPdf was called without a webContents to print.');
      const window = deps.parent();
      if (window === null) return refusal('not_found', msg('files.noWindow'));

      const text = TEXT[language()];
      const answer = await deps.dialog.showSaveDialog(window, {
        title: text.save,
        defaultPath: path.join(deps.documentsFolder(), safePdfFileName(parsed.data.suggestedName)),
        filters: [{ name: text.filter, extensions: [PDF_EXTENSION.slice(1)] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath || !path.isAbsolute(answer.filePath)) return ok({ file: null });
      const target = withPdfExtension(answer.filePath);

      let bytes: Uint8Array;
      try {
        bytes = await page.printToPDF(PRINT_TO_PDF_OPTIONS);
      } catch (error) {
        (deps.logError ?? console.error)('printToPDF failed for the print page.', error);
        return refusal('internal', msg('pdf.notMade'));
      }

      const temp = `${target}.partial-${process.pid}`;
      try {
        // A new file (never a leftover or a link planted there) that only its owner can read.
        await files.rm(temp, { force: true });
        await files.writeFile(temp, bytes, { mode: OWNER_ONLY_FILE, flag: 'wx' });
        await files.rename(temp, target);
      } catch (error) {
        await files.rm(temp, { force: true }).catch(() => undefined);
        const full = (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC';
        return refusal('forbidden', msg(full ? 'pdf.diskFull' : 'pdf.notWritable', { target }));
      }
      return ok({ file: target });
    },
  };
}
