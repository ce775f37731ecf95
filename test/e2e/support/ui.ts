/** Small steps the scenarios share: navigate, wait for a screen, change who is using the planner. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOT_DIR = path.join(projectRoot, 'test', 'output', 'screenshots');

export async function go(page: Page, baseUrl: string, hash: string): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await screenReady(page);
}

/** The screen is ready when its h1 is there and nothing is still loading. */
export async function screenReady(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main .loading').length === 0);
}

export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await screenReady(page);
}

export async function waitForAttribute(locator: Locator, name: string, value: string, timeout = 15_000): Promise<void> {
  await locator.page().waitForFunction(
    ({ el, name: n, value: v }) => el?.getAttribute(n) === v,
    { el: await locator.elementHandle(), name, value },
    { timeout },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface Identity {
  role: 'Detachment' | 'Community office' | 'Territorial coordinator';
  userName: string;
  /** The community this installation works for; none for the coordinator. */
  community: string | null;
}

/** Sets the installation profile through the Settings screen, in English. */
export async function becomeInEnglish(page: Page, baseUrl: string, who: Identity): Promise<void> {
  await go(page, baseUrl, '#/settings');
  await page.getByLabel('Your name').fill(who.userName);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: who.role });
  const scope = page.getByRole('group', { name: 'Communities this installation works for' });
  for (const box of await scope.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
  if (who.community) await scope.getByRole('checkbox', { name: who.community, exact: true }).check();
  await page.getByRole('button', { name: 'Save the profile' }).click();
  // The header names the person and role once the core has saved them.
  await page.locator('.app-header__who', { hasText: `${who.userName} · ${who.role}` }).waitFor();
}
