/**
 * Issue 14 §2 end to end, in Chromium against the demo territory: a detachment shares an action of
 * its plan as a promising practice (EN), the coordinator accepts it with its own wording, and the
 * practice is offered, in French, when another community adds an action under a priority of the
 * same theme; the French library shows it. One database (not enrolled: the role is switched in
 * Settings); the other community's draft is made through the core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { startHarness } from './support/harness';
import { becomeInEnglish, go, screenshot, waitForHeading } from './support/ui';

const FY = 2026;

describe.skipIf(!chromiumAvailable())('promising practices, end to end', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let source: { communityName: string; planId: string; actionTitle: string; themeId: string };
  let other: { communityName: string; planId: string; priorityTitle: string };

  function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    const core = server.core;
    // A community with an active plan whose first priority has a theme and an action.
    const plans = must(core.invoke('plans:list', { fiscalYear: FY }));
    let found: typeof source | undefined;
    for (const summary of plans) {
      const plan = must(core.invoke('plans:get', { planId: summary.id }));
      const priority = plan.priorities.find((p) => p.themeIds.length > 0 && p.actions.length > 0);
      if (plan.status === 'active' && priority) {
        found = { communityName: plan.communityName, planId: plan.id, actionTitle: priority.actions[0]!.title, themeId: priority.themeIds[0]! };
        break;
      }
    }
    if (!found) throw new Error('The demo territory has no active plan with a themed priority.');
    source = found;
    // Another community starts next year's draft with a priority on the same theme (through the core).
    const communities = must(core.invoke('communities:list', {}));
    const target = communities.find((c) => c.name !== source.communityName && must(core.invoke('plans:list', { communityId: c.id, fiscalYear: FY + 1 })).length === 0)!;
    const draft = must(core.invoke('plans:create', { communityId: target.id, fiscalYear: FY + 1 }));
    must(core.invoke('priorities:add', { planId: draft.id, title: 'Jeunes en sécurité', zone: 'prevention', themeIds: [source.themeId] }));
    other = { communityName: target.name, planId: draft.id, priorityTitle: 'Jeunes en sécurité' };
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('the detachment shares an action as a practice; the coordinator accepts it with its own wording', async () => {
    await becomeInEnglish(page, server.url, { role: 'Detachment', userName: 'Sgt. Dana Okpik', community: source.communityName });
    await go(page, server.url, `#/plans/${source.planId}`);
    await page.getByRole('button', { name: `Share as a practice: ${source.actionTitle}` }).first().click();
    const share = page.getByRole('dialog', { name: 'Propose as a promising practice' });
    await share.getByLabel(/^Title/).waitFor();
    expect(await share.getByLabel(/^Title/).inputValue()).toBe(source.actionTitle);
    await share.getByLabel('Status').selectOption({ label: 'Repeated' });
    await share.getByLabel('What came of it').fill('Fewer calls on weekend nights.');
    await screenshot(page, 'practices-en-share');
    await share.getByRole('button', { name: 'Send to the coordinator' }).click();
    await share.waitFor({ state: 'detached' });

    await becomeInEnglish(page, server.url, { role: 'Territorial coordinator', userName: 'Dana Coordinator', community: null });
    await go(page, server.url, '#/practices');
    await waitForHeading(page, 'Promising practices');
    await page.getByRole('heading', { name: 'Proposals waiting' }).waitFor();
    await page.getByRole('button', { name: `Accept ${source.actionTitle}` }).click();
    const accept = page.getByRole('dialog', { name: 'Accept and publish a proposal' });
    await accept.getByLabel(/^Title/).fill('Weekend youth nights');
    await accept.getByRole('button', { name: 'Publish' }).click();
    await accept.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Details of Weekend youth nights' }).click();
    await page.getByRole('heading', { level: 2, name: 'Weekend youth nights' }).waitFor();
    await page.getByText('Fewer calls on weekend nights.').waitFor();
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot(page, 'practices-en-library-800');
    await page.setViewportSize({ width: 911, height: 900 });
  });

  it('another community is offered it, in French, when adding an action of the same theme', async () => {
    await page.getByRole('button', { name: 'Français' }).click();
    await go(page, server.url, `#/plans/${other.planId}`);
    await page.getByRole('button', { name: `Ajouter une mesure à «\u00a0${other.priorityTitle}\u00a0»` }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter une mesure' });
    await dialog.getByText('Pratiques prometteuses sur le même thème').click();
    await dialog.getByRole('button', { name: 'Utiliser Weekend youth nights pour cette mesure' }).click();
    expect(await dialog.getByLabel(/^Mesure/).inputValue()).toBe('Weekend youth nights');
    await screenshot(page, 'practices-fr-offer');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('dialog', { name: /^Abandonner vos modifications/ }).getByRole('button', { name: 'Abandonner' }).click();
    await dialog.waitFor({ state: 'detached' });

    await go(page, server.url, '#/practices');
    await waitForHeading(page, 'Pratiques prometteuses');
    await page.getByLabel('Rechercher dans les pratiques').fill('weekend');
    await page.getByText('1 pratique', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Répétée' }).waitFor();
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot(page, 'practices-fr-library-800');
    expect(pageProblems(page)).toEqual([]);
  });
});
