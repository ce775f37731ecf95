import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, makeCore, snapshotTables, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('quarterly progress', () => {
  it("records one entry per action and quarter, in the action's plan's fiscal year, by this user", () => {
    t = makeCore('2025-08-10T12:00:00.000Z');
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Fort Simpson'), 2025, ['Patrols', 'Elders lunch']);
    const first = t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'at_risk', narrative: 'Short staffed in July', nextSteps: 'Relief member in August' });
    expect(first).toMatchObject({ fiscalYear: 2025, quarter: 2, status: 'at_risk', author: 'Cst. Test', nextSteps: 'Relief member in August' });
    t.clock.advance(60_000);
    const second = t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'Relief arrived' });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ status: 'on_track', narrative: 'Relief arrived', nextSteps: null });
    const form = t.must('progress:get', { planId: plan.id, quarter: 2 });
    expect(form.rows.map((r) => [r.action.title, r.entry?.status ?? null])).toEqual([
      ['Patrols', 'on_track'],
      ['Elders lunch', null],
    ]);
    expect(form.report).toMatchObject({ state: 'draft', dueDate: '2025-10-30' });
  });

  it('asks for a narrative when the status is anything but not started', () => {
    t = makeCore();
    const { actions } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['A']);
    expect(t.core.invoke('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'delayed', narrative: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Please write a short narrative explaining the status.' },
    });
    expect(t.core.invoke('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'not_started', narrative: '' }).ok).toBe(true);
  });

  it('refuses bad input with a sentence and changes nothing', () => {
    t = makeCore();
    const { actions } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['A']);
    const before = snapshotTables(t.core);
    const cases: Array<[unknown, RegExp]> = [
      [{ actionId: actions[0]!.id, quarter: 5, status: 'on_track', narrative: 'x' }, /^Quarter 5 does not exist: quarters are 1 to 4\.$/],
      [{ actionId: actions[0]!.id, quarter: 2, status: 'great', narrative: 'x' }, /The status must be one of: not_started, on_track/],
      [{ quarter: 2, status: 'on_track', narrative: 'x' }, /^The action id is missing\.$/],
      [{ actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'x'.repeat(100_000) }, /The narrative is too long: at most 10,000 characters\./],
      [{ actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'x', colour: 'red' }, /field this action does not take: "colour"/],
      ['not an object', /^The input must be a JSON object\.$/],
    ];
    for (const [input, message] of cases) {
      const result = t.core.invoke('progress:record', input as never);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toMatch(message);
      }
    }
    expect(t.core.invoke('progress:record', { actionId: 'unknown', quarter: 2, status: 'on_track', narrative: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'The action was not found. It may have been removed, or the id is wrong.' },
    });
    expect(snapshotTables(t.core)).toBe(before);
  });

  it('records indicator values per quarter of the plan year', () => {
    t = makeCore();
    const { plan, indicator } = agreedPlan(t, addCommunity(t, 'Hay River'), 2025, ['A']);
    t.must('indicators:recordValue', { indicatorId: indicator.id, quarter: 1, value: 9, note: 'From PROS' });
    t.must('indicators:recordValue', { indicatorId: indicator.id, quarter: 1, value: 7 });
    const got = t.must('plans:get', { planId: plan.id }).priorities[0]!.indicators[0]!;
    expect(got.values).toEqual([expect.objectContaining({ fiscalYear: 2025, quarter: 1, value: 7, note: null })]);
  });
});

describe('quarterly reports', () => {
  it('submits only when every action has progress for the quarter, and only once', () => {
    t = makeCore('2025-10-05T12:00:00.000Z');
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Norman Wells'), 2025, ['Patrols', 'School visits']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'Weekly' });
    const refused = t.core.invoke('reports:submit', { planId: plan.id, quarter: 2 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: '1 action has no progress recorded for FY 2025–26 Q2 yet: "School visits".' } });
    t.must('progress:record', { actionId: actions[1]!.id, quarter: 2, status: 'delayed', narrative: 'School closed for a week' });
    const report = t.must('reports:submit', { planId: plan.id, quarter: 2 });
    expect(report).toMatchObject({ state: 'submitted', submittedBy: 'Cst. Test', submittedAt: '2025-10-05T12:00:00.000Z', dueDate: '2025-10-30' });
    expect(t.core.invoke('reports:submit', { planId: plan.id, quarter: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses reports on drafts and for quarters that have not started', () => {
    t = makeCore('2025-05-01T12:00:00.000Z');
    const community = addCommunity(t, 'Fort Liard');
    const draft = t.must('plans:create', { communityId: community, fiscalYear: 2026 });
    expect(t.core.invoke('reports:submit', { planId: draft.id, quarter: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { plan, actions } = agreedPlan(t, community, 2025, ['A']);
    // Progress for a quarter that has not started is refused too (issue 10 §5).
    expect(t.core.invoke('progress:record', { actionId: actions[0]!.id, quarter: 3, status: 'not_started', narrative: '' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.core.invoke('reports:submit', { planId: plan.id, quarter: 3 })).toMatchObject({
      ok: false,
      error: { message: 'FY 2025–26 Q3 has not started yet; its report cannot be submitted.' },
    });
  });

  it("keeps the coordinator's comments with the report, even on a report not yet submitted", () => {
    t = makeCore('2025-11-15T12:00:00.000Z');
    const { plan } = agreedPlan(t, addCommunity(t, 'Sachs Harbour'), 2025, ['A']);
    t.must('installation:update', { role: 'coordinator' }); // comments are the coordinator's
    t.must('reports:comment', { planId: plan.id, quarter: 2, body: 'We have not received Q2 yet — can you send it?' });
    t.clock.advance(1000);
    t.must('reports:comment', { planId: plan.id, quarter: 2, body: 'Thanks!' });
    const report = t.must('reports:get', { planId: plan.id, quarter: 2 });
    expect(report.state).toBe('draft');
    expect(report.comments.map((c) => [c.body, c.author])).toEqual([
      ['We have not received Q2 yet — can you send it?', 'Cst. Test'],
      ['Thanks!', 'Cst. Test'],
    ]);
    expect(t.core.invoke('reports:comment', { planId: plan.id, quarter: 2, body: '  ' })).toMatchObject({ ok: false, error: { message: 'The comment cannot be empty.' } });
  });
});
