/**
 * Every screen (and the main dialogs), in English and in French: no serious or critical axe-core
 * violation, no raw catalogue key, no script error; a full-page screenshot of each goes to
 * test/output/screenshots/ to be looked at.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import type { Locale } from '../../shared/vocabulary';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness } from './support/harness';
import { go, screenReady, screenshot } from './support/ui';

interface Visit {
  name: string;
  hash: string;
  /** Opens a dialog (or otherwise prepares the screen) after it is shown. */
  then?: (page: Page, locale: Locale) => Promise<void>;
  role?: 'detachment' | 'liaison' | 'coordinator';
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe.skipIf(!chromiumAvailable())('every screen, in English and French', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  const visits: Visit[] = [];

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    const core = server.core;
    const matrix = must(core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    const active = matrix.rows.find((r) => r.planStatus === 'active' && r.cells[0]!.state === 'on_time')!;
    const other = matrix.rows.find((r) => r.planStatus === 'active' && r.communityId !== active.communityId)!;
    // A draft to show the editable plan: next year's, copied forward.
    const draft = must(core.invoke('plans:copyForward', { planId: other.planId! }));
    const commitment = must(core.invoke('commitments:list', {}))[0]!;
    visits.push(
      { name: 'home-coordinator', hash: '#/' },
      { name: 'home-detachment', hash: '#/', role: 'detachment' },
      { name: 'communities', hash: '#/communities' },
      { name: 'community', hash: `#/communities/${active.communityId}` },
      { name: 'plan-agreed', hash: `#/plans/${active.planId}` },
      { name: 'plan-draft', hash: `#/plans/${draft.id}` },
      {
        name: 'dialog-add-action',
        hash: `#/plans/${draft.id}`,
        then: async (p, l) => {
          await p.getByRole('button', { name: l === 'en' ? /^Add an action to/ : /^Ajouter une mesure à/ }).first().click();
          await p.getByRole('dialog').waitFor();
        },
      },
      {
        name: 'dialog-sign-off',
        hash: `#/plans/${draft.id}`,
        then: async (p, l) => {
          await p.getByRole('button', { name: l === 'en' ? 'Sign off…' : 'Approuver…' }).click();
          await p.getByRole('dialog').waitFor();
        },
      },
      {
        name: 'dialog-copy-forward',
        hash: `#/communities/${active.communityId}`,
        then: async (p, l) => {
          await p.getByRole('button', { name: l === 'en' ? /^Copy forward from/ : /^Reconduire le plan/ }).first().click();
          await p.getByRole('dialog').locator('h3').first().waitFor();
        },
      },
      { name: 'progress', hash: `#/plans/${active.planId}/progress/2` },
      { name: 'report', hash: `#/plans/${active.planId}/report/1` },
      { name: 'rollup', hash: '#/coordinator' },
      { name: 'rollup-ten-years', hash: '#/coordinator/history' },
      { name: 'printing-and-exports', hash: '#/exports' },
      { name: 'commitments', hash: '#/commitments' },
      { name: 'commitment', hash: `#/commitments/${commitment.id}` },
      { name: 'settings', hash: '#/settings' },
      { name: 'not-found', hash: '#/no/such/page' },
    );
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`has no serious accessibility violation and no missing text, in ${locale === 'en' ? 'English' : 'French'}`, async () => {
      const findings: Record<string, unknown> = {};
      const raw: Record<string, string[]> = {};
      for (const visit of visits) {
        must(server.core.invoke('installation:update', { locale, role: visit.role ?? 'coordinator', scopeCommunityIds: [] }));
        // Load the page afresh so the profile (language, role) is read again.
        await page.goto('about:blank');
        await go(page, server.url, visit.hash);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale === 'fr' ? 'fr-CA' : 'en-CA');
        if (visit.then) await visit.then(page, locale);
        await screenReady(page);
        const violations = await seriousViolations(page);
        if (violations.length) findings[visit.name] = violations;
        // A catalogue key shown as text ("plan.addAction") means a missing translation.
        // So does a placeholder left in the text ("{{count}}"): a message given the wrong values.
        const keys = await page.evaluate(() => [...(document.body.innerText.match(/\b[a-z]+\.[a-z]+[A-Za-z]*\.[a-zA-Z.]+\b/g) ?? []), ...(document.body.innerText.match(/\{\{\s*\w+\s*\}\}/g) ?? [])]);
        if (keys.length) raw[visit.name] = keys;
        await screenshot(page, `${locale}-${visit.name}`);
      }
      expect(findings).toEqual({});
      expect(raw).toEqual({});
      expect(pageProblems(page)).toEqual([]);
    });
  }
});
