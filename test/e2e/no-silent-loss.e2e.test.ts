/**
 * No silent loss (issue 12 §3, §2's limit, §7), in English and French, at 911 px (1366 at 150 %):
 * Escape in a dirty dialog asks first and keeps the text (axe on the question); a 12 000-character
 * paste is kept whole, refused with a sentence, and nothing is saved; a removal is undone; a
 * commitment's status changes only with Save, leaving with it unsaved asks, and Undo puts it back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import type { Locale } from '../../shared/vocabulary';
import { createI18n } from '../../renderer/i18n/i18n';
import { createFormatter } from '../../renderer/i18n/format';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import path from 'node:path';
import { go, SCREENSHOT_DIR } from './support/ui';

/** What the person sees (the viewport, not the whole page): the dialog over the screen. */
const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

describe.skipIf(!chromiumAvailable())('no silent loss, in English and French', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let planId: string;

  const plan = () => must(server.core.invoke('plans:get', { planId }));
  const useLocale = (locale: Locale, role?: 'coordinator') => {
    const profile = must(server.core.invoke('installation:get', {}));
    must(server.core.invoke('installation:update', { locale, role: role ?? profile.role, scopeCommunityIds: profile.scopeCommunityIds }));
  };

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    const row = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 })).rows.find((r) => r.planStatus === 'active')!;
    planId = row.planId!;
    must(server.core.invoke('plans:openRevision', { planId, reason: 'Council asked for a safe-walk priority' }));
    browser = await launchChromium();
    // axe-core is injected as a script: the one page that needs the CSP bypassed.
    page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
    await page.setViewportSize({ width: 911, height: 643 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`asks before throwing typed text away, refuses a too-long paste with a sentence, and undoes a removal (${locale})`, async () => {
      const i18n = createI18n(locale);
      const t = i18n.t.bind(i18n);
      const format = createFormatter(locale);
      useLocale(locale);
      await page.goto('about:blank');
      await go(page, server.url, `#/plans/${planId}`);
      const prioritiesBefore = plan().priorities.length;

      await page.getByRole('button', { name: t('plan.addPriority') }).first().click();
      const dialog = page.getByRole('dialog', { name: t('plan.priorityForm.addTitle') });
      await dialog.waitFor();
      const title = dialog.getByRole('textbox', { name: t('plan.priorityForm.title') });
      await title.fill(`Safe walk home (${locale})`);

      // Escape in a dirty dialog asks first; Keep editing is the default and keeps the text.
      await page.keyboard.press('Escape');
      const ask = page.getByRole('dialog', { name: t('safeEdits.dialog.discardTitle') });
      await ask.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t('safeEdits.dialog.keepEditing'));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `${locale}-discard-question-911`);
      await page.keyboard.press('Enter');
      await ask.waitFor({ state: 'detached' });
      expect(await title.inputValue()).toBe(`Safe walk home (${locale})`);

      // A 12 000-character paste into a 10 000-character field: kept whole, counted, refused with a sentence.
      const description = dialog.getByRole('textbox', { name: t('plan.priorityForm.description') });
      await description.focus();
      await page.keyboard.insertText('x'.repeat(12_000));
      expect((await description.inputValue()).length).toBe(12_000);
      const sentence = t('safeEdits.field.tooLong', { count: 2_000, over: format.number(2_000, 0) });
      await dialog.getByText(sentence).waitFor();
      await dialog.getByText(t('safeEdits.field.count', { count: 10_000, value: format.number(12_000, 0), max: format.number(10_000, 0) })).waitFor();
      expect(await description.getAttribute('aria-invalid')).toBe('true');
      await title.focus();
      await dialog.getByRole('button', { name: t('plan.priorityForm.add') }).click();
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
      expect((await description.inputValue()).length).toBe(12_000);
      expect(plan().priorities.length).toBe(prioritiesBefore);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `${locale}-too-long-refused-911`);

      // The close button asks too; Discard closes and nothing was saved.
      await dialog.getByRole('button', { name: t('safeEdits.dialog.close') }).click();
      await ask.getByRole('button', { name: t('safeEdits.dialog.discard') }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(plan().priorities.length).toBe(prioritiesBefore);

      // A removal is undone from the notice.
      const action = plan().priorities[0]!.actions[0]!;
      await page.getByRole('button', { name: t('plan.removeActionNamed', { title: action.title }) }).click();
      await page.getByText(t('plan.actionRemoved', { title: action.title })).waitFor();
      expect(plan().priorities[0]!.actions.some((a) => a.id === action.id)).toBe(false);
      await page.getByRole('button', { name: t('notices.undo') }).last().click();
      await page.getByText(t('notices.undone')).last().waitFor();
      expect(plan().priorities[0]!.actions.some((a) => a.id === action.id)).toBe(true);
      expect(pageProblems(page)).toEqual([]);
    });
  }

  it('changes a commitment’s status only with Save, asks before leaving it unsaved, and undoes it (French)', async () => {
    const i18n = createI18n('fr');
    const t = i18n.t.bind(i18n);
    useLocale('fr', 'coordinator');
    const commitment = must(server.core.invoke('commitments:list', {}))[0]!;
    const before = commitment.status;
    const other = before === 'completed' ? 'underway_with_challenges' : 'completed';
    await page.goto('about:blank');
    await go(page, server.url, `#/commitments/${commitment.id}`);
    await page.getByRole('combobox', { name: t('commitments.changeStatus') }).selectOption(other);
    // A pick alone changes nothing.
    await page.getByText(t('safeEdits.commitment.pending', { status: t(`vocab.commitmentStatus.${before}`) })).waitFor();
    expect(must(server.core.invoke('commitments:get', { commitmentId: commitment.id })).status).toBe(before);
    // Leaving with it unsaved asks; Stay keeps the page and the pick.
    await page.locator('nav a[href="#/communities"]').first().click();
    const leave = page.getByRole('dialog', { name: t('safeEdits.leave.title') });
    await leave.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'fr-leave-question-911');
    await leave.getByRole('button', { name: t('safeEdits.leave.stay') }).click();
    await leave.waitFor({ state: 'detached' });
    expect(page.url()).toContain(`#/commitments/${commitment.id}`);
    // Back in the browser's history asks the same.
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
    await leave.waitFor();
    expect(page.url()).toContain(`#/commitments/${commitment.id}`);
    await leave.getByRole('button', { name: t('safeEdits.leave.stay') }).click();

    await page.getByRole('button', { name: t('safeEdits.commitment.save') }).click();
    await page.getByText(t('commitments.statusChanged', { status: t(`vocab.commitmentStatus.${other}`) })).waitFor();
    expect(must(server.core.invoke('commitments:get', { commitmentId: commitment.id })).status).toBe(other);
    await page.getByRole('button', { name: t('notices.undo') }).last().click();
    await page.getByText(t('notices.undone')).last().waitFor();
    expect(must(server.core.invoke('commitments:get', { commitmentId: commitment.id })).status).toBe(before);
    expect(pageProblems(page)).toEqual([]);
  });
});
