/**
 * Builds plan content through the contract (priorities:add, actions:add, indicators:add) and keeps
 * what the demo needs to know later: which catalogue entry each row came from and how its year goes.
 */
import type { Plan } from '../../shared/domain';
import type { Core } from '../core/create-core';
import { must } from './acting';
import { drawYear, type QuarterOfWork } from './action-fates';
import { type ActionTemplate, type IndicatorTemplate, PRIORITY_CATALOGUE, type PriorityTemplate } from './priority-catalogue';
import type { Random } from './prng';
import { type CommunityDirectory, leadPerson, type TerritoryDirectory } from './reference-data';

export interface ActionState {
  id: string;
  template: ActionTemplate;
  /** The year's four entries, drawn when the action enters the year's plan. */
  year: [QuarterOfWork, QuarterOfWork, QuarterOfWork, QuarterOfWork];
}

export interface IndicatorState {
  id: string;
  template: IndicatorTemplate;
  baseline: number;
  target: number;
  /** How far towards the target the community gets this year (0 = nowhere, 1 = all the way). */
  effort: number;
}

export interface PriorityState {
  id: string;
  template: PriorityTemplate;
  actions: ActionState[];
  indicators: IndicatorState[];
}

export interface PlanState {
  id: string;
  fiscalYear: number;
  priorities: PriorityState[];
}

export interface Builder {
  core: Core;
  random: Random;
  directory: TerritoryDirectory;
}

export function eligibleActions(template: PriorityTemplate, community: CommunityDirectory): ActionTemplate[] {
  return template.actions.filter(
    (a) => a.onlyWhen === undefined || (a.onlyWhen === 'detachment' ? community.ownDetachment : !community.ownDetachment),
  );
}

/** Draws `k` catalogue priorities by weight, without repeats, leaving out those already in the plan. */
export function drawPriorities(random: Random, k: number, exclude: ReadonlySet<string> = new Set()): PriorityTemplate[] {
  const pool = PRIORITY_CATALOGUE.filter((p) => !exclude.has(p.key));
  const chosen: PriorityTemplate[] = [];
  while (chosen.length < k && pool.length > 0) {
    const pick = random.weighted(pool.map((p) => [p, p.weight] as const));
    chosen.push(pick);
    pool.splice(pool.indexOf(pick), 1);
  }
  return chosen;
}

function targetFor(template: IndicatorTemplate, baseline: number): number {
  if ('fixed' in template.target) return template.target.fixed;
  let target = Math.round(baseline * template.target.factor);
  if (target === baseline) target += template.direction === 'decrease' ? -1 : 1;
  return Math.max(0, Math.min(template.max ?? Number.POSITIVE_INFINITY, target));
}

export function addAction(b: Builder, community: CommunityDirectory, priorityId: string, template: ActionTemplate): ActionState {
  const partners = [...new Set(template.partners.map((role) => community.organisations[role]))];
  const action = must(b.core, 'actions:add', {
    priorityId,
    title: template.title,
    description: template.description,
    owner: template.owner,
    leadPersonId: leadPerson(community, template.lead, b.random).id,
    partnerOrganisationIds: partners,
    plannedQuarters: template.quarters,
    commitmentIds: (template.commitments ?? []).map((n) => b.directory.commitmentIds[n]!),
  });
  return { id: action.id, template, year: drawYear(b.random, template.quarters) };
}

export function addIndicator(b: Builder, priorityId: string, template: IndicatorTemplate): IndicatorState {
  const baseline = b.random.int(template.baseline[0], template.baseline[1]);
  const target = targetFor(template, baseline);
  const indicator = must(b.core, 'indicators:add', {
    priorityId,
    name: template.name,
    unit: template.unit,
    baseline,
    target,
    direction: template.direction,
    source: template.source,
  });
  return { id: indicator.id, template, baseline, target, effort: b.random.float() * 1.1 };
}

export function addPriority(b: Builder, community: CommunityDirectory, planId: string, template: PriorityTemplate): PriorityState {
  const priority = must(b.core, 'priorities:add', {
    planId,
    title: template.title,
    description: template.description,
    themeIds: template.themes.map((code) => b.directory.themeIds[code]),
    zone: template.zone,
  });
  const eligible = eligibleActions(template, community);
  const actions = b.random
    .sample(eligible, b.random.int(1, Math.min(4, eligible.length)))
    .map((a) => addAction(b, community, priority.id, a));
  const indicators = b.random
    .sample(template.indicators, b.random.int(1, template.indicators.length))
    .map((i) => addIndicator(b, priority.id, i));
  return { id: priority.id, template, actions, indicators };
}

/** The state of a plan made by plans:copyForward, matched to the rows it continues. */
export function stateOfCopy(b: Builder, copy: Plan, source: PlanState): PlanState {
  const priorities = copy.priorities.map((p): PriorityState => {
    const from = source.priorities.find((s) => s.id === p.continuesPriorityId);
    if (!from) throw new Error(`Demo data: copied priority ${p.id} has no source.`);
    return {
      id: p.id,
      template: from.template,
      actions: p.actions.map((a) => {
        const was = from.actions.find((s) => s.id === a.continuesActionId);
        if (!was) throw new Error(`Demo data: copied action ${a.id} has no source.`);
        return { id: a.id, template: was.template, year: drawYear(b.random, was.template.quarters) };
      }),
      indicators: p.indicators.map((i) => {
        const was = from.indicators.find((s) => s.id === i.continuesIndicatorId);
        if (!was) throw new Error(`Demo data: copied indicator ${i.id} has no source.`);
        return { id: i.id, template: was.template, baseline: i.baseline ?? was.baseline, target: i.target ?? was.target, effort: b.random.float() * 1.1 };
      }),
    };
  });
  return { id: copy.id, fiscalYear: copy.fiscalYear, priorities };
}

/** An indicator's value for a quarter: from the baseline towards the target, with some noise. */
export function indicatorValue(random: Random, indicator: IndicatorState, quarter: number): number {
  const progress = (quarter / 4) * indicator.effort;
  const spread = Math.max(1, Math.abs(indicator.baseline) * 0.15);
  const raw = indicator.baseline + (indicator.target - indicator.baseline) * progress + (random.float() * 2 - 1) * spread;
  return Math.max(0, Math.min(indicator.template.max ?? Number.POSITIVE_INFINITY, Math.round(raw)));
}
