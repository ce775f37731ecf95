import { afterEach, describe, expect, it } from 'vitest';
import { authorize } from '../../electron/core/permissions';
import { DomainError } from '../../shared/domain-error';
import { digestOf } from '../cli/table-digest';
import { addCommitment, addCommunity, type TestCore, openTestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

/** A coordinator's database with three communities and a draft plan with one priority and action for each of two. */
function territory() {
  t = openTestCore({ profile: { name: 'Territorial office', userName: 'Nora Adams', role: 'coordinator' } });
  const dettah = addCommunity(t, 'Dettah');
  const ndilo = addCommunity(t, 'Ndilǫ');
  const hayRiver = addCommunity(t, 'Hay River', { region: 'South Slave', detachment: 'Hay River Detachment' });
  const plan = (communityId: string) => {
    const p = t.must('plans:create', { communityId, fiscalYear: 2025 });
    const priority = t.must('priorities:add', { planId: p.id, title: 'Safer roads', zone: 'prevention' });
    const action = t.must('actions:add', { priorityId: priority.id, title: 'Checkstops', owner: 'police', plannedQuarters: [1] });
    return { planId: p.id, priorityId: priority.id, actionId: action.id };
  };
  return { dettah, ndilo, hayRiver, dettahPlan: plan(dettah), hayRiverPlan: plan(hayRiver) };
}

/** This computer as enrolled: its certificate's serial set (helper C's enrolment keeps role and scope equal to it). */
function certify(role: 'detachment' | 'liaison' | 'coordinator', communityIds: string[]) {
  t.core.context.sqlite.prepare("UPDATE installation SET role = ?, scope_community_ids = ?, certificate_serial = 'SERIAL-1' WHERE key = 1").run(role, JSON.stringify(communityIds));
}

/** The refusal of a call, checking the database is unchanged by it. */
function refusedUnchanged(method: Parameters<TestCore['core']['invoke']>[0], input: unknown) {
  const before = digestOf(t.core.context.sqlite);
  const result = t.core.invoke(method, input as never);
  expect(digestOf(t.core.context.sqlite)).toBe(before);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

const communityBlock = { communitySignatory: 'Chief Edward Sangris', communitySignedOn: '2025-04-20' };
const detachmentBlock = { detachmentSignatory: 'Sgt. Dana Okpik', detachmentSignedOn: '2025-04-21' };

describe('the permission table, enforced by the core for local calls', () => {
  it('refuses a community office signing for the detachment, with a sentence saying who may; nothing changes', () => {
    const { dettah, dettahPlan } = territory();
    certify('liaison', [dettah]);
    const error = refusedUnchanged('plans:agree', { planId: dettahPlan.planId, ...communityBlock, ...detachmentBlock });
    expect(error).toMatchObject({ code: 'forbidden', message: 'Only the detachment or the coordinator may sign for the detachment.', details: { messageKey: 'permission.signOff.detachment' } });
    expect(refusedUnchanged('plans:agree', { planId: dettahPlan.planId, ...detachmentBlock }).message).toBe('Only the detachment or the coordinator may sign for the detachment.');
  });

  it('lets each side sign its own block; the plan is agreed once both are signed', () => {
    const { dettah, dettahPlan } = territory();
    certify('liaison', [dettah]);
    const half = t.must('plans:agree', { planId: dettahPlan.planId, ...communityBlock });
    expect(half).toMatchObject({ status: 'draft', ...communityBlock, detachmentSignatory: null });
    certify('detachment', [dettah]);
    expect(refusedUnchanged('plans:agree', { planId: dettahPlan.planId, communitySignatory: 'Someone else', communitySignedOn: '2025-04-20' }).message).toBe(
      'Only the community office or the coordinator may sign for the community.',
    );
    // Sending the community's block back as it stands is not entering it.
    const agreed = t.must('plans:agree', { planId: dettahPlan.planId, ...communityBlock, ...detachmentBlock });
    expect(agreed).toMatchObject({ status: 'agreed', ...communityBlock, ...detachmentBlock });
  });

  it('asks for a whole sign-off block, and for one at least', () => {
    const { dettahPlan } = territory();
    expect(refusedUnchanged('plans:agree', { planId: dettahPlan.planId, communitySignatory: 'Chief' }).message).toBe("The community's sign-off needs both the signatory's name and the date.");
    expect(refusedUnchanged('plans:agree', { planId: dettahPlan.planId }).message).toBe("Enter a sign-off block to sign this plan: the community's or the detachment's.");
  });

  it('refuses a detachment changing the plan of a community outside its certificate, naming its communities; nothing changes', () => {
    const { dettah, ndilo, hayRiver, hayRiverPlan, dettahPlan } = territory();
    certify('detachment', [dettah, ndilo]);
    const expected = "This computer is certified for Dettah and Ndilǫ only: Hay River's plans are changed by its own computers or the coordinator.";
    expect(refusedUnchanged('plans:update', { planId: hayRiverPlan.planId, title: 'Ours now' })).toMatchObject({ code: 'forbidden', message: expected });
    expect(refusedUnchanged('actions:update', { actionId: hayRiverPlan.actionId, title: 'Ours now' }).message).toBe(expected);
    expect(refusedUnchanged('priorities:add', { planId: hayRiverPlan.planId, title: 'More', zone: 'prevention' }).message).toBe(expected);
    expect(refusedUnchanged('progress:record', { actionId: hayRiverPlan.actionId, quarter: 1, status: 'on_track', narrative: 'Done' }).message).toBe(expected);
    expect(refusedUnchanged('plans:create', { communityId: hayRiver, fiscalYear: 2026 }).message).toBe(expected);
    // Its own community's plan it may change.
    expect(t.must('plans:update', { planId: dettahPlan.planId, title: 'Dettah safety plan' }).title).toBe('Dettah safety plan');
    expect(t.must('progress:record', { actionId: dettahPlan.actionId, quarter: 1, status: 'on_track', narrative: 'Done' }).narrative).toBe('Done');
  });

  it('says it in French when the installation speaks French', () => {
    const { dettah, hayRiverPlan } = territory();
    certify('liaison', [dettah]);
    t.must('installation:update', { locale: 'fr' });
    expect(refusedUnchanged('plans:update', { planId: hayRiverPlan.planId, title: 'x' }).message).toBe(
      'Cet ordinateur est certifié pour Dettah seulement\u00a0: les plans de Hay River sont modifiés par ses propres ordinateurs ou par la coordination territoriale.',
    );
    // A comment on another community's report is refused like any change to its plans.
    expect(refusedUnchanged('reports:comment', { planId: hayRiverPlan.planId, quarter: 1, body: 'Merci' }).message).toBe(
      'Cet ordinateur est certifié pour Dettah seulement\u00a0: les plans de Hay River sont modifiés par ses propres ordinateurs ou par la coordination territoriale.',
    );
  });

  it('keeps reference data and commitments for the coordinator; comments on its own community are the detachment\'s too', () => {
    const { dettah, dettahPlan } = territory();
    const commitment = addCommitment(t, '4.4.2');
    certify('detachment', [dettah]);
    expect(refusedUnchanged('commitments:update', { commitmentId: commitment, status: 'completed' }).message).toBe('Only the territorial coordinator may create or change mandate commitments and their milestones.');
    expect(t.must('reports:comment', { planId: dettahPlan.planId, quarter: 1, body: 'Thanks' })).toMatchObject({ authorRole: 'detachment', actionId: null, readAt: null });
    // Methods other helpers add are in the table already: a non-coordinator creating a theme is refused.
    expect(() => authorize(t.core.context, 'themes:create', { code: 'youth', nameEn: 'Youth', nameFr: 'Jeunes' })).toThrow(DomainError);
    expect(() => authorize(t.core.context, 'themes:create', {})).toThrow("Only the territorial coordinator may change the territory's reference data (communities, regions, detachments, themes).");
    expect(() => authorize(t.core.context, 'communities:create', { name: 'Łutselk’e' })).toThrow(/^Only the territorial coordinator/);
    expect(() => authorize(t.core.context, 'no:such', {})).toThrow('no:such is not in the permission table, so no computer may call it.');
  });

  it('lets a computer add organisations and people of its own communities, and only the coordinator territory-wide ones', () => {
    const { dettah, hayRiver } = territory();
    certify('liaison', [dettah]);
    expect(t.must('organisations:create', { name: 'Dettah health centre', kind: 'health', communityId: dettah }).communityId).toBe(dettah);
    expect(refusedUnchanged('organisations:create', { name: 'Territorial health authority', kind: 'health' }).message).toMatch(/^Only the territorial coordinator may add or change territory-wide organisations and people/);
    expect(refusedUnchanged('people:create', { name: 'Someone', communityId: hayRiver }).message).toMatch(/^This computer is certified for Dettah only/);
    certify('coordinator', []);
    const territorial = t.must('organisations:create', { name: 'Territorial health authority', kind: 'health' });
    expect(territorial.communityId).toBeNull();
    // A person of its own community may work for a territory-wide organisation: that is a reference, not a change to it.
    certify('liaison', [dettah]);
    expect(t.must('people:create', { name: 'Mary Kodakin', organisationId: territorial.id, communityId: dettah }).communityId).toBe(dettah);
  });

  it('refuses a change of role or communities in Settings once enrolled, and keeps the rest of the profile open', () => {
    const { dettah, ndilo } = territory();
    certify('detachment', [dettah]);
    expect(refusedUnchanged('installation:update', { role: 'coordinator' })).toMatchObject({ code: 'forbidden', message: "This computer's role and communities come from its certificate: Settings cannot change them. Ask the coordinator to enrol it again with another role or other communities." });
    expect(refusedUnchanged('installation:update', { scopeCommunityIds: [dettah, ndilo] }).code).toBe('forbidden');
    // The same role and communities sent back (the Settings form saves the whole profile) are no change.
    expect(t.must('installation:update', { role: 'detachment', scopeCommunityIds: [dettah], userName: 'Cst. New', locale: 'fr' })).toMatchObject({ userName: 'Cst. New', locale: 'fr' });
    // An enrolled coordinator cannot make itself something else either.
    certify('coordinator', []);
    expect(refusedUnchanged('installation:update', { role: 'liaison' }).code).toBe('forbidden');
  });

  it('keeps the behaviour of a database not enrolled: its profile says who it is, and an empty scope is every community', () => {
    const { dettah, dettahPlan, hayRiverPlan } = territory();
    t.must('installation:update', { role: 'liaison', scopeCommunityIds: [] });
    expect(t.must('plans:update', { planId: hayRiverPlan.planId, title: 'Hay River plan' }).title).toBe('Hay River plan');
    t.must('installation:update', { scopeCommunityIds: [dettah] });
    expect(refusedUnchanged('plans:update', { planId: hayRiverPlan.planId, title: 'x' }).message).toBe("This computer works for Dettah only: Hay River's plans are changed by its own computers or the coordinator.");
    // Roles still mean something: no detachment signature from a community office.
    expect(refusedUnchanged('plans:agree', { planId: dettahPlan.planId, ...detachmentBlock }).message).toBe('Only the detachment or the coordinator may sign for the detachment.');
    // And the profile may still be changed there (today's behaviour).
    expect(t.must('installation:update', { role: 'coordinator' }).role).toBe('coordinator');
  });

  it('leaves a target that does not exist to the method, which says so', () => {
    const { dettah } = territory();
    certify('detachment', [dettah]);
    expect(t.core.invoke('plans:update', { planId: 'no-such-plan', title: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
