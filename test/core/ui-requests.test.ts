import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressStatus } from '../../shared/vocabulary';
import { addCommunity, agreedPlan, makeCore, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('what the screens asked of the core', () => {
  it('tells the date by the core’s clock with the installation', () => {
    t = makeCore('2025-11-03T23:30:00.000Z');
    expect(t.must('installation:get', {})).toMatchObject({ today: '2025-11-03', locale: 'en' });
  });

  it('gives the progress form the plan’s indicators', () => {
    t = makeCore();
    const { plan, indicator } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols']);
    const progress = t.must('progress:get', { planId: plan.id, quarter: 1 });
    expect(progress.indicators).toEqual([{ id: indicator.id, name: 'Impaired driving charges', unit: 'charges', baseline: 12, target: 6, direction: 'decrease' }]);
  });

  it('clears an indicator value as a recorded removal, and refuses on a closed plan', () => {
    t = makeCore();
    const { plan, indicator } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols']);
    t.must('indicators:recordValue', { indicatorId: indicator.id, quarter: 1, value: 9 });
    expect(t.must('progress:get', { planId: plan.id, quarter: 1 }).indicatorValues).toHaveLength(1);
    expect(t.must('indicators:clearValue', { indicatorId: indicator.id, quarter: 1 })).toEqual({ cleared: true });
    expect(t.must('progress:get', { planId: plan.id, quarter: 1 }).indicatorValues).toEqual([]);
    expect(t.must('history:recent', { limit: 1 })[0]).toMatchObject({ summary: 'indicators:clearValue', ops: [{ table: 'indicatorValues', field: 'deletedAt' }] });
    expect(t.must('indicators:clearValue', { indicatorId: indicator.id, quarter: 1 })).toEqual({ cleared: false });
    // Recording again brings the value back on the same row.
    t.must('indicators:recordValue', { indicatorId: indicator.id, quarter: 1, value: 7 });
    expect(t.must('progress:get', { planId: plan.id, quarter: 1 }).indicatorValues.map((v) => v.value)).toEqual([7]);

    t.must('plans:close', { planId: plan.id });
    expect(t.core.invoke('indicators:clearValue', { indicatorId: indicator.id, quarter: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'This plan is closed; its indicator values can no longer be changed.' },
    });
  });

  it('names what each recent change is about', () => {
    t = makeCore();
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'Going well' });
    const recent = t.must('history:recent', { limit: 20 });
    expect(recent[0]).toMatchObject({ summary: 'progress:record', subject: 'Patrols — FY 2025–26 Q1' });
    expect(recent.find((r) => r.summary === 'plans:create')?.subject).toBe('Wrigley — FY 2025–26');
    expect(recent.find((r) => r.summary === 'actions:add')?.subject).toBe('Patrols');
    expect(t.must('history:recent', { rowId: plan.id }).every((r) => r.subject === 'Wrigley — FY 2025–26')).toBe(true);
    t.must('installation:update', { locale: 'fr' });
    expect(t.must('history:recent', { limit: 1 })[0]!.subject).toBe('Patrols — EF 2025-2026 T1');
  });

  it('types the last status in the copy-forward preview', () => {
    t = makeCore();
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols', 'Youth nights']);
    t.must('progress:record', { actionId: actions[1]!.id, quarter: 1, status: 'completed', narrative: 'Done' });
    const preview = t.must('plans:previewCopyForward', { planId: plan.id });
    const statuses: Array<ProgressStatus | null> = [...preview.carried.map((c) => c.lastStatus), ...preview.left.map((l) => l.lastStatus)];
    expect(statuses).toEqual([null, 'completed']);
  });
});
