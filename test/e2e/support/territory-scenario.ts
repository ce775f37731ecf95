/**
 * Issue 10's "done when", through the UI only, in real Chromium, on three fresh empty databases
 * (the coordinator's, a detachment's and a community office's), in English and in French: the
 * coordinator starts a territory and, in the first start's reference step, keeps the standard themes
 * and types three communities with their region (Łutselk'e also known as "Snowdrift"), exports the
 * recovery file, then adds two detachments on the Territory screens; the two other computers join
 * and write their enrolment request files; the coordinator opens both requests on the Computers
 * screen and writes the enrolment bundles (detachment / community office, both for Łutselk'e); each
 * computer opens its bundle and types the territory fingerprint the Computers screen shows. The
 * detachment starts the plan of Łutselk'e, adds a priority, a police action and a community action,
 * and signs its block; its bundle goes to the community office, which signs the community's block
 * (the plan is agreed) and records the community action's Q1 progress; the office's bundle goes back,
 * the detachment marks the plan active, records its own action and submits the Q1 report; both
 * bundles go to the coordinator, whose roll-up shows Łutselk'e on time for Q1.
 *
 * Files go the browser way, as a person in the preview would: downloads saved to a folder of the
 * test, uploads through the hidden file inputs (test/e2e/sync-exchange.e2e.test.ts does the same).
 * The tests are test/e2e/territory-scenario-en.e2e.test.ts and territory-scenario-fr.e2e.test.ts.
 * The core is read only to check what the UI did, never to do a step.
 *
 * "Today" is 20 June 2026: the last two weeks of Q1 of FY 2026–27, when the Q1 report may be submitted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../../electron/harness/preview-server';
import { seriousViolations } from './axe';
import { chromiumAvailable, launchChromium, openPage, pageProblems } from './browser';
import { makeTempDir, removeTempDir } from './demo-database';
import { startHarness, must } from './harness';
import { go, screenReady, screenshot, waitForAttribute } from './ui';

const NOW = '2026-06-20T15:00:00.000Z';
const PASSPHRASE = 'lac de la montagne enneigée';
const LUTSELKE = 'Łutselk\u2019e';
const KATLODEECHE = 'K\u2019átł\u2019odeeche';

interface Computer {
  server: PreviewServer;
  page: Page;
  dir: string;
}

/** Runs the whole scenario in one language: each part starts from fresh databases. */
function scenario(lang: 'en' | 'fr') {
  const fr = lang === 'fr';
  /** The words of the screens, in the language of the run. */
  const w = fr
    ? {
        start: 'Démarrer un nouveau territoire',
        join: 'Se joindre à un territoire',
        territoryName: 'Nom du territoire',
        computerName: 'Nom de cet ordinateur',
        userName: 'Votre nom',
        startSubmit: 'Démarrer le territoire',
        joinSubmit: 'Continuer',
      }
    : {
        start: 'Start a new territory',
        join: 'Join a territory',
        territoryName: "Territory's name",
        computerName: "This computer's name",
        userName: 'Your name',
        startSubmit: 'Start the territory',
        joinSubmit: 'Continue',
      };
  /** The words of the later screens, in the language of the run. */
  const x = fr
    ? {
        referenceTitle: 'Les données de référence du territoire',
        themesLegend: /^Les thèmes standard/,
        paste: /^Collectivités, une par ligne/,
        previewRow: `${LUTSELKE} (aussi Snowdrift) — région South Slave`,
        createReference: 'Créer les thèmes et les collectivités',
        referenceCreated: 'Données de référence créées',
        nextRecovery: 'Suivant : protéger la clé du territoire',
        recoveryTitle: 'Protéger la clé du territoire',
        exportRecovery: 'Exporter le fichier de récupération',
        continueToScreens: 'Continuer vers les écrans du territoire',
        addDetachment: 'Ajouter un détachement',
        nameEn: 'Nom en anglais',
        nameFr: 'Nom en français',
        submitDetachment: 'Ajouter le détachement',
        requestFrom: 'Demande de',
        roleDetachment: 'Détachement',
        roleOffice: 'Bureau communautaire',
        findCommunity: 'Trouver une collectivité',
        enrolPassphrase: /^Phrase secrète du paquet/,
        encryptedToKey: /^Le paquet d’inscription est chiffré avec la clé propre de/,
        writeEnrolment: 'Écrire le paquet d’inscription',
        enrolmentWritten: (name: string) => `Paquet d’inscription de ${name} écrit`,
        fingerprintField: /^Empreinte du territoire/,
        accept: 'Vérifier et se joindre au territoire',
        startEmpty: /^Commencer un plan vide pour l’EF 2026-2027$/,
        startConfirm: 'Commencer le plan',
        addPriority: 'Ajouter une priorité',
        priority: 'Priorité',
        zone: 'Zone',
        themes: 'Thèmes',
        submitPriority: 'Ajouter la priorité',
        addActionTo: /^Ajouter une mesure à/,
        addAction: 'Ajouter une mesure',
        action: 'Mesure',
        owner: 'Responsable',
        q1: 'T1',
        submitAction: 'Ajouter la mesure',
        signOff: 'Approuver…',
        signOffTitle: /^Approuver le plan de/,
        communitySignatory: 'Signé pour la collectivité par',
        detachmentSignatory: 'Signé pour le détachement par',
        signOffConfirm: 'Approuver le plan',
        halfSigned: 'Votre bloc est signé.',
        signedBy: (name: string) => new RegExp(`^Signé par ${name} le `),
        readOnly: 'Ce plan est en lecture seule',
        status: 'État',
        narrative: 'Ce qui s’est passé',
        nextSteps: 'Prochaines étapes',
        communityNarrative: 'Le camp a duré dix jours avec 24 jeunes et six aînés.',
        communityNext: 'Préparer le camp d’automne avec le conseil.',
        policeNarrative: 'Deux patrouilles par semaine au camp du printemps.',
        policeNext: 'Les maintenir en juillet.',
        activate: 'Mettre en œuvre',
        activated: 'Le plan est en œuvre.',
        submitReport: /^Remettre le rapport du T1/,
        submitConfirm: 'Remettre le rapport',
        submitted: /^Le rapport — .*T1.* — est remis\.$|^Ce rapport a été remis$/,
        onTimeCell: new RegExp(`^${LUTSELKE}, T1\\s?:\\s?À temps`),
      }
    : {
        referenceTitle: "The territory's reference data",
        themesLegend: /^The standard themes/,
        paste: /^Communities, one a line/,
        previewRow: `${LUTSELKE} (also Snowdrift) — region South Slave`,
        createReference: 'Create the themes and communities',
        referenceCreated: 'Reference data created',
        nextRecovery: 'Next: protect the territory key',
        recoveryTitle: 'Protect the territory key',
        exportRecovery: 'Export the recovery file',
        continueToScreens: "Continue to the territory's screens",
        addDetachment: 'Add a detachment',
        nameEn: 'Name in English',
        nameFr: 'Name in French',
        submitDetachment: 'Add the detachment',
        requestFrom: 'Request from',
        roleDetachment: 'Detachment',
        roleOffice: 'Community office',
        findCommunity: 'Find a community',
        enrolPassphrase: /^Passphrase for the bundle/,
        encryptedToKey: /^The enrolment bundle is encrypted to .*'s own key/,
        writeEnrolment: 'Write the enrolment bundle',
        enrolmentWritten: (name: string) => `Enrolment bundle for ${name} written`,
        fingerprintField: /^Territory fingerprint/,
        accept: 'Check and join the territory',
        startEmpty: 'Start an empty plan for FY 2026–27',
        startConfirm: 'Start the plan',
        addPriority: 'Add a priority',
        priority: 'Priority',
        zone: 'Zone',
        themes: 'Themes',
        submitPriority: 'Add the priority',
        addActionTo: /^Add an action to/,
        addAction: 'Add an action',
        action: 'Action',
        owner: 'Owner',
        q1: 'Q1',
        submitAction: 'Add the action',
        signOff: 'Sign off…',
        signOffTitle: /^Sign off the plan of/,
        communitySignatory: 'Signed for the community by',
        detachmentSignatory: 'Signed for the detachment by',
        signOffConfirm: 'Sign off the plan',
        halfSigned: 'Your block is signed.',
        signedBy: (name: string) => new RegExp(`^Signed by ${name} on `),
        readOnly: 'This plan is read-only',
        status: 'Status',
        narrative: 'What happened',
        nextSteps: 'Next steps',
        communityNarrative: 'The camp ran for ten days with 24 youth and six elders.',
        communityNext: 'Plan the fall camp with council.',
        policeNarrative: 'Two patrols a week at the spring camp.',
        policeNext: 'Keep them up in July.',
        activate: 'Mark active',
        activated: 'The plan is active.',
        submitReport: /^Submit the Q1 report/,
        submitConfirm: 'Submit the report',
        submitted: /^The report for .*Q1 is submitted\.$|^This report has been submitted$/,
        onTimeCell: `${LUTSELKE}, Q1: On time`,
      };
  /** The bundle wizard and import dialog of the Exchange screen. */
  const s = fr
    ? { send: 'Envoyer un paquet…', sendTitle: 'Envoyer un paquet', full: /^Un paquet complet/, next: 'Suivant', passphrase: 'Phrase de passe', again: 'Retapez la phrase de passe', write: 'Écrire le paquet', ready: 'Le paquet est prêt', download: 'Télécharger le paquet', done: 'Terminé', choose: 'Choisir un paquet à importer…', importTitle: /^Importer « /, unlock: 'Ouvrir le paquet', import: 'Importer', imported: 'Paquet importé', close: 'Fermer' }
    : { send: 'Send a bundle…', sendTitle: 'Send a bundle', full: /^A full bundle/, next: 'Next', passphrase: 'Passphrase', again: 'Type the passphrase again', write: 'Write the bundle', ready: 'The bundle is ready', download: 'Download the bundle', done: 'Done', choose: 'Choose a bundle to import…', importTitle: /^Import “/, unlock: 'Open the bundle', import: 'Import', imported: 'Bundle imported', close: 'Close' };
  /** What the detachment types in the plan, in the language it works in. */
  const PRIORITY = fr ? 'Les jeunes sur le territoire' : 'Youth on the land';
  const POLICE_ACTION = fr ? 'Patrouilles au camp du printemps' : 'Patrols at the spring camp';
  const COMMUNITY_ACTION = fr ? 'Camp culturel du printemps avec les aînés' : 'Spring culture camp with elders';
  const names = {
    det: { computer: `Détachement de ${LUTSELKE}`, user: 'Sgt. Dana Okpik' },
    office: { computer: `Bureau communautaire de ${LUTSELKE}`, user: 'Noel Jerome' },
  } as const;
  const findings: Record<string, unknown> = {};
  let browser: Browser;
  let downloads: string;
  const c = {} as Record<'coord' | 'det' | 'office', Computer>;
  const requests = {} as Record<'det' | 'office', string>;
  let fingerprint: string;
  let planId: string;

  async function look(page: Page, name: string) {
    await screenReady(page).catch(() => undefined);
    const violations = await seriousViolations(page);
    if (violations.length) findings[name] = violations;
    await screenshot(page, `territory-${lang}-${name}`);
  }

  async function download(page: Page, click: () => Promise<void>): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const saved = path.join(downloads, `${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    return saved;
  }

  /** The Exchange screen's wizard: a full encrypted bundle, downloaded as a file. */
  async function exportFull(computer: Computer, shot: string | null): Promise<string> {
    const { page, server } = computer;
    await go(page, server.url, '#/exchange');
    await page.getByRole('button', { name: s.send }).click();
    const wizard = page.getByRole('dialog', { name: s.sendTitle });
    await wizard.getByRole('radio', { name: s.full }).check();
    await wizard.getByRole('button', { name: s.next }).click();
    await wizard.getByLabel(s.passphrase, { exact: true }).fill(PASSPHRASE);
    await wizard.getByLabel(s.again).fill(PASSPHRASE);
    await wizard.getByRole('button', { name: s.next }).click();
    await wizard.getByRole('button', { name: s.write }).click();
    await wizard.getByText(s.ready).waitFor();
    if (shot) await look(page, `${shot}-export`);
    const file = await download(page, () => wizard.getByRole('button', { name: s.download }).click());
    await wizard.getByRole('button', { name: s.done }).click();
    return file;
  }

  /** A quarter's entry typed on an action's progress row (status, narrative, next steps), left with Tab, and saved. */
  async function recordProgressRow(page: Page, action: string, status: 'completed' | 'on_track', narrative: string, next: string): Promise<void> {
    const row = page.locator('section.progress-row', { hasText: action });
    await row.getByLabel(x.status).selectOption(status);
    await row.getByLabel(x.narrative).fill(narrative);
    await row.getByLabel(x.nextSteps).fill(next);
    await row.getByLabel(x.nextSteps).press('Tab');
    await waitForAttribute(row.locator('[data-save-state]'), 'data-save-state', 'saved');
  }

  /** The Exchange screen's import: the passphrase, the preview, Import — no fingerprint to tick between enrolled computers. */
  async function importFile(computer: Computer, file: string, shot: string | null): Promise<void> {
    const { page, server } = computer;
    await go(page, server.url, '#/exchange');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: s.choose }).click()]);
    await chooser.setFiles(file);
    const preview = page.getByRole('dialog', { name: s.importTitle });
    await preview.getByLabel(s.passphrase).fill(PASSPHRASE);
    await preview.getByRole('button', { name: s.unlock }).click();
    await preview.getByRole('button', { name: s.import, exact: true }).waitFor().catch(async (e) => {
      await screenshot(page, `territory-${lang}-import-failed`);
      throw new Error(`${e}\n${await preview.innerText()}`);
    });
    if (shot) await look(page, `${shot}-preview`);
    await preview.getByRole('button', { name: s.import, exact: true }).click();
    await preview.getByText(s.imported).waitFor({ timeout: 120_000 });
    await preview.locator('.dialog__footer').getByRole('button', { name: s.close }).click();
  }

  describe(`a real territory from nothing, in ${fr ? 'French' : 'English'}`, { timeout: 180_000 }, () => {
    beforeAll(async () => {
      browser = await launchChromium();
      const root = makeTempDir();
      downloads = path.join(root, 'downloads');
      fs.mkdirSync(downloads);
      for (const name of ['coord', 'det', 'office'] as const) {
        const dir = makeTempDir();
        const server = await startHarness(path.join(dir, `${name}.db`), NOW);
        const page = await openPage(browser, server, NOW, { bypassCSP: true });
        c[name] = { server, page, dir };
      }
    });

    afterAll(async () => {
      await browser?.close();
      for (const computer of Object.values(c)) {
        await computer.server?.close();
        removeTempDir(computer.dir);
      }
      if (downloads) removeTempDir(path.dirname(downloads));
    });

    it('every fresh database opens on the welcome screen, in the person’s language', async () => {
      for (const name of ['coord', 'det', 'office'] as const) {
        const { page } = c[name];
        await page.getByRole('heading', { level: 1, name: 'Welcome to the Community Safety Planner' }).waitFor();
        if (fr) {
          await page.getByRole('button', { name: 'Français' }).click();
          await page.getByRole('heading', { level: 1, name: /^Bienvenue/ }).waitFor();
        }
        expect(must(c[name].server.core.invoke('installation:setupState', {})).state).toBe('new');
      }
      await look(c.coord.page, 'welcome');
    });

    it('the coordinator starts the territory', async () => {
      const { page, server } = c.coord;
      await page.getByRole('button', { name: w.start }).click();
      await page.getByRole('heading', { level: 1, name: w.start }).waitFor();
      // Nothing is written with an empty name.
      await page.getByRole('button', { name: w.startSubmit }).click();
      await page.getByText(fr ? 'Saisissez le nom du territoire.' : "Enter the territory's name.").waitFor();
      await look(page, 'start-missing');
      await page.getByLabel(w.territoryName).fill('Territoires du Nord-Ouest');
      await page.getByLabel(w.computerName).fill('Justice — bureau de Yellowknife');
      await page.getByLabel(w.userName, { exact: true }).fill('Nora Adams');
      await page.getByRole('button', { name: w.startSubmit }).click();
      const state = await (async () => {
        for (let i = 0; i < 100; i++) {
          const s = must(server.core.invoke('installation:setupState', {}));
          if (s.state === 'ready') return s;
          await page.waitForTimeout(100);
        }
        throw new Error('The territory was not started.');
      })();
      expect(state.role).toBe('coordinator');
      expect(state.territory?.name).toBe('Territoires du Nord-Ouest');
      fingerprint = state.territory!.fingerprint;
      await page.locator('main h1').first().waitFor();
      await look(page, 'start-next-step');
    });

    it('the detachment and the community office join and write their enrolment requests as files', async () => {
      for (const [name, computer, user] of [
        ['det', `Détachement de ${LUTSELKE}`, 'Sgt. Dana Okpik'],
        ['office', `Bureau communautaire de ${LUTSELKE}`, 'Noel Jerome'],
      ] as const) {
        const { page, server } = c[name];
        await page.getByRole('button', { name: w.join }).click();
        await page.getByRole('heading', { level: 1, name: w.join }).waitFor();
        await page.getByLabel(w.computerName).fill(computer);
        await page.getByLabel(w.userName, { exact: true }).fill(user);
        await page.getByRole('button', { name: w.joinSubmit }).click();
        await page.getByRole('heading', { level: 1, name: fr ? 'En attente de la coordination' : 'Waiting for the coordinator' }).waitFor();
        if (name === 'det') await look(page, 'waiting');
        requests[name] = await download(page, () => page.getByRole('button', { name: fr ? 'Écrire le fichier de demande d’inscription' : 'Write the enrolment request file' }).click());
        expect(fs.statSync(requests[name]).size).toBeGreaterThan(0);
        expect(must(server.core.invoke('installation:setupState', {})).state).toBe('joining');
        if (name === 'det') await look(page, 'request-written');
      }
    });

    it('the coordinator types the reference data: three communities (Łutselk’e also “Snowdrift”), the standard themes, two detachments; exports the recovery file', async () => {
      const { page, server } = c.coord;
      await page.getByRole('heading', { level: 1, name: x.referenceTitle }).waitFor();
      await page.getByRole('group', { name: x.themesLegend }).getByRole('checkbox').first().waitFor();
      await page
        .getByLabel(x.paste)
        .fill(`${LUTSELKE}; South Slave; Snowdrift\nFort Resolution; South Slave; Deninu Kųę́\n${KATLODEECHE}; South Slave; Hay River Reserve`);
      await page.getByText(x.previewRow).waitFor();
      await look(page, 'reference-typed');
      await page.getByRole('button', { name: x.createReference }).click();
      await page.getByText(x.referenceCreated).waitFor();
      await page.getByRole('button', { name: x.nextRecovery }).click();
      await page.getByRole('heading', { level: 1, name: x.recoveryTitle }).waitFor();
      const recovery = await download(page, () => page.getByRole('button', { name: x.exportRecovery }).click());
      expect(fs.statSync(recovery).size).toBeGreaterThan(0);
      await page.getByRole('button', { name: x.continueToScreens }).click();
      await page.locator('.app-nav').waitFor();

      // Two detachments, in the Territory screens.
      await go(page, server.url, '#/territory/detachments');
      for (const [en, frName] of [
        [`${LUTSELKE} RCMP detachment`, `Détachement de la GRC de ${LUTSELKE}`],
        ['Fort Resolution RCMP detachment', 'Détachement de la GRC de Fort Resolution'],
      ] as const) {
        await page.getByRole('button', { name: x.addDetachment }).click();
        const dialog = page.getByRole('dialog', { name: x.addDetachment });
        await dialog.getByLabel(x.nameEn).fill(en);
        await dialog.getByLabel(x.nameFr).fill(frName);
        await dialog.getByRole('button', { name: x.submitDetachment }).click();
        await dialog.waitFor({ state: 'detached' });
        // The list is headed by the detachment's official (English) name in both languages, as on the Territory screens.
        await page.getByRole('rowheader', { name: en }).waitFor();
      }
      await look(page, 'detachments');
      await go(page, server.url, '#/territory');
      await page.getByRole('rowheader', { name: LUTSELKE }).waitFor();
      await look(page, 'communities');

      const communities = must(server.core.invoke('communities:list', {}));
      expect(communities.map((x) => x.name).sort()).toEqual(['Fort Resolution', KATLODEECHE, LUTSELKE].sort());
      expect(must(server.core.invoke('communities:list', { search: 'Snowdrift' })).map((x) => x.name)).toEqual([LUTSELKE]);
      expect(must(server.core.invoke('communities:list', { search: 'Lutselke' })).map((x) => x.name)).toEqual([LUTSELKE]);
      expect(must(server.core.invoke('detachments:list', {}))).toHaveLength(2);
      expect(must(server.core.invoke('themes:list', {})).length).toBeGreaterThan(3);
    });

    it('the coordinator opens both requests and writes the enrolment bundles; each member accepts with the territory fingerprint', async () => {
      const { page, server } = c.coord;
      await go(page, server.url, '#/computers');
      // The fingerprint the coordinator reads by phone, as the screen shows it.
      const shown = (await page.getByTestId('territory-fingerprint').textContent())!.trim();
      expect(shown.replace(/[\s-]/g, '')).toBe(fingerprint.replace(/-/g, ''));
      await look(page, 'computers');
      const bundles: Record<'det' | 'office', string> = { det: '', office: '' };
      for (const name of ['det', 'office'] as const) {
        await page.getByTestId('enrolment-request-input').setInputFiles(requests[name]);
        await page.getByRole('heading', { name: `${x.requestFrom} ${names[name].computer}` }).waitFor();
        await page.getByRole('radio', { name: name === 'det' ? x.roleDetachment : x.roleOffice, exact: true }).check();
        await page.getByLabel(x.findCommunity).fill('Lutselke');
        await page.getByRole('checkbox', { name: LUTSELKE }).check();
        // The request names the computer's encryption key: the bundle is encrypted to it, no passphrase asked.
        await page.getByText(x.encryptedToKey).waitFor();
        expect(await page.getByLabel(x.enrolPassphrase).count()).toBe(0);
        if (name === 'det') await look(page, 'enrol-form');
        bundles[name] = await download(page, () => page.getByRole('button', { name: x.writeEnrolment }).click());
        await page.getByText(x.enrolmentWritten(names[name].computer)).waitFor();
      }
      await look(page, 'enrolled');
      const list = must(server.core.invoke('enrolment:list', {}));
      expect(list.certificates.map((x) => x.role).sort()).toEqual(['coordinator', 'detachment', 'liaison']);

      for (const name of ['det', 'office'] as const) {
        const member = c[name];
        await member.page.getByTestId('enrolment-bundle-input').setInputFiles(bundles[name]);
        await member.page.getByLabel(x.fingerprintField).fill(shown.toLowerCase());
        // Encrypted to this computer's own key: the passphrase field stays empty.
        if (name === 'office') await look(member.page, 'accept-form');
        await member.page.getByRole('button', { name: x.accept }).click();
        await member.page.locator('.app-nav').waitFor({ timeout: 120_000 });
        const state = must(member.server.core.invoke('installation:setupState', {}));
        expect(state).toMatchObject({ state: 'ready', role: name === 'det' ? 'detachment' : 'liaison' });
        expect(state.communities?.map((x) => x.name)).toEqual([LUTSELKE]);
        if (name === 'office') await look(member.page, 'joined');
      }
    });

    it('the detachment creates the plan of Łutselk’e, a priority, a police action and a community action, and signs its block', async () => {
      const { page, server } = c.det;
      await go(page, server.url, '#/communities');
      await page.getByRole('link', { name: LUTSELKE, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: LUTSELKE }).waitFor();
      await page.getByRole('button', { name: x.startEmpty }).click();
      await page.getByRole('dialog').getByRole('button', { name: x.startConfirm }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${LUTSELKE} — `) }).waitFor();
      planId = decodeURIComponent(page.url().split('#/plans/')[1]!.split('/')[0]!);
      expect(must(server.core.invoke('plans:get', { planId })).status).toBe('draft');

      await page.getByRole('button', { name: x.addPriority }).first().click();
      const priority = page.getByRole('dialog', { name: x.addPriority });
      await priority.getByLabel(x.priority, { exact: true }).fill(PRIORITY);
      await priority.getByLabel(x.zone).selectOption('social_development');
      await priority.getByRole('group', { name: x.themes }).getByRole('checkbox').first().check();
      await priority.getByRole('button', { name: x.submitPriority }).click();
      await page.getByRole('heading', { level: 3, name: new RegExp(PRIORITY) }).waitFor();

      for (const [title, owner] of [
        [POLICE_ACTION, 'police'],
        [COMMUNITY_ACTION, 'community'],
      ] as const) {
        await page.getByRole('button', { name: x.addActionTo }).click();
        const action = page.getByRole('dialog', { name: x.addAction });
        await action.getByLabel(x.action, { exact: true }).fill(title);
        await action.getByLabel(x.owner).selectOption(owner);
        await action.getByRole('checkbox', { name: x.q1, exact: true }).check();
        await action.getByRole('button', { name: x.submitAction }).click();
        await action.waitFor({ state: 'detached' });
        await page.getByRole('rowheader', { name: title }).waitFor();
      }
      await look(page, 'plan-draft');

      await page.getByRole('button', { name: x.signOff }).click();
      const signOff = page.getByRole('dialog', { name: x.signOffTitle });
      expect(await signOff.getByLabel(x.communitySignatory).isDisabled()).toBe(true);
      expect(await signOff.getByLabel(x.detachmentSignatory).inputValue()).toBe(names.det.user);
      await look(page, 'sign-off-detachment');
      await signOff.getByRole('button', { name: x.signOffConfirm }).click();
      await page.getByText(x.halfSigned).waitFor();
      const plan = must(server.core.invoke('plans:get', { planId }));
      expect(plan).toMatchObject({ status: 'draft', detachmentSignatory: names.det.user });
    });

    it('a bundle goes to the community office, which signs the community block (the plan is agreed) and records the community action', async () => {
      const fromDet = await exportFull(c.det, 'det-1');
      const { page, server } = c.office;
      await importFile(c.office, fromDet, 'office-import');
      await go(page, server.url, `#/plans/${planId}`);
      await page.getByRole('button', { name: x.signOff }).click();
      const signOff = page.getByRole('dialog', { name: x.signOffTitle });
      // The detachment's block arrived signed; only the community's is open here.
      await signOff.getByText(x.signedBy(names.det.user)).waitFor();
      await signOff.getByLabel(x.communitySignatory).fill('Chief Alice Kenny');
      await look(page, 'sign-off-community');
      await signOff.getByRole('button', { name: x.signOffConfirm }).click();
      await page.getByText(x.readOnly).waitFor();
      expect(must(server.core.invoke('plans:get', { planId }))).toMatchObject({ status: 'agreed', communitySignatory: 'Chief Alice Kenny', detachmentSignatory: names.det.user });

      await go(page, server.url, `#/plans/${planId}/progress/1`);
      await recordProgressRow(page, COMMUNITY_ACTION, 'completed', x.communityNarrative, x.communityNext);
      await look(page, 'office-progress');
    });

    it('the detachment activates the plan, records Q1 progress on its action and submits the Q1 report', async () => {
      const fromOffice = await exportFull(c.office, 'office-1');
      const { page, server } = c.det;
      await importFile(c.det, fromOffice, null);
      await go(page, server.url, `#/plans/${planId}`);
      await page.getByRole('button', { name: x.activate }).click();
      await page.getByRole('dialog').getByRole('button', { name: x.activate }).click();
      await page.getByText(x.activated).first().waitFor();
      expect(must(server.core.invoke('plans:get', { planId })).status).toBe('active');

      await go(page, server.url, `#/plans/${planId}/progress/1`);
      await recordProgressRow(page, POLICE_ACTION, 'on_track', x.policeNarrative, x.policeNext);
      // The community office's entry arrived with its bundle.
      expect(await page.locator('section.progress-row', { hasText: COMMUNITY_ACTION }).getByLabel(x.narrative).inputValue()).toBe(x.communityNarrative);
      await page.getByRole('button', { name: x.submitReport }).click();
      await page.getByRole('dialog').getByRole('button', { name: x.submitConfirm }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect.poll(() => must(server.core.invoke('progress:get', { planId, quarter: 1 })).report.state).toBe('submitted');
      await page.getByText(x.submitted).first().waitFor();
      await look(page, 'report-submitted');
      const progress = must(server.core.invoke('progress:get', { planId, quarter: 1 }));
      expect(progress.report.state).toBe('submitted');
      expect(progress.rows.map((r) => r.entry?.status).sort()).toEqual(['completed', 'on_track']);
    });

    it('bundles from both members reach the coordinator, who sees Łutselk’e on time for Q1', async () => {
      const [fromOffice, fromDet] = [await exportFull(c.office, 'office-2'), await exportFull(c.det, 'det-2')];
      await importFile(c.coord, fromOffice, null);
      await importFile(c.coord, fromDet, 'coord-import');
      const { page, server } = c.coord;
      await go(page, server.url, '#/coordinator');
      await page.getByRole('link', { name: x.onTimeCell }).waitFor();
      await look(page, 'matrix-on-time');
      const matrix = must(server.core.invoke('completeness:matrix', { fiscalYear: 2026 }));
      const row = matrix.rows.find((r) => r.communityName === LUTSELKE)!;
      expect(row.planStatus).toBe('active');
      expect(row.cells[0]!.state).toBe('on_time');
      const progress = must(server.core.invoke('progress:get', { planId, quarter: 1 }));
      expect(progress.rows.map((r) => r.entry?.narrative).sort()).toEqual([x.communityNarrative, x.policeNarrative].sort());
    });

    it('showed no serious accessibility problem and no script error', () => {
      expect(findings).toEqual({});
      for (const computer of Object.values(c)) expect(pageProblems(computer.page)).toEqual([]);
    });
  });
}

/**
 * The scenario in one language. One test file per language (territory-scenario-en.e2e.test.ts,
 * territory-scenario-fr.e2e.test.ts): each language starts from its own fresh databases and browser
 * anyway, so the two run side by side.
 */
export function territoryScenario(lang: 'en' | 'fr'): void {
  describe.skipIf(!chromiumAvailable())('issue 10, end to end', () => {
    scenario(lang);
  });
}

