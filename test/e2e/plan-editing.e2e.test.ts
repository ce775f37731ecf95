/**
 * Changing a signed-off plan through a recorded revision, by keyboard: reorder priorities with
 * the move buttons (focus stays on the button), remove an action and a priority and undo both.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go } from './support/ui';

describe.skipIf(!chromiumAvailable())('editing a signed-off plan', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let planId: string;

  const priorityTitles = () => page.locator('section.priority h3').evaluateAll((hs) => hs.map((h) => h.textContent?.replace(/^Priority \d+:\s*/, '') ?? ''));
  const plan = () => must(server.core.invoke('plans:get', { planId }));

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    const row = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 })).rows.find((r) => r.planStatus === 'active')!;
    planId = row.planId!;
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await page.goto('about:blank');
    await go(page, server.url, `#/plans/${planId}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toContain(`#/plans/${planId}`);
  });

  it('is read-only until a revision is opened, with the reason recorded', async () => {
    await page.getByText('This plan is read-only').waitFor();
    expect(await page.getByRole('button', { name: 'Add a priority' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Open a revision…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Open a revision' }).waitFor();
    await page.keyboard.type('Council asked for the youth priority to come first');
    await page.keyboard.press('Enter');
    await page.getByText('A revision is open').waitFor();
    await page.getByRole('button', { name: 'Add a priority' }).waitFor();
    expect(plan().revisions.at(-1)?.reason).toBe('Council asked for the youth priority to come first');
  });

  it('moves a priority down with the keyboard and keeps focus on the button', async () => {
    const before = await priorityTitles();
    const first = before[0]!;
    await page.getByRole('button', { name: `Move down: “${first}”` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`“${first}” is now priority 2.`).waitFor();
    await page.waitForFunction((title) => document.querySelectorAll('section.priority h3')[1]?.textContent?.includes(title), first);
    expect(await priorityTitles()).toEqual([before[1], first, ...before.slice(2)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move down: “${first}”`);
    expect(plan().priorities.map((p) => p.title)).toEqual([before[1], first, ...before.slice(2)]);
  });

  it('removes an action and brings it back with Undo', async () => {
    const action = plan().priorities[0]!.actions[0]!;
    await page.getByRole('button', { name: `Remove action “${action.title}”` }).click();
    await page.getByText(`Action “${action.title}” removed.`).waitFor();
    await page.getByRole('rowheader', { name: action.title }).waitFor({ state: 'detached' });
    expect(plan().priorities[0]!.actions.some((a) => a.id === action.id)).toBe(false);
    await page.getByRole('button', { name: 'Undo' }).last().click();
    await page.getByRole('rowheader', { name: action.title }).first().waitFor();
    expect(plan().priorities[0]!.actions.some((a) => a.id === action.id)).toBe(true);
  });

  it('asks before removing a priority, and Undo restores it with its actions', async () => {
    const priority = plan().priorities[1]!;
    await page.getByRole('button', { name: `Remove priority “${priority.title}”` }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this priority?' });
    await confirm.getByText(`“${priority.title}” will be removed`).waitFor();
    await confirm.getByRole('button', { name: 'Remove the priority' }).click();
    await page.getByText(`Priority “${priority.title}” removed.`).waitFor();
    expect(plan().priorities.some((p) => p.id === priority.id)).toBe(false);
    await page.getByRole('button', { name: 'Undo' }).last().click();
    await page.getByText('Undone.').last().waitFor();
    const restored = plan().priorities.find((p) => p.id === priority.id);
    expect(restored?.actions.length).toBe(priority.actions.length);
  });

  it('closes the revision and is read-only again', async () => {
    await page.getByRole('button', { name: 'Close the revision' }).first().click();
    await page.getByRole('dialog', { name: 'Close the revision?' }).getByRole('button', { name: 'Close the revision' }).click();
    await page.getByText('This plan is read-only').waitFor();
    expect(plan().editable).toBe(false);
    expect(pageProblems(page)).toEqual([]);
  });
});
