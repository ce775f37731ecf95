import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { digestOfFile } from './table-digest';
import { type CliRun, makeTempDir, ROOT, runCliAsync } from './run-cli';

/**
 * Issue 10's "done when", as a scripting coordinator would run it with the command line: three
 * empty databases (coordinator, detachment, community office); the coordinator starts a
 * territory and types its reference data (a region, three communities — Łutselk'e also known as
 * "Snowdrift" —, two detachments, the standard themes); the two other computers join with
 * enrolment request files, the coordinator enrols them (a detachment and a community office, both
 * for Łutselk'e), they accept their enrolment bundles after checking the territory fingerprint;
 * the plan of Łutselk'e is created, signed block by block, activated, its Q1 progress recorded by
 * both sides and the Q1 report submitted; bundles travel as files; the coordinator imports both
 * and sees Łutselk'e on time for Q1. Then the refusals the issue lists, each with a sentence, exit
 * 2 and the database unchanged (table digest equal).
 *
 * "Today" is pinned in every CLI process to 20 June 2026 (the last two weeks of Q1 of FY 2026–27,
 * so the Q1 report may be submitted) by a preload (support/fake-now.mjs): the CLI has no --now
 * outside `init --demo`.
 */

const NOW = '2026-06-20T15:00:00.000Z';
const FY = 2026;
const PASSPHRASE = 'lac de la montagne enneigée';
const PRELOAD = path.join(ROOT, 'test', 'cli', 'support', 'fake-now.mjs');

/** The methods this scenario needs: a test fails if any leaves the contract (the scenario is never skipped). */
const NEEDED = ['territory:start', 'territory:join', 'enrolment:writeRequest', 'enrolment:readRequest', 'enrolment:enrol', 'enrolment:accept', 'enrolment:revoke', 'regions:create', 'communities:create', 'detachments:create', 'themes:standard', 'themes:create'];

let root: string;
let passFile: string;
const db = { coord: '', det: '', office: '', other: '' };
let fingerprint: string;
let ids: { region: string; lutselke: string; snowdrift: string; fortRes: string; detLutselke: string; detFortRes: string };
let planId: string;
let policeActionId: string;
let communityActionId: string;

const env = { NODE_OPTIONS: `--import ${PRELOAD}`, CSP_TEST_NOW: NOW };
const cli = (file: string, ...args: string[]) => runCliAsync(['--db', file, ...args], { env });

function out(run: CliRun, what: string): string {
  if (run.code !== 0) throw new Error(`${what}: exit ${run.code}: ${run.stderr}${run.stdout}`);
  return run.stdout;
}
async function must(file: string, ...args: string[]): Promise<string> {
  return out(await cli(file, ...args), `${path.basename(file)} ${args.join(' ')}`);
}
async function call<T = any>(file: string, method: string, input: unknown): Promise<T> {
  const text = await must(file, 'call', method, JSON.stringify(input));
  return (JSON.parse(text) as { value: T }).value;
}
/** A call that must be refused: exit 2, a sentence (no stack trace), and the database unchanged. */
async function refused(file: string, method: string, input: unknown): Promise<string> {
  const before = digestOfFile(file);
  const run = await cli(file, 'call', method, JSON.stringify(input));
  expect(run.code, `${method} should be refused: ${run.stdout}${run.stderr}`).toBe(2);
  const env = JSON.parse(run.stdout) as { ok: false; error: { code: string; message: string } };
  expect(env.ok).toBe(false);
  expect(env.error.message).toMatch(/^[A-ZÀ-Ý].*[.!?]$/s);
  expect(env.error.message).not.toMatch(/\bat .*\.ts:\d+|Error:/);
  expect(digestOfFile(file)).toBe(before);
  return env.error.message;
}
function file(name: string): string {
  return path.join(root, name);
}
async function exportFull(from: string, name: string): Promise<string> {
  const to = file(name);
  await must(from, 'export', '--full', '--out', to, '--passphrase-file', passFile);
  return to;
}
async function importBundle(into: string, bundle: string): Promise<string> {
  return must(into, 'import', bundle, '--passphrase-file', passFile);
}

describe('a real territory from nothing, on the command line', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    root = makeTempDir();
    passFile = file('passphrase.txt');
    fs.writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    for (const name of Object.keys(db) as Array<keyof typeof db>) {
      fs.mkdirSync(file(name));
      db[name] = path.join(root, name, `${name}.db`);
    }
    await Promise.all(Object.values(db).map((f) => must(f, 'init')));
  }, 60_000);

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('starts from databases with no profile, and refuses planning work there with a sentence', async () => {
    const state = await call(db.coord, 'installation:setupState', {});
    expect(state.state).toBe('new');
    await refused(db.coord, 'communities:list', {});
  });

  it('the coordinator starts the territory and types its reference data', async () => {
    const started = await call(db.coord, 'territory:start', { territoryName: 'Northwest Territories', computerName: 'Justice HQ laptop', userName: 'Nora Adams' });
    expect(started.state).toBe('ready');
    expect(started.role).toBe('coordinator');
    fingerprint = started.territory.fingerprint;
    expect(fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){7}$/);

    const region = await call(db.coord, 'regions:create', { nameEn: 'South Slave', nameFr: 'Slave Sud' });
    const lutselke = await call(db.coord, 'communities:create', { name: 'Łutselk\u2019e', otherNames: ['Snowdrift'], regionId: region.id, hasDetachment: true });
    const fortRes = await call(db.coord, 'communities:create', { name: 'Fort Resolution', otherNames: ['Deninu Kųę́'], regionId: region.id, hasDetachment: true });
    const hayRiver = await call(db.coord, 'communities:create', { name: 'K\u2019átł\u2019odeeche', otherNames: ['Hay River Reserve'], regionId: region.id, hasDetachment: false });
    const detLutselke = await call(db.coord, 'detachments:create', { name: 'Łutselk\u2019e RCMP', nameFr: 'GRC de Łutselk\u2019e', communityId: lutselke.id, servesCommunityIds: [lutselke.id] });
    const detFortRes = await call(db.coord, 'detachments:create', { name: 'Fort Resolution RCMP', nameFr: 'GRC de Fort Resolution', communityId: fortRes.id, servesCommunityIds: [fortRes.id, hayRiver.id] });
    const standard = await call<Array<{ code: string; nameEn: string; nameFr: string }>>(db.coord, 'themes:standard', {});
    expect(standard.length).toBeGreaterThan(3);
    for (const theme of standard) await call(db.coord, 'themes:create', theme);
    ids = { region: region.id, lutselke: lutselke.id, snowdrift: lutselke.id, fortRes: fortRes.id, detLutselke: detLutselke.id, detFortRes: detFortRes.id };

    const communities = await call<Array<{ id: string; name: string; servedByDetachmentId: string | null }>>(db.coord, 'communities:list', {});
    expect(communities.map((c) => c.name).sort()).toEqual(['Fort Resolution', 'K\u2019átł\u2019odeeche', 'Łutselk\u2019e']);
    expect(communities.find((c) => c.id === hayRiver.id)?.servedByDetachmentId).toBe(detFortRes.id);
    const themes = await call<Array<{ id: string }>>(db.coord, 'themes:list', {});
    expect(themes).toHaveLength(standard.length);
    // The other name and the name without its diacritics and apostrophe both find it.
    for (const search of ['Snowdrift', 'Lutselke']) {
      const found = await call<Array<{ id: string }>>(db.coord, 'communities:list', { search });
      expect(found.map((c) => c.id), search).toEqual([lutselke.id]);
    }
  });

  it('the detachment and the community office join, and the coordinator enrols them for Łutselk’e', async () => {
    const [det, office] = await Promise.all([
      call(db.det, 'territory:join', { computerName: 'Łutselk’e detachment desktop', userName: 'Sgt. Dana Okpik' }),
      call(db.office, 'territory:join', { computerName: 'Łutselk’e band office', userName: 'Noel Jerome' }),
    ]);
    expect([det.state, office.state]).toEqual(['joining', 'joining']);
    const [detRequest, officeRequest] = await Promise.all([
      call(db.det, 'enrolment:writeRequest', { file: file('det.request') }),
      call(db.office, 'enrolment:writeRequest', { file: file('office.request') }),
    ]);
    expect(fs.existsSync(detRequest.file)).toBe(true);

    const readDet = await call(db.coord, 'enrolment:readRequest', { file: detRequest.file });
    expect(readDet).toMatchObject({ computerName: 'Łutselk’e detachment desktop', userName: 'Sgt. Dana Okpik', fingerprint: detRequest.fingerprint });
    const readOffice = await call(db.coord, 'enrolment:readRequest', { file: officeRequest.file });
    const issuedDet = await call(db.coord, 'enrolment:enrol', { requestId: readDet.requestId, role: 'detachment', communityIds: [ids.lutselke], file: file('det-enrolment.planbundle'), passphrase: PASSPHRASE });
    const issuedOffice = await call(db.coord, 'enrolment:enrol', { requestId: readOffice.requestId, role: 'liaison', communityIds: [ids.lutselke], file: file('office-enrolment.planbundle'), passphrase: PASSPHRASE });
    expect(issuedDet.certificate).toMatchObject({ role: 'detachment' });
    expect(issuedOffice.certificate).toMatchObject({ role: 'liaison' });

    // A fingerprint misread on the phone is refused, and nothing changes.
    const wrong = fingerprint.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await refused(db.det, 'enrolment:accept', { file: issuedDet.file, passphrase: PASSPHRASE, territoryFingerprint: wrong });

    const [acceptedDet, acceptedOffice] = await Promise.all([
      call(db.det, 'enrolment:accept', { file: issuedDet.file, passphrase: PASSPHRASE, territoryFingerprint: fingerprint.toLowerCase().replace(/-/g, ' ') }),
      call(db.office, 'enrolment:accept', { file: issuedOffice.file, passphrase: PASSPHRASE, territoryFingerprint: fingerprint }),
    ]);
    expect(acceptedDet.setup).toMatchObject({ state: 'ready', role: 'detachment', communities: [{ id: ids.lutselke }] });
    expect(acceptedOffice.setup).toMatchObject({ state: 'ready', role: 'liaison', communities: [{ id: ids.lutselke }] });
    // The enrolment bundle brought the territory's reference data.
    const communities = await call<Array<{ name: string }>>(db.det, 'communities:list', {});
    expect(communities.map((c) => c.name)).toContain('Łutselk\u2019e');
  });

  it('the plan of Łutselk’e is created, signed block by block, activated, its Q1 progress recorded and the Q1 report submitted', async () => {
    const themes = await call<Array<{ id: string }>>(db.det, 'themes:list', {});
    const plan = await call(db.det, 'plans:create', { communityId: ids.lutselke, fiscalYear: FY });
    planId = plan.id;
    const priority = await call(db.det, 'priorities:add', { planId, title: 'Youth on the land', zone: 'social_development', themeIds: [themes[0]!.id] });
    policeActionId = (await call(db.det, 'actions:add', { priorityId: priority.id, title: 'Patrols at the spring camp', owner: 'police', plannedQuarters: [1] })).id;
    communityActionId = (await call(db.det, 'actions:add', { priorityId: priority.id, title: 'Spring culture camp with elders', owner: 'community', plannedQuarters: [1] })).id;
    const signedDet = await call(db.det, 'plans:agree', { planId, detachmentSignatory: 'Sgt. Dana Okpik', detachmentSignedOn: '2026-06-10' });
    expect(signedDet.status).toBe('draft');

    // Detachment → community office: the office signs the community's block; the plan is agreed.
    await importBundle(db.office, await exportFull(db.det, 'det-1.planbundle'));
    const signedOffice = await call(db.office, 'plans:agree', { planId, communitySignatory: 'Chief Alice Kenny', communitySignedOn: '2026-06-12' });
    expect(signedOffice.status).toBe('agreed');

    // Back to the detachment: it activates the plan and records its own action's Q1 progress.
    await importBundle(db.det, await exportFull(db.office, 'office-1.planbundle'));
    expect((await call(db.det, 'plans:activate', { planId })).status).toBe('active');
    await call(db.det, 'progress:record', { actionId: policeActionId, quarter: 1, status: 'on_track', narrative: 'Two patrols a week at the camp.', nextSteps: 'Keep them up in July.' });

    // The community office records the community's action.
    await importBundle(db.office, await exportFull(db.det, 'det-2.planbundle'));
    await call(db.office, 'progress:record', { actionId: communityActionId, quarter: 1, status: 'completed', narrative: 'The camp ran for ten days with 24 youth.', nextSteps: '' });

    // The detachment submits the Q1 report.
    await importBundle(db.det, await exportFull(db.office, 'office-2.planbundle'));
    const report = await call(db.det, 'reports:submit', { planId, quarter: 1 });
    expect(report.state).toBe('submitted');
  });

  it('the coordinator imports both bundles and sees Łutselk’e on time for Q1', async () => {
    const [fromDet, fromOffice] = await Promise.all([exportFull(db.det, 'det-3.planbundle'), exportFull(db.office, 'office-3.planbundle')]);
    // Enrolled computers need no trust on first use: no --trust-new-sender.
    await importBundle(db.coord, fromOffice);
    await importBundle(db.coord, fromDet);
    const matrix = await call(db.coord, 'completeness:matrix', { fiscalYear: FY });
    const row = matrix.rows.find((r: { communityId: string }) => r.communityId === ids.lutselke);
    expect(row?.planStatus).toBe('active');
    expect(row?.cells[0]?.state).toBe('on_time');
    const progress = await call(db.coord, 'progress:get', { planId, quarter: 1 });
    expect(progress.rows.map((r: { entry: { status: string } | null }) => r.entry?.status).sort()).toEqual(['completed', 'on_track']);
    const [dCoord, dDet] = await Promise.all([must(db.coord, 'digest'), must(db.det, 'digest')]);
    expect(dCoord).toBe(dDet);
  });

  describe('refusals, each with a sentence and the database unchanged', () => {
    it('a community office signing for the detachment', async () => {
      const message = await refused(db.office, 'plans:agree', { planId, detachmentSignatory: 'Noel Jerome', detachmentSignedOn: '2026-06-15' });
      expect(message).toMatch(/detachment/i);
    });

    it('a detachment changing a community outside its certificate', async () => {
      const message = await refused(db.det, 'plans:create', { communityId: ids.fortRes, fiscalYear: FY });
      expect(message).toContain('Łutselk\u2019e');
    });

    it('a change of role in Settings once enrolled', async () => {
      await refused(db.det, 'installation:update', { role: 'coordinator' });
      await refused(db.office, 'installation:update', { scopeCommunityIds: [ids.lutselke, ids.fortRes] });
    });

    it('reference data from a computer that is not the coordinator', async () => {
      await refused(db.det, 'communities:create', { name: 'Inuvik', otherNames: [], regionId: ids.region, hasDetachment: true });
    });

    it('a computer certified by another territory', async () => {
      const other = await call(db.other, 'territory:start', { territoryName: 'Elsewhere', computerName: 'Other HQ', userName: 'Eve Other' });
      expect(other.territory.fingerprint).not.toBe(fingerprint);
      const bundle = await exportFull(db.other, 'other.planbundle');
      const before = digestOfFile(db.coord);
      const run = await cli(db.coord, 'import', bundle, '--passphrase-file', passFile);
      expect(run.code).toBe(2);
      expect(run.stderr + run.stdout).toMatch(/territor/i);
      expect(digestOfFile(db.coord)).toBe(before);
    });

    it('an enrolment bundle of another territory, offered with this territory’s fingerprint', async () => {
      const lateJoin = path.join(root, 'late', 'late.db');
      fs.mkdirSync(path.dirname(lateJoin));
      await must(lateJoin, 'init');
      await call(lateJoin, 'territory:join', { computerName: 'Spare laptop', userName: 'Sam Spare' });
      const request = await call(lateJoin, 'enrolment:writeRequest', { file: file('late.request') });
      const read = await call(db.other, 'enrolment:readRequest', { file: request.file });
      const issued = await call(db.other, 'enrolment:enrol', { requestId: read.requestId, role: 'coordinator', communityIds: null, file: file('late-enrolment.planbundle'), passphrase: PASSPHRASE });
      await refused(lateJoin, 'enrolment:accept', { file: issued.file, passphrase: PASSPHRASE, territoryFingerprint: fingerprint });
    });

    it('a revoked computer’s new changes', async () => {
      const list = await call(db.coord, 'enrolment:list', {});
      const office = list.certificates.find((c: { role: string; revoked?: unknown }) => c.role === 'liaison');
      await call(db.coord, 'enrolment:revoke', { serial: office.serial, reason: 'Laptop lost on the ice road' });
      // The office does not know yet: it amends its Q1 progress and sends it.
      await call(db.office, 'progress:record', { actionId: communityActionId, quarter: 1, status: 'completed', narrative: 'Written after the revocation.', nextSteps: '' });
      const bundle = await exportFull(db.office, 'office-revoked.planbundle');
      const before = digestOfFile(db.coord);
      const run = await cli(db.coord, 'import', bundle, '--passphrase-file', passFile);
      expect(run.code).toBe(2);
      expect(run.stderr + run.stdout).toContain('Łutselk’e band office');
      expect(digestOfFile(db.coord)).toBe(before);
    });
  });
});

it('has every method the scenario calls in the contract', () => {
  expect(NEEDED.filter((m) => !(m in contract))).toEqual([]);
});
