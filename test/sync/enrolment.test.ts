/**
 * A territory from nothing (issue 10, §2–3): the coordinator starts it, a detachment and a
 * community office join by request files and enrolment bundles, and from then on bundles between
 * enrolled computers are accepted with no trust step, within each certificate's communities.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../electron/core/changelog/clock';
import { change } from '../../electron/core/changelog/core-context';
import { naturalIds } from '../../electron/core/changelog/deterministic-id';
import { generateIdentityKeys, signText } from '../../electron/core/bundles/identity';
import { bundlePath, databaseState, isPlainSentence, openTestCore, refusalOf } from '../support';
import { type Computer, enrolNew, newComputer, startTerritory } from './support/territory';

function fullBundle(from: Computer, hint = 'b'): string {
  const file = bundlePath(from, `${from.label}-${hint}`);
  from.must('bundles:export', { full: true, file, encrypt: false });
  return file;
}

describe('first start', () => {
  it('writes no profile until a territory is started or joined, and refuses everything else with a sentence', () => {
    const fresh = newComputer('fresh');
    expect(fresh.must('installation:setupState', {})).toMatchObject({ state: 'new', territory: null, role: null });
    const refused = refusalOf(fresh.call('communities:list', {}));
    expect(refused.message).toBe('This computer is not set up yet: start a territory, join one, or open the demo.');
    expect(fresh.core.context.sqlite.prepare('SELECT count(*) FROM installation').pluck().get()).toBe(0);
    expect(fresh.core.context.sqlite.prepare("SELECT count(*) FROM installation WHERE name = 'This computer' OR user_name = 'Planner user'").pluck().get()).toBe(0);
  });

  it('starts a territory: the coordinator, its key and its own certificate for all communities', () => {
    const c = newComputer('c1');
    const state = c.must('territory:start', { territoryName: 'Nunavut', computerName: 'HQ laptop', userName: 'Sam', locale: 'fr' });
    expect(state).toMatchObject({ state: 'ready', isDemo: false, locale: 'fr', role: 'coordinator', communities: null, territory: { name: 'Nunavut' } });
    expect(state.territory!.fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){7}$/);
    expect(state.certificate).toMatchObject({ role: 'coordinator', communityIds: null });
    expect(refusalOf(c.call('territory:start', { territoryName: 'Again', computerName: 'x', userName: 'y' })).message).toMatch(/^Cet ordinateur est déjà configuré sous le nom «\u00a0HQ laptop\u00a0»/);
  });

  it('a joining computer can only write its request and accept its enrolment', () => {
    const j = newComputer('j1');
    expect(j.must('territory:join', { computerName: 'Fort Good Hope detachment', userName: 'Cst. Lee' })).toMatchObject({ state: 'joining', role: null });
    expect(refusalOf(j.call('plans:list', {})).message).toMatch(/waiting for its enrolment bundle/);
    const written = j.must('enrolment:writeRequest', { file: path.join(j.dir, 'req.json') });
    expect(written.fingerprint).toBe(j.must('sync:whoami', {}).fingerprint);
    // The same request each time, until it is answered.
    expect(j.must('enrolment:writeRequest', { file: path.join(j.dir, 'req2.json') }).requestId).toBe(written.requestId);
  });
});

describe('enrolment', () => {
  it('start → request → enrol → accept: role and communities come from the certificate', () => {
    const { detachment, office, communities, coordinator } = startTerritory();
    expect(detachment.must('installation:setupState', {})).toMatchObject({
      state: 'ready',
      role: 'detachment',
      territory: { name: 'Northwest Territories' },
      communities: [{ id: communities.lutselke, name: 'Łutselk’e' }],
    });
    expect(office.must('installation:get', {})).toMatchObject({ role: 'liaison', scopeCommunityIds: [communities.behchoko] });
    // The enrolment bundle carried the reference data.
    expect(detachment.must('communities:list', {}).map((c) => c.name).sort()).toEqual(['Behchokǫ̀', 'Gamètì', 'Łutselk’e']);
    const list = coordinator.must('enrolment:list', {});
    expect(list.requests).toHaveLength(2);
    expect(list.certificates.map((c) => c.role).sort()).toEqual(['coordinator', 'detachment', 'liaison']);
    expect(list.requests.every((r) => r.certificateSerial !== null)).toBe(true);
  });

  it('bundles between two enrolled computers are accepted with no trust step, within the receiver’s read scope', () => {
    const { detachment, office, coordinator, communities, fingerprint } = startTerritory();
    const lkOffice = enrolNew(coordinator, 'lkoffice', 'liaison', [communities.lutselke], fingerprint);
    const plan = detachment.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    // Detachment → Łutselk’e's office directly: neither has ever trusted the other by fingerprint.
    const file = fullBundle(detachment);
    const result = lkOffice.must('bundles:import', { file });
    expect(result.imported).toBe(true);
    expect(lkOffice.must('plans:get', { planId: plan.id }).communityId).toBe(communities.lutselke);
    // Behchokǫ̀'s office keeps only its own community and the territory: the same bundle is refused, naming Łutselk’e.
    const before = databaseState(office);
    expect(refusalOf(office.call('bundles:import', { file })).message).toMatch(/^This bundle holds changes to Łutselk’e, which this computer does not keep/);
    expect(databaseState(office)).toEqual(before);
    // And up to the coordinator.
    coordinator.must('bundles:import', { file: fullBundle(lkOffice) });
    expect(coordinator.must('plans:get', { planId: plan.id }).id).toBe(plan.id);
    expect(lkOffice.must('peers:list', {}).find((p) => p.name === 'det computer')).toMatchObject({ scopeCommunityIds: [communities.lutselke], revokedAt: null });
  });

  it('a plan the detachment created and signed for its side reaches its community office: creating it signed nothing for the community', () => {
    const { coordinator, detachment, communities, fingerprint } = startTerritory();
    // Enrolled after the detachment: its enrolment bundle carries the detachment's certificate.
    const office = enrolNew(coordinator, 'lkoffice', 'liaison', [communities.lutselke], fingerprint);
    const plan = detachment.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    detachment.must('priorities:add', { planId: plan.id, title: 'Youth on the land', zone: 'social_development', themeIds: [] });
    detachment.must('plans:agree', { planId: plan.id, detachmentSignatory: 'Sgt. Dana Okpik', detachmentSignedOn: '2025-05-15' });
    expect(office.must('bundles:import', { file: fullBundle(detachment) }).imported).toBe(true);
    expect(office.must('plans:get', { planId: plan.id })).toMatchObject({ status: 'draft', detachmentSignatory: 'Sgt. Dana Okpik', communitySignatory: null });
    office.must('plans:agree', { planId: plan.id, communitySignatory: 'Chief Alice Kenny', communitySignedOn: '2025-05-15' });
    expect(detachment.must('bundles:import', { file: fullBundle(office) }).imported).toBe(true);
    expect(detachment.must('plans:get', { planId: plan.id }).status).toBe('agreed');
  });

  it('refuses communities left out for a detachment or a community office', () => {
    const { coordinator } = startTerritory();
    const j = newComputer('j2');
    j.must('territory:join', { computerName: 'Spare', userName: 'Someone' });
    const req = path.join(j.dir, 'r.json');
    j.must('enrolment:writeRequest', { file: req });
    const request = coordinator.must('enrolment:readRequest', { file: req });
    const refused = refusalOf(coordinator.call('enrolment:enrol', { requestId: request.requestId, role: 'liaison', communityIds: [], file: bundlePath(coordinator) }));
    expect(refused.message).toBe('A community office computer serves some communities: choose at least one.');
  });

  it('refuses a wrong territory fingerprint on accept, changing nothing', () => {
    const { coordinator, fingerprint } = startTerritory();
    const j = newComputer('j3');
    j.must('territory:join', { computerName: 'Spare', userName: 'Someone' });
    const req = path.join(j.dir, 'r.json');
    j.must('enrolment:writeRequest', { file: req });
    const request = coordinator.must('enrolment:readRequest', { file: req });
    const bundle = bundlePath(coordinator);
    coordinator.must('enrolment:enrol', { requestId: request.requestId, role: 'liaison', communityIds: [coordinator.must('communities:list', {})[0]!.id], file: bundle });
    const wrong = fingerprint.split('-').reverse().join('-');
    const before = databaseState(j);
    const refused = refusalOf(j.call('enrolment:accept', { file: bundle, territoryFingerprint: wrong }));
    expect(refused.message).toMatch(/^The territory fingerprint you typed .* is not the one of this enrolment bundle/);
    expect(databaseState(j)).toEqual(before);
    // Typed in lower case without dashes, the right one is accepted.
    expect(j.must('enrolment:accept', { file: bundle, territoryFingerprint: fingerprint.toLowerCase().replace(/-/g, ' ') }).setup.state).toBe('ready');
  });

  it('an enrolled computer cannot change its role or communities in Settings', () => {
    const { detachment, communities } = startTerritory();
    const before = databaseState(detachment);
    const refused = refusalOf(detachment.call('installation:update', { role: 'coordinator' }));
    expect(refused.message).toMatch(/^This computer's role and communities come from its certificate/);
    expect(refusalOf(detachment.call('installation:update', { scopeCommunityIds: [communities.behchoko] })).code).toBe('forbidden');
    expect(databaseState(detachment)).toEqual(before);
    expect(detachment.must('installation:update', { userName: 'Cst. New' }).userName).toBe('Cst. New');
  });
});

describe('refusals: the database is left unchanged', () => {
  it('a detachment changing a community outside its certificate', () => {
    const { detachment, coordinator, communities } = startTerritory();
    // Its own core refuses it with a sentence, changing nothing…
    const own = databaseState(detachment);
    expect(refusalOf(detachment.call('plans:create', { communityId: communities.gameti, fiscalYear: 2025 })).message).toContain('Gamètì');
    expect(databaseState(detachment)).toEqual(own);
    // …and a change written past that check (a tampered copy of the planner) is refused by the import.
    change(detachment.core.context, 'plans:create', (w) =>
      w.insert('plans', { id: naturalIds.plan(communities.gameti, 2025), communityId: communities.gameti, fiscalYear: 2025, title: 'Forged', summary: null, status: 'draft', communitySignatory: null, communitySignedOn: null, detachmentSignatory: null, detachmentSignedOn: null, copiedFromPlanId: null }),
    );
    const before = databaseState(coordinator);
    const refused = refusalOf(coordinator.call('bundles:import', { file: fullBundle(detachment) }));
    expect(refused.reason).toBe('out_of_scope');
    expect(refused.message).toContain('Gamètì');
    expect(isPlainSentence(refused.message)).toBe(true);
    expect(databaseState(coordinator)).toEqual(before);
  });

  it('a forged certificate (not signed by the territory key)', async () => {
    const { coordinator, communities } = startTerritory();
    const { readParts, writeParts } = await import('../support');
    const intruder = newComputer('intruder');
    intruder.must('territory:join', { computerName: 'Intruder', userName: 'Mallory' });
    const me = intruder.must('sync:whoami', {});
    // The intruder copies a real bundle's territory part and adds a certificate it signed itself.
    const real = readParts(fullBundle(coordinator));
    const territory = real.manifest.territory as { certificates: Array<{ body: string; signature: string }> };
    const fake = JSON.parse(territory.certificates[0]!.body) as Record<string, unknown>;
    const intruderKeys = (intruder.core.context.keys as { publicKey: string; privateKey: string });
    const forgedBody = JSON.stringify({ ...fake, serial: 'FORGED1', installationId: me.installationId, name: 'Intruder', role: 'coordinator', communityIds: null, signingKey: me.publicKey });
    const { signText } = await import('../../electron/core/bundles/identity');
    territory.certificates.push({ body: forgedBody, signature: signText(intruderKeys.privateKey, forgedBody) });
    const file = writeParts({ ...real, manifest: { ...real.manifest, sender: { installationId: me.installationId, name: 'Intruder', publicKey: me.publicKey }, keys: { ...real.manifest.keys, [me.installationId]: me.publicKey } } }, bundlePath(intruder), intruderKeys.privateKey);
    const before = databaseState(coordinator);
    const refused = refusalOf(coordinator.call('bundles:import', { file }));
    expect(refused.message).toBe('The certificate of "Intruder" is not signed by the territory key: it was forged or damaged. Nothing was imported.');
    expect(databaseState(coordinator)).toEqual(before);
    void communities;
  });

  it('a certificate from another territory', () => {
    const { detachment } = startTerritory();
    const other = startTerritory('x', 'Yukon');
    const before = databaseState(detachment);
    const refused = refusalOf(detachment.call('bundles:import', { file: fullBundle(other.coordinator) }));
    expect(refused.reason).toBe('other_territory');
    expect(refused.message).toBe('This bundle comes from another territory ("Yukon"). Nothing was imported.');
    expect(databaseState(detachment)).toEqual(before);
  });

  it("a revoked computer's new changes; its old ones still verify", () => {
    const { detachment, coordinator, communities, fingerprint } = startTerritory();
    // Łutselk’e's office: it keeps Łutselk’e's data (Behchokǫ̀'s office would refuse it as outside its read scope).
    const office = enrolNew(coordinator, 'lkoffice', 'liaison', [communities.lutselke], fingerprint);
    const relay = enrolNewFrom(coordinator, communities.lutselke);
    const old = detachment.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    coordinator.must('bundles:import', { file: fullBundle(detachment) });
    const revoked = coordinator.must('enrolment:revoke', { installationId: detachment.must('sync:whoami', {}).installationId, reason: 'Laptop lost' });
    expect(revoked.acceptedUpTo).toBeGreaterThan(0);
    // The revocation travels to the office (with the detachment's old, accepted changes).
    office.must('bundles:import', { file: fullBundle(coordinator) });
    expect(office.must('plans:get', { planId: old.id }).id).toBe(old.id);
    // The lost laptop goes on working: its new changes are refused, naming it.
    detachment.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2026 });
    const direct = fullBundle(detachment);
    const before = databaseState(office);
    const refusedDirect = refusalOf(office.call('bundles:import', { file: direct }));
    expect(refusedDirect.message).toMatch(/^This bundle was written by "det computer", which was revoked on 2025-05-15 by the coordinator/);
    expect(databaseState(office)).toEqual(before);
    // Relayed by an unrevoked computer that picked them up before it heard of the revocation: still refused.
    relay.must('bundles:import', { file: direct });
    const relayed = fullBundle(relay);
    const refusedRelay = refusalOf(office.call('bundles:import', { file: relayed }));
    expect(refusedRelay.message).toBe('"det computer" was revoked on 2025-05-15 by the coordinator: its changes after that are not accepted. Nothing was imported.');
    expect(databaseState(office)).toEqual(before);
  });

  it("a revoked computer's new changes in a partition where it had written less: the limit is per partition", () => {
    const { coordinator, communities, fingerprint } = startTerritory('pp');
    // A detachment serving two communities: three changesets in Behchokǫ̀'s partition, one in Gamètì's.
    const two = enrolNew(coordinator, 'pp2', 'detachment', [communities.behchoko, communities.gameti], fingerprint);
    for (const fiscalYear of [2025, 2026, 2027]) two.must('plans:create', { communityId: communities.behchoko, fiscalYear });
    two.must('plans:create', { communityId: communities.gameti, fiscalYear: 2025 });
    coordinator.must('bundles:import', { file: fullBundle(two) });
    const relay = enrolNew(coordinator, 'pp3', 'detachment', [communities.behchoko, communities.gameti], fingerprint);
    const revoked = coordinator.must('enrolment:revoke', { installationId: two.must('sync:whoami', {}).installationId, reason: 'Laptop lost' });
    expect(revoked.acceptedUpTo).toBe(3);
    // Its next Gamètì change is number 2 of Gamètì's sequence: below the highest number held (3), yet
    // never held by the coordinator, so refused.
    // Relayed by an unrevoked computer of the same communities that has not yet heard of the revocation.
    two.must('plans:create', { communityId: communities.gameti, fiscalYear: 2026 });
    relay.must('bundles:import', { file: fullBundle(two) });
    const before = databaseState(coordinator);
    const refused = refusalOf(coordinator.call('bundles:import', { file: fullBundle(relay) }));
    expect(refused.reason).toBe('revoked');
    expect(refused.message).toMatch(/^"pp2 computer" was revoked on /);
    expect(databaseState(coordinator)).toEqual(before);
  });

  it('a request from an older planner (no encryption key): a passphrase, or "no encryption" on purpose, is asked for with a sentence', () => {
    const { coordinator, communities, fingerprint } = startTerritory('old');
    const computer = newComputer('oldreq');
    computer.must('territory:join', { computerName: 'Old laptop', userName: 'Old user' });
    const file = path.join(computer.dir, 'old.request.json');
    computer.must('enrolment:writeRequest', { file });
    // The request as an older planner wrote it: without the encryption key, signed by the same computer.
    const { request } = JSON.parse(fs.readFileSync(file, 'utf8')) as { request: Record<string, unknown> };
    delete request.encryptionKey;
    fs.writeFileSync(file, JSON.stringify({ request, signature: signText(computer.core.context.keys.privateKey!, JSON.stringify(request)) }));
    const read = coordinator.must('enrolment:readRequest', { file });
    expect(read.hasEncryptionKey).toBe(false);
    const bundle = bundlePath(coordinator, 'old-enrol');
    const input = { requestId: read.requestId, role: 'detachment' as const, communityIds: [communities.gameti], file: bundle };
    const before = databaseState(coordinator);
    const refused = refusalOf(coordinator.call('enrolment:enrol', input));
    expect(refused.message).toMatch(/^The request from "Old laptop" was written by an older planner and names no encryption key/);
    expect(isPlainSentence(refused.message)).toBe(true);
    expect(databaseState(coordinator)).toEqual(before);
    // With a passphrase it is written, encrypted with it, and the computer joins.
    expect(coordinator.must('enrolment:enrol', { ...input, passphrase: 'correct horse battery' }).encrypted).toBe(true);
    computer.must('enrolment:accept', { file: bundle, passphrase: 'correct horse battery', territoryFingerprint: fingerprint });
  });

  it('a demo bundle into a real territory, and a real one into the demo', () => {
    const { office } = startTerritory();
    const demo = openTestCore({ label: 'demo', fileName: 'demo.db', ids: sequentialIds('demo'), keys: generateIdentityKeys() });
    demo.core.context.sqlite.prepare('UPDATE installation SET is_demo = 1').run();
    const demoFile = bundlePath(demo, 'demo');
    demo.must('bundles:export', { full: true, file: demoFile, encrypt: false });
    const before = databaseState(office);
    const refused = refusalOf(office.call('bundles:import', { file: demoFile, trustNewSender: true }));
    expect(refused.message).toBe('This bundle comes from the demo: the demo’s data is never mixed with a real territory’s. Nothing was imported.');
    expect(databaseState(office)).toEqual(before);
    const realFile = bundlePath(office, 'real');
    office.must('bundles:export', { full: true, file: realFile, encrypt: false });
    expect(refusalOf(demo.core.invoke('bundles:import', { file: realFile, trustNewSender: true })).reason).toBe('demo_mismatch');
  });
});

/** Another detachment for the same community, enrolled while the relay test needs one. */
function enrolNewFrom(coordinator: Computer, communityId: string): Computer {
  const fingerprint = coordinator.must('installation:setupState', {}).territory!.fingerprint;
  return enrolNew(coordinator, `relay${Math.random().toString(36).slice(2, 6)}`, 'detachment', [communityId], fingerprint);
}
