/**
 * Plan bundles through the UI, in real Chromium, between two harnesses on two databases: the
 * demo coordinator and a second installation made by `cli init`. The coordinator exports a full
 * encrypted bundle and downloads it; the second installation uploads it, sees the untrusted
 * sender's fingerprint, ticks "I checked the fingerprint", imports, and sees the history row.
 * Then both edit the same progress entry (status and narrative), exchange both ways (the second
 * one's bundle is imported in French: the preview lists the entry once, and following "Resolve the
 * conflict" then coming back to Exchange does not reopen the import), the coordinator decides the
 * entry as ONE record in its inbox (heading naming the community, each author's fields side by
 * side), undoes the decision from the notice and from the list of unsent resolutions, decides
 * again, one more bundle travels (undo is then no longer offered), and the other inbox is empty
 * too, with the site's whole version (status and narrative) kept. axe-core checks each new screen
 * in both languages; the French inbox is also looked at 911 px wide.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenReady, screenshot } from './support/ui';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSPHRASE = 'caribou crossing at dawn';

/** A second, empty installation, made the way a person would: `cli --db FILE init`. */
function createEmptyDatabase(dir: string): string {
  const dbFile = path.join(dir, 'site.db');
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'electron', 'cli', 'cli.ts'), '--db', dbFile, 'init', '--computer', 'Site computer', '--user', 'Site user'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return dbFile;
}

describe.skipIf(!chromiumAvailable())('plan bundles between two installations, end to end', () => {
  let dirA: string | undefined;
  let dirB: string | undefined;
  let coordinator: PreviewServer;
  let site: PreviewServer;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;
  let downloads: string;
  const findings: Record<string, unknown> = {};

  async function axe(page: Page, name: string) {
    await screenReady(page);
    const violations = await seriousViolations(page);
    if (violations.length) findings[name] = violations;
    await screenshot(page, `sync-${name}`);
  }

  async function setLocale(server: PreviewServer, page: Page, locale: 'en' | 'fr', hash: string) {
    const profile = must(server.core.invoke('installation:get', {}));
    must(server.core.invoke('installation:update', { locale, role: profile.role, scopeCommunityIds: profile.scopeCommunityIds }));
    await page.goto('about:blank');
    await go(page, server.url, hash);
  }

  /** Runs the export wizard for a full bundle or a peer, and downloads the file. */
  async function exportThroughUi(page: Page, to: string | 'full', shots: string | null): Promise<string> {
    await go(page, page.url().split('#')[0]!, '#/exchange');
    await page.getByRole('button', { name: 'Send a bundle…' }).click();
    const wizard = page.getByRole('dialog', { name: 'Send a bundle' });
    await wizard.getByRole('radio', { name: to === 'full' ? /A full bundle/ : to }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByLabel('Passphrase', { exact: true }).fill('short');
    await wizard.getByLabel('Type the passphrase again').fill('short');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByText('The passphrase must have at least 8 characters.').waitFor();
    await wizard.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await wizard.getByLabel('Type the passphrase again').fill(PASSPHRASE);
    if (shots) await axe(page, `${shots}-export-passphrase`);
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Write the bundle' }).click();
    await wizard.getByText('The bundle is ready').waitFor();
    if (shots) await axe(page, `${shots}-export-done`);
    const [download] = await Promise.all([page.waitForEvent('download'), wizard.getByRole('button', { name: 'Download the bundle' }).click()]);
    const saved = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    await wizard.getByRole('button', { name: 'Done' }).click();
    return saved;
  }

  beforeAll(async () => {
    coordinator = await startHarness(createDemoDatabase((dirA = makeTempDir())), E2E_NOW);
    site = await startHarness(createEmptyDatabase((dirB = makeTempDir())), E2E_NOW);
    downloads = path.join(dirB, 'downloads');
    fs.mkdirSync(downloads);
    browser = await launchChromium();
    pageA = await openPage(browser, coordinator, E2E_NOW, { bypassCSP: true });
    pageB = await openPage(browser, site, E2E_NOW, { bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await coordinator?.close();
    await site?.close();
    if (dirA) removeTempDir(dirA);
    if (dirB) removeTempDir(dirB);
  });

  it('the coordinator exports a full encrypted bundle, and the new site imports it after checking the fingerprint', async () => {
    await go(pageA, coordinator.url, '#/exchange');
    const fingerprintA = must(coordinator.core.invoke('sync:whoami', {})).fingerprint;
    await pageA.getByText(fingerprintA.split('-').join(' - ')).waitFor();
    await axe(pageA, 'en-exchange');
    const bundle = await exportThroughUi(pageA, 'full', 'en');
    expect(path.basename(bundle)).toMatch(/-full-\d{4}-\d{2}-\d{2}\.planbundle$/);
    await pageA.getByRole('cell', { name: 'Full bundle (anyone)' }).waitFor();

    await go(pageB, site.url, '#/exchange');
    await pageB.getByText('No bundle has been sent or received on this computer yet.').waitFor();
    const [chooser] = await Promise.all([pageB.waitForEvent('filechooser'), pageB.getByRole('button', { name: 'Choose a bundle to import…' }).click()]);
    await chooser.setFiles(bundle);
    const preview = pageB.getByRole('dialog', { name: /^Import “/ });
    await preview.getByLabel('Passphrase').fill('not the passphrase');
    await preview.getByRole('button', { name: 'Open the bundle' }).click();
    await preview.getByText('This bundle was not imported').waitFor();
    await preview.getByLabel('Passphrase').fill(PASSPHRASE);
    await preview.getByRole('button', { name: 'Open the bundle' }).click();
    await preview.getByText('Not trusted yet').waitFor();
    await preview.getByText(fingerprintA.split('-').join(' - ')).waitFor();
    await axe(pageB, 'en-import-preview-untrusted');
    await preview.getByRole('button', { name: 'Import' }).click();
    await preview.getByText('Check the fingerprint with the sender, then tick the box to import.').waitFor();
    await preview.getByRole('checkbox', { name: 'I checked the fingerprint with the sender and it matches' }).check();
    // The coordinator's computer: every community, chosen explicitly (never the default).
    await preview.getByRole('radio', { name: 'All communities' }).check();
    await preview.getByRole('button', { name: 'Import' }).click();
    await preview.getByText('Bundle imported').waitFor({ timeout: 120_000 });
    await axe(pageB, 'en-import-done');
    await preview.locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();
    await pageB.getByRole('cell', { name: 'Received' }).waitFor();
    expect(must(site.core.invoke('bundles:history', {}))).toHaveLength(1);
    expect(must(site.core.invoke('peers:list', {})).map((p) => p.fingerprint)).toEqual([fingerprintA]);
  });

  it('a narrative edited on both becomes a conflict on both, resolved in one inbox, and the other inbox empties', async () => {
    // The same action's Q2 narrative, written on both computers before they exchange again.
    const matrix = must(coordinator.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
    const row = matrix.rows.find((r) => r.planStatus === 'active' && r.cells[1]!.state === 'due')!;
    const action = must(coordinator.core.invoke('plans:get', { planId: row.planId! })).priorities[0]!.actions[0]!;
    must(coordinator.core.invoke('progress:record', { actionId: action.id, quarter: 2, status: 'on_track', narrative: 'Coordinator: the camp ran in August with 14 youth.' }));
    must(site.core.invoke('progress:record', { actionId: action.id, quarter: 2, status: 'delayed', narrative: 'Site: the camp ran in August, 16 youth and 4 elders.' }));

    // Site → coordinator through the UI, the coordinator working in French.
    const siteName = must(site.core.invoke('sync:whoami', {})).name;
    const fromSite = await exportThroughUi(pageB, must(site.core.invoke('peers:list', {}))[0]!.name, null);
    await setLocale(coordinator, pageA, 'fr', '#/exchange');
    await axe(pageA, 'fr-exchange');
    const [chooser] = await Promise.all([pageA.waitForEvent('filechooser'), pageA.getByRole('button', { name: 'Choisir un paquet à importer…' }).click()]);
    await chooser.setFiles(fromSite);
    const preview = pageA.getByRole('dialog', { name: /^Importer « / });
    await preview.getByLabel('Phrase de passe').fill(PASSPHRASE);
    await preview.getByRole('button', { name: 'Ouvrir le paquet' }).click();
    await preview.getByText('Pas encore de confiance').waitFor();
    await preview.getByText(siteName).first().waitFor();
    // Status and narrative of one entry: one thing changed on both sides, listed once.
    await preview.getByText(/^1 élément a été modifié ici et par l’expéditeur/).waitFor();
    expect(await preview.locator('li', { hasText: action.title }).count()).toBe(1);
    await preview.getByText(/modifié des deux côtés\u00a0: ce qui s’est passé, état|modifié des deux côtés\u00a0: état, ce qui s’est passé/).waitFor();
    await axe(pageA, 'fr-import-preview-conflict');
    await preview.getByRole('checkbox', { name: /J’ai vérifié l’empreinte/ }).check();
    // Trust on first use names the communities: here every one, chosen explicitly.
    await preview.getByRole('radio', { name: 'Toutes les collectivités' }).check();
    await preview.getByRole('button', { name: 'Importer', exact: true }).click();
    await preview.getByText('Paquet importé').waitFor({ timeout: 120_000 });
    // Following "Resolve the conflict", then coming back: no import dialog, no passphrase asked again.
    await preview.getByRole('link', { name: 'Résoudre le conflit (1)' }).click();
    await pageA.getByRole('heading', { name: 'Conflits', level: 1 }).waitFor();
    await pageA.getByRole('link', { name: 'Paquets et historique' }).click();
    await pageA.getByRole('button', { name: 'Choisir un paquet à importer…' }).waitFor();
    await screenReady(pageA);
    expect(await pageA.getByRole('dialog').count()).toBe(0);
    expect(await pageA.getByLabel('Phrase de passe').count()).toBe(0);

    // Coordinator → site (through the cores: the UI way is shown above).
    const toSite = path.join(coordinator.filesDir, 'exports', 'to-site.planbundle');
    must(coordinator.core.invoke('bundles:export', { to: must(site.core.invoke('sync:whoami', {})).installationId, file: toSite, passphrase: PASSPHRASE }));
    must(site.core.invoke('bundles:import', { file: toSite, passphrase: PASSPHRASE }));
    expect(must(site.core.invoke('conflicts:list', {})).map((c) => c.field).sort()).toEqual(['narrative', 'status']);
    const [record] = must(site.core.invoke('conflicts:records', {})).records;
    expect(must(site.core.invoke('conflicts:records', {})).records).toHaveLength(1);
    expect(record!.communityName).toBe(row.communityName);

    // Both inboxes show it; the badge counts it.
    await go(pageA, coordinator.url, '#/exchange/conflicts');
    await pageA.getByText('Coordinator: the camp ran in August with 14 youth.').waitFor();
    await pageA.getByText('Site: the camp ran in August, 16 youth and 4 elders.').waitFor();
    await pageA.getByRole('heading', { name: new RegExp(`^${row.communityName}\\s: `) }).waitFor();
    await axe(pageA, 'fr-conflicts');
    await pageA.setViewportSize({ width: 911, height: 900 });
    await axe(pageA, 'fr-conflicts-911');
    await pageA.getByRole('button', { name: 'Choisir champ par champ ou rédiger une fusion…' }).click();
    await axe(pageA, 'fr-conflict-fields-911');
    await pageA.getByRole('button', { name: 'Annuler' }).click();
    await pageA.setViewportSize({ width: 1366, height: 768 });
    await go(pageA, coordinator.url, '#/exchange/peers');
    await axe(pageA, 'fr-peers');
    await pageA.getByRole('button', { name: /^Modifier la portée…/ }).first().click();
    await pageA.getByRole('dialog').waitFor();
    await axe(pageA, 'fr-peer-scope');
    await pageA.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    await setLocale(coordinator, pageA, 'en', '#/exchange/peers');
    await axe(pageA, 'en-peers');
    await go(pageA, coordinator.url, '#/exchange/conflicts');
    await pageA.locator('.app-nav').getByLabel('1 conflict to resolve').waitFor();
    await axe(pageA, 'en-conflicts');
    await pageA.getByRole('heading', { name: new RegExp(`^${row.communityName}: `) }).waitFor();
    await pageA.getByRole('button', { name: 'Choose field by field, or type a merge…' }).click();
    await pageA.getByRole('radio', { name: 'A merge typed here' }).check();
    await axe(pageA, 'en-conflict-merge');
    await pageA.getByRole('button', { name: 'Cancel' }).click();
    // The site's version: its status and its narrative, side by side, kept together.
    const kept = pageA.getByRole('article', { name: `The version from ${siteName}` });
    await kept.getByText('Site: the camp ran').waitFor();
    await kept.getByText('Delayed').waitFor();
    await kept.getByRole('button', { name: 'Keep this version' }).click();
    await pageA.getByRole('heading', { name: 'No conflicts' }).waitFor();
    await pageA.getByRole('heading', { name: 'Resolved here, not sent yet' }).waitFor();
    await axe(pageA, 'en-conflicts-unsent');
    // Undo from the notice: the entry is back, both versions.
    await pageA.getByRole('button', { name: 'Undo', exact: true }).click();
    await pageA.getByText('Coordinator: the camp ran in August with 14 youth.').waitFor();
    expect(must(coordinator.core.invoke('conflicts:list', {}))).toHaveLength(2);
    // Decided again, and undone from the list this time.
    await pageA.getByRole('article', { name: `The version from ${siteName}` }).getByRole('button', { name: 'Keep this version' }).click();
    await pageA.getByRole('button', { name: /^Resolved — undo: / }).click();
    await pageA.getByText('Coordinator: the camp ran in August with 14 youth.').waitFor();
    await pageA.getByRole('article', { name: `The version from ${siteName}` }).getByRole('button', { name: 'Keep this version' }).click();
    await pageA.getByRole('heading', { name: 'No conflicts' }).waitFor();
    await axe(pageA, 'en-conflicts-empty');

    // One more bundle, and the site's inbox is empty too.
    const resolution = path.join(coordinator.filesDir, 'exports', 'resolution.planbundle');
    must(coordinator.core.invoke('bundles:export', { to: must(site.core.invoke('sync:whoami', {})).installationId, file: resolution, passphrase: PASSPHRASE }));
    // Written into a bundle: no longer undone here (the page loaded afresh: the export went through the core).
    await pageA.goto('about:blank');
    await go(pageA, coordinator.url, '#/exchange/conflicts');
    await pageA.getByRole('heading', { name: 'No conflicts' }).waitFor();
    expect(await pageA.getByRole('heading', { name: 'Resolved here, not sent yet' }).count()).toBe(0);
    expect(must(coordinator.core.invoke('conflicts:records', {})).undoable).toEqual([]);
    must(site.core.invoke('bundles:import', { file: resolution, passphrase: PASSPHRASE }));
    await go(pageB, site.url, '#/exchange/conflicts');
    await pageB.getByRole('heading', { name: 'No conflicts' }).waitFor();
    expect(must(site.core.invoke('sync:digest', {})).digest).toBe(must(coordinator.core.invoke('sync:digest', {})).digest);
    const entry = must(site.core.invoke('progress:get', { planId: row.planId!, quarter: 2 })).rows.find((r) => r.action.id === action.id)?.entry;
    expect([entry?.status, entry?.narrative]).toEqual(['delayed', 'Site: the camp ran in August, 16 youth and 4 elders.']);
  });

  it('shows the French exchange screens without accessibility problems either, and ran without a script error', async () => {
    await setLocale(site, pageB, 'fr', '#/exchange');
    await axe(pageB, 'fr-exchange-site');
    await pageB.getByRole('button', { name: 'Envoyer un paquet…' }).click();
    await pageB.getByRole('dialog').waitFor();
    await axe(pageB, 'fr-export-to');
    expect(findings).toEqual({});
    expect(pageProblems(pageA)).toEqual([]);
    expect(pageProblems(pageB)).toEqual([]);
  });
});
