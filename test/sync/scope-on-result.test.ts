import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { naturalIds } from '../../electron/core/changelog/deterministic-id';
import { type ChangesetBody, type ChangesetOp, serialiseChangeset } from '../../electron/core/changelog/changeset-body';
import { signText } from '../../electron/core/bundles/identity';
import { agreedPlan, bundlePath, databaseState, exportBundle, importBundle, type Installation, isPlainSentence, makeInstallation, readParts, refusalOf, threeInstallations, writeParts } from '../support';

/**
 * Issue 8, part 1: scope is judged on the state after applying, not on the bundle's text. A field
 * installation F trusted by V only for Dettah signs, with its real key, changesets in which the
 * same parent field is written twice: the value last in the file names Dettah, while the value the
 * clock makes the winner names Hay River. Every such bundle must be refused, by the import and by
 * its dry run alike, naming Hay River, and leave V's database as it was.
 */

let C: Installation;
let F: Installation;
let V: Installation;
let dettah: string;
let hayRiver: string;
let planDettah: ReturnType<typeof agreedPlan>;
let planHayRiver: ReturnType<typeof agreedPlan>;

beforeEach(() => {
  ({
    C,
    F,
    V,
    communities: [dettah, hayRiver],
    plans: [planDettah, planHayRiver],
  } = threeInstallations([
    { community: 'Dettah', actions: ['Patrols', 'School visits', 'Elders tea', 'Ice road checks'] },
    { community: 'Hay River', actions: ['Boat safety'] },
  ]));
  V.must('peers:trust', { fingerprint: F.fingerprint, scopeCommunityIds: [dettah] });
});

afterEach(() => {
  for (const inst of [C, F, V]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

/** F's next changesets, signed with F's real key, after an honest edit that V accepts. */
function forge(build: (next: (ops: Array<Omit<ChangesetOp, 'opId'>>, hlc: string) => void) => void): string {
  F.must('plans:update', { planId: planDettah.plan.id, summary: 'Honest edit' });
  const file = exportBundle(F, V);
  const parts = readParts(file);
  const template = JSON.parse(parts.changesets.at(-1)!.body) as ChangesetBody;
  let seq = template.seq;
  build((ops, hlc) => {
    seq += 1;
    const id = `forged${seq}`;
    const body: ChangesetBody = { ...template, id, seq, hlc, ops: ops.map((op, i) => ({ ...op, opId: `${id}.${i}` })) };
    const text = serialiseChangeset(body);
    parts.changesets.push({ type: 'changeset', body: text, signature: signText(F.keys.privateKey, text) });
  });
  return writeParts(parts, bundlePath(F, 'forged'), F.keys.privateKey);
}

const LATE = '2099-01-01T00:00:00.000Z-0000-field';
const EARLY = '2000-01-01T00:00:00.000Z-0000-field';

function expectRefusedNamingHayRiver(file: string) {
  const before = databaseState(V);
  const preview = refusalOf(V.call('bundles:preview', { file, passphrase: null }));
  const refusal = refusalOf(V.call('bundles:import', { file, passphrase: null }));
  for (const r of [preview, refusal]) {
    expect(r.reason, r.message).toBe('out_of_scope');
    expect(r.message).toContain('Hay River');
    expect(isPlainSentence(r.message), r.message).toBe(true);
  }
  const after = databaseState(V);
  expect(after.tables).toBe(before.tables);
  expect(after.fileSha256).toBe(before.fileSha256);
}

function priorityOps(rowId: string, planId: string, title: string): Array<Omit<ChangesetOp, 'opId'>> {
  return [
    { table: 'priorities', rowId, field: 'planId', value: planId, pred: [] },
    { table: 'priorities', rowId, field: 'title', value: title, pred: [] },
    { table: 'priorities', rowId, field: 'zone', value: 'prevention', pred: [] },
    { table: 'priorities', rowId, field: 'rank', value: 5, pred: [] },
  ];
}

describe('a peer trusted only for Dettah', () => {
  it('still changes Dettah’s plan (the cast is right)', () => {
    const file = forge(() => {});
    expect(V.must('bundles:import', { file, passphrase: null }).newChangesetCount).toBe(1);
  });

  it('cannot inject a priority into Hay River’s plan by writing the plan twice, Dettah last', () => {
    const file = forge((next) => {
      next(priorityOps('injected1', planHayRiver.plan.id, 'Injected'), LATE);
      next([{ table: 'priorities', rowId: 'injected1', field: 'planId', value: planDettah.plan.id, pred: [] }], EARLY);
    });
    expectRefusedNamingHayRiver(file);
  });

  it('cannot move a Dettah priority, with its four actions, into Hay River’s plan', () => {
    const priorityId = planDettah.priority.id;
    const file = forge((next) => {
      next([{ table: 'priorities', rowId: priorityId, field: 'planId', value: planHayRiver.plan.id, pred: [] }], LATE);
      next([{ table: 'priorities', rowId: priorityId, field: 'planId', value: planDettah.plan.id, pred: [] }], EARLY);
    });
    expectRefusedNamingHayRiver(file);
  });

  it('cannot forge Hay River’s Q3 report as submitted', () => {
    const reportId = naturalIds.report(planHayRiver.plan.id, 3);
    const file = forge((next) => {
      next(
        [
          { table: 'reportSubmissions', rowId: reportId, field: 'planId', value: planHayRiver.plan.id, pred: [] },
          { table: 'reportSubmissions', rowId: reportId, field: 'quarter', value: 3, pred: [] },
          { table: 'reportSubmissions', rowId: reportId, field: 'state', value: 'submitted', pred: [] },
          { table: 'reportSubmissions', rowId: reportId, field: 'submittedBy', value: 'Forger', pred: [] },
          { table: 'reportSubmissions', rowId: reportId, field: 'submittedAt', value: '2025-10-20T12:00:00.000Z', pred: [] },
        ],
        LATE,
      );
      next([{ table: 'reportSubmissions', rowId: reportId, field: 'planId', value: planDettah.plan.id, pred: [] }], EARLY);
    });
    expectRefusedNamingHayRiver(file);
  });

  it('cannot move a Dettah action under Hay River’s priority', () => {
    const actionId = planDettah.actions[0]!.id;
    const file = forge((next) => {
      next([{ table: 'actions', rowId: actionId, field: 'priorityId', value: planHayRiver.priority.id, pred: [] }], LATE);
      next([{ table: 'actions', rowId: actionId, field: 'priorityId', value: planDettah.priority.id, pred: [] }], EARLY);
    });
    expectRefusedNamingHayRiver(file);
  });

  it('cannot park a priority under a Hay River plan that has not arrived yet, to land there later', () => {
    const priorityId = planDettah.priority.id;
    const future = naturalIds.plan(hayRiver, 2026);
    const file = forge((next) => {
      next([{ table: 'priorities', rowId: priorityId, field: 'planId', value: future, pred: [] }], LATE);
    });
    const refusal = refusalOf(V.call('bundles:import', { file, passphrase: null }));
    expect(refusal.reason).toBe('out_of_scope');
  });

  it('cannot pick a clock that sorts differently in SQLite and in JavaScript: clocks are printable ASCII', () => {
    const file = forge((next) => {
      next([{ table: 'priorities', rowId: planDettah.priority.id, field: 'title', value: 'Odd clock', pred: [] }], '\uFF21-000000-field');
    });
    expect(refusalOf(V.call('bundles:import', { file, passphrase: null })).reason).toBe('damaged');
  });

  it('may still move a priority between two Dettah plans', () => {
    const next2026 = C.must('plans:create', { communityId: dettah, fiscalYear: 2026 });
    importBundle(V, exportBundle(C, null));
    const priorityId = planDettah.priority.id;
    const file = forge((next) => {
      next([{ table: 'priorities', rowId: priorityId, field: 'planId', value: next2026.id, pred: [] }], LATE);
    });
    expect(V.must('bundles:import', { file, passphrase: null }).newChangesetCount).toBe(2);
  });
});

describe('revocation reaches what the revoked computer vouched for', () => {
  let N: Installation;
  beforeEach(() => {
    // F, trusted for every community at first, introduces a new installation N to V: N's changes travel in F's bundles.
    V.must('peers:trust', { fingerprint: F.fingerprint, allCommunities: true });
    N = makeInstallation('newcomer', { idPrefix: 'n' });
    importBundle(N, exportBundle(C, null));
    N.must('plans:update', { planId: planDettah.plan.id, summary: 'From the newcomer' });
    importBundle(F, exportBundle(N, null));
    importBundle(V, exportBundle(F, V));
    expect(V.must('peers:list', {}).find((p) => p.installationId === N.installationId)?.introducedBy).toBe(F.installationId);
  });
  afterEach(() => {
    N.core.close();
    fs.rmSync(N.dir, { recursive: true, force: true });
  });

  it('revoking F revokes N, which F introduced, and says so', () => {
    const revocation = V.must('peers:revoke', { fingerprint: F.fingerprint });
    expect(revocation.alsoRevoked.map((p) => p.installationId)).toEqual([N.installationId]);
    N.must('plans:update', { planId: planDettah.plan.id, summary: 'After F was revoked' });
    const refusal = refusalOf(V.call('bundles:import', { file: exportBundle(N, null), passphrase: null, trustNewSender: true }));
    expect(refusal.reason).toBe('revoked');
    expect(V.must('plans:get', { planId: planDettah.plan.id }).summary).toBe('From the newcomer');
  });

  it('an introduced computer never gets more scope than the one that vouched for it, even after narrowing', () => {
    V.must('peers:trust', { fingerprint: F.fingerprint, scopeCommunityIds: [dettah] });
    N.must('plans:update', { planId: planHayRiver.plan.id, summary: 'Outside what F may change' });
    const refusal = refusalOf(V.call('bundles:import', { file: exportBundle(N, null), passphrase: null }));
    expect(refusal.reason).toBe('out_of_scope');
    expect(refusal.message).toContain('Hay River');
  });

  it('a revoked computer’s new changes relayed by the coordinator are set aside; the coordinator’s own still arrive', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    F.must('plans:update', { planId: planDettah.plan.id, summary: 'F after revocation' });
    importBundle(C, exportBundle(F, null));
    C.must('plans:update', { planId: planHayRiver.plan.id, summary: 'Coordinator news' });
    const file = exportBundle(C, null);
    const preview = V.must('bundles:preview', { file, passphrase: null });
    expect(preview.setAside).toEqual([expect.objectContaining({ installationId: F.installationId, fingerprint: F.fingerprint, reason: 'revoked', changesets: 1 })]);
    const result = V.must('bundles:import', { file, passphrase: null });
    expect(result.setAside).toHaveLength(1);
    expect(V.must('plans:get', { planId: planHayRiver.plan.id }).summary).toBe('Coordinator news');
    expect(V.must('plans:get', { planId: planDettah.plan.id }).summary).not.toBe('F after revocation');
  });
});
