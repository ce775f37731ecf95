/**
 * The three users' scenarios, through the UI in real Chromium, against a fresh demo territory:
 * the detachment copies last year's plan forward, adds a priority, an action and an indicator and
 * signs off; the liaison (in French) records Q2 progress for every action and submits the report;
 * the coordinator sees the community's Q2 turn to "On time" and leaves a comment.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { startHarness } from './support/harness';
import { becomeInEnglish, go, screenReady, screenshot, waitForAttribute, waitForHeading } from './support/ui';

const FY = 2026;

describe.skipIf(!chromiumAvailable())('the three users, end to end', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let community: { id: string; name: string; planId: string };

  function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  beforeAll(async () => {
    const dbFile = createDemoDatabase((dir = makeTempDir()));
    server = await startHarness(dbFile, E2E_NOW);
    // A community with an active plan this year whose Q2 report is due and not yet submitted.
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: FY }));
    const row = matrix.rows.find((r) => r.planStatus === 'active' && r.cells[1]!.state === 'due');
    if (!row?.planId) throw new Error('The demo territory has no community whose Q2 report is due.');
    community = { id: row.communityId, name: row.communityName, planId: row.planId };
    expect(must(server.core.invoke('plans:list', { communityId: row.communityId, fiscalYear: FY + 1 }))).toEqual([]);
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('the coordinator first sees the Q2 report as not yet in', async () => {
    await go(page, server.url, '#/coordinator');
    await page.getByLabel('Search communities').fill(community.name);
    await page.getByRole('link', { name: `${community.name}, Q2: Upcoming, due soon` }).waitFor();
  });

  it('the detachment copies last year\'s plan forward, adds a priority, an action and an indicator, and signs its block; the community office signs the community\'s', async () => {
    await becomeInEnglish(page, server.url, { role: 'Detachment', userName: 'Sgt. Dana Okpik', community: community.name });
    await go(page, server.url, '#/');
    await page.getByRole('heading', { name: /My communities' plans/ }).waitFor();

    await go(page, server.url, '#/communities');
    await page.getByLabel('Search communities').fill(community.name);
    await page.getByRole('link', { name: community.name, exact: true }).click();
    await waitForHeading(page, community.name);

    await page.getByRole('button', { name: 'Copy forward from FY 2026–27…' }).click();
    const copy = page.getByRole('dialog', { name: 'Copy FY 2026–27 forward to FY 2027–28' });
    await copy.getByRole('heading', { name: /Carried forward/ }).waitFor();
    await screenshot(page, 'scenario-en-copy-forward-preview');
    await copy.getByRole('button', { name: 'Create the FY 2027–28 draft' }).click();
    await waitForHeading(page, `${community.name} — FY 2027–28`);
    await page.getByText('Draft', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Add a priority' }).first().click();
    const priority = page.getByRole('dialog', { name: 'Add a priority' });
    await priority.getByLabel('Priority', { exact: true }).fill('Youth on the land');
    await priority.getByLabel('Zone').selectOption({ label: 'Social development' });
    await priority.getByRole('group', { name: 'Themes' }).getByRole('checkbox').first().check();
    await priority.getByRole('button', { name: 'Add the priority' }).click();
    await page.getByRole('heading', { level: 3, name: /Youth on the land/ }).waitFor();

    await page.getByRole('button', { name: 'Add an action to “Youth on the land”' }).click();
    const action = page.getByRole('dialog', { name: 'Add an action' });
    await action.getByLabel('Action', { exact: true }).fill('Spring culture camp with elders and the detachment');
    await action.getByLabel('Owner').selectOption({ label: 'Joint' });
    await action.getByRole('checkbox', { name: 'Q1' }).check();
    await action.getByRole('checkbox', { name: 'Q2' }).check();
    await action.getByRole('button', { name: 'Add the action' }).click();
    await page.getByRole('rowheader', { name: /Spring culture camp/ }).waitFor();

    await page.getByRole('button', { name: 'Add an indicator to “Youth on the land”' }).click();
    const indicator = page.getByRole('dialog', { name: 'Add an indicator' });
    await indicator.getByLabel('Indicator', { exact: true }).fill('Youth taking part in land-based programs');
    await indicator.getByLabel('Unit', { exact: true }).fill('participants');
    await indicator.getByLabel('Baseline').fill('12');
    await indicator.getByLabel('Target').fill('30');
    await indicator.getByLabel('Aim').selectOption({ label: 'Increase' });
    await indicator.getByRole('button', { name: 'Add the indicator' }).click();
    await page.getByRole('rowheader', { name: 'Youth taking part in land-based programs' }).waitFor();
    await screenshot(page, 'scenario-en-plan-draft-edited');

    // Each side signs its own block: the detachment cannot sign for the community, and the dialog says so.
    await page.getByRole('button', { name: 'Sign off…' }).click();
    const signOff = page.getByRole('dialog', { name: /Sign off the plan of/ });
    expect(await signOff.getByLabel('Signed for the community by').isDisabled()).toBe(true);
    await signOff.getByText('Only the community office or the coordinator may sign for the community.').waitFor();
    expect(await signOff.getByLabel('Signed for the detachment by').inputValue()).toBe('Sgt. Dana Okpik');
    await screenshot(page, 'scenario-en-plan-sign-off-detachment');
    await signOff.getByRole('button', { name: 'Sign off the plan' }).click();
    await page.getByText('Your block is signed.', { exact: false }).waitFor();
    const draftUrl = page.url();

    await becomeInEnglish(page, server.url, { role: 'Community office', userName: 'Noel Jerome', community: community.name });
    await page.goto(draftUrl);
    await waitForHeading(page, `${community.name} — FY 2027–28`);
    await page.getByRole('button', { name: 'Sign off…' }).click();
    const communitySide = page.getByRole('dialog', { name: /Sign off the plan of/ });
    await communitySide.getByText('Signed by Sgt. Dana Okpik', { exact: false }).waitFor();
    await communitySide.getByLabel('Signed for the community by').fill('Chief Alice Kenny');
    await communitySide.getByRole('button', { name: 'Sign off the plan' }).click();
    await page.getByText('This plan is read-only').waitFor();
    await screenshot(page, 'scenario-en-plan-signed-off');

    const plans = must(server.core.invoke('plans:list', { communityId: community.id, fiscalYear: FY + 1 }));
    expect(plans).toHaveLength(1);
    const plan = must(server.core.invoke('plans:get', { planId: plans[0]!.id }));
    expect(plan.status).toBe('agreed');
    expect(plan.copiedFromPlanId).toBe(community.planId);
    expect(plan.communitySignatory).toBe('Chief Alice Kenny');
    const added = plan.priorities.find((p) => p.title === 'Youth on the land');
    expect(added?.zone).toBe('social_development');
    expect(added?.actions.map((a) => [a.title, a.owner, a.plannedQuarters])).toEqual([['Spring culture camp with elders and the detachment', 'joint', [1, 2]]]);
    expect(added?.indicators.map((i) => [i.name, i.baseline, i.target, i.direction])).toEqual([['Youth taking part in land-based programs', 12, 30, 'increase']]);
  });

  it('the liaison, in French, records Q2 progress for every action and submits the report', async () => {
    await becomeInEnglish(page, server.url, { role: 'Community office', userName: 'Noel Jerome', community: community.name });
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();

    await go(page, server.url, '#/');
    await page.getByRole('link', { name: `Consigner l’avancement de ${community.name}, EF 2026-2027 T2` }).click();
    await waitForHeading(page, `${community.name} — avancement, EF 2026-2027 T2`);

    const rows = page.locator('section.progress-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    const statuses = ['on_track', 'completed', 'at_risk', 'delayed'];
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      await row.getByLabel('État').selectOption(statuses[i % statuses.length]!);
      await row.getByLabel('Ce qui s’est passé').fill(`Avancement du T2, mesure ${i + 1} : rencontre tenue avec le comité de justice.`);
      await row.getByLabel('Prochaines étapes').fill('Faire le point avec le conseil en octobre.');
      await row.getByLabel('Prochaines étapes').press('Tab');
      await waitForAttribute(row.locator('[data-save-state]'), 'data-save-state', 'saved');
    }
    const values = page.getByRole('textbox', { name: /^Valeur de/ });
    for (let i = 0; i < (await values.count()); i++) {
      await values.nth(i).fill(String(10 + i) + ',5');
      await values.nth(i).press('Tab');
    }
    await page.waitForFunction(() => [...document.querySelectorAll('[data-save-state]')].every((el) => el.getAttribute('data-save-state') === 'saved'));
    await screenshot(page, 'scenario-fr-progress-recorded');

    await page.getByRole('button', { name: 'Remettre le rapport du T2…' }).click();
    await page.getByRole('dialog', { name: /Remettre le rapport — EF 2026-2027 T2/ }).getByRole('button', { name: 'Remettre le rapport' }).click();
    await page.getByText('Ce rapport a été remis').waitFor();

    const progress = must(server.core.invoke('progress:get', { planId: community.planId, quarter: 2 }));
    expect(progress.report.state).toBe('submitted');
    expect(progress.report.submittedBy).toBe('Noel Jerome');
    expect(progress.rows.every((r) => r.entry?.narrative.startsWith('Avancement du T2'))).toBe(true);
    expect(progress.indicatorValues.every((v) => v.value % 1 === 0.5)).toBe(true);
  });

  it('the coordinator sees the community turn to on time and leaves a comment', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await becomeInEnglish(page, server.url, { role: 'Territorial coordinator', userName: 'Nora Adams', community: null });
    await go(page, server.url, '#/coordinator');
    await page.getByLabel('Search communities').fill(community.name);
    const cell = page.getByRole('link', { name: `${community.name}, Q2: On time` });
    await cell.waitFor();
    await screenshot(page, 'scenario-en-rollup-on-time');
    await cell.click();
    await waitForHeading(page, `${community.name} — report for FY 2026–27 Q2`);
    await page.getByLabel('Your comment on the whole report').fill('Thank you for reporting on time. Could you add the camp dates next quarter?');
    await page.getByRole('button', { name: 'Add the comment' }).click();
    await page.getByText('Thank you for reporting on time.', { exact: false }).waitFor();
    await screenReady(page);

    const report = must(server.core.invoke('reports:get', { planId: community.planId, quarter: 2 }));
    expect(report.comments.map((c) => [c.author, c.body])).toEqual([...report.comments.slice(0, -1).map((c) => [c.author, c.body]), ['Nora Adams', 'Thank you for reporting on time. Could you add the camp dates next quarter?']]);
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: FY }));
    expect(matrix.rows.find((r) => r.communityId === community.id)?.cells[1]?.state).toBe('on_time');
  });

  it('ran without a script error or a content-security violation in the page', () => {
    expect(pageProblems(page)).toEqual([]);
  });
});
