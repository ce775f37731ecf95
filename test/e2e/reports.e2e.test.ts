/**
 * The roll-up screens and the printed reports in Chromium through the harness: each roll-up view
 * in English and French without serious axe violations or raw keys; the charts render under the
 * app's real Content-Security-Policy with no refusal in the console; and a quarterly report
 * printed to PDF holds the plan's priorities, statuses and narratives in the chosen language
 * (text read back with pdfjs-dist).
 */
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenshot } from './support/ui';

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.skipIf(!chromiumAvailable())('roll-up screens and printed reports', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    planId = matrix.rows.find((r) => r.planStatus === 'active' && r.cells[0]!.state === 'on_time')!.planId!;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`opens every roll-up view without serious accessibility violations, in ${locale === 'en' ? 'English' : 'French'}`, async () => {
      must(server.core.invoke('installation:update', { locale, role: 'coordinator', scopeCommunityIds: [] }));
      const page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
      const findings: Record<string, unknown> = {};
      const raw: Record<string, string[]> = {};
      for (const view of ['completeness', 'status', 'themes', 'indicators', 'commitment']) {
        await go(page, server.url, `#/rollup/${view}`);
        await page.locator('main .chart-figure').first().waitFor();
        const violations = await seriousViolations(page);
        if (violations.length) findings[view] = violations;
        const keys = await page.evaluate(() => [...(document.body.innerText.match(/\breports\.[a-zA-Z.]+\b/g) ?? []), ...(document.body.innerText.match(/\{\{\s*\w+\s*\}\}/g) ?? [])]);
        if (keys.length) raw[view] = keys;
        await screenshot(page, `${locale}-rollup-${view}`);
      }
      expect(findings).toEqual({});
      expect(raw).toEqual({});
      expect(pageProblems(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('draws the charts under the real Content-Security-Policy and exports a file', async () => {
    must(server.core.invoke('installation:update', { locale: 'en' }));
    const page = await openPage(browser, server, E2E_NOW);
    await go(page, server.url, '#/rollup/completeness');
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByText(/reports due have arrived/).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (XLSX)' }).click();
    expect((await download).suggestedFilename()).toBe('community-safety-fy2026.xlsx');
    await go(page, server.url, '#/rollup/indicators');
    await page.locator('main .recharts-surface').first().waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('reaches the roll-up from the main navigation and the annual print from the plan; adds a partner from the action dialog', async () => {
    must(server.core.invoke('installation:update', { locale: 'en', role: 'coordinator', scopeCommunityIds: [] }));
    const page = await openPage(browser, server, E2E_NOW, { bypassCSP: true }); // for axe
    await go(page, server.url, `#/plans/${planId}`);
    await screenshot(page, 'en-plan-print-link');
    await page.getByRole('link', { name: 'Print the annual plan' }).click();
    await page.locator('[data-print-ready="true"]').waitFor();
    expect(page.url()).toContain(`#/print/annual/${planId}`);
    await page.getByText('Year-end summary', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Back' }).click();
    const reports = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Territorial roll-up' });
    await reports.click();
    await page.locator('main .chart-figure').first().waitFor();
    expect(await reports.getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'en-nav-reports');

    // A draft plan is editable: add a person and an organisation from the action dialog.
    const draft = must(server.core.invoke('plans:list', {})).find((p) => p.status === 'draft') ?? must(server.core.invoke('plans:copyForward', { planId }));
    {
      await go(page, server.url, `#/plans/${draft.id}`);
      await page.getByRole('button', { name: /^Add an action to/ }).first().click();
      const action = page.getByRole('dialog', { name: 'Add an action' });
      await action.getByRole('button', { name: 'Add a person…' }).click();
      const person = page.getByRole('dialog', { name: 'Add a person' });
      await person.getByLabel('Name', { exact: true }).fill('Mary Kodakin');
      await person.getByLabel(/^Title or role/).fill('Youth worker');
      await screenshot(page, 'en-action-dialog-add-person');
      await page.keyboard.press('Enter');
      await person.waitFor({ state: 'detached' });
      expect(await action.getByLabel('Lead person').locator('option:checked').textContent()).toBe('Mary Kodakin (Youth worker)');
      await action.getByRole('button', { name: 'Add an organisation…' }).click();
      const organisation = page.getByRole('dialog', { name: 'Add a partner organisation' });
      await organisation.getByLabel(/^Name of the organisation/).fill('Youth centre');
      await organisation.getByLabel(/^Kind/).selectOption('social_services');
      await screenshot(page, 'en-action-dialog-add-organisation');
      expect(await seriousViolations(page)).toEqual([]);
      await organisation.getByRole('button', { name: 'Add the organisation' }).click();
      await organisation.waitFor({ state: 'detached' });
      expect(await action.getByRole('checkbox', { name: 'Youth centre (Social services)' }).isChecked()).toBe(true);
      await screenshot(page, 'en-action-dialog-after-adding');
    }
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('prints the quarterly report to PDF with its priorities, statuses and narratives, in French', async () => {
    const report = must(server.core.invoke('reports:quarterly', { planId, quarter: 1 }));
    const page: Page = await openPage(browser, server, E2E_NOW);
    await page.goto(`${server.url}#/print/quarterly/${planId}/1?lang=fr`);
    await page.locator('[data-print-ready="true"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const text = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
    expect(text).toContain('RAPPORT TRIMESTRIEL À LA COLLECTIVITÉ');
    expect(text).toContain(`${report.plan.communityName} — EF 2026-2027 T1`);
    expect(text).toMatch(/Page 1 de \d+/);
    for (const [index, priority] of report.priorities.entries()) expect(text).toContain(normal(`Priorité ${index + 1} : ${priority.title}`));
    const entries = report.priorities.flatMap((p) => p.actions.flatMap((a) => (a.entry ? [a.entry] : [])));
    expect(entries.length).toBeGreaterThan(0);
    const frenchStatus = { not_started: 'Pas commencée', on_track: 'En bonne voie', at_risk: 'À risque', delayed: 'En retard', completed: 'Terminée', discontinued: 'Abandonnée' };
    for (const entry of entries) {
      expect(text).toContain(frenchStatus[entry.status]);
      if (entry.narrative) expect(text).toContain(normal(entry.narrative));
    }
    expect(text).not.toContain('On track');
  });

  it('prints the public version without narratives', async () => {
    const report = must(server.core.invoke('reports:quarterly', { planId, quarter: 1 }));
    const narrative = report.priorities.flatMap((p) => p.actions).find((a) => a.entry?.narrative)!.entry!.narrative!;
    const page = await openPage(browser, server, E2E_NOW);
    await page.goto(`${server.url}#/print/quarterly/${planId}/1?lang=en&public=1&paper=a4`);
    await page.locator('[data-print-ready="true"]').waitFor();
    const text = await pdfText(await page.pdf({ preferCSSPageSize: true }));
    await page.context().close();
    expect(text).toContain('Public version');
    expect(text).not.toContain(normal(narrative));
  });
});
