import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, makeCoordinatorCore, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('recent activity on the home screen', () => {
  it('shows a detachment only the changes to its own communities, and says in which plan and quarter each was made', () => {
    t = makeCoordinatorCore('2025-10-20T12:00:00.000Z');
    const mine = addCommunity(t, 'Łutselk’e');
    const other = addCommunity(t, 'Wrigley');
    const { plan, actions } = agreedPlan(t, mine, 2025, ['Patrols']);
    const theirs = agreedPlan(t, other, 2025, ['Youth nights']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'Going well' });
    t.must('progress:record', { actionId: theirs.actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'Fine' });

    // The coordinator sees everything, with or without the filter.
    const everything = t.must('history:recent', { limit: 100 });
    expect(t.must('history:recent', { limit: 100, ownCommunities: true })).toHaveLength(everything.length);
    expect(everything[0]).toMatchObject({ summary: 'progress:record', place: { communityName: 'Wrigley', fiscalYear: 2025, quarter: 2 } });
    expect(everything.find((r) => r.summary === 'plans:create')?.place).toEqual({ communityName: 'Wrigley', fiscalYear: 2025, quarter: null });

    t.must('installation:update', { role: 'detachment', scopeCommunityIds: [mine] });
    const own = t.must('history:recent', { limit: 100, ownCommunities: true });
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((r) => r.place !== null).every((r) => r.place!.communityName === 'Łutselk’e')).toBe(true);
    expect(own[0]).toMatchObject({ summary: 'progress:record', place: { communityName: 'Łutselk’e', fiscalYear: 2025, quarter: 2 } });
    expect(own.some((r) => JSON.stringify(r.ops).includes('Youth nights'))).toBe(false);
    // A correction after the report was submitted is an amendment: still worded with its plan and quarter.
    t.must('reports:submit', { planId: plan.id, quarter: 2 });
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'at_risk', narrative: 'Two patrols missed' });
    expect(t.must('history:recent', { limit: 1, ownCommunities: true })[0]).toMatchObject({ summary: 'progress:record', place: { communityName: 'Łutselk’e', fiscalYear: 2025, quarter: 2 } });
    // Without the filter (a row's own history, the coordinator's views) nothing is left out.
    expect(t.must('history:recent', { limit: 100 })).toHaveLength(everything.length + 2);
  });
});
