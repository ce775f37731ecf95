/**
 * Evidence files end to end (issue 14 §3), in real Chromium between two harnesses: the demo
 * coordinator attaches a PDF and a photo to a plan through the file input of the plan screen (in
 * English); the files travel in a bundle to a second installation (made by `cli init`); there, in
 * French, the plan lists both files, the photo opens in the planner as a picture and the PDF as
 * pages drawn by pdf.js (no scripts), and the printed annual plan lists them by name. Screenshots
 * at 911 and 800 px.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, SCREENSHOT_DIR } from './support/ui';
import { pdfFile, pngFile } from '../support/evidence-files';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function createEmptyDatabase(dir: string): string {
  const dbFile = path.join(dir, 'site.db');
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'electron', 'cli', 'cli.ts'), '--db', dbFile, 'init', '--computer', 'Site computer', '--user', 'Site user'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return dbFile;
}

describe.skipIf(!chromiumAvailable())('evidence files, end to end', () => {
  let dirA: string | undefined;
  let dirB: string | undefined;
  let coordinator: PreviewServer;
  let site: PreviewServer;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    coordinator = await startHarness(createDemoDatabase((dirA = makeTempDir())), E2E_NOW);
    site = await startHarness(createEmptyDatabase((dirB = makeTempDir())), E2E_NOW);
    browser = await launchChromium();
    pageA = await openPage(browser, coordinator, E2E_NOW);
    pageB = await openPage(browser, site, E2E_NOW);
  });

  afterAll(async () => {
    await browser?.close();
    await coordinator?.close();
    await site?.close();
    if (dirA) removeTempDir(dirA);
    if (dirB) removeTempDir(dirB);
  });

  it('attaches a PDF and a photo, carries them in a bundle, and opens them on the other computer in French', async () => {
    const plan = must(coordinator.core.invoke('plans:list', {})).find((p) => p.status === 'active')!;
    await go(pageA, coordinator.url, `#/plans/${plan.id}`);
    const files = pageA.locator('[data-attachments="plan"]');
    const input = files.getByLabel('Attach a file');
    await input.setInputFiles({ name: 'signed plan.pdf', mimeType: 'application/pdf', buffer: pdfFile('Signed plan, council of 12 March') });
    await files.locator('[data-attachment="signed plan.pdf"]').waitFor();
    await input.setInputFiles({ name: 'patrol.png', mimeType: 'image/png', buffer: pngFile(40, 30) });
    await files.locator('[data-attachment="patrol.png"]').waitFor();
    // A program renamed .pdf is refused with the core's sentence, and nothing is listed.
    await input.setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) });
    await files.getByText(/This file is a program \(Windows \.exe\)/).waitFor();
    expect(await files.locator('[data-attachment]').count()).toBe(2);
    await pageA.setViewportSize({ width: 911, height: 768 });
    await files.scrollIntoViewIfNeeded();
    await files.screenshot({ path: path.join(SCREENSHOT_DIR, 'evidence-en-plan-911.png') });

    const bundle = path.join(dirA!, 'to-site.planbundle');
    must(coordinator.core.invoke('bundles:export', { full: true, file: bundle, encrypt: false }));
    must(site.core.invoke('bundles:import', { file: bundle, passphrase: null, trustNewSender: true, allCommunities: true }));

    const profile = must(site.core.invoke('installation:get', {}));
    must(site.core.invoke('installation:update', { locale: 'fr', role: profile.role, scopeCommunityIds: profile.scopeCommunityIds }));
    await pageB.goto('about:blank');
    await pageB.setViewportSize({ width: 800, height: 900 });
    await go(pageB, site.url, `#/plans/${plan.id}`);
    const there = pageB.locator('[data-attachments="plan"]');
    await there.getByRole('heading', { name: 'Fichiers' }).waitFor();
    await there.locator('[data-attachment="signed plan.pdf"]').waitFor();
    await there.scrollIntoViewIfNeeded();
    await there.screenshot({ path: path.join(SCREENSHOT_DIR, 'evidence-fr-plan-800.png') });

    await there.getByRole('button', { name: 'Ouvrir patrol.png' }).click();
    const photo = pageB.getByRole('dialog', { name: 'patrol.png' }).getByRole('img', { name: 'patrol.png' });
    await photo.waitFor();
    await pageB.screenshot({ path: path.join(SCREENSHOT_DIR, 'evidence-fr-photo-800.png') });
    await pageB.waitForFunction(() => (document.querySelector('.attachments__image') as HTMLImageElement | null)?.naturalWidth === 40);
    await pageB.getByRole('dialog', { name: 'patrol.png' }).locator('.dialog__footer').getByRole('button', { name: 'Fermer' }).click();

    await there.getByRole('button', { name: 'Ouvrir signed plan.pdf' }).click();
    const viewer = pageB.getByRole('dialog', { name: 'signed plan.pdf' });
    await viewer.locator('canvas[data-page="1"]').waitFor({ timeout: 30_000 });
    await pageB.waitForFunction(() => document.querySelector('.pdf-view')?.getAttribute('aria-busy') === 'false');
    await pageB.screenshot({ path: path.join(SCREENSHOT_DIR, 'evidence-fr-pdf-800.png') });
    await viewer.locator('.dialog__footer').getByRole('button', { name: 'Fermer' }).click();

    // The printed annual plan (a print page: no app h1 to wait for) lists the files by name.
    await pageB.goto(`${site.url}#/print/annual/${plan.id}`);
    const printed = pageB.locator('[data-printed-attachments]');
    await printed.getByRole('heading', { name: 'Fichiers joints' }).waitFor();
    expect(await printed.textContent()).toMatch(/signed plan\.pdf.*patrol\.png/s);
    await printed.screenshot({ path: path.join(SCREENSHOT_DIR, 'evidence-fr-printed-800.png') });
    expect(pageProblems(pageA).concat(pageProblems(pageB))).toEqual([]);
  });
});
