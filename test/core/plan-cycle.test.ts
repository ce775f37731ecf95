/**
 * The plan cycle's missing rules (issue 10 §5): withdrawing a draft (a removal that travels and can
 * be undone), the date rules, and amendments to progress after its report was submitted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, exportBundle, importBundle, makeCore, makeCoordinatorCore, makeInstallation, snapshotTables, type TestCore } from '../support';

const open: Array<{ core: { close(): void } }> = [];
afterEach(() => open.splice(0).forEach((i) => i.core.close()));
const core = (now?: string) => {
  const t = makeCore(now);
  open.push(t);
  return t;
};

function draftWithPriority(t: TestCore, communityId: string, fiscalYear = 2025) {
  const plan = t.must('plans:create', { communityId, fiscalYear });
  const priority = t.must('priorities:add', { planId: plan.id, title: 'Started by mistake', zone: 'prevention' });
  t.must('actions:add', { priorityId: priority.id, title: 'Mistaken action', owner: 'joint', plannedQuarters: [1] });
  return { plan, priority };
}

const refusal = (t: TestCore, method: Parameters<TestCore['core']['invoke']>[0], input: unknown) => {
  const result = t.core.invoke(method, input as never);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
};

describe('withdrawing a draft', () => {
  it('hides the draft from every list, expects no reports from it, and can be undone', () => {
    const t = core('2025-11-20T12:00:00.000Z');
    const community = addCommunity(t, 'Fort Good Hope');
    const { plan } = draftWithPriority(t, community);
    expect(t.must('completeness:matrix', { fiscalYear: 2025 }).rows[0]!.cells[0]!.state).toBe('missing');

    const withdrawn = t.must('plans:withdraw', { planId: plan.id });
    expect(withdrawn).toMatchObject({ id: plan.id, communityName: 'Fort Good Hope', fiscalYear: 2025, withdrawnAt: '2025-11-20T12:00:00.000Z', priorityCount: 1 });
    expect(t.must('plans:list', {})).toEqual([]);
    expect(t.must('communities:list', { fiscalYear: 2025 })[0]!.plan).toBeNull();
    expect(t.must('completeness:matrix', { fiscalYear: 2025 }).rows[0]!.cells.map((c) => c.state)).toEqual(['no_plan', 'no_plan', 'no_plan', 'no_plan']);
    expect(refusal(t, 'plans:get', { planId: plan.id }).code).toBe('not_found');
    expect(t.must('plans:withdrawn', { communityId: community }).map((p) => p.id)).toEqual([plan.id]);

    const back = t.must('plans:reinstate', { planId: plan.id });
    expect(back.status).toBe('draft');
    expect(back.priorities.map((p) => [p.title, p.actions.map((a) => a.title)])).toEqual([['Started by mistake', ['Mistaken action']]]);
    expect(t.must('plans:withdrawn', {})).toEqual([]);
    expect(refusal(t, 'plans:reinstate', { planId: plan.id }).message).toBe('This plan is not withdrawn; there is nothing to reinstate.');
  });

  it('refuses to withdraw an agreed plan, with a sentence, and changes nothing', () => {
    const t = core();
    const { plan } = agreedPlan(t, addCommunity(t, 'Tulita'), 2025, ['A']);
    const before = snapshotTables(t.core);
    expect(refusal(t, 'plans:withdraw', { planId: plan.id })).toMatchObject({
      code: 'forbidden',
      message: 'Only a draft can be withdrawn; this plan is active. An agreed plan is changed through a revision.',
    });
    expect(snapshotTables(t.core)).toBe(before);
  });

  it('starting the same year again after a withdrawal gives a fresh, empty draft', () => {
    const t = core();
    const community = addCommunity(t, 'Délı̨nę');
    const { plan } = draftWithPriority(t, community);
    t.must('plans:withdraw', { planId: plan.id });
    const again = t.must('plans:create', { communityId: community, fiscalYear: 2025 });
    expect(again.id).toBe(plan.id);
    expect(again.priorities).toEqual([]);
    expect(t.must('plans:withdrawn', {})).toEqual([]);
    // At most one plan per community and fiscal year: a second start is refused.
    expect(refusal(t, 'plans:create', { communityId: community, fiscalYear: 2025 })).toMatchObject({ code: 'conflict', message: 'Délı̨nę already has a plan for FY 2025–26.' });
  });

  it("copying last year's plan forward again after withdrawing the copy starts from last year, not from the withdrawn copy", () => {
    const t = core();
    const { plan } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols']);
    const copy = t.must('plans:copyForward', { planId: plan.id });
    t.must('priorities:add', { planId: copy.id, title: 'Added to the mistaken copy', zone: 'prevention' });
    t.must('plans:withdraw', { planId: copy.id });
    expect(t.must('plans:list', { fiscalYear: 2026 })).toEqual([]);
    const again = t.must('plans:copyForward', { planId: plan.id });
    expect(again.id).toBe(copy.id);
    expect(again.priorities.map((p) => [p.title, p.actions.map((a) => a.title)])).toEqual([['Reduce impaired driving', ['Patrols']]]);
  });

  it('travels in a bundle to another computer, and so does its reinstatement', () => {
    const AUGUST = '2025-08-10T12:00:00.000Z';
    const coordinator = makeInstallation('Coordinator', { role: 'coordinator', idPrefix: 'c', now: AUGUST });
    const detachment = makeInstallation('Detachment', { idPrefix: 'd', now: AUGUST });
    open.push(coordinator, detachment);
    const community = addCommunity(coordinator, 'Colville Lake');
    const { plan } = draftWithPriority(coordinator, community);
    importBundle(detachment, exportBundle(coordinator, null));
    expect(detachment.must('plans:list', {}).map((p) => p.id)).toEqual([plan.id]);

    coordinator.must('plans:withdraw', { planId: plan.id });
    importBundle(detachment, exportBundle(coordinator, null));
    expect(detachment.must('plans:list', {})).toEqual([]);
    expect(detachment.must('plans:withdrawn', {}).map((p) => p.id)).toEqual([plan.id]);
    expect(detachment.must('completeness:matrix', { fiscalYear: 2025 }).rows[0]!.cells[0]!.state).toBe('no_plan');

    detachment.must('plans:reinstate', { planId: plan.id });
    importBundle(coordinator, exportBundle(detachment, coordinator));
    expect(coordinator.must('plans:get', { planId: plan.id }).priorities.map((p) => p.title)).toEqual(['Started by mistake']);
    expect(coordinator.must('sync:digest', {}).digest).toBe(detachment.must('sync:digest', {}).digest);
  });
});

describe('date rules', () => {
  it('refuses sign-off dates in the future, by the core clock, and changes nothing', () => {
    // The coordinator may enter both sign-off blocks at once.
    const t = makeCoordinatorCore('2025-03-20T12:00:00.000Z');
    open.push(t);
    const community = addCommunity(t, 'Aklavik');
    const { plan } = draftWithPriority(t, community);
    const before = snapshotTables(t.core);
    const sign = { planId: plan.id, communitySignatory: 'Chief A', communitySignedOn: '2025-03-20', detachmentSignatory: 'Sgt. B', detachmentSignedOn: '2025-03-19' };
    expect(refusal(t, 'plans:agree', { ...sign, communitySignedOn: '2025-03-21' }).message).toBe(
      "The community's sign-off date (2025-03-21) is in the future. Enter the day it was signed, today (2025-03-20) at the latest.",
    );
    expect(refusal(t, 'plans:agree', { ...sign, detachmentSignedOn: '2026-01-01' }).message).toBe(
      "The detachment's sign-off date (2026-01-01) is in the future. Enter the day it was signed, today (2025-03-20) at the latest.",
    );
    expect(snapshotTables(t.core)).toBe(before);
    expect(t.must('plans:agree', sign).status).toBe('agreed');
  });

  it('refuses progress for a quarter that has not started, and changes nothing', () => {
    const t = core('2025-06-30T12:00:00.000Z');
    const { actions } = agreedPlan(t, addCommunity(t, 'Paulatuk'), 2025, ['A']);
    const before = snapshotTables(t.core);
    expect(refusal(t, 'progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'Too soon' })).toMatchObject({
      code: 'forbidden',
      message: 'FY 2025–26 Q2 has not started yet: its progress can be recorded from 2025-07-01 on.',
    });
    expect(snapshotTables(t.core)).toBe(before);
    t.clock.set('2025-07-01T08:00:00.000Z');
    expect(t.must('progress:record', { actionId: actions[0]!.id, quarter: 2, status: 'on_track', narrative: 'First day' }).quarter).toBe(2);
  });

  it('lets a report be submitted from the last two weeks of its quarter on, not earlier', () => {
    const t = core('2025-06-16T12:00:00.000Z');
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Ulukhaktok'), 2025, ['A']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'completed', narrative: 'Done early' });
    expect(t.must('reports:get', { planId: plan.id, quarter: 1 }).submissionOpensOn).toBe('2025-06-17');
    const before = snapshotTables(t.core);
    expect(refusal(t, 'reports:submit', { planId: plan.id, quarter: 1 })).toMatchObject({
      code: 'forbidden',
      message: 'The FY 2025–26 Q1 report can be submitted from 2025-06-17 on, in the last two weeks of the quarter.',
    });
    expect(snapshotTables(t.core)).toBe(before);
    t.clock.set('2025-06-17T09:00:00.000Z');
    expect(t.must('reports:submit', { planId: plan.id, quarter: 1 }).state).toBe('submitted');
  });

  it('says the date rules in French', () => {
    const t = core('2025-06-16T12:00:00.000Z');
    t.must('installation:update', { locale: 'fr' });
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Sambaa K’e'), 2025, ['A']);
    expect(refusal(t, 'progress:record', { actionId: actions[0]!.id, quarter: 3, status: 'on_track', narrative: 'x' }).message).toBe(
      'Le T3 de l’EF 2025-2026 n’a pas encore commencé\u00a0: son avancement peut être consigné à partir du 2025-10-01.',
    );
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'completed', narrative: 'Fait' });
    expect(refusal(t, 'reports:submit', { planId: plan.id, quarter: 1 }).message).toBe(
      'Le rapport du T1 de l’EF 2025-2026 peut être remis à partir du 2025-06-17, dans les deux dernières semaines du trimestre.',
    );
  });
});

describe('amendments after submission', () => {
  function submittedQuarter() {
    const t = core('2025-07-05T12:00:00.000Z');
    const { plan, actions } = agreedPlan(t, addCommunity(t, 'Sachs Harbour'), 2025, ['Patrols', 'Youth nights']);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'Weekly patrols', nextSteps: 'Keep going' });
    t.must('progress:record', { actionId: actions[1]!.id, quarter: 1, status: 'delayed', narrative: 'Hall closed' });
    // Before submission, changes are plain edits.
    t.must('progress:record', { actionId: actions[1]!.id, quarter: 1, status: 'delayed', narrative: 'Hall closed in June' });
    t.must('reports:submit', { planId: plan.id, quarter: 1 });
    return { t, plan, actions };
  }

  it('records who changed a submitted entry, when, and what it said before, only when something changed', () => {
    const { t, plan, actions } = submittedQuarter();
    const count = () => (t.core.context.sqlite.prepare('SELECT count(*) AS n FROM progress_amendments').get() as { n: number }).n;
    expect(count()).toBe(0);
    t.clock.advance(86_400_000);
    // The same values again: nothing changed, nothing recorded.
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'Weekly patrols', nextSteps: 'Keep going' });
    expect(count()).toBe(0);
    const amended = t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'at_risk', narrative: 'Patrols missed twice in June' });
    expect(amended.amendments).toEqual([
      { id: expect.any(String), amendedBy: 'Cst. Test', amendedAt: '2025-07-06T12:00:00.000Z', previousStatus: 'on_track', previousNarrative: 'Weekly patrols', previousNextSteps: 'Keep going' },
    ]);
    t.clock.advance(60_000);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'at_risk', narrative: 'Patrols missed three times in June' });
    const form = t.must('progress:get', { planId: plan.id, quarter: 1 });
    expect(form.rows[0]!.entry!.amendments!.map((a) => a.previousNarrative)).toEqual(['Weekly patrols', 'Patrols missed twice in June']);
    expect(form.rows[1]!.entry!.amendments).toEqual([]);
    expect(form.report.lastAmendment).toEqual({ amendedAt: '2025-07-06T12:01:00.000Z', amendedBy: 'Cst. Test' });

    // The coordinator's matrix marks the quarter amended.
    const cell = t.must('completeness:matrix', { fiscalYear: 2025 }).rows[0]!.cells[0]!;
    expect(cell).toMatchObject({ state: 'on_time', amended: { on: '2025-07-06T12:01:00.000Z', by: 'Cst. Test' } });
  });

  it('the report shows the amendment and can show the entries as they were submitted', () => {
    const { t, plan, actions } = submittedQuarter();
    t.clock.advance(86_400_000);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'at_risk', narrative: 'Patrols missed twice in June' });
    const now = t.must('reports:quarterly', { planId: plan.id, quarter: 1 });
    const [patrols, youth] = now.priorities[0]!.actions;
    expect(patrols!.entry).toMatchObject({
      status: 'at_risk',
      narrative: 'Patrols missed twice in June',
      amendments: [{ amendedAt: '2025-07-06T12:00:00.000Z', amendedBy: 'Cst. Test' }],
      asSubmitted: { status: 'on_track', narrative: 'Weekly patrols', nextSteps: 'Keep going' },
    });
    expect(youth!.entry!.amendments).toBeUndefined();
    expect(now.asSubmitted).toBeUndefined();

    const submitted = t.must('reports:quarterly', { planId: plan.id, quarter: 1, asSubmitted: true });
    expect(submitted.asSubmitted).toBe(true);
    expect(submitted.priorities[0]!.actions[0]!.entry).toMatchObject({ status: 'on_track', narrative: 'Weekly patrols', nextSteps: 'Keep going' });
    expect(submitted.statusCounts.find((c) => c.status === 'on_track')!.count).toBe(1);
    expect(submitted.statusCounts.find((c) => c.status === 'at_risk')!.count).toBe(0);

    // A public report leaves the earlier narrative out, like the current one.
    const pub = t.must('reports:quarterly', { planId: plan.id, quarter: 1, public: true });
    expect(pub.priorities[0]!.actions[0]!.entry!.asSubmitted).toEqual({ status: 'on_track', narrative: null, nextSteps: null });
  });

  it('travels with the change to the coordinator', () => {
    const AUGUST = '2025-08-10T12:00:00.000Z';
    const coordinator = makeInstallation('Coordinator', { role: 'coordinator', idPrefix: 'c', now: AUGUST });
    const detachment = makeInstallation('Detachment', { idPrefix: 'd', now: AUGUST });
    open.push(coordinator, detachment);
    const { plan, actions } = agreedPlan(coordinator, addCommunity(coordinator, 'Inuvik'), 2025, ['A']);
    importBundle(detachment, exportBundle(coordinator, null));
    detachment.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'As submitted' });
    detachment.must('reports:submit', { planId: plan.id, quarter: 1 });
    detachment.clock.advance(3_600_000);
    detachment.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'completed', narrative: 'Corrected' });
    importBundle(coordinator, exportBundle(detachment, coordinator));
    const entry = coordinator.must('progress:get', { planId: plan.id, quarter: 1 }).rows[0]!.entry!;
    expect(entry).toMatchObject({ status: 'completed', narrative: 'Corrected' });
    expect(entry.amendments).toMatchObject([{ amendedBy: 'User of Detachment', previousStatus: 'on_track', previousNarrative: 'As submitted' }]);
  });
});
