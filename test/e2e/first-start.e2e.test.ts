/**
 * A real territory from nothing, through the UI in real Chromium, on two fresh databases: the
 * coordinator starts a territory in English (names, the standard themes, communities pasted as a
 * list, the recovery file), a detachment computer joins in French (its request file), the
 * coordinator enrols it as the detachment of one community, and the detachment accepts its
 * enrolment bundle after typing the territory fingerprint read to it, then sees its role in
 * Settings. axe-core checks each new screen; screenshots at 1366 and 911 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenReady, screenshot, waitForHeading } from './support/ui';

describe.skipIf(!chromiumAvailable())('first start: a territory from nothing, and a computer that joins it', () => {
  let dir: string | undefined;
  let coordinator: PreviewServer;
  let detachment: PreviewServer;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;
  let downloads: string;
  const findings: Record<string, unknown> = {};

  /** axe on the screen as it is, and screenshots at the two widths. */
  async function check(page: Page, name: string) {
    await screenReady(page);
    const violations = await seriousViolations(page);
    if (violations.length) findings[name] = violations;
    await screenshot(page, `first-start-${name}-1366`);
    await page.setViewportSize({ width: 911, height: 768 });
    await screenshot(page, `first-start-${name}-911`);
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  async function download(page: Page, click: () => Promise<void>): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const saved = path.join(downloads, file.suggestedFilename());
    await file.saveAs(saved);
    return saved;
  }

  beforeAll(async () => {
    dir = makeTempDir('csp-first-start-');
    downloads = path.join(dir, 'downloads');
    fs.mkdirSync(downloads);
    coordinator = await startHarness(path.join(dir, 'coordinator.db'), E2E_NOW);
    detachment = await startHarness(path.join(dir, 'detachment.db'), E2E_NOW);
    browser = await launchChromium();
    pageA = await openPage(browser, coordinator, E2E_NOW, { bypassCSP: true });
    pageB = await openPage(browser, detachment, E2E_NOW, { bypassCSP: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await coordinator?.close();
    await detachment?.close();
    if (dir) removeTempDir(dir);
  });

  it('the coordinator starts a territory in English: names, standard themes, pasted communities, recovery file', async () => {
    await go(pageA, coordinator.url, '#/');
    await waitForHeading(pageA, 'Welcome to the Community Safety Planner');
    await check(pageA, 'en-welcome');
    await pageA.getByRole('button', { name: 'Start a new territory' }).click();
    await waitForHeading(pageA, 'Start a new territory');
    await pageA.getByRole('button', { name: 'Start the territory' }).click();
    await pageA.getByText("Enter the territory's name.").waitFor();
    await check(pageA, 'en-start-refused');
    await pageA.getByLabel("Territory's name").fill('Northwest Territories');
    await pageA.getByLabel("This computer's name").fill('Coordinator — Yellowknife');
    await pageA.getByLabel('Your name').fill('Mary Beaulieu');
    await pageA.getByRole('button', { name: 'Start the territory' }).click();

    await waitForHeading(pageA, "The territory's reference data");
    await pageA.getByRole('group', { name: /The standard themes/ }).getByRole('checkbox').first().waitFor();
    await pageA.getByLabel(/Communities, one a line/).fill("Łutselk'e; South Slave; Lutselke, Snowdrift\nFort Smith\nFort Smith; South Slave");
    await pageA.getByText('Line 2: "Fort Smith" has no region').waitFor();
    await check(pageA, 'en-reference-refused');
    await pageA.getByLabel(/Communities, one a line/).fill("Łutselk'e; South Slave; Lutselke, Snowdrift\nFort Smith; South Slave\nBehchokǫ̀; North Slave; Rae-Edzo");
    await pageA.getByText("Łutselk'e (also Lutselke, Snowdrift) — region South Slave").waitFor();
    await pageA.getByRole('button', { name: 'Create the themes and communities' }).click();
    await pageA.getByText('Reference data created').waitFor();
    await check(pageA, 'en-reference-done');
    const communities = must(coordinator.core.invoke('communities:list', {}));
    expect(communities.map((c) => c.name).sort()).toEqual(['Behchokǫ̀', 'Fort Smith', "Łutselk'e"]);
    expect(must(coordinator.core.invoke('themes:list', {})).length).toBeGreaterThan(3);

    await pageA.getByRole('button', { name: 'Next: protect the territory key' }).click();
    await waitForHeading(pageA, 'Protect the territory key');
    const recovery = await download(pageA, () => pageA.getByRole('button', { name: 'Export the recovery file' }).click());
    expect(fs.statSync(recovery).size).toBeGreaterThan(0);
    expect(await pageA.getByTestId('recovery-code').textContent()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4})+$/);
    await check(pageA, 'en-recovery');
    await pageA.getByRole('button', { name: "Continue to the territory's screens" }).click();
    await waitForHeading(pageA, 'Communities');
    expect(pageProblems(pageA)).toEqual([]);
  }, 240_000);

  let request: string;

  it('the detachment computer joins in French and writes its enrolment request', async () => {
    await go(pageB, detachment.url, '#/');
    await pageB.getByRole('button', { name: 'Français' }).click();
    await waitForHeading(pageB, 'Bienvenue dans le Planificateur de la sécurité communautaire');
    await check(pageB, 'fr-welcome');
    await pageB.getByRole('button', { name: 'Se joindre à un territoire' }).click();
    await pageB.getByLabel('Nom de cet ordinateur').fill('Détachement de Fort Smith');
    await pageB.getByLabel('Votre nom').fill('Cst. Dene Laferté');
    await pageB.getByRole('button', { name: 'Continuer' }).click();
    await waitForHeading(pageB, 'En attente de la coordination');
    request = await download(pageB, () => pageB.getByRole('button', { name: 'Écrire le fichier de demande d’inscription' }).click());
    await pageB.getByText('Demande d’inscription écrite').waitFor();
    await check(pageB, 'fr-waiting');
  }, 240_000);

  let bundle: string;

  it('the coordinator reads the request and enrols it as the detachment of Fort Smith', async () => {
    await go(pageA, coordinator.url, '#/computers');
    await waitForHeading(pageA, 'Computers');
    await check(pageA, 'en-computers');
    await pageA.getByTestId('enrolment-request-input').setInputFiles(request);
    await pageA.getByRole('heading', { name: 'Request from Détachement de Fort Smith' }).waitFor();
    await pageA.getByText('Cst. Dene Laferté').waitFor();
    await pageA.getByRole('radio', { name: 'Detachment' }).check();
    await pageA.getByRole('button', { name: 'Write the enrolment bundle' }).click();
    await pageA.getByText('Choose at least one community for a detachment or a community office.').waitFor();
    await pageA.getByLabel('Find a community').fill('fort');
    await pageA.getByRole('checkbox', { name: 'Fort Smith' }).check();
    await check(pageA, 'en-enrol');
    bundle = await download(pageA, () => pageA.getByRole('button', { name: 'Write the enrolment bundle' }).click());
    await pageA.getByText('Enrolment bundle for Détachement de Fort Smith written').waitFor();
    await pageA.getByRole('cell', { name: /Détachement de Fort Smith/ }).waitFor();
    await check(pageA, 'en-enrolled');
  }, 240_000);

  it('the detachment accepts its bundle with the fingerprint read by phone, and sees its role in Settings', async () => {
    const fingerprint = (await pageA.getByTestId('territory-fingerprint').textContent())!.trim();
    await pageB.getByTestId('enrolment-bundle-input').setInputFiles(bundle);
    const field = pageB.getByLabel('Empreinte du territoire, lue par la coordination');
    await field.fill('K7QD-3MZP');
    await pageB.getByRole('button', { name: 'Vérifier et se joindre au territoire' }).click();
    await pageB.getByText(/Une empreinte de territoire compte 32 lettres et chiffres/).waitFor();
    await check(pageB, 'fr-accept-refused');
    await field.fill(fingerprint.toLowerCase().replace(/-/g, ' '));
    await pageB.getByRole('button', { name: 'Vérifier et se joindre au territoire' }).click();
    await pageB.locator('.app-nav').waitFor({ timeout: 120_000 });
    await go(pageB, detachment.url, '#/settings');
    await pageB.getByTestId('certified-role').getByText('Détachement').waitFor();
    await pageB.getByText(/Fixés par le certificat nº/).waitFor();
    await check(pageB, 'fr-settings-enrolled');
    const state = must(detachment.core.invoke('installation:setupState', {}));
    expect(state).toMatchObject({ state: 'ready', role: 'detachment', territory: { name: 'Northwest Territories', fingerprint } });
    expect(state.communities?.map((c) => c.name)).toEqual(['Fort Smith']);
    expect(pageProblems(pageB)).toEqual([]);
  }, 240_000);

  it('a third new computer explores the demo in its own database, marked on every screen, and leaves it', async () => {
    const explorer = await startHarness(path.join(dir!, 'explorer.db'), E2E_NOW);
    try {
      const page = await openPage(browser, explorer, E2E_NOW, { bypassCSP: true });
      await go(page, explorer.url, '#/');
      await page.getByRole('button', { name: 'Explore the demo' }).click();
      await page.locator('.app-nav').waitFor({ timeout: 180_000 });
      await page.getByText('Demo — not real data.').waitFor();
      await go(page, explorer.url, '#/communities');
      await page.getByText('Demo — not real data.').waitFor();
      await check(page, 'en-demo-communities');
      expect(must(explorer.core.invoke('installation:setupState', {})).isDemo).toBe(true);
      await page.getByRole('button', { name: 'Leave the demo' }).click();
      await waitForHeading(page, 'Welcome to the Community Safety Planner');
      // The real database is still new: nothing of the demo went into it.
      expect(must(explorer.core.invoke('installation:setupState', {})).state).toBe('new');
      expect(fs.existsSync(path.join(dir!, 'demo.explorer.db'))).toBe(true);
      expect(pageProblems(page)).toEqual([]);
    } finally {
      await explorer.close();
    }
    expect(findings).toEqual({});
  }, 300_000);
});
