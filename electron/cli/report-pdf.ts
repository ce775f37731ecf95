/**
 * A printable report route to PDF: the browser harness (scripts/preview.ts) serves the renderer
 * over the same database on a free loopback port, Debian's Chromium (playwright-core, no browser
 * download) opens the print route and prints it with the page's own CSS page size, margins,
 * running header and page numbers — the same layout the app prints. The PDF is tagged (headings
 * and tables a screen reader can follow) with an outline from the headings, the same options as
 * Electron main's printToPDF (electron/main/print-to-pdf.ts); its Title and language come from the
 * print page's document.title and <html lang>, which the page sets in the print language.
 */
import fs from 'node:fs';
import { CliFailure } from './cli-io';
import type { ReservedOutput } from './write-output';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Playwright's page.pdf options: CSS page size, backgrounds, tagged, with an outline (playwright-core ≥ 1.42). */
export const PAGE_PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export async function printRouteToPdf(dbFile: string, hash: string, output: ReservedOutput): Promise<number> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new CliFailure(`Printing to PDF needs Chromium at ${CHROMIUM_PATH} (Debian package "chromium"), or set CHROMIUM_PATH.`, 1);
  const { startPreviewServer } = await import('../harness/preview-server');
  const { chromium } = await import('playwright-core');
  const server = await startPreviewServer({ dbFile, port: 0, coreIn: 'process', log: () => {} });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      // A one-time address signs this browser in (the harness serves nothing without it).
      await page.goto(`${server.openingUrl()}${hash}`);
      await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 }).catch(async () => {
        const text = (await page.locator('main').innerText().catch(() => '')).trim().split('\n')[0];
        throw new CliFailure(text ? `The report could not be prepared: ${text}` : `The report could not be prepared${problems[0] ? `: ${problems[0]}` : ''}.`, 1);
      });
      // The page's own title (the PDF's Title) comes with the plan, read beside the document's data.
      await page.locator('html[data-print-title]').waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf(PAGE_PDF_OPTIONS);
      output.write(pdf);
      return pdf.length;
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
