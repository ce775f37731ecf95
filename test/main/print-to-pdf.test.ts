import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleInvoke } from '../../electron/main/ipc-registrar';
import { PRINT_TO_PDF_OPTIONS, printToPdfHandlers, safePdfFileName, type PdfFileSystemLike } from '../../electron/main/print-to-pdf';
import { suggestedPrintedPdfName } from '../../shared/contract-files';
import { ok } from '../../shared/result';

const WINDOW = { id: 'main-window' };
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]); // "%PDF-1.7\n"

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'print-to-pdf-'));
});
afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function fakeDialog(answer: { canceled: boolean; filePath?: string }) {
  return { showSaveDialog: vi.fn(async () => answer) };
}

function fakePage(print: () => Promise<Uint8Array> = async () => PDF_BYTES) {
  return { printToPDF: vi.fn(print) };
}

function handler(dialog: ReturnType<typeof fakeDialog>, { locale = 'en' as 'en' | 'fr', fsLike = undefined as PdfFileSystemLike | undefined, window = WINDOW as typeof WINDOW | null, logError = vi.fn() } = {}) {
  return printToPdfHandlers({ dialog, parent: () => window, documentsFolder: () => folder, locale: () => locale, fs: fsLike, logError })['files:savePrintedPdf'];
}

const event = (sender: unknown) => ({ senderFrame: null, sender });

describe('saving a print page as a PDF in Electron main', () => {
  it('answers null when the person cancels, without printing anything', async () => {
    const page = fakePage();
    const dialog = fakeDialog({ canceled: true });
    expect(await handler(dialog)({ suggestedName: 'Dettah-Q2-FY2026-27.pdf' }, event(page))).toEqual(ok({ file: null }));
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      WINDOW,
      expect.objectContaining({ title: 'Save as PDF', defaultPath: path.join(folder, 'Dettah-Q2-FY2026-27.pdf'), filters: [{ name: 'PDF document', extensions: ['pdf'] }] }),
    );
    expect(page.printToPDF).not.toHaveBeenCalled();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('prints the calling page with the CSS page size and backgrounds, tagged (accessible) with an outline, and writes exactly those bytes where the person chose', async () => {
    const page = fakePage();
    const chosen = path.join(folder, 'Dettah report');
    const answer = await handler(fakeDialog({ canceled: false, filePath: chosen }), { locale: 'fr' })({ suggestedName: 'Dettah-Q2-FY2026-27.pdf' }, event(page));
    expect(answer).toEqual(ok({ file: `${chosen}.pdf` }));
    expect(page.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
    expect(PRINT_TO_PDF_OPTIONS).toEqual({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
    expect(new Uint8Array(fs.readFileSync(`${chosen}.pdf`))).toEqual(PDF_BYTES);
    // Nothing half-written is left beside it.
    expect(fs.readdirSync(folder)).toEqual(['Dettah report.pdf']);
  });

  it('replaces an older PDF of the same name (the dialog already asked)', async () => {
    const target = path.join(folder, 'Dettah-plan-FY2026-27.pdf');
    fs.writeFileSync(target, 'old');
    const answer = await handler(fakeDialog({ canceled: false, filePath: target }))({ suggestedName: 'x.pdf' }, event(fakePage()));
    expect(answer).toEqual(ok({ file: target }));
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF_BYTES);
    // Only its owner can read it, even where the older one was readable by everyone.
    if (process.platform !== 'win32') expect((fs.statSync(target).mode & 0o777).toString(8)).toBe('600');
  });

  it('answers a sentence, in the installation’s language, when the file cannot be written, and leaves no partial file', async () => {
    const missing = path.join(folder, 'no-such-folder', 'Dettah.pdf');
    const answer = await handler(fakeDialog({ canceled: false, filePath: missing }))({ suggestedName: 'Dettah.pdf' }, event(fakePage()));
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toBe(`The PDF could not be saved to ${missing}: the folder cannot be written to. Choose another folder, or close the file if another program has it open.`);
    expect(!answer.ok && answer.error.details).toEqual({ messageKey: 'pdf.notWritable', params: { target: missing } });

    // A full stick: the rename never happens, the partial file is removed.
    const written: string[] = [];
    const removed: string[] = [];
    const fullStick: PdfFileSystemLike = {
      writeFile: async (file) => {
        written.push(file);
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      rename: vi.fn(async () => undefined),
      rm: async (file) => {
        removed.push(file);
      },
    };
    const target = path.join(folder, 'Dettah.pdf');
    const full = await handler(fakeDialog({ canceled: false, filePath: target }), { locale: 'fr', fsLike: fullStick })({ suggestedName: 'Dettah.pdf' }, event(fakePage()));
    expect(!full.ok && full.error.message).toBe(`Le PDF n’a pas pu être enregistré dans ${target}\u00a0: le disque ou la clé est plein.`);
    expect(fullStick.rename).not.toHaveBeenCalled();
    // Removed before writing (a leftover is never reused) and again after the failure.
    expect(removed.at(-1)).toBe(written[0]);
    expect(written[0]).not.toBe(target);
  });

  it('answers a sentence when Chromium cannot make the PDF, and logs the error', async () => {
    const logError = vi.fn();
    const page = fakePage(async () => {
      throw new Error('Printing failed');
    });
    const answer = await handler(fakeDialog({ canceled: false, filePath: path.join(folder, 'a.pdf') }), { logError })({ suggestedName: 'a.pdf' }, event(page));
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toMatch(/^The PDF could not be made from this page\./);
    expect(logError).toHaveBeenCalled();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses bad input with a sentence, and shows no dialog without a window', async () => {
    const dialog = fakeDialog({ canceled: true });
    const bad = await handler(dialog, { locale: 'fr' })({ suggestedName: '' }, event(fakePage()));
    expect(!bad.ok && bad.error.message).toBe('Il manque le nom de fichier suggéré.');
    const none = await handler(dialog, { window: null })({ suggestedName: 'a.pdf' }, event(fakePage()));
    expect(!none.ok && none.error.message).toMatch(/window is not open/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('is answered by main through the registrar, which hands over the sender it checked', async () => {
    const core = { call: vi.fn(async () => ok('core')) };
    const page = fakePage();
    const target = path.join(folder, 'Dettah.pdf');
    const options = { isTrustedSender: () => true, adapterMethods: printToPdfHandlers({ dialog: fakeDialog({ canceled: false, filePath: target }), parent: () => WINDOW, documentsFolder: () => folder, locale: () => 'en' as const }) };
    expect(await handleInvoke(core, options, event(page), 'files:savePrintedPdf', { suggestedName: 'Dettah.pdf' })).toEqual(ok({ file: target }));
    expect(core.call).not.toHaveBeenCalled();
    const refused = await handleInvoke(core, { ...options, isTrustedSender: () => false }, event(page), 'files:savePrintedPdf', { suggestedName: 'Dettah.pdf' });
    expect(refused.ok).toBe(false);
    expect(page.printToPDF).toHaveBeenCalledTimes(1);
  });
});

describe('what a saved PDF is called', () => {
  it('suggests the community, the period and the fiscal year', () => {
    expect(suggestedPrintedPdfName('Dettah', 2026, 2)).toBe('Dettah-Q2-FY2026-27.pdf');
    expect(suggestedPrintedPdfName('Fort Good Hope', 2026, null)).toBe('Fort-Good-Hope-plan-FY2026-27.pdf');
    expect(suggestedPrintedPdfName('Délı̨nę', 2099, 4)).toBe('Délı̨nę-Q4-FY2099-00.pdf');
  });

  it('keeps only a plain file name ending in .pdf', () => {
    expect(safePdfFileName('../../etc/Dettah')).toBe('Dettah.pdf');
    expect(safePdfFileName('C:\\Users\\x\\Dettah.PDF')).toBe('Dettah.PDF');
    expect(safePdfFileName('.hidden')).toBe('report.pdf');
  });
});
