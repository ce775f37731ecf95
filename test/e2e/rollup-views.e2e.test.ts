/**
 * The coordinator's roll-up in Chromium through the harness, in English and French, on the demo
 * territory with "today" 15 January 2027: FY 2026–27 Q3 has ended but its reports are due only on
 * 30 January, so Q3 is "upcoming" — never "not reported". One roll-up with tabs (a tablist
 * reached by the arrow keys, each tab its own address; #/coordinator leads there), a sort by a
 * column, indicator trends one indicator at a time, axe on every tab, screenshots at 1366 and
 * 911 px. One browser, one harness.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenReady, screenshot } from './support/ui';

/** After Q3 of FY 2026–27 ends (31 December), before its reports are due (30 January). */
const NOW = '2027-01-15T15:00:00.000Z';
const TABS = ['completeness', 'status', 'themes', 'indicators', 'commitment'] as const;

const WORDS = {
  en: {
    tabs: ['Completeness', 'Action status', 'Themes and zones', 'Indicator trends', 'Commitment 4.4.2'],
    upcoming: 'FY 2026–27 Q3 is upcoming: reports are due by',
    notReportedQ3: 'Not reported for FY 2026–27 Q3',
    q3Cell: /, Q3:\s*Upcoming, due soon/,
    community: 'Community',
    indicator: 'Indicator',
    search: 'Search indicators',
    views: 'Roll-up views',
    exports: 'Printing and exports',
    annual: /^Annual plan of /,
  },
  fr: {
    tabs: ['Complétude', 'État des mesures', 'Thèmes et zones', 'Tendances des indicateurs', 'Engagement 4.4.2'],
    upcoming: 'EF 2026-2027 T3\u00a0: à venir. Les rapports sont à remettre d’ici le',
    notReportedQ3: 'Aucun rapport pour EF 2026-2027 T3',
    q3Cell: /, T3\s?:\s*À venir, échéance proche/,
    community: 'Collectivité',
    indicator: 'Indicateur',
    search: 'Chercher un indicateur',
    views: 'Vues d’ensemble',
    exports: 'Impression et exports',
    annual: /^Plan annuel de /,
  },
} as const;

describe.skipIf(!chromiumAvailable())('the territorial roll-up', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir()), NOW), NOW);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('the core calls Q3 upcoming before its due date, with nobody not reported', () => {
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    expect(matrix.quarters[2]).toMatchObject({ quarter: 3, phase: 'upcoming', notReported: 0 });
    expect(matrix.quarters[2]!.upcoming).toBeGreaterThan(0);
    expect(matrix.rows.every((r) => r.cells[2]!.standing !== 'not_reported')).toBe(true);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`shows one roll-up with keyboard tabs, Q3 upcoming, sortable tables and one indicator at a time, in ${locale === 'en' ? 'English' : 'French'}`, async () => {
      const w = WORDS[locale];
      must(server.core.invoke('installation:update', { locale, role: 'coordinator', scopeCommunityIds: [] }));
      const page: Page = await openPage(browser, server, NOW, { bypassCSP: true }); // for axe
      const findings: Record<string, unknown> = {};

      // The older address leads to the completeness tab, and becomes its own.
      await go(page, server.url, '#/coordinator');
      await page.getByTestId('completeness-answers').waitFor();
      expect(page.url()).toContain('#/rollup/completeness');
      const tablist = page.getByRole('tablist', { name: w.views });
      expect(await tablist.getByRole('tab').allInnerTexts()).toEqual([...w.tabs]);

      // Q3 is upcoming in words, and nobody is listed as not reporting it.
      const answers = await page.getByTestId('completeness-answers').innerText();
      expect(answers).toContain(w.upcoming);
      expect(answers).not.toContain(w.notReportedQ3);
      expect(await page.getByRole('link', { name: w.q3Cell }).count()).toBeGreaterThan(0);
      // The Q3 column (community, plan, Q1, Q2, Q3): no "missing" chip, and "upcoming" ones.
      const q3Cells = page.locator('table.matrix tbody tr > :nth-child(5)');
      expect(await q3Cells.locator('[data-status="missing"]').count()).toBe(0);
      expect(await q3Cells.locator('[data-status="due"], [data-status="upcoming"]').count()).toBeGreaterThan(0);

      // A sort by a column: the community names, then the other way.
      const matrix = page.locator('table.matrix');
      const names = async () => (await matrix.locator('tbody th[scope="row"]').allInnerTexts()).map((s) => s.trim());
      const given = await names();
      await matrix.getByRole('button', { name: w.community, exact: true }).click();
      expect(await matrix.locator('thead th[aria-sort="ascending"]').count()).toBe(1);
      const ascending = await names();
      expect(ascending).toEqual([...given].sort((a, b) => a.localeCompare(b, locale, { sensitivity: 'base' })));
      await matrix.getByRole('button', { name: w.community, exact: true }).press('Enter');
      expect(await names()).toEqual([...ascending].reverse());
      expect(await matrix.locator('thead th[aria-sort="descending"]').count()).toBe(1);

      // The tabs, by keyboard: each its own address, each checked with axe and photographed at two widths.
      await tablist.getByRole('tab', { selected: true }).focus();
      for (const [index, tab] of TABS.entries()) {
        if (index > 0) {
          await page.keyboard.press('ArrowRight');
          await page.waitForURL(new RegExp(`#/rollup/${tab}$`));
        }
        await screenReady(page);
        const selected = tablist.getByRole('tab', { selected: true });
        expect(await selected.innerText()).toBe(w.tabs[index]);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
        const violations = await seriousViolations(page);
        if (violations.length) findings[tab] = violations;
        await screenshot(page, `${locale}-rollup-tab-${tab}-1366`);
        await page.setViewportSize({ width: 911, height: 768 });
        await screenshot(page, `${locale}-rollup-tab-${tab}-911`);
        // Nothing of the tab reaches past the main column's right edge (wide tables scroll inside their
        // own box). The shell's own width at 911 px (header, navigation) is checked by every-screen-*.
        await page.waitForTimeout(150);
        const past = await page.evaluate(() =>
          [...document.querySelectorAll('#rollup-panel *, [role="tablist"]')]
            .filter((el) => !el.closest('.table-wrap') && !el.closest('.chart-figure__chart') && !el.closest('.lazy-chart') && el.getBoundingClientRect().right > document.querySelector('main')!.getBoundingClientRect().right + 1)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
            .slice(0, 5),
        );
        expect(past).toEqual([]);
        await page.setViewportSize({ width: 1366, height: 768 });
        await selected.focus();
      }
      expect(findings).toEqual({});

      // Back returns to the previous tab (each tab is a history entry).
      await page.goBack();
      await page.waitForURL(/#\/rollup\/indicators$/);

      // Indicator trends: one indicator at a time, a short page, a table of it across communities.
      const pick = page.getByRole('combobox', { name: w.indicator, exact: true });
      await pick.waitFor();
      const options = await pick.locator('option').allInnerTexts();
      expect(options.length).toBeGreaterThan(1);
      await pick.selectOption({ index: 1 });
      const chosen = options[1]!.split(' (')[0]!;
      await page.getByRole('table', { name: new RegExp(chosen.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
      await page.locator('main .recharts-surface').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
      await page.getByRole('searchbox', { name: w.search }).fill(chosen);
      expect(await pick.locator('option').first().innerText()).toContain(chosen);
      await screenshot(page, `${locale}-rollup-trends-one-indicator`);

      // The one place for printing and exports, from the main navigation.
      await page.getByRole('navigation').getByRole('link', { name: w.exports }).click();
      await page.getByRole('heading', { level: 1, name: w.exports }).waitFor();
      await screenReady(page);
      expect(await page.getByRole('link', { name: w.annual }).getAttribute('href')).toMatch(/^#\/print\/annual\//);
      expect(await page.getByRole('button', { name: /CSV/ }).count()).toBeGreaterThanOrEqual(8);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `${locale}-exports-1366`);

      expect(pageProblems(page)).toEqual([]);
      await page.context().close();
    });
  }
});
