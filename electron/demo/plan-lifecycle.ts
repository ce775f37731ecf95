/**
 * One community's plans over the years, as dated steps on the timeline: in January the plan for
 * the coming fiscal year is started (copied forward when last year's exists) and revised with
 * council, in March it is signed off, on 1 April it becomes active; each quarter progress is
 * recorded and the report submitted (on time, late or never); in June the finished plan is closed.
 */
import { addDays, fiscalYearLabel, QUARTERS, type Quarter, quarterEnd } from '../../shared/fiscal-calendar';
import { type Keyboard, must } from './acting';
import { COMMENTS, progressText } from './narratives';
import { type ActionState, addAction, addPriority, type Builder, drawPriorities, eligibleActions, indicatorValue, type PlanState, stateOfCopy } from './plan-builder';
import type { CommunityDirectory, DemoPerson } from './reference-data';
import type { Submission } from './reporting-outcomes';
import { type Timeline, timeOn } from './timeline';

export interface Seeding extends Builder {
  keyboard: Keyboard;
  timeline: Timeline;
}

/** One community's plans by fiscal year, filled in as the steps run. */
export type PlansByYear = Map<number, PlanState>;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (date: string) => `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

const police = (c: CommunityDirectory, p: DemoPerson = c.commander) => `${p.signature}, ${c.detachmentName}`;
const liaison = (c: CommunityDirectory) => `${c.liaison.name}, ${c.name} community justice coordinator`;

function day(s: Seeding, yyyyMm: string, from: number, to: number): string {
  return `${yyyyMm}-${String(s.random.int(from, to)).padStart(2, '0')}`;
}

function startPlan(s: Seeding, c: CommunityDirectory, fiscalYear: number, plans: PlansByYear, on: string): void {
  s.keyboard.as(police(c));
  const previous = plans.get(fiscalYear - 1);
  if (previous) {
    const copy = must(s.core, 'plans:copyForward', { planId: previous.id });
    plans.set(fiscalYear, stateOfCopy(s, copy, previous));
    return;
  }
  const plan = must(s.core, 'plans:create', { communityId: c.id, fiscalYear });
  const templates = drawPriorities(s.random, s.random.int(3, 6));
  const priorities = templates.map((t) => addPriority(s, c, plan.id, t));
  const first = templates[0]!.title.charAt(0).toLowerCase() + templates[0]!.title.slice(1);
  must(s.core, 'plans:update', {
    planId: plan.id,
    summary: `Priorities set with ${c.leader.signature} and council on ${longDate(on)}. Council asked the ${c.detachmentName} to ${first}.`,
  });
  plans.set(fiscalYear, { id: plan.id, fiscalYear, priorities });
}

/** The January revision of a copied plan: new priorities, new actions where old ones finished, new targets. */
function revisePlan(s: Seeding, c: CommunityDirectory, plan: PlanState, on: string): void {
  s.keyboard.as(police(c));
  const r = s.random;
  if (plan.priorities.length > 3 && r.chance(0.15)) {
    const dropped = r.pick(plan.priorities);
    must(s.core, 'priorities:remove', { priorityId: dropped.id });
    plan.priorities = plan.priorities.filter((p) => p !== dropped);
  }
  for (const priority of plan.priorities) {
    const unused = eligibleActions(priority.template, c).filter((a) => !priority.actions.some((x) => x.template === a));
    if (unused.length > 0 && (priority.actions.length === 0 ? r.chance(0.8) : r.chance(0.2))) {
      priority.actions.push(addAction(s, c, priority.id, r.pick(unused)));
    }
    for (const indicator of priority.indicators) {
      if (!r.chance(0.25)) continue;
      const { template } = indicator;
      const step = Math.max(1, Math.round(Math.abs(indicator.target) * 0.1));
      const target = Math.max(0, Math.min(template.max ?? Infinity, indicator.target + (template.direction === 'decrease' ? -step : step)));
      must(s.core, 'indicators:update', { indicatorId: indicator.id, target });
      indicator.target = target;
    }
  }
  const hasActions = plan.priorities.some((p) => p.actions.length > 0);
  if ((plan.priorities.length < 6 && r.chance(0.35)) || !hasActions) {
    const [template] = drawPriorities(r, 1, new Set(plan.priorities.map((p) => p.template.key)));
    if (template) plan.priorities.push(addPriority(s, c, plan.id, template));
  }
  // No count in the text: a count kept in a summary goes stale when the plan changes or is
  // copied forward; the printed plan counts its priorities and actions itself.
  must(s.core, 'plans:update', {
    planId: plan.id,
    summary: `Carried forward from ${fiscalYearLabel(plan.fiscalYear - 1)} and reviewed with ${c.leader.signature} and council on ${longDate(on)}.`,
  });
}

function agreePlan(s: Seeding, c: CommunityDirectory, plan: PlanState, on: string): void {
  s.keyboard.as(police(c));
  must(s.core, 'plans:agree', {
    planId: plan.id,
    communitySignatory: c.leader.signature,
    communitySignedOn: addDays(on, -s.random.int(0, 4)),
    detachmentSignatory: c.commander.signature,
    detachmentSignedOn: on,
  });
}

/**
 * Records the quarter's progress (all actions, or some of them) and indicator values: the
 * detachment enters the police and joint actions and the values, the liaison the community side.
 */
function recordQuarter(s: Seeding, c: CommunityDirectory, plan: PlanState, quarter: Quarter, share = 1): void {
  const reporter = s.random.chance(0.6) ? c.commander : c.constable;
  const actions = plan.priorities.flatMap((p) => p.actions).filter(() => share >= 1 || s.random.chance(share));
  const communitySide = (a: ActionState) => a.template.owner === 'community' || a.template.owner === 'partner';
  for (const [who, side] of [[police(c, reporter), false], [liaison(c), true]] as const) {
    for (const action of actions.filter((a) => communitySide(a) === side)) {
      s.keyboard.as(who);
      const work = action.year[quarter - 1]!;
      const text = progressText(s.random, action.template, work, quarter, c.name);
      must(s.core, 'progress:record', { actionId: action.id, quarter, status: work.status, ...text });
    }
  }
  s.keyboard.as(police(c, reporter));
  for (const indicator of plan.priorities.flatMap((p) => p.indicators)) {
    if (share < 1 && !s.random.chance(share)) continue;
    if (s.random.chance(0.1)) continue; // not every value is to hand every quarter
    must(s.core, 'indicators:recordValue', { indicatorId: indicator.id, quarter, value: indicatorValue(s.random, indicator, quarter) });
  }
}

function comment(s: Seeding, plan: PlanState, quarter: Quarter, body: string): void {
  s.keyboard.as(`${s.directory.coordinator.name}, territorial coordinator`);
  must(s.core, 'reports:comment', { planId: plan.id, quarter, body });
}

/** Schedules one community's plan for one fiscal year, from January planning to closing in June. */
export function scheduleYear(
  s: Seeding,
  c: CommunityDirectory,
  fiscalYear: number,
  plans: PlansByYear,
  submissions: ReadonlyMap<Quarter, Submission>,
  options: { copied: boolean; dueDays: number },
): void {
  const { dueDays } = options;
  const { timeline, random } = s;
  const plan = () => plans.get(fiscalYear)!;
  const startedOn = day(s, `${fiscalYear}-01`, 8, 28);
  timeline.add(timeOn(random, startedOn), () => startPlan(s, c, fiscalYear, plans, startedOn));
  const revisedOn = addDays(startedOn, random.int(5, 15));
  if (options.copied) timeline.add(timeOn(random, revisedOn), () => revisePlan(s, c, plan(), revisedOn));
  const agreedOn = day(s, `${fiscalYear}-03`, 2, 24);
  timeline.add(timeOn(random, agreedOn), () => agreePlan(s, c, plan(), agreedOn));
  timeline.add(timeOn(random, day(s, `${fiscalYear}-04`, 1, 3), 15, 17), () => {
    s.keyboard.as(police(c));
    must(s.core, 'plans:activate', { planId: plan().id });
  });

  for (const quarter of QUARTERS) {
    const submission = submissions.get(quarter)!;
    const end = quarterEnd(fiscalYear, quarter);
    if (submission.submittedOn) {
      const submittedAt = timeOn(random, submission.submittedOn, 19, 22);
      const recordedOn = addDays(submission.submittedOn, -random.int(0, 3));
      timeline.add(timeOn(random, recordedOn, 15, 18), () => recordQuarter(s, c, plan(), quarter));
      timeline.add(submittedAt, () => {
        s.keyboard.as(police(c));
        must(s.core, 'reports:submit', { planId: plan().id, quarter });
      });
      const odds = submission.outcome === 'late' ? 0.6 : 0.3;
      if (random.chance(odds)) {
        const body = random.pick(submission.outcome === 'late' ? COMMENTS.late : COMMENTS.onTime);
        timeline.add(timeOn(random, addDays(submission.submittedOn, random.int(2, 12))), () => comment(s, plan(), quarter, body));
      }
    } else {
      // A missing report: sometimes part of the progress was entered but never submitted.
      if (random.chance(0.5)) {
        const recordedOn = addDays(end, random.int(5, 25));
        timeline.add(timeOn(random, recordedOn, 15, 18), () => recordQuarter(s, c, plan(), quarter, 0.5));
      }
      if (random.chance(0.6)) {
        const body = random.pick(COMMENTS.missing);
        timeline.add(timeOn(random, addDays(end, dueDays + random.int(5, 20))), () => comment(s, plan(), quarter, body));
      }
    }
  }
  const closedOn = day(s, `${fiscalYear + 1}-06`, 10, 25);
  timeline.add(timeOn(random, closedOn), () => {
    s.keyboard.as(police(c));
    must(s.core, 'plans:close', { planId: plan().id });
  });
}
