/**
 * The coordinator builds a territory's reference lists from nothing, with the keyboard and mouse
 * only, in English then in French: a region, a detachment, a community in its own spelling with
 * another name (found again by typing its name without diacritics or apostrophes), and a theme that
 * is then retired. Each screen and dialog is checked with axe and photographed at 1366 and 911 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/harness/preview-server';
import type { Locale } from '../../shared/vocabulary';
import { seriousViolations } from './support/axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './support/browser';
import { E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness, must } from './support/harness';
import { go, screenReady, screenshot } from './support/ui';

interface Scenario {
  locale: Locale;
  region: { en: string; fr: string };
  detachment: { en: string; fr: string };
  community: string;
  otherName: string;
  typed: string;
  /** A community imported from a spreadsheet. */
  imported: string;
  theme: { code: string; en: string; fr: string };
  words: {
    addRegion: string;
    addDetachment: string;
    addCommunity: string;
    addTheme: string;
    nameEn: string;
    nameFr: string;
    officialName: string;
    otherName: string;
    addOtherName: string;
    region: string;
    servedBy: string;
    search: string;
    code: string;
    submitRegion: string;
    submitDetachment: string;
    submitCommunity: string;
    submitTheme: string;
    retire: (name: string) => string;
    retireConfirm: string;
    retiredHeading: string;
    required: string;
    importSpreadsheet: string;
    templateCsv: string;
    spreadsheet: string;
    sahtuProblem: string | RegExp;
    importButton: string;
    readyOne: string;
  };
}

const SCENARIOS: Scenario[] = [
  {
    locale: 'en',
    region: { en: 'South Slave', fr: 'Slave Sud' },
    detachment: { en: 'Fort Resolution detachment', fr: 'Détachement de Fort Resolution' },
    community: 'Łutselk’e',
    otherName: 'Snowdrift',
    typed: 'Lutselke',
    imported: 'Fort Resolution',
    theme: { code: 'youth', en: 'Youth', fr: 'Jeunes' },
    words: {
      addRegion: 'Add a region',
      addDetachment: 'Add a detachment',
      addCommunity: 'Add a community',
      addTheme: 'Add a theme',
      nameEn: 'Name in English',
      nameFr: 'Name in French',
      officialName: 'Official name',
      otherName: 'Another name',
      addOtherName: 'Add this name',
      region: 'Region',
      servedBy: 'Served by detachment',
      search: 'Search by any name',
      code: 'Code',
      submitRegion: 'Add the region',
      submitDetachment: 'Add the detachment',
      submitCommunity: 'Add the community',
      submitTheme: 'Add the theme',
      retire: (name) => `Retire “${name}”`,
      retireConfirm: 'Retire',
      retiredHeading: 'Retired themes',
      required: 'Give the name in French.',
      importSpreadsheet: 'Import from a spreadsheet…',
      templateCsv: 'Download the template (CSV)',
      spreadsheet: 'Spreadsheet (CSV or Excel .xlsx)',
      sahtuProblem: 'Row 2: region "Sahtu" does not exist — add it or fix the spelling.',
      importButton: 'Import',
      readyOne: '1 row is ready to import.',
    },
  },
  {
    locale: 'fr',
    region: { en: 'Dehcho', fr: 'Deh Cho' },
    detachment: { en: 'Hay River detachment', fr: 'Détachement de Hay River' },
    community: 'K’átł’odeeche',
    otherName: 'Hay River Reserve',
    typed: 'Katlodeeche',
    imported: 'Enterprise',
    theme: { code: 'elders', en: 'Elders', fr: 'Aînés' },
    words: {
      addRegion: 'Ajouter une région',
      addDetachment: 'Ajouter un détachement',
      addCommunity: 'Ajouter une collectivité',
      addTheme: 'Ajouter un thème',
      nameEn: 'Nom en anglais',
      nameFr: 'Nom en français',
      officialName: 'Nom officiel',
      otherName: 'Un autre nom',
      addOtherName: 'Ajouter ce nom',
      region: 'Région',
      servedBy: 'Desservie par le détachement',
      search: 'Rechercher par n’importe quel nom',
      code: 'Code',
      submitRegion: 'Ajouter la région',
      submitDetachment: 'Ajouter le détachement',
      submitCommunity: 'Ajouter la collectivité',
      submitTheme: 'Ajouter le thème',
      retire: (name) => `Retirer « ${name} »`,
      retireConfirm: 'Retirer',
      retiredHeading: 'Thèmes retirés',
      required: 'Donnez le nom en français.',
      importSpreadsheet: 'Importer d’un tableur…',
      templateCsv: 'Télécharger le modèle (CSV)',
      spreadsheet: 'Tableur (CSV ou Excel .xlsx)',
      sahtuProblem: /^Ligne 2\u00a0: la région «\u00a0Sahtu\u00a0» n’existe pas/,
      importButton: 'Importer',
      readyOne: '1 ligne est prête à être importée.',
    },
  },
];

describe.skipIf(!chromiumAvailable())('the coordinator builds the territory’s reference lists from nothing', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let browser: Browser;
  let page: Page;
  const findings: Record<string, unknown> = {};

  /** axe on what is on screen now, and a full-page picture at the users' width and at 911 px. */
  async function check(name: string): Promise<void> {
    await screenReady(page);
    const violations = await seriousViolations(page);
    if (violations.length) findings[name] = violations;
    await screenshot(page, `territory-${name}-1366`);
    await page.setViewportSize({ width: 911, height: 768 });
    await screenshot(page, `territory-${name}-911`);
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  beforeAll(async () => {
    dir = makeTempDir();
    // A fresh database: no communities, no regions, no themes.
    server = await startHarness(path.join(dir, 'planner.db'), E2E_NOW);
    // The coordinator's computer: a territory started, nothing in it yet (first start is tested in first-start.e2e).
    must(server.core.invoke('territory:start', { territoryName: 'Northwest Territories', computerName: 'Coordinator laptop', userName: 'Dana Beaulieu', locale: 'en' }));
    browser = await launchChromium();
    page = await openPage(browser, server, E2E_NOW, { bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  for (const s of SCENARIOS) {
    it(`works in ${s.locale === 'en' ? 'English' : 'French'}`, async () => {
      must(server.core.invoke('installation:update', { locale: s.locale }));
      await page.goto('about:blank');

      // The Communities page points the coordinator to the Territory lists while there are none.
      if (s.locale === 'en') {
        await go(page, server.url, '#/communities');
        await page.getByRole('link', { name: 'Open the Territory lists' }).click();
        await page.getByRole('heading', { level: 1, name: 'Territory — Communities' }).waitFor();
      }

      // A region, refused while its French name is missing, then added.
      await go(page, server.url, '#/territory/regions');
      await check(`${s.locale}-regions-empty`);
      await page.getByRole('button', { name: s.words.addRegion }).click();
      const regionDialog = page.getByRole('dialog', { name: s.words.addRegion });
      await regionDialog.getByLabel(s.words.nameEn).fill(s.region.en);
      await page.keyboard.press('Enter');
      await regionDialog.getByText(s.words.required).waitFor();
      await regionDialog.getByLabel(s.words.nameFr).fill(s.region.fr);
      await check(`${s.locale}-dialog-region`);
      await regionDialog.getByRole('button', { name: s.words.submitRegion }).click();
      await regionDialog.waitFor({ state: 'detached' });
      await page.getByRole('rowheader', { name: s.region.en }).waitFor();
      await check(`${s.locale}-regions`);

      // A detachment with its English and French names.
      await go(page, server.url, '#/territory/detachments');
      await page.getByRole('button', { name: s.words.addDetachment }).click();
      const detachmentDialog = page.getByRole('dialog', { name: s.words.addDetachment });
      await detachmentDialog.getByLabel(s.words.nameEn).fill(s.detachment.en);
      await detachmentDialog.getByLabel(s.words.nameFr).fill(s.detachment.fr);
      await check(`${s.locale}-dialog-detachment`);
      await detachmentDialog.getByRole('button', { name: s.words.submitDetachment }).click();
      await detachmentDialog.waitFor({ state: 'detached' });
      await page.getByRole('rowheader', { name: s.detachment.en }).waitFor();
      await check(`${s.locale}-detachments`);

      // A community in its own spelling, with another name, in the region, served by the detachment.
      await go(page, server.url, '#/territory');
      await page.getByRole('button', { name: s.words.addCommunity }).click();
      const communityDialog = page.getByRole('dialog', { name: s.words.addCommunity });
      await communityDialog.getByLabel(s.words.officialName).fill(s.community);
      await communityDialog.getByLabel(s.words.otherName).fill(s.otherName);
      // Enter in the other-name field adds the name; it does not submit the form.
      await communityDialog.getByLabel(s.words.otherName).press('Enter');
      await communityDialog.getByText(s.otherName, { exact: true }).waitFor();
      await communityDialog.getByLabel(s.words.region, { exact: true }).selectOption({ label: s.locale === 'fr' ? s.region.fr : s.region.en });
      await communityDialog.getByLabel(s.words.servedBy).selectOption({ label: s.locale === 'fr' ? s.detachment.fr : s.detachment.en });
      await check(`${s.locale}-dialog-community`);
      await communityDialog.getByRole('button', { name: s.words.submitCommunity }).click();
      await communityDialog.waitFor({ state: 'detached' });
      await page.getByRole('rowheader', { name: s.community }).waitFor();

      // Found by its name typed without diacritics or apostrophes, and by its other name.
      const search = page.getByLabel(s.words.search);
      await search.fill(s.typed);
      await page.getByRole('rowheader', { name: s.community }).waitFor();
      await search.fill('no such place');
      await page.getByRole('rowheader', { name: s.community }).waitFor({ state: 'detached' });
      await search.fill(s.otherName.toLowerCase());
      await page.getByRole('rowheader', { name: s.community }).waitFor();
      await check(`${s.locale}-communities`);
      expect(must(server.core.invoke('communities:list', { search: s.typed })).map((c) => c.name)).toEqual([s.community]);

      // Another community from a spreadsheet: the template downloads; a row naming a region that
      // does not exist is refused with a sentence and Import stays disabled; once fixed, it imports.
      await page.getByRole('button', { name: s.words.importSpreadsheet }).click();
      const importDialog = page.getByRole('dialog');
      const [download] = await Promise.all([page.waitForEvent('download'), importDialog.getByRole('button', { name: s.words.templateCsv }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const sheet = (region: string) => ({
        name: 'communities.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`name,other_names,region,has_detachment,detachment\n${s.imported},,${region},no,${s.detachment.en}\n`, 'utf8'),
      });
      const fileInput = importDialog.getByLabel(s.words.spreadsheet);
      await fileInput.setInputFiles(sheet('Sahtu'));
      await importDialog.getByText(s.words.sahtuProblem).waitFor();
      expect(await importDialog.getByRole('button', { name: s.words.importButton, exact: true }).isDisabled()).toBe(true);
      await check(`${s.locale}-dialog-import-problem`);
      await fileInput.setInputFiles(sheet(s.region.en));
      await importDialog.getByText(s.words.readyOne).waitFor();
      await importDialog.getByRole('button', { name: s.words.importButton, exact: true }).click();
      await importDialog.waitFor({ state: 'detached' });
      await search.fill('');
      await page.getByRole('rowheader', { name: s.imported }).waitFor();

      // A theme, added then retired: it leaves the list for the Retired section.
      await go(page, server.url, '#/territory/themes');
      await page.getByRole('button', { name: s.words.addTheme }).click();
      const themeDialog = page.getByRole('dialog', { name: s.words.addTheme });
      await themeDialog.getByLabel(s.words.code).fill(s.theme.code);
      await themeDialog.getByLabel(s.words.nameEn).fill(s.theme.en);
      await themeDialog.getByLabel(s.words.nameFr).fill(s.theme.fr);
      await themeDialog.getByRole('button', { name: s.words.submitTheme }).click();
      await themeDialog.waitFor({ state: 'detached' });
      const themeName = s.locale === 'fr' ? s.theme.fr : s.theme.en;
      await page.getByRole('button', { name: s.words.retire(themeName) }).click();
      const confirm = page.getByRole('dialog');
      await check(`${s.locale}-dialog-retire-theme`);
      await confirm.getByRole('button', { name: s.words.retireConfirm, exact: true }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 2, name: s.words.retiredHeading }).waitFor();
      await check(`${s.locale}-themes`);
      const theme = must(server.core.invoke('themes:list', { includeRetired: true })).find((th) => th.code === s.theme.code);
      expect(theme?.retired).toBe(true);
      expect(must(server.core.invoke('themes:list', {})).some((th) => th.code === s.theme.code)).toBe(false);

      // The lists of organisations and people open too, empty.
      await go(page, server.url, '#/territory/organisations');
      await check(`${s.locale}-organisations`);
    });
  }

  it('shows no serious accessibility violation and no script error on any of them', () => {
    expect(findings).toEqual({});
    expect(pageProblems(page)).toEqual([]);
    expect(fs.existsSync(path.join('test', 'output', 'screenshots', 'territory-en-communities-911.png'))).toBe(true);
  });
});
