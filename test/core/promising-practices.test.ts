import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommunity, addTheme, databaseState, exportBundle, importBundle, type Installation, makeInstallation, refusalOf } from '../support';

/**
 * Issue 14 §2: promising practices. C: the coordinator; D: Łutselk’e's detachment (a database not
 * enrolled, its profile naming Łutselk’e). One world for the whole file (each test adds its own rows).
 */

let C: Installation;
let D: Installation;
let lutselke: string;
let behchoko: string;
let youth: string;
let alcohol: string;
let actionId: string;
let priorityId: string;
let indicatorId: string;

const send = (from: Installation, to: Installation) => importBundle(to, exportBundle(from, to));

beforeAll(() => {
  C = makeInstallation('coord', { role: 'coordinator', idPrefix: 'c', now: '2025-08-10T12:00:00.000Z' });
  D = makeInstallation('det', { role: 'detachment', idPrefix: 'd', now: '2025-08-11T12:00:00.000Z' });
  lutselke = addCommunity(C, 'Łutselk’e');
  behchoko = addCommunity(C, 'Behchokǫ̀');
  youth = addTheme(C, 'youth', 'Youth', 'Jeunes');
  alcohol = addTheme(C, 'alcohol', 'Alcohol and drugs', 'Alcool et drogues');
  const plan = C.must('plans:create', { communityId: lutselke, fiscalYear: 2025 });
  const priority = C.must('priorities:add', { planId: plan.id, title: 'Keep youth safe on weekends', zone: 'prevention', themeIds: [youth] });
  priorityId = priority.id;
  actionId = C.must('actions:add', { priorityId, title: 'Friday night drop-in', description: 'A gym night run by RCMP and youth workers.', owner: 'joint', plannedQuarters: [1, 2] }).id;
  indicatorId = C.must('indicators:add', { priorityId, name: 'Youth attending', unit: 'youth', baseline: 0, target: 20, direction: 'increase' }).id;
  C.must('progress:record', { actionId, quarter: 1, status: 'on_track', narrative: 'SECRET NARRATIVE: J. Smith (14) was sent home drunk.', nextSteps: 'SECRET NEXT STEPS' });
  D.must('installation:update', { scopeCommunityIds: [lutselke] });
  importBundle(D, exportBundle(C, null));
  send(D, C);
});

afterAll(() => {
  for (const inst of [C, D]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

describe('sharing an action as a practice', () => {
  it("starts from the action's wording and its priority's themes and zone, and never from its quarterly narratives", () => {
    const draft = D.must('practices:draftFromAction', { actionId });
    expect(draft).toMatchObject({
      actionId,
      communityId: lutselke,
      title: 'Friday night drop-in',
      whatWasDone: 'A gym night run by RCMP and youth workers.',
      challenge: 'Keep youth safe on weekends',
      themeIds: [youth],
      zone: 'prevention',
      communityIds: [lutselke],
      fiscalYear: 2025,
      indicatorIds: [indicatorId],
      status: 'tried_once',
    });
    expect(JSON.stringify(draft)).not.toMatch(/SECRET/);
    // Proposed as drafted: the proposal and, once accepted, the practice hold none of it either.
    const { actionId: _a, communityId: _c, ...content } = draft;
    const proposal = D.must('practices:propose', { communityId: lutselke, actionId, ...content });
    send(D, C);
    const { practice } = C.must('practices:accept', { proposalId: proposal.id });
    const stored = C.core.context.sqlite.prepare('SELECT * FROM practices WHERE id = ?').get(practice.id);
    const proposed = C.core.context.sqlite.prepare('SELECT * FROM practice_proposals WHERE id = ?').get(proposal.id);
    expect(JSON.stringify([stored, proposed])).not.toMatch(/SECRET/);
  });
});

describe('proposing, accepting, declining', () => {
  it('a detachment proposes; the coordinator accepts with its own wording, publishing a practice that names its proposal; the detachment sees both', () => {
    const proposal = D.must('practices:propose', {
      communityId: lutselke,
      actionId,
      title: 'Elders on the land with youth',
      whatWasDone: 'Three-day camp with elders.',
      themeIds: [youth],
      zone: 'social_development',
      status: 'repeated',
      contactText: 'Band office, 867-370-3051',
    });
    expect(proposal).toMatchObject({ decision: null, communityName: 'Łutselk’e', proposedBy: 'User of det' });
    // A community cannot publish nor decide.
    expect(refusalOf(D.call('practices:publish', { title: 'x', whatWasDone: 'y', status: 'tried_once' })).message).toBe(
      'Only the territorial coordinator publishes, changes or declines promising practices; a detachment or community office proposes one from its own plan.',
    );
    expect(refusalOf(D.call('practices:accept', { proposalId: proposal.id })).code).toBe('forbidden');
    send(D, C);
    expect(C.must('practices:proposals', { waitingOnly: true }).map((p) => p.title)).toContain('Elders on the land with youth');
    const { practice, proposal: decided } = C.must('practices:accept', { proposalId: proposal.id, title: 'Land camps with elders and youth', outcome: 'Fewer weekend calls.' });
    expect(practice).toMatchObject({ title: 'Land camps with elders and youth', whatWasDone: 'Three-day camp with elders.', outcome: 'Fewer weekend calls.', proposalId: proposal.id, communityNames: ['Łutselk’e'], contactLabel: 'Band office, 867-370-3051', publishedBy: 'User of coord' });
    expect(decided).toMatchObject({ decision: 'accepted', practiceId: practice.id, decidedBy: 'User of coord' });
    // Decided once.
    const again = refusalOf(C.call('practices:decline', { proposalId: proposal.id, reason: 'Duplicate' }));
    expect(again.message).toMatch(/^This proposal was already accepted by User of coord on 2025-08-10; nothing was changed\.$/);
    send(C, D);
    expect(D.must('practices:get', { practiceId: practice.id }).title).toBe('Land camps with elders and youth');
    expect(D.must('practices:proposals', {}).find((p) => p.id === proposal.id)).toMatchObject({ decision: 'accepted', practiceId: practice.id });
  });

  it('the coordinator declines with a reason the detachment reads; nothing is published', () => {
    const proposal = D.must('practices:propose', { communityId: lutselke, title: 'Curfew bell', whatWasDone: 'Rang a bell at 10 pm.', status: 'tried_once' });
    send(D, C);
    const before = C.must('practices:list', {}).length;
    expect(refusalOf(C.call('practices:decline', { proposalId: proposal.id, reason: '   ' })).code).toBe('invalid_input');
    const declined = C.must('practices:decline', { proposalId: proposal.id, reason: 'Please add what came of it.' });
    expect(declined).toMatchObject({ decision: 'declined', declineReason: 'Please add what came of it.', practiceId: null });
    expect(C.must('practices:list', {})).toHaveLength(before);
    send(C, D);
    expect(D.must('practices:proposals', {}).find((p) => p.id === proposal.id)).toMatchObject({ decision: 'declined', declineReason: 'Please add what came of it.' });
  });

  it("refuses, changing nothing, a proposal for another community, or naming what is not there, or with dates out of order", () => {
    const before = databaseState(D);
    expect(refusalOf(D.call('practices:propose', { communityId: behchoko, title: 'x', whatWasDone: 'y', status: 'tried_once' })).code).toBe('forbidden');
    expect(refusalOf(D.call('practices:propose', { communityId: lutselke, title: 'x', whatWasDone: 'y', status: 'tried_once', themeIds: ['nope'] })).message).toBe(
      'One of the themes chosen is not in the territory’s list of themes; choose themes from the list.',
    );
    expect(refusalOf(D.call('practices:propose', { communityId: lutselke, title: 'x', whatWasDone: 'y', status: 'tried_once', triedFrom: '2025-06-01', triedTo: '2025-05-01' })).message).toBe(
      'The practice cannot end (2025-05-01) before it started (2025-06-01).',
    );
    expect(refusalOf(D.call('practices:propose', { communityId: lutselke, title: 'x', whatWasDone: '  ', status: 'tried_once' })).code).toBe('invalid_input');
    expect(databaseState(D)).toEqual(before);
    // The coordinator publishes directly rather than proposing.
    expect(refusalOf(C.call('practices:propose', { communityId: lutselke, title: 'x', whatWasDone: 'y', status: 'tried_once' })).message).toBe(
      'As the coordinator, you publish practices directly: use “Publish” instead of proposing.',
    );
  });

  it("refuses a published practice whose contact is on one community's list only", () => {
    const person = C.must('people:create', { name: 'Mary Catholique', communityId: lutselke });
    expect(refusalOf(C.call('practices:publish', { title: 'x', whatWasDone: 'y', status: 'tried_once', contactPersonId: person.id })).message).toBe(
      'The contact Mary Catholique is on the list of one community only, which other communities do not receive: write the contact in words instead.',
    );
    const territoryWide = C.must('people:create', { name: 'Sam Coordinator', title: 'Justice' });
    expect(C.must('practices:publish', { title: 'Contact test', whatWasDone: 'y', status: 'tried_once', contactPersonId: territoryWide.id }).contactLabel).toBe('Sam Coordinator, Justice');
  });
});

describe('the library', () => {
  it('finds practices by words (accents and case aside) and filters by theme, zone and community', () => {
    C.must('practices:publish', { title: 'Sober ride home', whatWasDone: 'Volunteer drivers on Saturdays.', themeIds: [alcohol], zone: 'risk_intervention', communityIds: [behchoko], status: 'evaluated' });
    C.must('practices:publish', { title: 'Homework club', whatWasDone: 'After school at the Délı̨nę hall.', themeIds: [youth], zone: 'social_development', communityIds: [behchoko], status: 'tried_once' });
    const titles = (filter: Parameters<typeof C.must<'practices:list'>>[1]) => C.must('practices:list', filter).map((p) => p.title).sort();
    expect(titles({ search: 'DELINE hall' })).toEqual(['Homework club']);
    expect(titles({ search: 'saturdays volunteer' })).toEqual(['Sober ride home']);
    expect(titles({ themeIds: [alcohol] })).toEqual(['Sober ride home']);
    expect(titles({ zone: 'social_development', communityId: behchoko })).toEqual(['Homework club']);
    expect(titles({ communityId: behchoko, search: 'nothing like this' })).toEqual([]);
    // Offered when an action is added to a priority: the practices of its themes (youth).
    expect(C.must('practices:list', { priorityId }).map((p) => p.title)).toContain('Homework club');
    expect(C.must('practices:list', { priorityId }).map((p) => p.title)).not.toContain('Sober ride home');
  });

  it('the coordinator changes and withdraws a practice; others may not', () => {
    const p = C.must('practices:publish', { title: 'Walking school bus', whatWasDone: 'Parents walk kids to school.', status: 'tried_once' });
    expect(C.must('practices:update', { practiceId: p.id, status: 'repeated' })).toMatchObject({ status: 'repeated', title: 'Walking school bus' });
    expect(refusalOf(D.call('practices:update', { practiceId: p.id, status: 'evaluated' })).code).toBe('forbidden');
    C.must('practices:remove', { practiceId: p.id });
    expect(refusalOf(C.call('practices:get', { practiceId: p.id })).message).toBe('This promising practice is not in the library: it may have been withdrawn by the coordinator.');
    expect(C.must('practices:restore', { practiceId: p.id }).title).toBe('Walking school bus');
  });

  it('a community withdraws its proposal while it waits, not once decided', () => {
    const waiting = D.must('practices:propose', { communityId: lutselke, title: 'Changed our mind', whatWasDone: 'x', status: 'tried_once' });
    D.must('practices:withdrawProposal', { proposalId: waiting.id });
    expect(D.must('practices:proposals', {}).map((p) => p.id)).not.toContain(waiting.id);
    const decided = D.must('practices:proposals', {}).find((p) => p.decision !== null)!;
    expect(refusalOf(D.call('practices:withdrawProposal', { proposalId: decided.id })).code).toBe('conflict');
  });
});
