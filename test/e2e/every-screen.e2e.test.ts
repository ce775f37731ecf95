/**
 * Every screen (and the main dialogs), in English and in French: no raw catalogue key, no
 * placeholder left in the text, no emoji (they show as empty boxes where the system has no emoji
 * font), no script error; a full-page screenshot of each goes to test/output/screenshots/ to be
 * looked at. The visits are the shared list (support/visits.ts); axe-core runs on the same list
 * at 1366 and 911 px in reflow.e2e.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness } from './support/harness';
import { go, screenReady, screenshot } from './support/ui';
import { becomeFor, everyScreenVisits, type Visit } from './support/visits';

describe.skipIf(!chromiumAvailable())('every screen, in English and French', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let visits: Visit[] = [];
  let scopeCommunityId = '';

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    ({ visits, scopeCommunityId } = everyScreenVisits(server));
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`shows no missing text and no emoji, in ${locale === 'en' ? 'English' : 'French'}`, async () => {
      const raw: Record<string, string[]> = {};
      for (const visit of visits) {
        becomeFor(server, visit, locale, scopeCommunityId);
        // Load the page afresh so the profile (language, role) is read again.
        await page.goto('about:blank');
        await go(page, server.url, visit.hash);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale === 'fr' ? 'fr-CA' : 'en-CA');
        if (visit.then) await visit.then(page, locale);
        await screenReady(page);
        // A catalogue key shown as text ("plan.addAction") means a missing translation.
        // So does a placeholder left in the text ("{{count}}"): a message given the wrong values.
        const found = await page.evaluate(() => {
          const text = document.body.innerText;
          return [...(text.match(/\b[a-z]+\.[a-z]+[A-Za-z]*\.[a-zA-Z.]+\b/g) ?? []), ...(text.match(/\{\{\s*\w+\s*\}\}/g) ?? []), ...(text.match(/\p{Extended_Pictographic}/gu) ?? [])];
        });
        if (found.length) raw[visit.name] = found;
        await screenshot(page, `${locale}-${visit.name}`);
      }
      expect(raw).toEqual({});
      expect(pageProblems(page)).toEqual([]);
    }, 600_000);
  }
});
