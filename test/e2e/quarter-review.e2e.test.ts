/**
 * Issue 14 §4–§5 in Chromium through the harness, on the demo territory ("today" 20 October 2026):
 * the coordinator returns a community's FY 2026–27 Q1 report with a reason; the detachment reads it
 * on its home page, amends (through the core: the progress form has its own tests) and resubmits;
 * the coordinator accepts; the completeness matrix shows submitted, returned, resubmitted and
 * accepted in turn. Then in French: the matrix's states and legend, the home page's year at a
 * glance, a returned report on the detachment's home page. One harness, one browser, one page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import type { Role } from '../../shared/vocabulary';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenReady, screenshot } from './support/ui';

const FY = 2026;
const REASON = 'Please give the number of patrols for each month.\nCouncil asked for “the numbers” — line by line.';
const REASON_FR = 'Merci d’ajouter le nombre de rencontres avec les aînés.';

describe.skipIf(!chromiumAvailable())('the coordinator accepts or returns a quarter', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  let first: { id: string; name: string; planId: string };
  let second: { id: string; name: string; planId: string };

  /** This computer becomes someone else: the core's profile, then the page reloaded to read it. */
  async function become(role: Role, scope: string[], locale: 'en' | 'fr', hash: string) {
    must(server.core.invoke('installation:update', { role, scopeCommunityIds: scope, locale, userName: role === 'coordinator' ? 'Nora Adams' : 'Sgt. Dana Okpik' }));
    await page.goto(`${server.url}${hash}`);
    await page.reload();
    await screenReady(page);
  }

  /** The Q1 cell of a community in the completeness matrix, found by searching its name. */
  async function q1Review(name: string): Promise<string | null> {
    await go(page, server.url, '#/rollup/completeness');
    await page.getByRole('searchbox').first().fill(name);
    const row = page.locator('table.matrix tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) });
    await row.waitFor();
    return row.locator('td').nth(1).locator('[data-review]').getAttribute('data-review', { timeout: 2_000 }).catch(() => null);
  }

  beforeAll(async () => {
    server = await startHarness(createDemoDatabase((dir = makeTempDir())), E2E_NOW);
    must(server.core.invoke('installation:update', { role: 'coordinator', scopeCommunityIds: [], locale: 'en' }));
    const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: FY }));
    const submitted = matrix.rows.filter((r) => r.planId && r.cells[0]!.review?.status === 'submitted');
    if (submitted.length < 2) throw new Error('The demo territory has fewer than two communities whose Q1 report waits for review.');
    [first, second] = submitted.slice(0, 2).map((r) => ({ id: r.communityId, name: r.communityName, planId: r.planId! })) as [typeof first, typeof second];
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('is returned with a reason, amended, resubmitted and accepted; the matrix shows each state (English)', async () => {
    await become('coordinator', [], 'en', '#/');
    // The coordinator's home lists the reports waiting for review.
    await page.getByRole('region', { name: 'Reports waiting for your review' }).waitFor();
    expect(await q1Review(first.name)).toBe('submitted');

    // Return, from the report screen: the reason is required, kept whole.
    await go(page, server.url, `#/plans/${first.planId}/report/1`);
    await page.getByRole('button', { name: 'Return to the community…' }).click();
    const dialog = page.getByRole('dialog', { name: `Return the FY 2026–27 Q1 report of ${first.name}` });
    await dialog.getByRole('button', { name: 'Return the report' }).click();
    await dialog.getByText('Write the reason: the community needs it to amend the report.').waitFor();
    await dialog.getByLabel('Why is it returned?').fill(REASON);
    await dialog.getByRole('button', { name: 'Return the report' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-review="returned"] [data-testid="review-reason"]').waitFor();
    expect(await page.getByTestId('review-reason').innerText()).toBe(REASON);
    await page.setViewportSize({ width: 911, height: 768 });
    await screenshot(page, 'quarter-review-en-returned-911');
    expect(await q1Review(first.name)).toBe('returned');

    // The detachment sees it on its home page, with the reason and a link to amend.
    await become('detachment', [first.id], 'en', '#/');
    const returned = page.getByRole('region', { name: 'Reports returned by the coordinator' });
    expect(await returned.innerText()).toContain(REASON.split('\n')[1]);
    await page.setViewportSize({ width: 800, height: 768 });
    await screenshot(page, 'quarter-review-en-home-returned-800');
    await returned.getByRole('link', { name: `Amend and resubmit the FY 2026–27 Q1 report of ${first.name}` }).click();
    await page.waitForURL(new RegExp(`#/plans/${first.planId}/progress/1$`));
    await screenReady(page);
    // The amendment itself through the core (the progress form is tested on its own).
    const progress = must(server.core.invoke('progress:get', { planId: first.planId, quarter: 1 }));
    const row = progress.rows.find((r) => r.entry)!;
    must(server.core.invoke('progress:record', { actionId: row.action.id, quarter: 1, status: row.entry!.status, narrative: `${row.entry!.narrative} Patrols: 12 in April, 9 in May, 14 in June.`, nextSteps: row.entry!.nextSteps }));
    await page.reload();
    await screenReady(page);
    await page.getByRole('button', { name: 'Resubmit the amended report' }).click();
    await page.getByRole('dialog', { name: `Resubmit the FY 2026–27 Q1 report of ${first.name}?` }).getByRole('button', { name: 'Resubmit', exact: true }).click();
    await page.locator('section[data-review="resubmitted"]').waitFor();

    // The coordinator sees it resubmitted, accepts it (asked first: it locks the quarter).
    await become('coordinator', [], 'en', '#/');
    expect(await q1Review(first.name)).toBe('resubmitted');
    await page.locator('table.matrix tbody tr td').nth(1).getByRole('link').click();
    await screenReady(page);
    await page.getByRole('button', { name: 'Accept this report' }).click();
    const confirm = page.getByRole('dialog', { name: `Accept the FY 2026–27 Q1 report of ${first.name}?` });
    expect(await confirm.innerText()).toContain('Accepting locks the quarter');
    await confirm.getByRole('button', { name: 'Accept and lock the quarter' }).click();
    await page.locator('section[data-review="accepted"]').waitFor();
    expect(await q1Review(first.name)).toBe('accepted');
    // Still on time: measured from the first submission.
    const cell = must(server.core.invoke('completeness:matrix', { fiscalYear: FY })).rows.find((r) => r.communityId === first.id)!.cells[0]!;
    expect(cell).toMatchObject({ state: 'on_time', review: { status: 'accepted', by: 'Nora Adams' } });
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the states, the legend, the year at a glance and a returned report in French', async () => {
    must(server.core.invoke('installation:update', { role: 'coordinator', scopeCommunityIds: [] }));
    must(server.core.invoke('reports:return', { planId: second.planId, quarter: 1, reason: REASON_FR }));
    await become('coordinator', [], 'fr', '#/');
    const year = page.getByTestId('year-at-a-glance');
    const yearText = await year.innerText();
    expect(yearText).toContain('L’année en un coup d’œil\u00a0: EF 2026-2027');
    expect(yearText).toContain('Reporter et réviser le plan EF 2027-2028 avec la collectivité');
    expect(yearText).toContain('Signer le plan EF 2027-2028 (collectivité et détachement) avant le 1er avril');
    expect(yearText).toContain('EF 2026-2027 T2 : agir et consigner les progrès'.replace(' :', '\u00a0:'));
    expect(yearText).not.toMatch(/\b(Done|Now|Coming|due|report)\b/);
    await page.setViewportSize({ width: 800, height: 768 });
    await screenshot(page, 'quarter-review-fr-home-800');

    expect(await q1Review(first.name)).toBe('accepted');
    expect(await page.locator('table.matrix [data-review="accepted"]').first().innerText()).toMatch(/^✓\s+Accepté le /);
    const legend = await page.getByTestId('review-legend').innerText();
    for (const words of ['Remis, en attente d’examen', 'Renvoyé', 'Remis de nouveau, en attente d’examen', 'Accepté']) expect(legend).toContain(words);
    expect(await q1Review(second.name)).toBe('returned');
    expect(await page.locator('table.matrix [data-review="returned"]').first().innerText()).toMatch(/^↶\s+Renvoyé le /);
    await page.setViewportSize({ width: 911, height: 768 });
    await screenshot(page, 'quarter-review-fr-matrix-911');

    await become('liaison', [second.id], 'fr', '#/');
    const returned = page.getByRole('region', { name: 'Rapports renvoyés par la coordination' });
    expect(await returned.innerText()).toContain(REASON_FR);
    await returned.getByRole('link', { name: `Modifier et remettre de nouveau le rapport EF 2026-2027 T1 de ${second.name}` }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });
});
