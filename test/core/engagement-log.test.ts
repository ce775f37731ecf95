import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../cli/table-digest';
import { addCommunity, openTestCore, type TestCore } from '../support';

/**
 * Issue 14 §1: the engagement log. Per community: date, kind, who took part, summary, outcomes,
 * follow-ups and the priorities and actions it shaped; same permissions as the community's plans;
 * refusals are sentences and change nothing.
 */
let t: TestCore;
afterEach(() => t?.core.close());

function territory() {
  t = openTestCore({ profile: { name: 'Territorial office', userName: 'Nora Adams', role: 'coordinator' }, now: '2025-09-10T12:00:00.000Z' });
  const dettah = addCommunity(t, 'Dettah');
  const hayRiver = addCommunity(t, 'Hay River');
  const plan = (communityId: string, fiscalYear = 2025) => {
    const p = t.must('plans:create', { communityId, fiscalYear });
    const priority = t.must('priorities:add', { planId: p.id, title: 'Safer roads', zone: 'prevention' });
    const action = t.must('actions:add', { priorityId: priority.id, title: 'Checkstops', owner: 'police', plannedQuarters: [1] });
    return { planId: p.id, priorityId: priority.id, actionId: action.id };
  };
  const elder = t.must('people:create', { name: 'Elder Mary Liske', communityId: dettah });
  const council = t.must('organisations:create', { name: 'Yellowknives Dene First Nation council', kind: 'chief_and_council', communityId: dettah });
  const territorial = t.must('organisations:create', { name: 'Department of Justice', kind: 'justice' });
  const hayPerson = t.must('people:create', { name: 'Mayor Kandis Jameson', communityId: hayRiver });
  return { dettah, hayRiver, dettahPlan: plan(dettah), hayRiverPlan: plan(hayRiver), elder, council, territorial, hayPerson };
}

function certify(role: 'detachment' | 'liaison', communityIds: string[]) {
  t.core.context.sqlite.prepare("UPDATE installation SET role = ?, scope_community_ids = ?, certificate_serial = 'SERIAL-1' WHERE key = 1").run(role, JSON.stringify(communityIds));
}

function refusedUnchanged(method: Parameters<TestCore['core']['invoke']>[0], input: unknown) {
  const before = digestOf(t.core.context.sqlite);
  const result = t.core.invoke(method, input as never);
  expect(digestOf(t.core.context.sqlite)).toBe(before);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

describe('the engagement log', () => {
  it('records, lists by fiscal year and quarter, changes, removes and restores an engagement, naming who took part and what it shaped', () => {
    const w = territory();
    const workshop = t.must('engagements:create', {
      communityId: w.dettah,
      date: '2025-02-12',
      kind: 'council_workshop',
      summary: '  Council and elders ranked the community’s concerns.  ',
      outcomes: 'Impaired driving first, youth activities second.',
      followUps: '',
      participantPersonIds: [w.elder.id, w.elder.id],
      participantOrganisationIds: [w.council.id, w.territorial.id],
      otherParticipants: 'About 25 residents',
      priorityIds: [w.dettahPlan.priorityId],
      actionIds: [w.dettahPlan.actionId],
    });
    expect(workshop).toMatchObject({
      communityName: 'Dettah',
      fiscalYear: 2024,
      quarter: 4,
      summary: 'Council and elders ranked the community’s concerns.',
      followUps: null,
      participantPersonIds: [w.elder.id],
      people: [{ id: w.elder.id, name: 'Elder Mary Liske' }],
      organisations: [
        { id: w.council.id, name: 'Yellowknives Dene First Nation council' },
        { id: w.territorial.id, name: 'Department of Justice' },
      ],
      priorities: [{ id: w.dettahPlan.priorityId, name: 'Safer roads' }],
      actions: [{ id: w.dettahPlan.actionId, name: 'Checkstops' }],
      recordedBy: 'Nora Adams',
    });
    const feedback = t.must('engagements:create', { communityId: w.dettah, date: '2025-07-03', kind: 'monthly_feedback', summary: 'June figures to chief and council.' });
    t.must('engagements:create', { communityId: w.hayRiver, date: '2025-07-04', kind: 'town_hall', summary: 'Hay River town hall.' });

    expect(t.must('engagements:list', { communityId: w.dettah }).map((e) => e.kind)).toEqual(['council_workshop', 'monthly_feedback']);
    expect(t.must('engagements:list', { communityId: w.dettah, fiscalYear: 2025 }).map((e) => e.id)).toEqual([feedback.id]);
    expect(t.must('engagements:list', { communityId: w.dettah, fiscalYear: 2025, quarter: 1 })).toEqual([]);
    expect(t.must('engagements:list', { communityId: w.dettah, fiscalYear: 2025, quarter: 2 }).map((e) => e.id)).toEqual([feedback.id]);

    const changed = t.must('engagements:update', { engagementId: feedback.id, kind: 'council_meeting', followUps: 'Send the July figures.' });
    expect(changed).toMatchObject({ kind: 'council_meeting', followUps: 'Send the July figures.', summary: 'June figures to chief and council.' });
    // Saving it unchanged records nothing.
    const before = digestOf(t.core.context.sqlite);
    t.must('engagements:update', { engagementId: feedback.id, kind: 'council_meeting', summary: 'June figures to chief and council.' });
    expect(digestOf(t.core.context.sqlite)).toBe(before);

    t.must('engagements:remove', { engagementId: feedback.id });
    expect(t.must('engagements:list', { communityId: w.dettah }).map((e) => e.id)).toEqual([workshop.id]);
    expect(refusedUnchanged('engagements:get', { engagementId: feedback.id }).message).toBe('This engagement no longer exists: it may have been removed on another computer.');
    t.must('engagements:restore', { engagementId: feedback.id });
    expect(t.must('engagements:list', { communityId: w.dettah }).map((e) => e.id)).toEqual([workshop.id, feedback.id]);

    expect(t.must('rollup:engagements', { fiscalYear: 2025 })).toEqual([
      { communityId: w.dettah, communityName: 'Dettah', kind: 'council_meeting', count: 1 },
      { communityId: w.hayRiver, communityName: 'Hay River', kind: 'town_hall', count: 1 },
    ]);
    expect(t.must('rollup:engagements', { fiscalYear: 2024 })).toEqual([{ communityId: w.dettah, communityName: 'Dettah', kind: 'council_workshop', count: 1 }]);
  });

  it('refuses, with a sentence and nothing changed: no date, an unknown kind, a blank or over-long summary, another community’s people or actions, ids not here', () => {
    const w = territory();
    const base = { communityId: w.dettah, date: '2025-06-01', kind: 'focus_group', summary: 'Youth focus group.' };
    expect(refusedUnchanged('engagements:create', { ...base, date: undefined }).message).toMatch(/date/i);
    expect(refusedUnchanged('engagements:create', { ...base, date: '1 June' }).message).toMatch(/date/i);
    expect(refusedUnchanged('engagements:create', { ...base, kind: 'picnic' }).message).toMatch(/kind of engagement/);
    expect(refusedUnchanged('engagements:create', { ...base, summary: '   ' }).message).toMatch(/summary/i);
    // A long paste is never cut: it is refused whole.
    const long = refusedUnchanged('engagements:create', { ...base, summary: 'x'.repeat(10_001) });
    expect(long.message).toMatch(/summary/i);
    expect(long.message).toMatch(/10[\s,\u202f\u00a0]?000/);
    expect(refusedUnchanged('engagements:create', { ...base, participantPersonIds: [w.hayPerson.id] }).message).toBe(
      'An engagement of Dettah can only name the people, organisations, priorities and actions of Dettah (or of the whole territory); these are not: Mayor Kandis Jameson. Nothing was saved.',
    );
    expect(refusedUnchanged('engagements:create', { ...base, actionIds: [w.hayRiverPlan.actionId] }).message).toMatch(/these are not: Checkstops/);
    expect(refusedUnchanged('engagements:create', { ...base, priorityIds: ['NO_SUCH_PRIORITY'] }).message).toBe(
      'Some of the people, organisations, priorities or actions named no longer exist here: NO_SUCH_PRIORITY. Nothing was saved.',
    );
    t.must('installation:update', { locale: 'fr' });
    expect(refusedUnchanged('engagements:create', { ...base, participantPersonIds: [w.hayPerson.id] }).message).toBe(
      'Une rencontre de Dettah ne peut nommer que les personnes, organismes, priorités et mesures de Dettah (ou de tout le territoire)\u00a0; ceux-ci n’en sont pas\u00a0: Mayor Kandis Jameson. Rien n’a été enregistré.',
    );
  });

  it('lets whoever may change a community’s plans record its engagements, and no one else', () => {
    const w = territory();
    const mine = t.must('engagements:create', { communityId: w.hayRiver, date: '2025-06-01', kind: 'situation_table', summary: 'Situation table.' });
    for (const role of ['detachment', 'liaison'] as const) {
      certify(role, [w.dettah]);
      const expected = "This computer is certified for Dettah only: Hay River's plans are changed by its own computers or the coordinator.";
      expect(refusedUnchanged('engagements:create', { communityId: w.hayRiver, date: '2025-06-02', kind: 'town_hall', summary: 'Not ours.' })).toMatchObject({ code: 'forbidden', message: expected });
      expect(refusedUnchanged('engagements:update', { engagementId: mine.id, summary: 'Not ours.' }).message).toBe(expected);
      expect(refusedUnchanged('engagements:remove', { engagementId: mine.id }).message).toBe(expected);
      // Reading is everyone's; its own community it may write.
      expect(t.must('engagements:list', { communityId: w.hayRiver })).toHaveLength(1);
      const own = t.must('engagements:create', { communityId: w.dettah, date: '2025-06-03', kind: 'steering_committee', summary: `By the ${role}.`, participantPersonIds: [w.elder.id] });
      expect(own.recordedBy).toBe('Nora Adams');
    }
  });
});
