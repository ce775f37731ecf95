/**
 * Partitions and read scope (issue 11 §1): every row belongs to one partition fixed at creation
 * (a community, or the territory); a write touching several partitions becomes one changeset per
 * partition; seq, vectors and acknowledgements are per (origin, partition); a bundle to a peer
 * carries only its read scope; import refuses a changeset outside this computer's own scope.
 *
 * Cast: startTerritory() — a coordinator, a detachment for Łutselk’e, a community office for Behchokǫ̀.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangesetBody, changesetBodySchema, partitionOfChangeset, serialiseChangeset } from '../../electron/core/changelog/changeset-body';
import { change } from '../../electron/core/changelog/core-context';
import { chooseChangesets, exportContents } from '../../electron/core/bundles/bundle-selection';
import { signText } from '../../electron/core/bundles/identity';
import { bundlePath, databaseState, isPlainSentence, readParts, refusalOf, writeParts } from '../support';
import { type Computer, enrolNew, startTerritory, type Territory } from './support/territory';

const open: Computer[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.core.close();
});

function territory(prefix: string): Territory {
  const t = startTerritory(prefix);
  open.push(t.coordinator, t.detachment, t.office);
  return t;
}

const idOf = (c: Computer) => c.must('sync:whoami', {}).installationId;

function bundleTo(from: Computer, to: Computer): string {
  const file = bundlePath(from, `${from.label}-to-${to.label}`);
  from.must('bundles:export', { to: idOf(to), file, encrypt: false });
  return file;
}

function fullBundle(from: Computer): string {
  const file = bundlePath(from, `${from.label}-full`);
  from.must('bundles:export', { full: true, file, encrypt: false });
  return file;
}

const bodies = (file: string) => readParts(file).changesets.map((c) => JSON.parse(c.body) as ChangesetBody);

/** Every partition a computer holds anything of: its changesets and its rows' recorded partitions. */
function heldPartitions(c: Computer): Set<string> {
  const sqlite = c.core.context.sqlite;
  const rows = sqlite.prepare('SELECT partition FROM changesets UNION SELECT partition FROM row_partitions').pluck().all() as string[];
  return new Set(rows);
}

/** The communities whose data a computer holds, read from its tables (not from the log's own bookkeeping). */
function communitiesWithData(c: Computer): Set<string> {
  const sqlite = c.core.context.sqlite;
  const ids = sqlite
    .prepare(
      `SELECT community_id FROM plans UNION SELECT community_id FROM organisations WHERE community_id IS NOT NULL
       UNION SELECT community_id FROM people WHERE community_id IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  return new Set(ids);
}

describe('partitions of the change log', () => {
  it('a write touching several partitions becomes one changeset per partition, in one transaction, each numbered per (origin, partition)', () => {
    const { coordinator, communities } = territory('pw');
    const lk = coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    const bc = coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2025 });
    const count = () => coordinator.core.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
    const before = count();
    change(coordinator.core.context, 'test:several', (w) => {
      w.update('plans', lk.id, { summary: 'Łutselk’e summary' });
      w.update('plans', bc.id, { summary: 'Behchokǫ̀ summary' });
      w.update('communities', communities.gameti, { otherNames: 'Rae Lakes' });
    });
    const written = coordinator.core.context.sqlite
      .prepare('SELECT partition, seq, changeset_body(body) AS body FROM changesets ORDER BY rowid DESC LIMIT 3')
      .all() as Array<{ partition: string; seq: number; body: string }>;
    expect(count()).toBe(before + 3);
    expect(written.map((w) => w.partition).sort()).toEqual([communities.behchoko, communities.lutselke, 'territory'].sort());
    for (const w of written) {
      const body = JSON.parse(w.body) as ChangesetBody;
      expect(body).toMatchObject({ v: 2, partition: w.partition, seq: w.seq, method: 'test:several' });
      expect(body.ops).toHaveLength(1);
    }
    // Each community's sequence: create = 1, this write = 2.
    expect(written.find((w) => w.partition === communities.lutselke)!.seq).toBe(2);
    expect(written.find((w) => w.partition === communities.behchoko)!.seq).toBe(2);

    // A refused write leaves no changeset in any partition.
    const held = count();
    expect(() =>
      change(coordinator.core.context, 'test:refused', (w) => {
        w.update('plans', lk.id, { summary: 'never saved' });
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(count()).toBe(held);
  });

  it('version vectors, acknowledgements and gaps are per (origin, partition): a computer that never receives a community sees no gap', () => {
    const { coordinator, office, communities } = territory('pv');
    const me = idOf(coordinator);
    coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2025 });
    const vector = coordinator.must('sync:status', {}).versionVector;
    expect(vector[`${me} ${communities.lutselke}`]).toBe(1);
    expect(vector[`${me} ${communities.behchoko}`]).toBe(1);
    expect(vector[`${me} territory`]).toBeGreaterThan(0);

    // Łutselk’e keeps changing; the Behchokǫ̀ office never receives any of it and sees no gap.
    coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2026 });
    const result = office.must('bundles:import', { file: bundleTo(coordinator, office) });
    expect(result.gaps).toEqual([]);
    const officeVector = office.must('sync:status', {}).versionVector;
    expect(Object.keys(officeVector).some((k) => k.endsWith(` ${communities.lutselke}`))).toBe(false);
    expect(officeVector[`${me} ${communities.behchoko}`]).toBe(1);

    // The office's next bundle acknowledges what it holds: the coordinator sends nothing again.
    const back = bundleTo(office, coordinator);
    expect(readParts(back).manifest.versionVector).not.toHaveProperty(`${me} ${communities.lutselke}`);
    coordinator.must('bundles:import', { file: back });
    const officePeer = coordinator.must('peers:list', {}).find((p) => p.installationId === idOf(office))!;
    expect(officePeer.acknowledged[`${me} ${communities.behchoko}`]).toBe(1);
    expect(readParts(bundleTo(coordinator, office)).changesets).toHaveLength(0);
  });

  it('old changesets (text version 1, before partitions) still read, as the partition "*"', () => {
    const old = { v: 1, id: 'c1', origin: 'o1', seq: 1, hlc: '0001-0000-o1', schemaVersion: 1, actor: 'A', method: 'm', createdAt: '2025-01-01T00:00:00.000Z', ops: [{ opId: 'c1.0', table: 'plans', rowId: 'p1', field: 'title', value: 'T', pred: [] }] };
    const parsed = changesetBodySchema.parse(old);
    expect(partitionOfChangeset(parsed)).toBe('*');
    expect(serialiseChangeset(parsed)).toBe(JSON.stringify(old));
    // A version 2 changeset must name its partition; a version 1 one must not.
    expect(changesetBodySchema.safeParse({ ...old, v: 2 }).success).toBe(false);
    expect(changesetBodySchema.safeParse({ ...old, partition: 'territory' }).success).toBe(false);
    expect(changesetBodySchema.safeParse({ ...old, v: 2, partition: 'territory' }).success).toBe(true);
  });
});

describe('export by read scope', () => {
  it('a bundle to a community office holds only its communities and the territory; the coordinator relays within scope only', () => {
    const { coordinator, detachment, office, communities } = territory('pe');
    coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2025 });
    coordinator.must('plans:create', { communityId: communities.gameti, fiscalYear: 2025 });
    // The detachment's Łutselk’e plan reaches the coordinator, which must not relay it to the Behchokǫ̀ office.
    detachment.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    coordinator.must('bundles:import', { file: bundleTo(detachment, coordinator) });

    const toOffice = bundleTo(coordinator, office);
    const partitions = new Set(bodies(toOffice).map((b) => b.partition));
    expect([...partitions].sort()).toEqual([communities.behchoko, 'territory'].sort());
    // What the export wizard shows per community, before writing anything.
    const ctx = coordinator.core.context;
    expect(exportContents(ctx, { to: [idOf(office)] }).map((l) => [l.name, l.communityId])).toEqual([
      ['Behchokǫ̀', communities.behchoko],
      ['territory', null],
    ]);
    expect(exportContents(ctx, { to: [idOf(office)] })[0]!.changesetCount).toBe(1);
    // Two recipients at once (a detachment and an office): only what both may read.
    expect(new Set(chooseChangesets(ctx, { to: [idOf(office), idOf(detachment)] }).map((c) => c.partition))).toEqual(new Set(['territory']));

    office.must('bundles:import', { file: toOffice });
    expect(communitiesWithData(office)).toEqual(new Set([communities.behchoko]));
    expect([...heldPartitions(office)].sort()).toEqual([communities.behchoko, 'territory'].sort());

    // The coordinator's own full bundle holds everything.
    expect(new Set(bodies(fullBundle(coordinator)).map((b) => b.partition))).toEqual(new Set([communities.behchoko, communities.gameti, communities.lutselke, 'territory']));
  });

  it('an enrolment bundle carries only the new computer’s read scope', () => {
    const { coordinator, communities, fingerprint } = territory('pn');
    coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    coordinator.must('plans:create', { communityId: communities.gameti, fiscalYear: 2025 });
    const gOffice = enrolNew(coordinator, 'pngoffice', 'liaison', [communities.gameti], fingerprint);
    open.push(gOffice);
    expect(communitiesWithData(gOffice)).toEqual(new Set([communities.gameti]));
    expect([...heldPartitions(gOffice)].sort()).toEqual([communities.gameti, 'territory'].sort());
    // The communities list itself is territory data: every computer knows every community's name.
    expect(gOffice.must('communities:list', {}).length).toBe(3);
  });

  it('per-partition digests agree where two computers hold the same partition', () => {
    const { coordinator, detachment, communities } = territory('pd');
    coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    coordinator.must('plans:create', { communityId: communities.gameti, fiscalYear: 2025 });
    detachment.must('bundles:import', { file: bundleTo(coordinator, detachment) });
    const a = coordinator.must('sync:digest', {});
    const b = detachment.must('sync:digest', {});
    expect(Object.keys(b.partitions).sort()).toEqual([communities.lutselke, 'territory'].sort());
    expect(b.partitions[communities.lutselke]).toBe(a.partitions[communities.lutselke]);
    expect(b.partitions.territory).toBe(a.partitions.territory);
    expect(a.partitions[communities.gameti]).toBeDefined();
    expect(b.digest).not.toBe(a.digest);
  });
});

describe('HOSTILE: a changeset outside the receiver’s read scope', () => {
  it('is refused with a sentence naming the community, and the database is unchanged (a full bundle from the coordinator)', () => {
    const { coordinator, office, communities } = territory('ph');
    coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    const before = databaseState(office);
    const refused = refusalOf(office.call('bundles:import', { file: fullBundle(coordinator) }));
    expect(refused.reason).toBe('out_of_scope');
    expect(refused.message).toBe(
      'This bundle holds changes to Łutselk’e, which this computer does not keep (it holds only its own communities and the territory). It was made for another computer. Nothing was imported.',
    );
    expect(isPlainSentence(refused.message)).toBe(true);
    expect(databaseState(office)).toEqual(before);
  });

  it('is refused when slipped, validly signed by its origin, into a bundle addressed to this computer; nothing applied', () => {
    const { coordinator, office, communities } = territory('pi');
    coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2025 });
    coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    const foreign = readParts(fullBundle(coordinator)).changesets.find((c) => (JSON.parse(c.body) as ChangesetBody).partition === communities.lutselke)!;
    const parts = readParts(bundleTo(coordinator, office));
    parts.changesets.push(foreign);
    const keys = coordinator.core.context.keys as { privateKey: string };
    const file = writeParts(parts, bundlePath(coordinator, 'slipped'), keys.privateKey);
    const before = databaseState(office);
    const refused = refusalOf(office.call('bundles:import', { file }));
    expect(refused.message).toMatch(/^This bundle holds changes to Łutselk’e, which this computer does not keep/);
    expect(databaseState(office)).toEqual(before);
    // In French too.
    office.must('installation:update', { locale: 'fr' });
    expect(refusalOf(office.call('bundles:import', { file })).message).toMatch(/^Ce paquet contient des modifications de Łutselk’e/);
  });

  it('a changeset filed under one partition that touches a row of another is refused as forged', () => {
    const { coordinator, detachment, communities } = territory('pf');
    const plan = coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    detachment.must('bundles:import', { file: bundleTo(coordinator, detachment) });
    // The coordinator's key signs a changeset that says "territory" but changes Łutselk’e's plan.
    const parts = readParts(bundleTo(coordinator, detachment));
    const me = idOf(coordinator);
    const keys = coordinator.core.context.keys as { privateKey: string };
    const seq = (coordinator.must('sync:status', {}).versionVector[`${me} territory`] ?? 0) + 1;
    const body: ChangesetBody = { v: 2, id: 'forged-partition', origin: me, partition: 'territory', seq, hlc: '2099-01-01T00:00:00.000Z-0000-x', schemaVersion: 2, actor: 'X', method: 'm', createdAt: '2025-05-15T12:00:00.000Z', ops: [{ opId: 'forged-partition.0', table: 'plans', rowId: plan.id, field: 'summary', value: 'Planted', pred: [] }] };
    const text = serialiseChangeset(body);
    parts.changesets.push({ type: 'changeset', body: text, signature: signText(keys.privateKey, text) });
    const file = writeParts(parts, bundlePath(coordinator, 'mislabelled'), keys.privateKey);
    const before = databaseState(detachment);
    const refused = refusalOf(detachment.call('bundles:import', { file }));
    expect(refused.reason).toBe('forged');
    expect(refused.message).toBe('This bundle is damaged or forged: a change filed under the territory touches a record of Łutselk’e. Nothing was imported.');
    expect(databaseState(detachment)).toEqual(before);
  });
});

describe('a row stays in its partition and refers only to its own community or the territory', () => {
  it('refuses an action whose partner organisation or lead person belongs to another community; territory-wide ones are fine', () => {
    const { coordinator, communities } = territory('pr');
    const plan = coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2025 });
    const priority = coordinator.must('priorities:add', { planId: plan.id, title: 'Youth', zone: 'prevention' });
    const foreignOrg = coordinator.must('organisations:create', { name: 'Łutselk’e Health Centre', kind: 'health', communityId: communities.lutselke });
    const foreignPerson = coordinator.must('people:create', { name: 'Pat Foreign', communityId: communities.lutselke });
    const territoryOrg = coordinator.must('organisations:create', { name: 'Victim Services', kind: 'victim_services', communityId: null });
    const count = () => coordinator.core.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
    const before = count();
    const partner = refusalOf(coordinator.call('actions:add', { priorityId: priority.id, title: 'Camp', owner: 'joint', plannedQuarters: [2], partnerOrganisationIds: [foreignOrg.id] }));
    expect(partner.message).toBe(
      'A record of Behchokǫ̀ can refer only to records of the same community or territory-wide ones, not to one of Łutselk’e. Choose one of Behchokǫ̀, or make the organisation or person territory-wide.',
    );
    const lead = refusalOf(coordinator.call('actions:add', { priorityId: priority.id, title: 'Camp', owner: 'joint', plannedQuarters: [2], leadPersonId: foreignPerson.id }));
    expect(lead.message).toMatch(/^A record of Behchokǫ̀ can refer only to/);
    expect(count()).toBe(before);
    const ok = coordinator.must('actions:add', { priorityId: priority.id, title: 'Camp', owner: 'joint', plannedQuarters: [2], partnerOrganisationIds: [territoryOrg.id] });
    // Nor may an existing action be pointed at another community's organisation later.
    expect(refusalOf(coordinator.call('actions:update', { actionId: ok.id, partnerOrganisationIds: [territoryOrg.id, foreignOrg.id] })).message).toMatch(/not to one of Łutselk’e/);
  });

  it('refuses a change that would move a row to another partition, locally and on import', () => {
    const { coordinator, detachment, communities } = territory('pm');
    const org = coordinator.must('organisations:create', { name: 'Łutselk’e Council', kind: 'chief_and_council', communityId: communities.lutselke });
    const plan = coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    const moved = refusalOf(coordinator.call('organisations:update', { organisationId: org.id, communityId: communities.behchoko }));
    expect(moved.message).toBe(
      'This record belongs to Łutselk’e and cannot be moved to Behchokǫ̀: a record stays with the community (or the territory) it was created in. Create it again there instead.',
    );
    expect(refusalOf(coordinator.call('organisations:update', { organisationId: org.id, communityId: null })).message).toMatch(/cannot be moved to the territory/);
    expect(() => change(coordinator.core.context, 'test:move', (w) => w.update('plans', plan.id, { communityId: communities.behchoko }))).toThrow(/cannot be moved to Behchokǫ̀/);

    // On import: a changeset (signed by the coordinator's key, filed under Łutselk’e) moving the plan to Behchokǫ̀.
    detachment.must('bundles:import', { file: bundleTo(coordinator, detachment) });
    const parts = readParts(bundleTo(coordinator, detachment));
    const me = idOf(coordinator);
    const keys = coordinator.core.context.keys as { privateKey: string };
    const seq = (coordinator.must('sync:status', {}).versionVector[`${me} ${communities.lutselke}`] ?? 0) + 1;
    const body: ChangesetBody = { v: 2, id: 'forged-move', origin: me, partition: communities.lutselke, seq, hlc: '2099-01-01T00:00:00.000Z-0000-x', schemaVersion: 2, actor: 'X', method: 'm', createdAt: '2025-05-15T12:00:00.000Z', ops: [{ opId: 'forged-move.0', table: 'plans', rowId: plan.id, field: 'communityId', value: communities.behchoko, pred: [] }] };
    const text = serialiseChangeset(body);
    parts.changesets.push({ type: 'changeset', body: text, signature: signText(keys.privateKey, text) });
    const file = writeParts(parts, path.join(coordinator.dir, 'move.planbundle'), keys.privateKey);
    const before = databaseState(detachment);
    const refused = refusalOf(detachment.call('bundles:import', { file }));
    expect(refused.message).toBe('This bundle would move a record from Łutselk’e to Behchokǫ̀; a record stays with the community it was created in. Nothing was imported.');
    expect(databaseState(detachment)).toEqual(before);
  });
});
