/**
 * The plan cycle's rules in Chromium through the harness (issue 10 §5), on the demo territory
 * (which holds two corrections made after submission): the quarterly report and the coordinator's
 * matrix mark the amendment, in English and French, at 1366 and 911 pixels wide, with the text as
 * submitted one click away and printable; a draft started by mistake is withdrawn and reinstated
 * using only the screens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenshot, waitForHeading } from './support/ui';

describe.skipIf(!chromiumAvailable())('the plan cycle in the browser', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let amended: { planId: string; quarter: number; communityName: string };

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    const row = matrix.rows.find((r) => r.cells.some((c) => c.amended))!;
    amended = { planId: row.planId!, quarter: row.cells.find((c) => c.amended)!.quarter, communityName: row.communityName };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  const words = {
    en: { marker: /^Amended on .* by /, show: 'Show what was submitted', banner: 'Amended after submission', print: 'Print as submitted', note: /Shown as submitted on/, matrix: /amended on/ },
    fr: { marker: /^Modifié le .* par /, show: 'Afficher la version remise', banner: 'Modifié après la remise', print: 'Imprimer la version remise', note: /Affiché tel que remis le/, matrix: /modifié le/ },
  } as const;

  for (const locale of ['en', 'fr'] as const) {
    it(`marks the amendment on the report, in print and in the matrix, with the submitted text (${locale})`, async () => {
      const w = words[locale];
      must(server.core.invoke('installation:update', { locale, role: 'coordinator', scopeCommunityIds: [] }));
      const page: Page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
      for (const width of [1366, 911]) {
        await page.setViewportSize({ width, height: 768 });
        await go(page, server.url, `#/plans/${amended.planId}/report/${amended.quarter}`);
        await page.getByText(w.banner).first().waitFor();
        const summary = page.locator('details.amendment-note summary').first();
        expect(await summary.innerText()).toMatch(w.marker);
        await summary.click();
        await expect.poll(() => page.locator('details.amendment-note').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        expect(await page.locator('details.amendment-note dl').first().innerText()).not.toMatch(/Correction after submission/);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `${locale}-report-amended-${width}`);

        await go(page, server.url, '#/coordinator');
        await page.locator('.matrix-amended').first().waitFor();
        expect(await page.locator('.matrix-amended').first().innerText()).toMatch(w.matrix);
        await screenshot(page, `${locale}-matrix-amended-${width}`);
      }
      await go(page, server.url, `#/plans/${amended.planId}/report/${amended.quarter}`);
      await page.getByRole('link', { name: w.print }).click();
      await page.getByText(w.note).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/Correction after submission/);
      await screenshot(page, `${locale}-print-as-submitted`);
      // The ordinary print shows the text as it reads now, and marks the amended entry.
      await go(page, server.url, `#/print/quarterly/${amended.planId}/${amended.quarter}`);
      expect(await page.locator('[data-amended]').first().innerText()).toMatch(new RegExp(w.marker.source.replace('^', '')));
      expect(await page.locator('main').innerText()).toMatch(/Correction after submission/);
      expect(pageProblems(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('withdraws a draft started by mistake and reinstates it, using only the screens', async () => {
    must(server.core.invoke('installation:update', { locale: 'en', role: 'coordinator', scopeCommunityIds: [] }));
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    const row = matrix.rows.find((r) => r.planId === null)!;
    const page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
    await go(page, server.url, `#/communities/${row.communityId}`);
    await page.getByRole('button', { name: 'Start an empty plan for FY 2026–27' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start the plan' }).click();
    await waitForHeading(page, new RegExp(row.communityName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.getByRole('button', { name: 'Withdraw this draft' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw the draft FY 2026–27 plan?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'en-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Withdraw the draft' }).click();
    const withdrawn = page.getByRole('region', { name: 'Withdrawn drafts' });
    await withdrawn.waitFor();
    expect(must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 })).rows.find((r) => r.communityId === row.communityId)!.cells.every((c) => c.state === 'no_plan')).toBe(true);
    await screenshot(page, 'en-community-withdrawn-draft');
    await withdrawn.getByRole('button', { name: 'Reinstate the withdrawn draft FY 2026–27' }).click();
    await page.getByRole('button', { name: 'Withdraw this draft' }).waitFor();
    expect(must(server.core.invoke('plans:withdrawn', {}))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
