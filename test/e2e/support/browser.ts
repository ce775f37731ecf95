/** Debian's Chromium through playwright-core: no browser download, no network, no sandbox in CI containers. */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PreviewServer } from '../../../electron/harness/preview-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. In CI (.ci/run installs Chromium) they always run, so a
 * missing browser fails loudly there instead of skipping quietly.
 */
export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM) || process.env.CI === 'true';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A laptop-sized page (the 1366×768 the users have) whose "today" is pinned, signed in to the
 * harness the way a person is: through a one-time address (a new browser context has no cookie).
 */
export async function openPage(browser: Browser, harness: Pick<PreviewServer, 'openingUrl'>, now: string, { bypassCSP = false } = {}): Promise<Page> {
  // bypassCSP only where axe-core must be injected as an inline script; the scenarios keep the CSP.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-CA', timezoneId: 'America/Edmonton', bypassCSP });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(harness.openingUrl());
  return page;
}

export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}
