/** A small agreed plan and its Q2 progress form, as the core would answer them. */
import type { Action, Plan, ProgressEntry, QuarterProgress } from '../../../shared/domain';

export function action(id: string, title: string): Action {
  return { id, priorityId: 'pri1', rank: 0, title, description: null, owner: 'joint', leadPersonId: null, leadName: 'Cst. Martin', partnerOrganisationIds: [], plannedQuarters: [2], commitmentIds: [], continuesActionId: null };
}

export function planFixture(): Plan {
  return {
    id: 'plan1',
    communityId: 'com1',
    communityName: 'Délı̨nę',
    fiscalYear: 2026,
    title: 'Délı̨nę plan FY 2026–27',
    status: 'active',
    copiedFromPlanId: null,
    summary: null,
    communitySignatory: 'Chief Leonard Kenny',
    communitySignedOn: '2026-03-20',
    detachmentSignatory: 'Sgt. Paul Martin',
    detachmentSignedOn: '2026-03-21',
    revisions: [],
    editable: false,
    priorities: [
      {
        id: 'pri1',
        planId: 'plan1',
        rank: 0,
        title: 'Reduce impaired driving',
        description: null,
        themeIds: [],
        zone: 'prevention',
        continuesPriorityId: null,
        actions: [action('act1', 'Check stops on the ice road'), action('act2', 'School presentations')],
        indicators: [{ id: 'ind1', priorityId: 'pri1', name: 'Impaired driving charges', unit: 'charges', baseline: 12, target: 6, direction: 'decrease', source: null, continuesIndicatorId: null, values: [] }],
      },
    ],
  };
}

export function progressFixture(entries: Record<string, ProgressEntry> = {}): QuarterProgress {
  const plan = planFixture();
  return {
    planId: plan.id,
    fiscalYear: 2026,
    quarter: 2,
    report: { id: 'rep1', planId: plan.id, fiscalYear: 2026, quarter: 2, state: 'draft', submittedBy: null, submittedAt: null, dueDate: '2026-10-30', comments: [] },
    rows: plan.priorities[0]!.actions.map((a) => ({ action: a, priorityTitle: 'Reduce impaired driving', entry: entries[a.id] ?? null })),
    indicatorValues: [],
    indicators: plan.priorities.flatMap((p) => p.indicators.map(({ id, name, unit, baseline, target, direction }) => ({ id, name, unit, baseline, target, direction }))),
  };
}

export function entry(actionId: string, status: ProgressEntry['status'], narrative: string): ProgressEntry {
  return { id: `pe-${actionId}`, actionId, fiscalYear: 2026, quarter: 2, status, narrative, nextSteps: null, author: 'Noel Jerome', updatedAt: '2026-10-01T12:00:00.000Z' };
}
