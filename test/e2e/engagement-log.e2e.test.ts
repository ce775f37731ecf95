/**
 * Issue 14 §1, end to end in Chromium on the demo territory: an engagement is recorded through the
 * engagement log's dialog (reached from the plan), then printed in the annual plan ("How these
 * priorities were set") and in the quarter's report, in English; the same screen and both
 * documents in French, and its count in the roll-up. Screenshots at 911 and 800 px, no serious axe finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness } from './support/harness';
import { pdfPlainText } from './support/pdf-look';
import { go, SCREENSHOT_DIR, screenReady, screenshot, waitForHeading } from './support/ui';

const FY = 2026;
const SUMMARY = 'Council and elders ranked the community’s safety concerns for the coming year.';
const OUTCOMES = 'Impaired driving first; youth activities second.';

describe.skipIf(!chromiumAvailable())('the engagement log, recorded and printed', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let plan: { id: string; communityId: string; communityName: string; priorityTitle: string };

  function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** The printed document's text (Chromium's PDF read back with pdftotext). */
  async function printedText(hash: string, name: string): Promise<string> {
    const print = await openPage(browser, server, E2E_NOW);
    await print.goto(`${server.url}${hash}`);
    await print.locator('[data-print-ready="true"]').waitFor();
    await print.emulateMedia({ media: 'print' });
    const file = path.join(dir!, `${name}.pdf`);
    fs.writeFileSync(file, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pageProblems(print)).toEqual([]);
    await print.context().close();
    // Kept beside the screenshots, to look at (pdftoppm).
    fs.copyFileSync(file, path.join(SCREENSHOT_DIR, `engagement-log-${name}.pdf`));
    return pdfPlainText(file);
  }

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    must(server.core.invoke('installation:update', { locale: 'en', role: 'coordinator', scopeCommunityIds: [], userName: 'Nora Adams' }));
    const row = must(server.core.invoke('completeness:matrix', { fiscalYear: FY })).rows.find((r) => r.planStatus === 'active' && r.planId);
    if (!row?.planId) throw new Error('The demo territory has no active plan this year.');
    const full = must(server.core.invoke('plans:get', { planId: row.planId }));
    plan = { id: full.id, communityId: full.communityId, communityName: full.communityName, priorityTitle: full.priorities[0]!.title };
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('records an engagement from the plan’s engagement log, in English', async () => {
    await go(page, server.url, `#/plans/${plan.id}`);
    await page.getByRole('link', { name: `Engagement log of ${plan.communityName}` }).click();
    await waitForHeading(page, `Engagement log — ${plan.communityName}`);
    await page.getByRole('button', { name: 'Record an engagement' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Record an engagement' });
    await dialog.getByLabel('Date', { exact: true }).fill('2026-08-12');
    await dialog.getByLabel('Kind of engagement').selectOption({ label: 'Council workshop' });
    await dialog.getByLabel('Summary').fill(SUMMARY);
    await dialog.getByLabel('Outcomes').fill(OUTCOMES);
    await dialog.getByLabel('Others who took part').fill('About 25 residents');
    await dialog.getByRole('group', { name: 'Priorities it shaped' }).getByRole('checkbox', { name: `FY 2026–27 — ${plan.priorityTitle}` }).check();
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot(page, 'engagement-log-en-800-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: `Engagements of ${plan.communityName}` });
    await table.getByText(SUMMARY).waitFor();
    await table.getByText('Council workshop').waitFor();
    await screenReady(page);
    await page.setViewportSize({ width: 911, height: 768 });
    await screenshot(page, 'engagement-log-en-911-list');
    expect(await seriousViolations(page)).toEqual([]);

    const recorded = must(server.core.invoke('engagements:list', { communityId: plan.communityId, fiscalYear: FY }));
    expect(recorded.map((e) => [e.date, e.kind, e.summary, e.outcomes, e.otherParticipants, e.priorities.map((p) => p.name), e.recordedBy])).toEqual([
      ['2026-08-12', 'council_workshop', SUMMARY, OUTCOMES, 'About 25 residents', [plan.priorityTitle], 'Nora Adams'],
    ]);
  });

  it('prints it in the annual plan and in the Q2 report, in English', async () => {
    const annual = await printedText(`#/print/annual/${plan.id}?lang=en`, 'annual-en');
    expect(annual).toContain('How these priorities were set');
    expect(annual).toContain('Council workshop');
    expect(annual).toContain(SUMMARY);
    expect(annual).toContain(`Outcomes: ${OUTCOMES}`);
    const q2 = await printedText(`#/print/quarterly/${plan.id}/2?lang=en`, 'q2-en');
    expect(q2).toContain('Engagement with the community this quarter');
    expect(q2).toContain(SUMMARY);
  });

  it('shows the log and prints both documents in French', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    await waitForHeading(page, `Registre des rencontres — ${plan.communityName}`);
    const table = page.getByRole('table', { name: `Rencontres de ${plan.communityName}` });
    await table.getByText('Atelier du conseil').waitFor();
    await page.setViewportSize({ width: 800, height: 768 });
    await screenReady(page);
    await screenshot(page, 'engagement-log-fr-800-list');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Modifier la rencontre du / }).click();
    await page.getByRole('dialog', { name: 'Modifier la rencontre' }).getByLabel('Résumé').waitFor();
    await screenshot(page, 'engagement-log-fr-800-dialog');
    await page.getByRole('dialog', { name: 'Modifier la rencontre' }).getByRole('button', { name: 'Annuler' }).click();
    // The roll-up counts it, per community and kind.
    await go(page, server.url, '#/rollup/status');
    const counts = page.getByRole('table', { name: 'Rencontres par collectivité et par type, EF 2026-2027' });
    await counts.getByRole('row', { name: new RegExp(`^${plan.communityName} 1 1$`) }).waitFor();
    await screenshot(page, 'engagement-log-fr-800-rollup');

    const annual = await printedText(`#/print/annual/${plan.id}?lang=fr`, 'annual-fr');
    expect(annual).toContain('Comment ces priorités ont été établies');
    expect(annual).toContain('Atelier du conseil');
    expect(annual).toContain(`Résultats : ${OUTCOMES}`);
    expect(annual).not.toContain('How these priorities were set');
    const q2 = await printedText(`#/print/quarterly/${plan.id}/2?lang=fr`, 'q2-fr');
    expect(q2).toContain('Rencontres avec la collectivité ce trimestre');
    expect(q2).toContain(SUMMARY);
    expect(q2).not.toContain('Council workshop');
    expect(pageProblems(page)).toEqual([]);
  });
});
