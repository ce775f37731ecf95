import { afterEach, describe, expect, it } from 'vitest';
import { addCommitment, addCommunity, addTheme, agreedPlan, makeCore, snapshotTables, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('creating and editing a plan', () => {
  it('creates one draft plan per community and fiscal year, with a readable title', () => {
    t = makeCore();
    const community = addCommunity(t, 'Délı̨nę');
    const plan = t.must('plans:create', { communityId: community, fiscalYear: 2025 });
    expect(plan).toMatchObject({ status: 'draft', fiscalYear: 2025, communityName: 'Délı̨nę', editable: true, priorities: [] });
    expect(plan.title).toContain('FY 2025–26');
    const again = t.core.invoke('plans:create', { communityId: community, fiscalYear: 2025 });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Délı̨nę already has a plan for FY 2025–26.' } });
  });

  it('gives the same plan the same id on every installation (natural key)', () => {
    t = makeCore();
    const other = makeCore();
    try {
      const a = t.must('plans:create', { communityId: addCommunity(t, 'Whatì'), fiscalYear: 2025 });
      const b = other.must('plans:create', { communityId: addCommunity(other, 'Whatì'), fiscalYear: 2025 });
      expect(a.id).toBe(b.id);
    } finally {
      other.core.close();
    }
  });

  it('adds priorities with themes and zone, actions and indicators, in order', () => {
    t = makeCore();
    const community = addCommunity(t, 'Inuvik');
    const youth = addTheme(t, 'youth');
    const commitment = addCommitment(t, '4.4.2');
    const plan = t.must('plans:create', { communityId: community, fiscalYear: 2025 });
    const first = t.must('priorities:add', { planId: plan.id, title: 'Youth engagement', zone: 'social_development', themeIds: [youth, youth] });
    const second = t.must('priorities:add', { planId: plan.id, title: 'Impaired driving', zone: 'prevention' });
    expect(first.themeIds).toEqual([youth]);
    expect([first.rank, second.rank]).toEqual([0, 1]);
    const action = t.must('actions:add', { priorityId: first.id, title: 'Youth drop-in nights', owner: 'community', plannedQuarters: [3, 1, 3], commitmentIds: [commitment] });
    expect(action.plannedQuarters).toEqual([1, 3]);
    t.must('indicators:add', { priorityId: second.id, name: 'Checkstops held', unit: 'checkstops', baseline: 4, target: 12, direction: 'increase' });
    const reordered = t.must('priorities:reorder', { planId: plan.id, priorityIds: [second.id, first.id] });
    expect(reordered.priorities.map((p) => p.title)).toEqual(['Impaired driving', 'Youth engagement']);
    expect(reordered.priorities[0]!.indicators[0]).toMatchObject({ name: 'Checkstops held', baseline: 4, target: 12 });
    expect(reordered.priorities[1]!.actions[0]).toMatchObject({ title: 'Youth drop-in nights', commitmentIds: [commitment] });
  });

  it('refuses references to themes, partners or commitments that do not exist, and changes nothing', () => {
    t = makeCore();
    const plan = t.must('plans:create', { communityId: addCommunity(t, 'Aklavik'), fiscalYear: 2025 });
    const before = snapshotTables(t.core);
    const result = t.core.invoke('priorities:add', { planId: plan.id, title: 'X', zone: 'prevention', themeIds: ['nope'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Theme nope does not exist.' } });
    expect(snapshotTables(t.core)).toBe(before);
  });

  it('removes an action and restores it (undo of a mistaken delete)', () => {
    t = makeCore();
    const plan = t.must('plans:create', { communityId: addCommunity(t, 'Aklavik'), fiscalYear: 2025 });
    const priority = t.must('priorities:add', { planId: plan.id, title: 'P', zone: 'prevention' });
    const action = t.must('actions:add', { priorityId: priority.id, title: 'A', owner: 'police' });
    t.must('actions:remove', { actionId: action.id });
    expect(t.must('plans:get', { planId: plan.id }).priorities[0]!.actions).toEqual([]);
    t.must('actions:restore', { actionId: action.id });
    expect(t.must('plans:get', { planId: plan.id }).priorities[0]!.actions.map((a) => a.title)).toEqual(['A']);
  });
});

describe('agreeing and signing off', () => {
  it('records both signatures and then refuses edits until a revision is opened', () => {
    t = makeCore();
    const { plan, priority } = agreedPlan(t, addCommunity(t, 'Fort Good Hope'), 2025, ['Patrols']);
    const agreed = t.must('plans:get', { planId: plan.id });
    expect(agreed).toMatchObject({ status: 'active', communitySignatory: 'Chief Mary Kodakin', detachmentSignedOn: '2025-03-21', editable: false });

    const before = snapshotTables(t.core);
    const refused = t.core.invoke('actions:add', { priorityId: priority.id, title: 'Late addition', owner: 'police' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/agreed on 2025-03-21\. Open a revision/);
    expect(snapshotTables(t.core)).toBe(before);

    const revised = t.must('plans:openRevision', { planId: plan.id, reason: 'Council asked for a youth action' });
    expect(revised).toMatchObject({ editable: true, revisions: [{ reason: 'Council asked for a youth action', openedBy: 'Cst. Test', closedAt: null }] });
    t.must('actions:add', { priorityId: priority.id, title: 'Late addition', owner: 'police' });
    const closed = t.must('plans:closeRevision', { planId: plan.id });
    expect(closed.editable).toBe(false);
    expect(closed.revisions[0]!.closedBy).toBe('Cst. Test');
    expect(t.core.invoke('plans:update', { planId: plan.id, title: 'New' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses to agree a plan without priorities, or one that is not a draft', () => {
    t = makeCore();
    t.must('installation:update', { role: 'coordinator' }); // the coordinator may sign both blocks at once
    const plan = t.must('plans:create', { communityId: addCommunity(t, 'Kakisa'), fiscalYear: 2025 });
    const signOff = { planId: plan.id, communitySignatory: 'A', communitySignedOn: '2025-03-01', detachmentSignatory: 'B', detachmentSignedOn: '2025-03-02' };
    expect(t.core.invoke('plans:agree', signOff)).toMatchObject({ ok: false, error: { message: 'A plan needs at least one priority before it can be agreed.' } });
    t.must('priorities:add', { planId: plan.id, title: 'P', zone: 'prevention' });
    t.must('plans:agree', signOff);
    expect(t.core.invoke('plans:agree', signOff)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'A plan that is agreed cannot become agreed.' } });
  });

  it('closes a plan for good', () => {
    t = makeCore();
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Kakisa'), 2025, ['A']);
    t.must('plans:close', { planId: plan.id });
    expect(t.core.invoke('plans:openRevision', { planId: plan.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.core.invoke('progress:record', { actionId: actions[0]!.id, quarter: 4, status: 'completed', narrative: 'Done' })).toMatchObject({ ok: false });
  });
});

describe('copying a plan forward', () => {
  it("carries unfinished actions into next year's plan, keeping their history", () => {
    t = makeCore('2026-02-15T12:00:00.000Z');
    const community = addCommunity(t, 'Tuktoyaktuk');
    const { plan, priority, actions, indicator } = agreedPlan(t, community, 2025, ['Foot patrols', 'School visits', 'Checkstops', 'Old idea']);
    const [patrols, visits, checkstops, oldIdea] = actions;
    t.must('progress:record', { actionId: patrols!.id, quarter: 3, status: 'completed', narrative: 'Done in Q3' });
    t.must('progress:record', { actionId: visits!.id, quarter: 2, status: 'completed', narrative: 'Done early' });
    t.must('progress:record', { actionId: visits!.id, quarter: 3, status: 'delayed', narrative: 'Started again after a setback' });
    t.must('progress:record', { actionId: checkstops!.id, quarter: 3, status: 'on_track', narrative: 'Monthly' });
    t.must('progress:record', { actionId: oldIdea!.id, quarter: 1, status: 'discontinued', narrative: 'No longer needed' });
    t.must('indicators:recordValue', { indicatorId: indicator.id, quarter: 1, value: 10 });
    t.must('indicators:recordValue', { indicatorId: indicator.id, quarter: 3, value: 8 });

    const preview = t.must('plans:previewCopyForward', { planId: plan.id });
    expect(preview.fiscalYear).toBe(2026);
    expect(preview.carried.map((a) => a.title)).toEqual(['School visits', 'Checkstops']);
    expect(preview.left.map((a) => [a.title, a.lastStatus])).toEqual([
      ['Foot patrols', 'completed'],
      ['Old idea', 'discontinued'],
    ]);

    const next = t.must('plans:copyForward', { planId: plan.id });
    expect(next).toMatchObject({ fiscalYear: 2026, status: 'draft', copiedFromPlanId: plan.id, editable: true });
    expect(next.title).toContain('FY 2026–27');
    const [copied] = next.priorities;
    expect(copied).toMatchObject({ title: priority.title, continuesPriorityId: priority.id });
    expect(copied!.actions.map((a) => [a.title, a.continuesActionId])).toEqual([
      ['School visits', visits!.id],
      ['Checkstops', checkstops!.id],
    ]);
    expect(copied!.indicators[0]).toMatchObject({ name: indicator.name, baseline: 8, target: 6, continuesIndicatorId: indicator.id, values: [] });
    // The source plan is untouched.
    expect(t.must('plans:get', { planId: plan.id }).priorities[0]!.actions).toHaveLength(4);
  });

  it('refuses to copy forward when next year already has a plan', () => {
    t = makeCore();
    const community = addCommunity(t, 'Paulatuk');
    const { plan } = agreedPlan(t, community, 2025, ['A']);
    t.must('plans:create', { communityId: community, fiscalYear: 2026 });
    expect(t.core.invoke('plans:copyForward', { planId: plan.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Paulatuk already has a plan for FY 2026–27.' } });
  });
});

describe('lists', () => {
  it('lists communities sorted as a person expects, with their plan for the year and accent-free search', () => {
    t = makeCore();
    for (const name of ['Wekweètì', 'Behchokǫ̀', 'Whatì', 'Łutselk\u2019e', 'Aklavik', 'Gamètì']) addCommunity(t, name);
    const list = t.must('communities:list', { fiscalYear: 2025 });
    expect(list.map((c) => c.name)).toEqual(['Aklavik', 'Behchokǫ̀', 'Gamètì', 'Łutselk\u2019e', 'Wekweètì', 'Whatì']);
    expect(t.must('communities:list', { search: 'wekweeti' }).map((c) => c.name)).toEqual(['Wekweètì']);
    const plan = t.must('plans:create', { communityId: list[0]!.id, fiscalYear: 2025 });
    expect(t.must('communities:list', { fiscalYear: 2025 })[0]!.plan).toEqual({ id: plan.id, status: 'draft' });
    expect(t.must('plans:list', { fiscalYear: 2025 })).toMatchObject([{ id: plan.id, priorityCount: 0, actionCount: 0 }]);
  });
});
