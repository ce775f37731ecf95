/**
 * One way to print, with the print options in the app, in Chromium through the harness, in English
 * and in French: the report screen has a single print control (and Ctrl+P opens the print page
 * rather than printing the screen's layout); the print page's options form (paper, the document's
 * language, public version, quarter) is labelled, keeps the focus while the document changes
 * under it, speaks the planner's language whatever the document's, fits at 1366 and 911 px and
 * has no serious axe violation; the page then prints (Chromium's page.pdf with the CLI's and
 * Electron's options: tagged, outline) a PDF that an independent reader (poppler's pdfinfo and
 * pdftotext) finds tagged, titled with the document's own title, on A4 from its first page, in
 * the chosen language, public (no narrative), for the chosen quarter.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_PDF_OPTIONS } from '../../electron/cli/report-pdf';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { openTestCore } from '../support';
import { addCommunity, agreedPlan } from '../support/reference-data';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness } from './support/harness';
import { go, screenshot } from './support/ui';

const NOW = '2025-10-20T15:00:00.000Z';
const NARRATIVE_Q1 = 'Two check stops held on the winter road; no impaired drivers found.';
const NARRATIVE_Q2 = 'Youth night moved to the new hall; forty young people came.';
const tools = fs.existsSync('/usr/bin/pdfinfo') && fs.existsSync('/usr/bin/pdftotext');

function info(file: string, ...flags: string[]): string {
  return execFileSync('/usr/bin/pdfinfo', [...flags, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}
const field = (text: string, name: string) => text.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
const pdfText = (file: string) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** No sideways scroll, and every control of the print options inside the viewport. */
async function fits(page: Page): Promise<{ scroll: number; cut: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll<HTMLElement>('.print-controls a, .print-controls button, .print-controls select, .print-controls input')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > width + 0.5;
      })
      .map((el) => el.outerHTML.slice(0, 80));
    return { scroll: document.documentElement.scrollWidth - width, cut };
  });
}

describe.skipIf(!chromiumAvailable() || !tools)('print options in the app, and the tagged PDF they make', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    dir = makeTempDir();
    const t = openTestCore({ dir, fileName: 'planner.db', now: NOW, profile: { name: 'Coordinator', userName: 'Ann Coordinator', role: 'coordinator' } });
    const community = addCommunity(t, "Łutselk'e", { detachment: "Łutselk'e" });
    const { plan, actions } = agreedPlan(t, community, 2025, ['Check stops on the winter road', 'Youth night at the hall']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: NARRATIVE_Q1, nextSteps: '' });
    t.must('progress:record', { actionId: actions[1]!.id, quarter: 2, status: 'at_risk', narrative: NARRATIVE_Q2, nextSteps: 'Find a second volunteer.' });
    t.core.close();
    planId = plan.id;
    server = await startHarness(t.dbFile, NOW);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  const scenarios = [
    // The planner in English prints a French document, and the other way round: the two languages are independent.
    { ui: 'en', doc: 'fr', print: 'Print or save as PDF', legend: 'Print options', paper: 'Paper size', language: 'Language of the document', quarter: 'Quarter', publicVersion: 'Public version', title: "Łutselk'e — rapport trimestriel, T1 EF 2025-2026", words: ['RAPPORT TRIMESTRIEL À LA COLLECTIVITÉ', 'Version publique', 'Priorité 1', 'EF 2025-2026 T1'] },
    { ui: 'fr', doc: 'en', print: 'Imprimer ou enregistrer en PDF', legend: 'Options d’impression', paper: 'Format du papier', language: 'Langue du document', quarter: 'Trimestre', publicVersion: 'Version publique', title: "Łutselk'e — quarterly report, Q1 FY 2025–26", words: ['QUARTERLY COMMUNITY REPORT', 'Public version', 'Priority 1', 'FY 2025–26 Q1'] },
  ] as const;

  for (const s of scenarios) {
    it(`${s.ui === 'en' ? 'in English' : 'in French'}: one print control; options chosen in the app; a tagged ${s.doc.toUpperCase()} PDF on A4, public, for another quarter`, async () => {
      server.core.invoke('installation:update', { locale: s.ui });
      const page = await openPage(browser, server, NOW, { bypassCSP: true }); // for axe

      // The report screen: a single way to print (no window.print() of the screen layout).
      await go(page, server.url, `#/plans/${planId}/report/2`);
      const printControls = page.locator('main').getByRole('button', { name: /print|imprim/i }).or(page.locator('main').getByRole('link', { name: /print|imprim/i }));
      expect(await printControls.allTextContents()).toEqual([s.print]);
      // Ctrl+P goes to the print page too.
      await page.keyboard.press('Control+p');
      await page.waitForURL(new RegExp(`#/print/quarterly/${planId}/2$`));
      await page.locator('[data-print-ready="true"]').waitFor();

      // The options: a labelled group, in the planner's language.
      const options = page.getByRole('group', { name: s.legend });
      await options.waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(`${s.ui}-CA`);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `${s.ui}-print-options-1366`);

      // A4, the other language, public, Q1 — each change rewrites the route and keeps the focus where it was.
      const paper = page.getByLabel(s.paper);
      await paper.focus();
      await paper.selectOption('a4');
      await page.waitForURL(/paper=a4/);
      expect(await paper.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.getByLabel(s.language).selectOption(s.doc);
      await page.waitForURL(new RegExp(`lang=${s.doc}`));
      // Keyboard: Space on the focused checkbox.
      await page.getByRole('checkbox', { name: s.publicVersion }).focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/public=1/);
      await page.getByLabel(s.quarter, { exact: true }).selectOption('1');
      await page.waitForURL(new RegExp(`#/print/quarterly/${planId}/1\\?lang=${s.doc}&public=1&paper=a4$`));
      await page.waitForFunction((title) => document.title === title && document.querySelector('[data-print-ready="true"]') !== null, s.title);
      // The document in its own language, the options still in the planner's.
      expect(await page.locator('html').getAttribute('lang')).toBe(`${s.doc}-CA`);
      expect(await options.isVisible()).toBe(true);
      expect(await page.locator('.print-controls').getAttribute('lang')).toBe(`${s.ui}-CA`);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `${s.ui}-print-options-chosen-1366`);
      expect(await fits(page)).toEqual({ scroll: 0, cut: [] });

      await page.setViewportSize({ width: 911, height: 768 });
      expect(await fits(page)).toEqual({ scroll: 0, cut: [] });
      await screenshot(page, `${s.ui}-print-options-911`);

      // Print it as the page prints (Chromium's PDF, the CLI's and Electron's options) and read it back.
      await page.emulateMedia({ media: 'print' });
      const file = path.join(dir!, `report-${s.ui}.pdf`);
      fs.writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS));
      expect(pageProblems(page)).toEqual([]);
      await page.context().close();

      const meta = info(file);
      expect(field(meta, 'Tagged')).toBe('yes');
      expect(field(meta, 'Title')).toBe(s.title);
      const pages = Number(field(meta, 'Pages'));
      const sizes = info(file, '-f', '1', '-l', String(pages)).split('\n').filter((l) => /^Page +\d+ size:/.test(l));
      expect(sizes.length).toBe(pages);
      for (const size of sizes) expect(size).toMatch(/594\.96 x 841\.92 pts \(A4\)/);
      expect(fs.readFileSync(file).toString('latin1')).toContain(`/Lang (${s.doc}-CA)`);
      const text = pdfText(file);
      for (const word of s.words) expect(text).toContain(word);
      // Public: the narratives stay out; the toolbar never prints.
      expect(text).not.toContain(NARRATIVE_Q1);
      expect(text).not.toContain(s.legend);
      const tree = info(file, '-struct');
      for (const role of ['H1', 'H2', 'Table', 'TH']) expect(tree).toMatch(new RegExp(`^\\s*${role}\\b`, 'm'));
    }, 120_000);
  }

  it('the plan screen prints the annual plan through its print page too (link and Ctrl+P), with the same options', async () => {
    server.core.invoke('installation:update', { locale: 'en' });
    const page = await openPage(browser, server, NOW);
    await go(page, server.url, `#/plans/${planId}`);
    const printControls = page.locator('main').getByRole('button', { name: /print/i }).or(page.locator('main').getByRole('link', { name: /print/i }));
    expect(await printControls.allTextContents()).toEqual(['Print the annual plan']);
    await page.keyboard.press('Control+p');
    await page.waitForURL(new RegExp(`#/print/annual/${planId}$`));
    await page.locator('[data-print-ready="true"]').waitFor();
    await page.waitForFunction(() => document.title === "Łutselk'e — community policing action plan, FY 2025–26");
    const options = page.getByRole('group', { name: 'Print options' });
    expect(await options.getByLabel('Quarter', { exact: true }).count()).toBe(0);
    await page.getByLabel('Language of the document').selectOption('fr');
    await page.waitForFunction(() => document.title === "Łutselk'e — plan d’action communautaire en matière de police, EF 2025-2026");
    // Leaving the print page gives the page back its own title and language.
    await page.getByRole('link', { name: 'Back' }).click();
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'en-CA' && !document.title.includes('plan d’action'));
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
