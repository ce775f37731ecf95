/**
 * Issue 11, part 3: old and new versions of the planner in one territory. Laptops in fly-in
 * communities are upgraded late, so a bundle may carry changes to fields the receiving planner
 * does not know. They are kept as they came (never dropped), relayed byte for byte, and
 * materialised once the planner is upgraded; a bundle whose manifest format is newer is refused
 * with the version to install, nothing applied.
 *
 * An older planner is the same code built for an older changeset schema version (createCore's
 * `schemaVersion`): it knows only the fields that version had (replicated-tables.ts `since`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys, signText } from '../../electron/core/bundles/identity';
import { MANIFEST_FORMAT } from '../../electron/core/bundles/bundle-format';
import { CHANGESET_SCHEMA_VERSION, type ChangesetBody, serialiseChangeset } from '../../electron/core/changelog/changeset-body';
import { storeChangeset } from '../../electron/core/changelog/changeset-store';
import { MAX_UNKNOWN_VALUE_BYTES } from '../../electron/core/changelog/changeset-validation';
import { change } from '../../electron/core/changelog/core-context';
import { sequentialIds } from '../../electron/core/changelog/clock';
import { replicatedDigest } from '../../electron/core/changelog/digest';
import { SCHEMA_V1, SCHEMA_V2 } from '../../electron/core/changelog/replicated-tables';
import type { Result } from '../../shared/result';
import { bundlePath, databaseState, isPlainSentence, openTestCore, readParts, refusalOf, writeParts } from '../support';
import type { Computer } from './support/territory';
import { addCommunity, agreedPlan } from '../support';

interface VersionedComputer extends Computer {
  keys: IdentityKeys;
  fileName: string;
}

const opened: VersionedComputer[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) {
    try {
      c.core.close();
    } catch {
      // already closed (an upgrade reopened it)
    }
    fs.rmSync(c.dir, { recursive: true, force: true });
  }
});

/** A computer of the territory built for `schemaVersion`; reopening it with a later one is its upgrade. */
function computer(label: string, schemaVersion: number, reuse?: VersionedComputer): VersionedComputer {
  const keys = reuse?.keys ?? generateIdentityKeys();
  const fileName = `${label}.db`;
  const t = openTestCore({
    label,
    ...(reuse ? { dir: reuse.dir } : {}),
    fileName,
    backupFolder: `${label}-backups`,
    ids: sequentialIds(reuse ? `${label}u` : label),
    profile: null,
    keys,
    now: '2025-05-15T12:00:00.000Z',
    schemaVersion,
  });
  const c: VersionedComputer = { ...t, label, keys, fileName, call: (method, input) => t.core.invoke(method, input) as Result<unknown> };
  if (!reuse) opened.push(c);
  else opened[opened.indexOf(reuse)] = c;
  return c;
}

function enrol(coordinator: VersionedComputer, joining: VersionedComputer, role: 'detachment' | 'liaison', communityIds: string[], fingerprint: string): void {
  joining.must('territory:join', { computerName: `${joining.label} computer`, userName: `User of ${joining.label}` });
  const requestFile = path.join(joining.dir, `${joining.label}.enrolment-request.json`);
  joining.must('enrolment:writeRequest', { file: requestFile });
  const request = coordinator.must('enrolment:readRequest', { file: requestFile });
  const bundle = bundlePath(coordinator, `enrol-${joining.label}`);
  coordinator.must('enrolment:enrol', { requestId: request.requestId, role, communityIds, file: bundle, passphrase: 'correct horse battery' });
  joining.must('enrolment:accept', { file: bundle, passphrase: 'correct horse battery', territoryFingerprint: fingerprint });
}

function installationId(c: VersionedComputer): string {
  return c.must('sync:whoami', {}).installationId;
}

function send(from: VersionedComputer, to: VersionedComputer): string {
  const file = bundlePath(from, `${from.label}-to-${to.label}`);
  from.must('bundles:export', { to: installationId(to), file, encrypt: false });
  return file;
}

const unknownFields = (c: VersionedComputer) =>
  c.core.context.sqlite.prepare('SELECT table_name AS "table", field FROM unknown_fields ORDER BY table_name, field').all() as Array<{ table: string; field: string }>;
const organisationRow = (c: VersionedComputer, id: string) =>
  c.core.context.sqlite.prepare('SELECT name, retired_at AS retiredAt FROM organisations WHERE id = ?').get(id) as { name: string; retiredAt: string | null } | undefined;
const storedBody = (c: VersionedComputer, changesetId: string) =>
  c.core.context.sqlite.prepare('SELECT changeset_body(body) AS body, signature, schema_version AS schemaVersion FROM changesets WHERE id = ?').get(changesetId) as { body: string; signature: string; schemaVersion: number } | undefined;
const keptOps = (c: VersionedComputer, field: string) =>
  c.core.context.sqlite.prepare('SELECT o.value FROM change_ops o JOIN field_heads h ON h.op_id = o.op_id WHERE o.table_name = ? AND o.field = ?').pluck().all('organisations', field) as string[];

/**
 * The "next version" of the planner, as its changeset would be: schema version CURRENT + 1, a known
 * field and one this code has never heard of, signed with the real key of the computer that makes
 * it and kept in that computer's own log (the next bundles it sends carry it like any other).
 * Built on its latest changeset for the same row, so it continues that changeset's numbering.
 */
function writeAsNextVersion(c: VersionedComputer, rowId: string, ops: Array<{ table?: string; rowId?: string; field: string; value: unknown }>): ChangesetBody {
  const ctx = c.core.context;
  const origin = installationId(c);
  const template = ctx.sqlite
    .prepare(
      `SELECT changeset_body(cs.body) AS body, cs.partition FROM changesets cs JOIN change_ops o ON o.changeset_id = cs.id
        WHERE cs.origin = ? AND o.table_name = 'organisations' AND o.row_id = ? ORDER BY cs.seq DESC LIMIT 1`,
    )
    .get(origin, rowId) as { body: string; partition: string };
  const base = JSON.parse(template.body) as ChangesetBody;
  const seq = (ctx.sqlite.prepare('SELECT max(seq) FROM changesets WHERE origin = ? AND partition = ?').pluck().get(origin, template.partition) as number) + 1;
  const [wall, count] = base.hlc.split('-');
  const id = `nextversion${seq}`;
  const body: ChangesetBody = {
    ...base,
    id,
    seq,
    hlc: `${wall}-${String(Number(count) + 1).padStart(6, '0')}-${origin}`,
    schemaVersion: CHANGESET_SCHEMA_VERSION + 1,
    method: 'organisations:update',
    ops: ops.map((op, i) => ({
      opId: `${id}.${i}`,
      table: op.table ?? 'organisations',
      rowId: op.rowId ?? rowId,
      field: op.field,
      value: op.value as never,
      pred: ctx.recorder.register.headsOf(op.table ?? 'organisations', op.rowId ?? rowId, op.field).map((h) => h.opId).sort(),
    })),
  };
  const text = serialiseChangeset(body);
  ctx.sqlite.transaction(() => {
    storeChangeset(ctx.sqlite, ctx.recorder.register, body, text, signText(ctx.keys.privateKey!, text), ctx.clock.now());
    ctx.sqlite.prepare('UPDATE installation SET last_seq = max(last_seq, ?) WHERE key = 1').run(seq);
  })();
  return body;
}

/** A coordinator and a community office of today's planner, and a detachment still on schema version 1. */
function mixedTerritory() {
  const coordinator = computer('coord', CHANGESET_SCHEMA_VERSION);
  const started = coordinator.must('territory:start', { territoryName: 'Northwest Territories', computerName: 'Justice HQ', userName: 'Dana Coordinator', locale: 'en' });
  const fingerprint = started.territory!.fingerprint;
  const lutselke = addCommunity(coordinator, 'Łutselk’e', { detachment: 'Łutselk’e detachment' });
  // Regions came with schema version 2.
  coordinator.must('regions:create', { nameEn: 'South Slave', nameFr: 'Slave Sud' });
  const oldDetachment = computer('olddet', SCHEMA_V1);
  enrol(coordinator, oldDetachment, 'detachment', [lutselke], fingerprint);
  const office = computer('office', CHANGESET_SCHEMA_VERSION);
  enrol(coordinator, office, 'liaison', [lutselke], fingerprint);
  return { coordinator, oldDetachment, office, lutselke, fingerprint };
}

describe('a planner built for an older schema version', () => {
  it('accepts its enrolment from a newer coordinator, keeping the fields it does not know instead of refusing them', () => {
    const { oldDetachment } = mixedTerritory();
    // Territory reference data of version 2 (a region) arrived and is kept, listed, not materialised.
    expect(unknownFields(oldDetachment)).toEqual(expect.arrayContaining([{ table: 'regions', field: 'nameEn' }, { table: 'regions', field: 'nameFr' }]));
    expect(oldDetachment.core.context.sqlite.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(0);
    expect(oldDetachment.core.context.sqlite.prepare("SELECT count(*) FROM change_ops WHERE table_name = 'regions'").pluck().get()).toBeGreaterThan(0);
    // What it knows works as before.
    expect(oldDetachment.must('communities:list', {}).map((c) => c.name)).toContain('Łutselk’e');
  });

  it('writes changesets of its own version, which newer planners read, and never a field its version did not have', () => {
    const { coordinator, oldDetachment, lutselke } = mixedTerritory();
    const org = oldDetachment.must('organisations:create', { name: 'Youth council', kind: 'chief_and_council', communityId: lutselke });
    expect(oldDetachment.core.context.sqlite.prepare("SELECT DISTINCT schema_version FROM changesets WHERE method = 'organisations:create'").pluck().all()).toEqual([SCHEMA_V1]);
    expect(coordinator.must('bundles:import', { file: send(oldDetachment, coordinator), passphrase: null })).toMatchObject({ imported: true });
    expect(organisationRow(coordinator, org.id)).toEqual({ name: 'Youth council', retiredAt: null });
    expect(() => change(oldDetachment.core.context, 'organisations:retire', (w) => w.update('organisations', org.id, { retiredAt: '2025-05-15T12:00:00.000Z' }))).toThrow(/schema version 1/);
  });
});

describe('changes to fields an old planner does not know (A → old B → C)', () => {
  it('are kept on B, relayed byte for byte to C, materialised on C, and on B after its upgrade', () => {
    const { coordinator: A, oldDetachment: B, office: C, lutselke } = mixedTerritory();
    const org = A.must('organisations:create', { name: 'Elders’ council', kind: 'chief_and_council', communityId: lutselke });
    // Retirement came with schema version 2: B, built for version 1, does not know the field.
    A.must('organisations:retire', { organisationId: org.id, retired: true });
    const retiring = A.core.context.sqlite
      .prepare("SELECT id FROM changesets WHERE method = 'organisations:retire' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    // And the next version, which no planner here knows yet: a known field and a new one in one changeset.
    const next = writeAsNextVersion(A, org.id, [
      { field: 'name', value: 'Elders’ council of Łutselk’e' },
      { field: 'meetingPlace', value: { building: 'Band office', room: 2 } },
    ]);

    const toB = send(A, B);
    expect(B.must('bundles:import', { file: toB, passphrase: null })).toMatchObject({ imported: true });
    // B applied what it knows (the new name), and kept the rest: in its log, its registers and unknown_fields.
    expect(organisationRow(B, org.id)).toEqual({ name: 'Elders’ council of Łutselk’e', retiredAt: null });
    expect(keptOps(B, 'retiredAt')).toHaveLength(1);
    expect(keptOps(B, 'meetingPlace')).toEqual([JSON.stringify({ building: 'Band office', room: 2 })]);
    expect(unknownFields(B)).toEqual(expect.arrayContaining([{ table: 'organisations', field: 'retiredAt' }, { table: 'organisations', field: 'meetingPlace' }]));
    expect(storedBody(B, next.id)?.schemaVersion).toBe(CHANGESET_SCHEMA_VERSION + 1);

    // B relays them to C: the very bytes A signed, inside B's bundle and in C's log.
    const toC = send(B, C);
    const relayed = readParts(toC).changesets.map((c) => c.body);
    expect(C.must('bundles:import', { file: toC, passphrase: null })).toMatchObject({ imported: true });
    for (const id of [retiring, next.id]) {
      const original = storedBody(A, id)!;
      expect(relayed).toContain(original.body);
      expect(storedBody(B, id)).toEqual(original);
      expect(storedBody(C, id)).toEqual(original);
    }
    // C knows retirement: materialised. Neither knows the meeting place: kept and listed there too.
    expect(organisationRow(C, org.id)).toEqual({ name: 'Elders’ council of Łutselk’e', retiredAt: expect.any(String) });
    expect(C.must('organisations:list', { communityId: lutselke }).map((o) => o.id)).not.toContain(org.id);
    expect(unknownFields(C)).toEqual([{ table: 'organisations', field: 'meetingPlace' }]);
    expect(keptOps(C, 'meetingPlace')).toHaveLength(1);

    // B is upgraded: the same database opened by today's planner materialises what it kept.
    B.core.close();
    const upgraded = computer('olddet', CHANGESET_SCHEMA_VERSION, B);
    expect(organisationRow(upgraded, org.id)).toEqual(organisationRow(C, org.id));
    expect(upgraded.core.context.sqlite.prepare('SELECT count(*) FROM regions').pluck().get()).toBeGreaterThan(0);
    // Only what this version still does not know stays listed.
    expect(unknownFields(upgraded)).toEqual([{ table: 'organisations', field: 'meetingPlace' }]);
    expect(replicatedDigest(upgraded.core.context)).toBe(replicatedDigest(C.core.context));
    // Its log still holds the next version's change exactly as A signed it.
    expect(storedBody(upgraded, next.id)).toEqual(storedBody(A, next.id));
  });

  it('still refuses, as damaged, a field it does not know in a changeset of its own version or older', () => {
    const { coordinator: A, oldDetachment: B, lutselke } = mixedTerritory();
    const org = A.must('organisations:create', { name: 'Youth centre', kind: 'chief_and_council', communityId: lutselke });
    // A changeset claiming version 1 (B's own) that names retirement: no version-1 planner ever wrote one.
    const file = send(A, B);
    const parts = readParts(file);
    const A_key = A.core.context.keys.privateKey!;
    const creation = parts.changesets.findIndex((c) => (JSON.parse(c.body) as ChangesetBody).ops.some((op) => op.rowId === org.id));
    const body = JSON.parse(parts.changesets[creation]!.body) as ChangesetBody;
    const forgedText = serialiseChangeset({ ...body, schemaVersion: SCHEMA_V1, ops: [...body.ops, { opId: `${body.id}.${body.ops.length}`, table: 'organisations', rowId: org.id, field: 'retiredAt', value: '2025-05-15T12:00:00.000Z', pred: [] }] });
    parts.changesets[creation] = { type: 'changeset', body: forgedText, signature: signText(A_key, forgedText) };
    const rewritten = writeParts(parts, bundlePath(A, 'v1-with-v2-field'), A_key);
    const before = databaseState(B);
    const refusal = refusalOf(B.call('bundles:import', { file: rewritten, passphrase: null }));
    expect(refusal.reason).toBe('damaged');
    expect(refusal.message).toMatch(/retiredAt/);
    expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
    expect(databaseState(B)).toEqual(before);
  });
});

describe('a kind of record no planner here knows yet', () => {
  it('is kept, previewed, listed and relayed unchanged, and never materialised', () => {
    const { coordinator: A, office: C, lutselke } = mixedTerritory();
    const org = A.must('organisations:create', { name: 'Safe walk volunteers', kind: 'other', communityId: lutselke });
    const next = writeAsNextVersion(A, org.id, [
      { field: 'name', value: 'Safe walk volunteers of Łutselk’e' },
      { table: 'safetyWalks', rowId: 'walk1', field: 'route', value: ['school', 'arena', 'band office'] },
      { table: 'safetyWalks', rowId: 'walk1', field: 'organisationId', value: org.id },
    ]);
    // A removal of that record that did not see its route: a conflict only a planner that knows the record can show.
    writeAsNextVersion(A, org.id, [{ table: 'safetyWalks', rowId: 'walk1', field: 'deletedAt', value: '2025-05-15T12:00:00.000Z' }]);
    const file = send(A, C);
    expect(C.must('bundles:preview', { file, passphrase: null })).toMatchObject({ alreadyImported: false });
    expect(C.must('bundles:import', { file, passphrase: null })).toMatchObject({ imported: true });
    expect(organisationRow(C, org.id)?.name).toBe('Safe walk volunteers of Łutselk’e');
    expect(unknownFields(C)).toEqual([
      { table: 'safetyWalks', field: 'deletedAt' },
      { table: 'safetyWalks', field: 'organisationId' },
      { table: 'safetyWalks', field: 'route' },
    ]);
    expect(C.must('conflicts:list', {})).toEqual([]);
    expect(C.core.context.sqlite.prepare("SELECT count(*) FROM change_ops WHERE table_name = 'safetyWalks'").pluck().get()).toBe(3);
    expect(C.core.context.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE '%safety%'").pluck().get()).toBe(0);
    expect(storedBody(C, next.id)).toEqual(storedBody(A, next.id));
    // Reopened, still today's version: nothing new is known, so the lines stay.
    C.core.close();
    const reopened = computer('office', CHANGESET_SCHEMA_VERSION, C);
    expect(unknownFields(reopened)).toHaveLength(3);
  });
});

describe('bounds on what a newer planner may send', () => {
  it.each([
    ['a value too large for a field this version does not know', { field: 'essay', value: 'x'.repeat(MAX_UNKNOWN_VALUE_BYTES + 1) }, /larger than/],
    ['a field name no planner writes', { field: 'name"; DROP TABLE organisations; --', value: 1 }, /form the planner never writes/],
    ['a known field with a value this version refuses', { field: 'kind', value: 'pwned' }, /organisations\.kind/],
  ])('refuses %s, as damaged, nothing applied', (_, op, sentence) => {
    const { coordinator: A, office: C, lutselke } = mixedTerritory();
    const org = A.must('organisations:create', { name: 'Women’s shelter', kind: 'social_services', communityId: lutselke });
    writeAsNextVersion(A, org.id, [op]);
    const file = send(A, C);
    const before = databaseState(C);
    const refusal = refusalOf(C.call('bundles:import', { file, passphrase: null }));
    expect(refusal.reason).toBe('damaged');
    expect(refusal.message).toMatch(sentence);
    expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
    expect(databaseState(C)).toEqual(before);
  });
});

describe('a bundle whose manifest format is newer than this planner', () => {
  it('is refused with the version to install, nothing applied, by import and by preview', () => {
    const { coordinator: A, office: C, lutselke } = mixedTerritory();
    A.must('organisations:create', { name: 'Healing lodge', kind: 'chief_and_council', communityId: lutselke });
    const parts = readParts(send(A, C));
    const future = { ...parts, manifest: { ...parts.manifest, format: MANIFEST_FORMAT + 1, requires: '2.3', recipients: [{ stanza: 'x' }] } };
    const file = writeParts(future, bundlePath(A, 'future-manifest'), A.core.context.keys.privateKey!);
    const before = databaseState(C);
    for (const method of ['bundles:import', 'bundles:preview'] as const) {
      const refusal = refusalOf(C.call(method, { file, passphrase: null }));
      expect(refusal.reason).toBe('newer_version');
      expect(refusal.message).toBe('This bundle needs version 2.3 or later of the planner. Update the planner on this computer to read it; nothing was imported.');
      expect(isPlainSentence(refusal.message)).toBe(true);
    }
    expect(databaseState(C)).toEqual(before);

    // In French too; and a newer manifest that does not say which version it needs still says "newer".
    C.must('installation:update', { locale: 'fr' });
    expect(refusalOf(C.call('bundles:import', { file, passphrase: null })).message).toMatch(/^Ce paquet demande la version 2\.3 ou une version plus récente du planificateur\./);
    const unnamed = writeParts({ ...parts, manifest: { ...parts.manifest, format: MANIFEST_FORMAT + 1, requires: 'soon; DROP TABLE' } }, bundlePath(A, 'future-unnamed'), A.core.context.keys.privateKey!);
    const refusal = refusalOf(C.call('bundles:import', { file: unnamed, passphrase: null }));
    expect(refusal.reason).toBe('newer_version');
    expect(refusal.message).not.toMatch(/DROP/);
  });
});

describe('comments on one action (schema version 3) through a planner of version 2', () => {
  it('are shown there on the whole report, their new fields kept and relayed; a planner of today sees them on their action', () => {
    const A = computer('coord', CHANGESET_SCHEMA_VERSION);
    const started = A.must('territory:start', { territoryName: 'Northwest Territories', computerName: 'Justice HQ', userName: 'Dana Coordinator', locale: 'en' });
    const lutselke = addCommunity(A, 'Łutselk’e', { detachment: 'Łutselk’e detachment' });
    const B = computer('v2det', SCHEMA_V2);
    enrol(A, B, 'detachment', [lutselke], started.territory!.fingerprint);
    const C = computer('office', CHANGESET_SCHEMA_VERSION);
    enrol(A, C, 'liaison', [lutselke], started.territory!.fingerprint);
    const { plan, actions } = agreedPlan(A, lutselke, 2025, ['Foot patrols']);
    const comment = A.must('reports:comment', { planId: plan.id, quarter: 1, actionId: actions[0]!.id, body: 'How many patrols in April?' });

    expect(B.must('bundles:import', { file: send(A, B), passphrase: null })).toMatchObject({ imported: true });
    expect(B.must('reports:get', { planId: plan.id, quarter: 1 }).comments).toEqual([expect.objectContaining({ id: comment.id, body: 'How many patrols in April?', actionId: null, authorRole: 'coordinator', fromOtherSide: true })]);
    expect(unknownFields(B).filter((f) => f.table === 'reportComments').map((f) => f.field)).toEqual(['actionId', 'authorRole', 'editedAt', 'readAt', 'readBy']);

    expect(C.must('bundles:import', { file: send(B, C), passphrase: null })).toMatchObject({ imported: true });
    expect(C.must('reports:get', { planId: plan.id, quarter: 1 }).comments).toEqual([expect.objectContaining({ id: comment.id, actionId: actions[0]!.id, authorRole: 'coordinator', readAt: null })]);
    expect(unknownFields(C)).toEqual([]);
  });
});
