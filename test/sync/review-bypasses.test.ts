import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { naturalIds } from '../../electron/core/changelog/deterministic-id';
import { type ChangesetBody, type ChangesetOp } from '../../electron/core/changelog/changeset-body';
import { bundlePath, exportBundle, importBundle, makeInstallation, readParts, refusalOf, writeParts } from '../support';
import { C, F, V, dettah, hayRiver, planDettah, planHayRiver, extra, castUp, castDown, LATE, type Op, body, signed, fParts, opIn, expectOutOfScope, expectRelayedMoveRefused, hayRiverSummary } from './support/bypass-cast';

/**
 * Review of issue 8 (scope on the result, revocation through the chain, restored backups).
 * Cases named "BYPASS:" were found to get through when this file was written; the others are
 * attacks that are refused, kept as regression guards.
 *
 * Cast as in scope-on-result.test.ts: a coordinator C (trusted by V for everything), a field
 * installation F trusted by the victim V only for Dettah, and V.
 */


beforeEach(castUp);
afterEach(castDown);

// --- 1. Scope judged on the result ------------------------------------------------------------

describe('scope: a peer trusted only for Dettah', () => {
  it('BYPASS: forges Hay River’s Q3 report as submitted by giving its natural id a Dettah planId', () => {
    const reportId = naturalIds.report(planHayRiver.plan.id, 3);
    const { parts, forge } = fParts();
    forge([
      { table: 'reportSubmissions', rowId: reportId, field: 'planId', value: planDettah.plan.id, pred: [] },
      { table: 'reportSubmissions', rowId: reportId, field: 'quarter', value: 3, pred: [] },
      { table: 'reportSubmissions', rowId: reportId, field: 'state', value: 'submitted', pred: [] },
      { table: 'reportSubmissions', rowId: reportId, field: 'submittedBy', value: 'Forger', pred: [] },
      { table: 'reportSubmissions', rowId: reportId, field: 'submittedAt', value: '2025-10-20T12:00:00.000Z', pred: [] },
    ]);
    const file = writeParts(parts, bundlePath(F, 'report'), F.keys.privateKey);
    const result = V.call('bundles:import', { file, passphrase: null });
    // Whatever the import says, Hay River's Q3 report must not read as submitted by the forger.
    expect(V.must('reports:get', { planId: planHayRiver.plan.id, quarter: 3 }).state).toBe('draft');
    expect(result.ok ? 'imported' : refusalOf(result).reason).toBe('out_of_scope');
  });

  it('BYPASS: takes Hay River’s next-year plan by creating its natural id under Dettah before the coordinator does', () => {
    const hayRiver2026 = naturalIds.plan(hayRiver, 2026);
    const { parts, forge } = fParts();
    const field = (f: string, value: ChangesetOp['value']): Op => ({ table: 'plans', rowId: hayRiver2026, field: f, value, pred: [] });
    forge([field('communityId', dettah), field('fiscalYear', 2026), field('title', 'Squatted'), field('status', 'draft')]);
    const file = writeParts(parts, bundlePath(F, 'plan'), F.keys.privateKey);
    const result = V.call('bundles:import', { file, passphrase: null });
    // The coordinator then creates Hay River's 2026 plan, with the very same (natural) id.
    C.must('plans:create', { communityId: hayRiver, fiscalYear: 2026 });
    importBundle(V, exportBundle(C, V));
    const plan = V.must('plans:get', { planId: hayRiver2026 });
    expect(plan.communityId).toBe(hayRiver);
    expect(result.ok ? 'imported' : refusalOf(result).reason).toBe('out_of_scope');
  });

  it('BYPASS: relays the coordinator’s new Hay River priority and, in the same bundle, moves it into Dettah', () => {
    const fresh = C.must('priorities:add', { planId: planHayRiver.plan.id, title: 'Water safety', zone: 'prevention' });
    importBundle(F, exportBundle(C, F));
    expectRelayedMoveRefused(fresh.id, 'relay-move');
  });

  /**
   * F front-runs a Hay River priority V has not received yet: it sends only its own changes, in
   * which it "creates" the priority in Dettah (naming the coordinator's creating op in pred, or not).
   * Then the coordinator's bundle arrives: the priority must end in Hay River, never in Dettah.
   */
  function frontRunHayRiverPriority(options: { namePred: boolean }) {
    const fresh = C.must('priorities:add', { planId: planHayRiver.plan.id, title: 'Water safety', zone: 'prevention' });
    importBundle(F, exportBundle(C, F));
    const created = opIn(readParts(exportBundle(F, V)), 'priorities', fresh.id, 'planId');
    expect(created.opId).toBeTruthy();
    const { parts, forge } = fParts({ dropOtherOrigins: true });
    const p = (f: string, value: ChangesetOp['value'], pred: string[] = []): Op => ({ table: 'priorities', rowId: fresh.id, field: f, value, pred });
    forge([p('planId', planDettah.plan.id, options.namePred ? [created.opId] : []), p('title', 'Squatted'), p('zone', 'prevention'), p('rank', 9)]);
    const squat = V.call('bundles:import', { file: writeParts(parts, bundlePath(F, 'squat'), F.keys.privateKey), passphrase: null });
    importBundle(V, exportBundle(C, V));
    const inHayRiver = V.must('plans:get', { planId: planHayRiver.plan.id }).priorities.map((x) => x.id);
    if (!squat.ok) expect(refusalOf(squat).reason).toBe('out_of_scope');
    expect(inHayRiver).toContain(fresh.id);
    expect(V.must('plans:get', { planId: planDettah.plan.id }).priorities.map((x) => x.id)).not.toContain(fresh.id);
  }

  it('BYPASS: front-runs a Hay River priority V has not received yet, naming the coordinator’s creating op in pred so it is silently superseded', () => {
    frontRunHayRiverPriority({ namePred: true });
  });

  // Known open (issue 11 fixes a row's partition at creation, which closes this family): it.fails turns red the day it is fixed.
  it.fails('BYPASS (not fixed): front-runs a Hay River priority V has not received yet with a later clock; the coordinator’s creation then loses to it', () => {
    frontRunHayRiverPriority({ namePred: false });
  });

  it('BYPASS: two heads whose clocks sort one way in SQLite (UTF-8 bytes) and the other in JavaScript (UTF-16): the guard reads Dettah, the table gets Hay River', () => {
    // U+FF21 sorts after U+1F600 in UTF-16 code units (FF21 > D83D) but before it in UTF-8 bytes (EF < F0).
    const JS_WINS = '\uFF21';
    const SQL_WINS = '\u{1F600}';
    const priorityId = planDettah.priority.id;
    const { parts, nextSeq } = fParts();
    let seq = nextSeq();
    parts.changesets.push(
      signed(body({ id: `forged${seq}`, origin: F.installationId, seq, hlc: JS_WINS, ops: [{ table: 'priorities', rowId: priorityId, field: 'planId', value: planHayRiver.plan.id, pred: [] }] }), F.keys.privateKey),
    );
    seq = nextSeq();
    parts.changesets.push(
      signed(body({ id: `forged${seq}`, origin: F.installationId, seq, hlc: SQL_WINS, ops: [{ table: 'priorities', rowId: priorityId, field: 'planId', value: planDettah.plan.id, pred: [] }] }), F.keys.privateKey),
    );
    const result = V.call('bundles:import', { file: writeParts(parts, bundlePath(F, 'collation'), F.keys.privateKey), passphrase: null });
    expect(V.must('plans:get', { planId: planHayRiver.plan.id }).priorities.map((p) => p.id)).not.toContain(priorityId);
    // Refused as damaged since clocks are printable ASCII; out of scope by the guard before that.
    expect(['out_of_scope', 'damaged']).toContain(result.ok ? 'imported' : refusalOf(result).reason);
  });

  // Closed by issue 11: the waiting action's partition (Hay River) was fixed when it arrived, so a "parent" in Dettah cannot adopt it.
  it('BYPASS: creates the missing parent of a Hay River action waiting in pending_rows, hanging it under Dettah', () => {
    // D creates a Hay River priority; C adds an action under it. V gets C's changes but not D's yet.
    const D = makeInstallation('deputy', { idPrefix: 'd' });
    extra.push(D);
    importBundle(D, exportBundle(C, null));
    const parent = D.must('priorities:add', { planId: planHayRiver.plan.id, title: 'Made by D', zone: 'prevention' });
    importBundle(C, exportBundle(D, null));
    const child = C.must('actions:add', { priorityId: parent.id, title: 'Waiting for its parent', owner: 'joint', plannedQuarters: [2] });
    const fromC = readParts(exportBundle(C, V));
    fromC.changesets = fromC.changesets.filter((c) => (JSON.parse(c.body) as ChangesetBody).origin === C.installationId);
    delete fromC.manifest.keys[D.installationId];
    V.must('bundles:import', { file: writeParts(fromC, bundlePath(C, 'partial'), C.keys.privateKey), passphrase: null });
    const waiting = V.core.context.sqlite.prepare('SELECT count(*) FROM pending_rows WHERE row_id = ?').pluck().get(child.id);
    expect(waiting).toBe(1);
    // F, which has seen D's priority id, "creates" it in Dettah: the waiting action lands in Dettah's plan.
    const { parts, forge } = fParts({ dropOtherOrigins: true });
    const p = (f: string, value: ChangesetOp['value']): Op => ({ table: 'priorities', rowId: parent.id, field: f, value, pred: [] });
    forge([p('planId', planDettah.plan.id), p('title', 'Squatted'), p('zone', 'prevention'), p('rank', 9)]);
    V.call('bundles:import', { file: writeParts(parts, bundlePath(F, 'adopt'), F.keys.privateKey), passphrase: null });
    const dettahActions = V.must('plans:get', { planId: planDettah.plan.id }).priorities.flatMap((x) => x.actions.map((a) => a.id));
    expect(dettahActions).not.toContain(child.id);
  });

  // Known open: changeset ids are one namespace each origin fills itself; needs ids tied to (origin, seq) in the format.
  it.fails('BYPASS (availability, not fixed): squats the id of a coordinator changeset V has not received, so V refuses every later bundle of the coordinator', () => {
    C.must('plans:update', { planId: planHayRiver.plan.id, summary: 'Coordinator news' });
    importBundle(F, exportBundle(C, F));
    const coordinatorNews = JSON.parse(opIn(readParts(exportBundle(F, V)), 'plans', planHayRiver.plan.id, 'summary').changeset.body) as ChangesetBody;
    const { parts, forge } = fParts({ dropOtherOrigins: true });
    forge([{ table: 'plans', rowId: planDettah.plan.id, field: 'title', value: 'Harmless', pred: [] }], coordinatorNews.id);
    V.must('bundles:import', { file: writeParts(parts, bundlePath(F, 'id-squat'), F.keys.privateKey), passphrase: null });
    const fromC = V.call('bundles:import', { file: exportBundle(C, V), passphrase: null });
    expect(fromC.ok ? 'imported' : refusalOf(fromC).message).toBe('imported');
    expect(hayRiverSummary()).toBe('Coordinator news');
  });

  it('still records Dettah progress, an indicator value and submits Dettah’s report (rows with natural keys it creates)', () => {
    for (const action of planDettah.actions) F.must('progress:record', { actionId: action.id, quarter: 1, status: 'on_track', narrative: 'Done' });
    F.must('indicators:recordValue', { indicatorId: planDettah.indicator.id, quarter: 1, value: 4 });
    F.clock.set('2025-06-20T12:00:00.000Z'); // a report is submitted from the last two weeks of its quarter on
    F.must('reports:submit', { planId: planDettah.plan.id, quarter: 1 });
    const result = V.must('bundles:import', { file: exportBundle(F, V), passphrase: null });
    expect(result.newChangesetCount).toBe(planDettah.actions.length + 2);
    expect(V.must('reports:get', { planId: planDettah.plan.id, quarter: 1 }).state).toBe('submitted');
  });

  it('is refused: two scoped origins in one bundle, one creating a Hay River row and the other moving it into Dettah', () => {
    // F introduces a second computer G; V trusts G for Dettah and Hay River, F only for Dettah.
    const G = makeInstallation('second', { idPrefix: 'g' });
    extra.push(G);
    importBundle(G, exportBundle(C, null));
    G.must('plans:update', { planId: planDettah.plan.id, summary: 'G was here' });
    importBundle(F, exportBundle(G, null));
    importBundle(V, exportBundle(F, V));
    const gPeer = V.must('peers:list', {}).find((p) => p.installationId === G.installationId)!;
    V.must('peers:trust', { fingerprint: gPeer.fingerprint, scopeCommunityIds: [dettah, hayRiver] });
    const fresh = G.must('priorities:add', { planId: planHayRiver.plan.id, title: 'Made by G', zone: 'prevention' });
    importBundle(F, exportBundle(G, null));
    expectRelayedMoveRefused(fresh.id, 'two-scoped');
  });

  it('is refused: removing a Hay River priority through deletedAt', () => {
    const { parts, forge } = fParts();
    forge([{ table: 'priorities', rowId: planHayRiver.priority.id, field: 'deletedAt', value: '2025-05-16T00:00:00.000Z', pred: [] }]);
    expectOutOfScope(writeParts(parts, bundlePath(F, 'delete'), F.keys.privateKey));
  });

  it('is refused: creating a row and moving it into Hay River in a later changeset of the same bundle', () => {
    const { parts, nextSeq } = fParts();
    let seq = nextSeq();
    parts.changesets.push(
      signed(
        body({
          id: `forged${seq}`,
          origin: F.installationId,
          seq,
          hlc: '2025-05-16T00:00:00.000Z-0000-field',
          ops: [
            { table: 'priorities', rowId: 'newrow1', field: 'planId', value: planDettah.plan.id, pred: [] },
            { table: 'priorities', rowId: 'newrow1', field: 'title', value: 'New', pred: [] },
            { table: 'priorities', rowId: 'newrow1', field: 'zone', value: 'prevention', pred: [] },
            { table: 'priorities', rowId: 'newrow1', field: 'rank', value: 3, pred: [] },
          ],
        }),
        F.keys.privateKey,
      ),
    );
    seq = nextSeq();
    parts.changesets.push(
      signed(
        body({ id: `forged${seq}`, origin: F.installationId, seq, hlc: LATE, ops: [{ table: 'priorities', rowId: 'newrow1', field: 'planId', value: planHayRiver.plan.id, pred: [`forged${seq - 1}.0`] }] }),
        F.keys.privateKey,
      ),
    );
    expectOutOfScope(writeParts(parts, bundlePath(F, 'create-move'), F.keys.privateKey));
  });

  it('is refused: territory-wide data (a theme) and a new community', () => {
    const { parts, forge } = fParts();
    forge([{ table: 'themes', rowId: naturalIds.theme('X'), field: 'code', value: 'X', pred: [] }]);
    expectOutOfScope(writeParts(parts, bundlePath(F, 'theme'), F.keys.privateKey));
  });
});
