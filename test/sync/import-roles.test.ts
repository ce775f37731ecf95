import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { change } from '../../electron/core/changelog/core-context';
import { naturalIds } from '../../electron/core/changelog/deterministic-id';
import type { Role } from '../../shared/vocabulary';
import { addCommunity, addTheme, databaseState, exportBundle, importBundle, type Installation, makeInstallation, refusalOf } from '../support';

/**
 * Issue 10 §4 on import: every incoming change is held to the op-level permission table against
 * its origin's certificate. The coordinator C holds certificates for a community office O and a
 * detachment D, both for Dettah only; each bundle of theirs that writes what its role may not is
 * refused whole, with a sentence naming the computer, and C's database is left as it was.
 */

let C: Installation;
let O: Installation;
let D: Installation;
let dettah: string;
let hayRiver: string;
let theme: string;
let dettahPlan: string;
let hayRiverPlan: string;

/** What enrolment leaves on the coordinator's computer: a certificate for the computer (helper C's format). */
function certificateOn(holder: Installation, of: Installation, role: Role, communityIds: string[] | null) {
  const body = JSON.stringify({ version: 1, serial: `S-${of.label}`, territoryId: 'T', territoryName: 'Test territory', installationId: of.installationId, name: of.label, userName: `User of ${of.label}`, role, communityIds, signingKey: of.keys.publicKey, issuedAt: '2025-04-01T00:00:00.000Z' });
  holder.core.context.sqlite
    .prepare('INSERT INTO certificates (serial, installation_id, territory_id, body, signature, issued_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(`S-${of.label}`, of.installationId, 'T', body, 'signature checked at enrolment', '2025-04-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z');
}

beforeEach(() => {
  C = makeInstallation('coordinator', { role: 'coordinator', idPrefix: 'c' });
  O = makeInstallation('Dettah office', { role: 'liaison', idPrefix: 'o' });
  D = makeInstallation('Dettah detachment', { role: 'detachment', idPrefix: 'd' });
  dettah = addCommunity(C, 'Dettah');
  hayRiver = addCommunity(C, 'Hay River');
  theme = addTheme(C, 'youth', 'Youth', 'Jeunes');
  for (const [communityId, set] of [
    [dettah, (id: string) => (dettahPlan = id)],
    [hayRiver, (id: string) => (hayRiverPlan = id)],
  ] as const) {
    const plan = C.must('plans:create', { communityId, fiscalYear: 2025 });
    C.must('priorities:add', { planId: plan.id, title: 'Safer roads', zone: 'prevention' });
    set(plan.id);
  }
  const full = exportBundle(C, null);
  importBundle(O, full);
  importBundle(D, full);
  // C knows both computers (their first bundles trusted), and holds their certificates.
  importBundle(C, exportBundle(O, C));
  importBundle(C, exportBundle(D, C));
  certificateOn(C, O, 'liaison', [dettah]);
  certificateOn(C, D, 'detachment', [dettah]);
});

afterEach(() => {
  for (const inst of [C, O, D]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

/** The refusal of importing a file into C, and of its dry run, checking C's database is unchanged by both. */
function refusedByCoordinator(file: string): string {
  const before = databaseState(C);
  const preview = refusalOf(C.call('bundles:preview', { file }));
  const refusal = refusalOf(C.call('bundles:import', { file, trustNewSender: true }));
  expect(databaseState(C)).toEqual(before);
  expect(preview.message).toBe(refusal.message);
  expect(refusal).toMatchObject({ code: 'forbidden', reason: 'out_of_scope' });
  return refusal.message;
}

describe('the op-level permission table on import', () => {
  it("refuses a community office's bundle that signs for the detachment, naming the computer; nothing is imported", () => {
    // A tampered computer: its own profile says detachment, so its core let it sign; its certificate says community office.
    O.must('installation:update', { role: 'detachment' });
    O.must('plans:agree', { planId: dettahPlan, detachmentSignatory: 'Sgt. Forged', detachmentSignedOn: '2025-04-20' });
    expect(refusedByCoordinator(exportBundle(O, C))).toBe('The changes of Dettah office were refused: Only the detachment or the coordinator may sign for the detachment. Nothing was imported.');
  });

  it("accepts the community office's own block, and the detachment's own block, from their certified computers", () => {
    O.must('plans:agree', { planId: dettahPlan, communitySignatory: 'Chief Edward Sangris', communitySignedOn: '2025-04-20' });
    D.must('plans:agree', { planId: dettahPlan, detachmentSignatory: 'Sgt. Dana Okpik', detachmentSignedOn: '2025-04-21' });
    importBundle(C, exportBundle(O, C));
    importBundle(C, exportBundle(D, C));
    expect(C.must('plans:get', { planId: dettahPlan })).toMatchObject({ communitySignatory: 'Chief Edward Sangris', detachmentSignatory: 'Sgt. Dana Okpik' });
  });

  it("refuses a detachment's bundle that changes a theme (territory reference data)", () => {
    change(D.core.context, 'themes:update', (w) => w.update('themes', theme, { nameFr: 'Jeunesse' }));
    expect(refusedByCoordinator(exportBundle(D, C))).toBe(
      "The changes of Dettah detachment were refused: Only the territorial coordinator may change the territory's reference data (communities, regions, detachments, themes). Nothing was imported.",
    );
  });

  it("refuses a scoped computer's bundle that writes a coordinator's comment on a report", () => {
    O.must('installation:update', { role: 'coordinator' });
    O.must('reports:comment', { planId: dettahPlan, quarter: 1, body: 'Looks fine to me — the coordinator' });
    expect(refusedByCoordinator(exportBundle(O, C))).toBe(
      "The changes of Dettah office were refused: A comment written on a community's computer cannot be given as the territorial coordinator's. Nothing was imported.",
    );
  });

  it("accepts a detachment's comment on its own community's report, and its read mark on the coordinator's comment; refuses a read mark on its own side's comment", () => {
    C.must('reports:comment', { planId: dettahPlan, quarter: 1, body: 'Please add the camp dates.' });
    importBundle(D, exportBundle(C, D));
    const mine = D.must('reports:comment', { planId: dettahPlan, quarter: 1, body: 'Camp dates: 12 to 16 July.' });
    D.must('comments:markRead', { planId: dettahPlan, quarter: 1 });
    importBundle(C, exportBundle(D, C));
    const comments = C.must('reports:get', { planId: dettahPlan, quarter: 1 }).comments;
    expect(comments.map((c) => [c.body, c.authorRole, c.readBy])).toEqual([
      ['Please add the camp dates.', 'coordinator', 'User of Dettah detachment'],
      ['Camp dates: 12 to 16 July.', 'detachment', null],
    ]);
    // Forged: the detachment marks its own side's comment read (so its author could no longer correct it… or pretends the coordinator read it).
    change(D.core.context, 'comments:markRead', (w) => w.update('reportComments', mine.id, { readAt: '2025-06-01T00:00:00.000Z', readBy: 'User of coordinator' }));
    expect(refusedByCoordinator(exportBundle(D, C))).toBe(
      'The changes of Dettah detachment were refused: Only the other side may mark a comment read: the coordinator the community’s comments, the community the coordinator’s. Nothing was imported.',
    );
  });

  it("refuses a detachment's bundle that accepts its own quarterly report (issue 14 §4: the coordinator's review)", () => {
    const reportId = naturalIds.report(dettahPlan, 1);
    change(D.core.context, 'reports:accept', (w) => {
      w.insert('reportSubmissions', { id: reportId, planId: dettahPlan, quarter: 1, state: 'submitted', submittedBy: 'User of Dettah detachment', submittedAt: '2025-07-10T12:00:00.000Z' });
      w.insert('reportReviews', { id: 'd-forged-review', reportId, decision: 'accepted', reason: null, reviewedBy: 'User of coordinator', reviewedAt: '2025-07-11T12:00:00.000Z' });
    });
    expect(refusedByCoordinator(exportBundle(D, C))).toBe(
      'The changes of Dettah detachment were refused: Only the territorial coordinator may accept or return a quarterly report. Nothing was imported.',
    );
  });

  it('refuses a territory-wide organisation from a community office', () => {
    O.must('installation:update', { role: 'coordinator' });
    O.must('organisations:create', { name: 'Territorial health authority', kind: 'health' });
    expect(refusedByCoordinator(exportBundle(O, C))).toMatch(/^The changes of Dettah office were refused: Only the territorial coordinator may add or change territory-wide organisations and people/);
  });

  it('holds a certified computer to the communities of its certificate, even when trusted here for every community', () => {
    expect(C.must('peers:list', {}).find((p) => p.installationId === O.installationId)?.scopeCommunityIds).toBeNull();
    O.must('plans:update', { planId: hayRiverPlan, summary: 'Not ours' });
    expect(refusedByCoordinator(exportBundle(O, C))).toMatch(/Hay River/);
  });

  it("accepts a detachment's proposal of a promising practice; refuses a published practice or a decision on a proposal from it (issue 14 §2)", () => {
    const proposal = D.must('practices:propose', { communityId: dettah, title: 'Youth drop-in', whatWasDone: 'Friday gym nights.', status: 'tried_once' });
    importBundle(C, exportBundle(D, C));
    expect(C.must('practices:proposals', {}).map((p) => [p.title, p.decision])).toEqual([['Youth drop-in', null]]);
    // Forged: the detachment accepts its own proposal.
    change(D.core.context, 'practices:accept', (w) => w.update('practiceProposals', proposal.id, { decision: 'accepted', decidedBy: 'User of coordinator', decidedAt: '2025-06-01T00:00:00.000Z' }));
    expect(refusedByCoordinator(exportBundle(D, C))).toBe(
      'The changes of Dettah detachment were refused: Only the territorial coordinator publishes, changes or declines promising practices; a detachment or community office proposes one from its own plan. Nothing was imported.',
    );
  });

  it('refuses a published practice written by a community office (territory data)', () => {
    O.must('installation:update', { role: 'coordinator' });
    O.must('practices:publish', { title: 'Forged practice', whatWasDone: 'Nothing.', status: 'evaluated' });
    expect(refusedByCoordinator(exportBundle(O, C))).toBe(
      'The changes of Dettah office were refused: Only the territorial coordinator publishes, changes or declines promising practices; a detachment or community office proposes one from its own plan. Nothing was imported.',
    );
  });

  it('lets the coordinator, by its certificate, write reference data to the others', () => {
    certificateOn(O, C, 'coordinator', null);
    change(C.core.context, 'themes:update', (w) => w.update('themes', theme, { nameFr: 'Jeunesse' }));
    importBundle(O, exportBundle(C, O));
    expect(O.must('themes:list', {}).find((t) => t.id === theme)?.nameFr).toBe('Jeunesse');
  });
});
