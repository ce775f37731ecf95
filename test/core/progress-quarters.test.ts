/**
 * Issue 12 §2 in the core: last quarter's progress beside each action (Q1 looks at Q4 of the
 * previous fiscal year's plan, through the action it continues), and actions not planned for the
 * quarter do not hold back its report, while every planned one still does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, makeCore, signBothSides, snapshotTables, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('progress form: the quarter before and the quarters planned', () => {
  it("does not wait for actions not planned for the quarter, and marks them; planned ones still hold it back", () => {
    t = makeCore('2025-10-05T12:00:00.000Z');
    const plan = t.must('plans:create', { communityId: addCommunity(t, 'Norman Wells'), fiscalYear: 2025 });
    const priority = t.must('priorities:add', { planId: plan.id, title: 'Safer roads', zone: 'prevention' });
    const actions = ['Patrols', 'School visits'].map((title) => t.must('actions:add', { priorityId: priority.id, title, owner: 'joint', plannedQuarters: title === 'Patrols' ? [1, 2, 3, 4] : [] }));
    const spring = t.must('actions:add', { priorityId: priority.id, title: 'Spring clean-up', owner: 'community', plannedQuarters: [1] });
    signBothSides(t, { planId: plan.id, communitySignatory: 'Chief A', communitySignedOn: '2025-03-20', detachmentSignatory: 'Sgt. B', detachmentSignedOn: '2025-03-21' });
    t.must('plans:activate', { planId: plan.id });
    const form = t.must('progress:get', { planId: plan.id, quarter: 2 });
    // "School visits" has no timeline: expected every quarter.
    expect(form.rows.map((r) => [r.action.title, r.plannedThisQuarter])).toEqual([
      ['Patrols', true],
      ['School visits', true],
      ['Spring clean-up', false],
    ]);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'Weekly' });
    // "School visits" is planned and missing: refused, naming it and not the spring clean-up.
    expect(t.core.invoke('reports:submit', { planId: plan.id, quarter: 2 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: '1 action has no progress recorded for FY 2025–26 Q2 yet: "School visits".' },
    });
    t.must('progress:record', { actionId: actions[1]!.id, quarter: 2, status: 'delayed', narrative: 'School closed' });
    expect(t.must('reports:submit', { planId: plan.id, quarter: 2 }).state).toBe('submitted');
    // Not planned is not forbidden: it may still be reported on.
    expect(t.must('progress:record', { actionId: spring.id, quarter: 2, status: 'completed', narrative: 'Done early' }).status).toBe('completed');
  });

  it("shows last quarter's status, narrative and next steps beside each action", () => {
    t = makeCore('2025-10-05T12:00:00.000Z');
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Fort Simpson'), 2025, ['Patrols', 'Elders lunch']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'at_risk', narrative: 'Short staffed', nextSteps: 'Relief member in October' });
    const q3 = t.must('progress:get', { planId: plan.id, quarter: 3 });
    expect(q3.rows.map((r) => [r.action.title, r.previous ?? null])).toEqual([
      ['Patrols', { fiscalYear: 2025, quarter: 2, status: 'at_risk', narrative: 'Short staffed', nextSteps: 'Relief member in October' }],
      ['Elders lunch', null],
    ]);
    // Q1 of this year's plan: there is no plan before it, so nothing is shown.
    expect(t.must('progress:get', { planId: plan.id, quarter: 1 }).rows.every((r) => r.previous === null)).toBe(true);
  });

  it("Q1 looks at Q4 of the previous fiscal year's plan, through the action it continues", () => {
    t = makeCore('2026-02-10T12:00:00.000Z');
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 4, status: 'delayed', narrative: 'Road closed in January', nextSteps: 'Restart when the ice road opens' });
    const next = t.must('plans:copyForward', { planId: plan.id });
    const carried = next.priorities[0]!.actions[0]!;
    expect(carried.continuesActionId).toBe(actions[0]!.id);
    const added = t.must('actions:add', { priorityId: next.priorities[0]!.id, title: 'New this year', owner: 'police', plannedQuarters: [1] });
    const q1 = t.must('progress:get', { planId: next.id, quarter: 1 });
    expect(q1.rows.find((r) => r.action.id === carried.id)?.previous).toEqual({ fiscalYear: 2025, quarter: 4, status: 'delayed', narrative: 'Road closed in January', nextSteps: 'Restart when the ice road opens' });
    expect(q1.rows.find((r) => r.action.id === added.id)?.previous).toBeNull();
  });

  it('refuses a narrative or next steps over 10,000 characters with a sentence, and stores nothing', () => {
    t = makeCore('2025-10-05T12:00:00.000Z');
    const { actions } = agreedPlan(t, addCommunity(t, 'Hay River'), 2025, ['Patrols']);
    const before = snapshotTables(t.core);
    for (const input of [
      { narrative: 'x'.repeat(12_000) },
      { narrative: 'ok', nextSteps: 'y'.repeat(10_001) },
    ]) {
      const result = t.core.invoke('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', ...input });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^The (narrative|next steps) (is|are) too long: at most 10,000 characters\./) } });
    }
    expect(snapshotTables(t.core)).toBe(before);
    // Exactly at the limit is kept whole.
    expect(t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'z'.repeat(10_000) }).narrative).toHaveLength(10_000);
  });
});
