/**
 * Every printed document (the quarterly report and the annual plan, the year-end summary being
 * the annual plan's last part) in English and French, on US Letter and A4, printed to PDF by
 * Chromium the way the CLI and the app print it, then looked at with poppler (pdftotext -bbox,
 * pdftoppm -gray at low resolution):
 *   - no word reaches the page's outer strip (a table too wide for A4, a long URL or file name
 *     pushing a column off the page), and no ink in the right edge strip;
 *   - no band filled edge to edge (a background painted over the page), and the space under the
 *     last page's content is white;
 *   - the lead chosen from the people list and the partner organisations appear by name in both
 *     documents, in both languages; the French document has no English words of the layout.
 * One browser, one harness, eight PDFs. The PDFs and page images stay in test/output/printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { SCREENSHOT_DIR } from './support/ui';
import { clippedRules, cutWords, filledBands, inkBelowContent, inkInRightStrip, pdfPages, pdfPlainText, pdfWords } from './support/pdf-look';

const OUTPUT = path.resolve(__dirname, '..', 'output', 'printed');
const MM = 72 / 25.4;
/** Coarse, for speed; fine enough to see a table's 1 px border. */
const DPI = 75;
const LEAD = 'Marie-Ève Kodakin-Beaulieu';
const PARTNER = 'Tłı̨chǫ Youth Wellness Collective';
// Fills the last column to its right edge: a table wider than the page puts words past the margin.
const NEXT_STEPS = 'Meet again after the holidays with the elders, the school and the health centre to plan the next camp and the rides home.';
const LONG_URL = 'https://www.justice.gov.nt.ca/en/files/community-safety/Community_Safety_Plan_Final_Version_2026-09-30_signed_by_council_and_detachment.pdf';

describe.skipIf(!chromiumAvailable())('printed documents: every one, both languages, both paper sizes', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let planId: string;
  const pdfs = new Map<string, string>();
  const images = new Map<string, ReturnType<typeof pdfPages>>();
  /** Each PDF's pages as grey images, made once. */
  const imagesOf = (file: string) => images.get(file) ?? images.set(file, pdfPages(file, DPI)).get(file)!;

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    must(server.core.invoke('installation:update', { locale: 'en', role: 'coordinator', scopeCommunityIds: [] }));
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    const row = matrix.rows.find((r) => r.planStatus === 'active' && r.cells[1]!.state === 'on_time')!;
    planId = row.planId!;
    const plan = must(server.core.invoke('plans:get', { planId }));
    // A lead chosen from the people list (no typed name), a partner organisation, and a long
    // unbroken address in an action's description and in its narrative of the quarter.
    must(server.core.invoke('plans:openRevision', { planId, reason: 'A lead for the first action' }));
    const person = must(server.core.invoke('people:create', { name: LEAD, title: 'Youth worker', communityId: plan.communityId }));
    const partner = must(server.core.invoke('organisations:create', { name: PARTNER, kind: 'health', communityId: plan.communityId }));
    const action = plan.priorities.find((p) => p.actions.length > 0)!.actions[0]!;
    must(server.core.invoke('actions:update', { actionId: action.id, leadPersonId: person.id, leadName: null, partnerOrganisationIds: [partner.id], description: `The signed plan is at ${LONG_URL}` }));
    must(server.core.invoke('plans:closeRevision', { planId }));
    must(server.core.invoke('progress:record', { actionId: action.id, quarter: 2, status: 'on_track', narrative: `Minutes filed as ${LONG_URL}`, nextSteps: NEXT_STEPS }));
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW);
    fs.rmSync(OUTPUT, { recursive: true, force: true });
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const kind of ['quarterly', 'annual'] as const) {
      for (const lang of ['en', 'fr'] as const) {
        for (const paper of ['letter', 'a4'] as const) {
          const route = kind === 'quarterly' ? `#/print/quarterly/${planId}/2` : `#/print/annual/${planId}`;
          await page.goto(`${server.url}${route}?lang=${lang}${paper === 'a4' ? '&paper=a4' : ''}`);
          await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
          if (paper === 'letter') {
            // The print page on screen, to look at: the laptop's width and 150 % scaling's.
            for (const width of [1366, 911]) {
              await page.setViewportSize({ width, height: 768 });
              await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${lang}-print-${kind}-${width}.png`) });
            }
            await page.setViewportSize({ width: 1366, height: 768 });
          }
          await page.emulateMedia({ media: 'print' });
          // The options the CLI (electron/cli/report-pdf.ts) and the app (print-to-pdf.ts) give Chromium.
          const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          await page.emulateMedia({ media: 'screen' });
          const file = path.join(OUTPUT, `${kind}-${lang}-${paper}.pdf`);
          fs.writeFileSync(file, bytes);
          pdfs.set(`${kind}-${lang}-${paper}`, file);
        }
      }
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('prints eight PDFs of the right paper size without page errors', () => {
    expect(pdfs.size).toBe(8);
    for (const [name, file] of pdfs) {
      // Every page, the first included (the demo marking comes before the document).
      const size = name.endsWith('a4') ? '595×842' : '612×792';
      expect(pdfWords(file).map((p) => `${Math.round(p.width)}×${Math.round(p.height)}`), name).toEqual(pdfWords(file).map(() => size));
    }
    expect(pageProblems(page)).toEqual([]);
  });

  it('cuts no text at the page edge: every word inside the printable width, the right edge strip white', () => {
    const cut: Record<string, unknown> = {};
    const ink: Record<string, number[]> = {};
    const clipped: Record<string, string[]> = {};
    for (const [name, file] of pdfs) {
      // The page margins are 15 mm: no word of the body may pass into them (a table wider than
      // the paper is cut at the margin, the words of its last column go past it).
      const words = cutWords(pdfWords(file), 15 * MM - 1, 18 * MM);
      if (words.length) cut[name] = words.slice(0, 5);
      const images = imagesOf(file);
      const strip = inkInRightStrip(images, 8 / 216);
      if (strip.length) ink[name] = strip;
      // 15 mm margins; a table's right border must be there, not cut by the page.
      const rules = clippedRules(images, (15 / 25.4) * DPI);
      if (rules.length) clipped[name] = rules.slice(0, 5);
    }
    expect(cut).toEqual({});
    expect(ink).toEqual({});
    expect(clipped).toEqual({});
  });

  it('paints no filled block: no band filled edge to edge, the last page white under its content', () => {
    const bands: Record<string, number[]> = {};
    const below: Record<string, number> = {};
    for (const [name, file] of pdfs) {
      const images = imagesOf(file);
      const tall = filledBands(images).filter((share) => share > 0.08);
      if (tall.length) bands[name] = tall;
      const words = pdfWords(file);
      const share = inkBelowContent(words.at(-1)!, images.at(-1)!, 18 * MM);
      if (share > 0.02) below[name] = share;
    }
    expect(bands).toEqual({});
    expect(below).toEqual({});
  });

  it('names the lead chosen from the people list and the partners in both documents, in both languages', () => {
    // pdftotext joins a word broken at its hyphen at a line's end without the hyphen, and reads
    // a table row's cells line by line: each word of the name is looked for, and the party
    // ("Police —", "Conjointe —"…) right before the lead's first name.
    const squeezed = (s: string) => s.replace(/[\s-]/g, '');
    for (const [name, file] of pdfs) {
      const text = squeezed(pdfPlainText(file));
      for (const word of [...LEAD.split(' '), ...PARTNER.split(' ')]) expect(text, `${name}: ${word}`).toContain(squeezed(word));
      expect(text, name).toContain('—Marie');
    }
  });

  it('counts the plan’s actions when it prints (never a number kept in the summary)', () => {
    const plan = must(server.core.invoke('plans:get', { planId }));
    const actions = plan.priorities.reduce((n, p) => n + p.actions.length, 0);
    expect(pdfPlainText(pdfs.get('annual-en-letter')!)).toContain(`In brief: ${plan.priorities.length} priorities and ${actions} actions in this plan.`);
    expect(pdfPlainText(pdfs.get('annual-fr-a4')!)).toMatch(new RegExp(`En bref\\s: ${plan.priorities.length} priorités et ${actions} mesures dans ce plan\\.`));
  });

  it('prints the French documents in French: the layout’s words, dates, statuses and the demo marking', () => {
    // The layout's own words; the people's narratives are theirs and may be in any language.
    const english = /\b(Owner and lead|Status this quarter|What happened|Next steps|At a glance|Priority \d|Page \d+ of|Prepared|Baseline|Target|Planned(?! for)|Partners|Year-end summary|Not recorded|On track|last status|Demo — not real data|made-up territory|In brief|With \p{Lu}|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* \d{1,2}, \d{4})/u;
    for (const name of ['quarterly-fr-letter', 'quarterly-fr-a4', 'annual-fr-letter', 'annual-fr-a4']) {
      const text = pdfPlainText(pdfs.get(name)!);
      expect(english.exec(text)?.[0] ?? null, name).toBeNull();
      // The demo plan's title is the generated one: composed in the document's language.
      expect(text, name).toContain('plan d’action des priorités policières EF 2026-2027');
      expect(text, name).not.toContain('policing priorities action plan');
    }
  });
});
