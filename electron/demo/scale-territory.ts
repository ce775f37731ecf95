/**
 * A synthetic territory many times the demo's size, for the scale benchmark (scripts/bench-scale.ts,
 * issue 13 §5): N communities over Y fiscal years, each planned community's year shaped like the
 * demo's (3–6 priorities from the demo's catalogue, 1–4 actions and 1–3 indicators each, a plan
 * copied forward every January and revised, signed in March, active in April, quarterly progress
 * for every action, indicator values, reports on time, late or missing, the coordinator's comments,
 * closed in June).
 *
 * Written straight through the change log (`change()`, as electron/demo/reference-data.ts did
 * before the contract had reference methods), not one `core.invoke` per field: the contract's
 * checks and reads are what makes the demo take minutes at scale 10, and they are not what is
 * measured here. Every step is still one signed changeset, as the same step made in the app would
 * be (one per priority, action, indicator, progress entry, value, submission, comment…), so the
 * change log, its bundles and their import are the real ones. Steps run in date order with the
 * clock set to each step's time, many steps to one transaction.
 *
 * Deterministic given the seed (and the core's ids and key), like the demo.
 */
import { addDays, type FiscalYear, fiscalYearOf, QUARTERS, type Quarter, quarterEnd } from '../../shared/fiscal-calendar';
import { generatedPlanTitle } from '../../shared/plan-title';
import { isFinished } from '../../shared/rules/action-outcome';
import type { ProgressStatus } from '../../shared/vocabulary';
import { change } from '../core/changelog/core-context';
import { deterministicId, naturalIds } from '../core/changelog/deterministic-id';
import type { Core } from '../core/create-core';
import { drawYear, type QuarterOfWork } from './action-fates';
import { DEFAULT_DEMO_NOW, PLANNED_COMMUNITIES } from './demo-data';
import { COMMENTS, progressText } from './narratives';
import { drawPriorities, indicatorValue, type IndicatorState } from './plan-builder';
import type { ActionTemplate, IndicatorTemplate, PriorityTemplate } from './priority-catalogue';
import { Random } from './prng';
import { COMMITMENTS, REGION_NAMES_FR, REGIONS, THEMES } from './territory';
import { type SettableClock, timeOn } from './timeline';

/** The demo's share of communities in the planning program (12 of its 33). */
export const DEMO_PLANNED_SHARE = PLANNED_COMMUNITIES / 33;

export interface ScaleTerritoryOptions {
  communities: number;
  /** Fiscal years of history, ending with the one `now` falls in. */
  years: number;
  /** The share of communities with plans (the demo's 12 of 33 by default; 1: every community). */
  plannedShare?: number;
  seed?: number;
  /** "Today": the last fiscal year is the one it falls in; later steps have not happened yet. */
  now?: string;
  /** Steps per transaction (one step is one or a few changesets). */
  stepsPerTransaction?: number;
  /** Called after each transaction: steps done, steps in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface ScaleTerritorySummary {
  communities: number;
  plannedCommunities: number;
  fiscalYears: FiscalYear[];
  plans: number;
  changesets: number;
}

interface SyntheticCommunity {
  id: string;
  name: string;
  ownDetachment: boolean;
  leaderId: string;
  leader: string;
  commander: string;
  councilId: string;
}

interface ActionState {
  id: string;
  template: ActionTemplate;
  year: QuarterOfWork[];
  last: ProgressStatus | null;
}

interface PriorityState {
  id: string;
  template: PriorityTemplate;
  actions: ActionState[];
  indicators: IndicatorState[];
}

interface PlanState {
  id: string;
  fiscalYear: number;
  priorities: PriorityState[];
}

interface Step {
  at: string;
  order: number;
  run: () => void;
}

const commitmentIds = new Map(COMMITMENTS.map((c) => [c.number, naturalIds.commitment(c.kind, c.number)]));

function settable(core: Core): SettableClock {
  const clock = core.context.clock as Partial<SettableClock>;
  if (typeof clock.set !== 'function') throw new TypeError('seedScaleTerritory needs a core created with a settable clock (fixedClock).');
  return clock as SettableClock;
}

/** Reference data in a few changesets: regions, themes, commitments, then communities with their detachment, council and leader. */
function seedReference(core: Core, count: number, random: Random): SyntheticCommunity[] {
  const ctx = core.context;
  const regionIds = REGIONS.map((name) => deterministicId('region', name));
  change(ctx, 'scale:regions', (w) => REGIONS.forEach((name, i) => w.upsert('regions', { id: regionIds[i]!, nameEn: name, nameFr: REGION_NAMES_FR[name] })));
  change(ctx, 'scale:themes', (w) => THEMES.forEach((t) => w.upsert('themes', { id: naturalIds.theme(t.code), code: t.code, nameEn: t.nameEn, nameFr: t.nameFr })));
  change(ctx, 'scale:commitments', (w) =>
    COMMITMENTS.forEach((c) =>
      w.upsert('commitments', { id: commitmentIds.get(c.number)!, kind: c.kind, number: c.number, title: c.title, titleFr: c.titleFr, leadDepartment: c.leadDepartment, priorityArea: c.priorityArea, status: c.status, relatedCommitmentIds: [] }),
    ),
  );
  const communities: SyntheticCommunity[] = [];
  let detachmentId: string | null = null;
  let detachmentOf = '';
  for (let i = 0; i < count; i++) {
    const name = `Community ${String(i + 1).padStart(4, '0')}`;
    const id = deterministicId('community', 'scale', i);
    // About three in five communities have a detachment of their own; the others are served by the last one.
    const ownDetachment = i === 0 || random.chance(0.6);
    const councilId = deterministicId('organisation', 'scale', i);
    const leaderId = deterministicId('person', 'scale', i);
    const leader = `Chief ${String.fromCharCode(65 + (i % 26))}. Leader${i + 1}`;
    change(ctx, 'communities:create', (w) => {
      if (ownDetachment) {
        detachmentId = deterministicId('detachment', 'scale', i);
        detachmentOf = name;
        w.insert('detachments', { id: detachmentId, name: `${name} detachment`, nameFr: `Détachement de ${name}`, communityId: id });
      }
      w.insert('communities', { id, name, otherNames: [], region: regionIds[i % regionIds.length]!, hasDetachment: ownDetachment, servedByDetachmentId: detachmentId });
    });
    change(ctx, 'organisations:create', (w) => {
      w.insert('organisations', { id: councilId, name: `${name} Chief and Council`, kind: 'chief_and_council', communityId: id });
      w.insert('people', { id: leaderId, name: leader.slice(6), title: 'Chief', organisationId: councilId, communityId: id });
    });
    communities.push({ id, name, ownDetachment, leaderId, leader, commander: `Sgt. ${detachmentOf.replace('Community', 'Commander')}`, councilId });
  }
  return communities;
}

/** Builds the dated steps of every planned community's years; runs nothing yet. */
class ScaleSeeder {
  readonly steps: Step[] = [];
  changesets = 0;
  plans = 0;

  constructor(
    private readonly core: Core,
    private readonly random: Random,
    private readonly dueDays: number,
  ) {}

  private add(at: string, run: () => void): void {
    this.steps.push({ at, order: this.steps.length, run });
  }

  private write(method: string, work: Parameters<typeof change>[2]): void {
    change(this.core.context, method, work);
  }

  private newId(): string {
    return this.core.context.ids.newId();
  }

  private addAction(c: SyntheticCommunity, priorityId: string, template: ActionTemplate, rank: number): ActionState {
    const id = this.newId();
    this.write('actions:add', (w) =>
      w.insert('actions', {
        id,
        priorityId,
        rank,
        title: template.title,
        description: template.description,
        owner: template.owner,
        leadPersonId: template.lead === 'leader' ? c.leaderId : null,
        leadName: template.lead === 'leader' ? null : template.lead === 'police' ? c.commander : null,
        partnerOrganisationIds: template.partners.includes('council') ? [c.councilId] : [],
        plannedQuarters: [...template.quarters],
        commitmentIds: (template.commitments ?? []).map((n) => commitmentIds.get(n)!).filter(Boolean),
      }),
    );
    return { id, template, year: drawYear(this.random, template.quarters), last: null };
  }

  private addIndicator(priorityId: string, template: IndicatorTemplate): IndicatorState {
    const r = this.random;
    const baseline = r.int(template.baseline[0], template.baseline[1]);
    let target = 'fixed' in template.target ? template.target.fixed : Math.round(baseline * template.target.factor);
    if (target === baseline) target += template.direction === 'decrease' ? -1 : 1;
    target = Math.max(0, Math.min(template.max ?? Number.POSITIVE_INFINITY, target));
    const id = this.newId();
    this.write('indicators:add', (w) =>
      w.insert('indicators', { id, priorityId, name: template.name, unit: template.unit, baseline, target, direction: template.direction, source: template.source }),
    );
    return { id, template, baseline, target, effort: r.float() * 1.1 };
  }

  private eligible(template: PriorityTemplate, c: SyntheticCommunity): ActionTemplate[] {
    return template.actions.filter((a) => a.onlyWhen === undefined || (a.onlyWhen === 'detachment' ? c.ownDetachment : !c.ownDetachment));
  }

  private addPriority(c: SyntheticCommunity, planId: string, template: PriorityTemplate, rank: number): PriorityState {
    const r = this.random;
    const id = this.newId();
    this.write('priorities:add', (w) =>
      w.insert('priorities', { id, planId, rank, title: template.title, description: template.description, themeIds: template.themes.map((code) => naturalIds.theme(code)), zone: template.zone }),
    );
    const eligible = this.eligible(template, c);
    const actions = r.sample(eligible, r.int(1, Math.min(4, eligible.length))).map((a, i) => this.addAction(c, id, a, i));
    const indicators = r.sample(template.indicators, r.int(1, template.indicators.length)).map((t) => this.addIndicator(id, t));
    return { id, template, actions, indicators };
  }

  /** A new plan: created, its priorities, actions and indicators added one save at a time, its summary written. */
  private createPlan(c: SyntheticCommunity, fiscalYear: number): PlanState {
    const id = naturalIds.plan(c.id, fiscalYear);
    this.write('plans:create', (w) =>
      w.insert('plans', {
        id,
        communityId: c.id,
        fiscalYear,
        title: generatedPlanTitle(c.name, fiscalYear, 'en'),
        summary: null,
        status: 'draft',
        communitySignatory: null,
        communitySignedOn: null,
        detachmentSignatory: null,
        detachmentSignedOn: null,
        copiedFromPlanId: null,
      }),
    );
    const priorities = drawPriorities(this.random, this.random.int(3, 6)).map((t, rank) => this.addPriority(c, id, t, rank));
    this.write('plans:update', (w) => w.update('plans', id, { summary: `Priorities set with ${c.leader} and council.` }));
    return { id, fiscalYear, priorities };
  }

  /** Next year's plan from this one, in one save (as plans:copyForward does): unfinished actions carried, indicators rebased. */
  private copyForward(c: SyntheticCommunity, source: PlanState): PlanState {
    const fiscalYear = source.fiscalYear + 1;
    const id = naturalIds.plan(c.id, fiscalYear);
    const priorities: PriorityState[] = [];
    this.write('plans:copyForward', (w) => {
      w.insert('plans', {
        id,
        communityId: c.id,
        fiscalYear,
        title: generatedPlanTitle(c.name, fiscalYear, 'en'),
        summary: `Carried forward and reviewed with ${c.leader} and council.`,
        status: 'draft',
        communitySignatory: null,
        communitySignedOn: null,
        detachmentSignatory: null,
        detachmentSignedOn: null,
        copiedFromPlanId: source.id,
      });
      source.priorities.forEach((p, rank) => {
        const priorityId = this.newId();
        w.insert('priorities', { id: priorityId, planId: id, rank, title: p.template.title, description: p.template.description, themeIds: p.template.themes.map((code) => naturalIds.theme(code)), zone: p.template.zone, continuesPriorityId: p.id });
        const actions = p.actions
          .filter((a) => !isFinished(a.last))
          .map((a, i): ActionState => {
            const actionId = this.newId();
            const t = a.template;
            w.insert('actions', {
              id: actionId,
              priorityId,
              rank: i,
              title: t.title,
              description: t.description,
              owner: t.owner,
              leadPersonId: t.lead === 'leader' ? c.leaderId : null,
              leadName: t.lead === 'leader' ? null : t.lead === 'police' ? c.commander : null,
              partnerOrganisationIds: t.partners.includes('council') ? [c.councilId] : [],
              plannedQuarters: [...t.quarters],
              commitmentIds: (t.commitments ?? []).map((n) => commitmentIds.get(n)!).filter(Boolean),
              continuesActionId: a.id,
            });
            return { id: actionId, template: t, year: drawYear(this.random, t.quarters), last: null };
          });
        const indicators = p.indicators.map((i): IndicatorState => {
          const indicatorId = this.newId();
          w.insert('indicators', { id: indicatorId, priorityId, name: i.template.name, unit: i.template.unit, baseline: i.baseline, target: i.target, direction: i.template.direction, source: i.template.source, continuesIndicatorId: i.id });
          return { ...i, id: indicatorId, effort: this.random.float() * 1.1 };
        });
        priorities.push({ id: priorityId, template: p.template, actions, indicators });
      });
    });
    // The January review: a new action where a priority has room, sometimes a new priority.
    for (const p of priorities) {
      const unused = this.eligible(p.template, c).filter((a) => !p.actions.some((x) => x.template === a));
      if (unused.length > 0 && (p.actions.length === 0 || this.random.chance(0.2))) p.actions.push(this.addAction(c, p.id, this.random.pick(unused), p.actions.length));
    }
    if (priorities.length < 6 && this.random.chance(0.35)) {
      const [template] = drawPriorities(this.random, 1, new Set(priorities.map((p) => p.template.key)));
      if (template) priorities.push(this.addPriority(c, id, template, priorities.length));
    }
    return { id, fiscalYear, priorities };
  }

  private recordQuarter(c: SyntheticCommunity, plan: PlanState, quarter: Quarter, share: number): void {
    const r = this.random;
    for (const action of plan.priorities.flatMap((p) => p.actions)) {
      if (share < 1 && !r.chance(share)) continue;
      const work = action.year[quarter - 1]!;
      const text = progressText(r, action.template, work, quarter, c.name);
      const id = naturalIds.progressEntry(action.id, plan.fiscalYear, quarter);
      this.write('progress:record', (w) =>
        w.insert('progressEntries', { id, actionId: action.id, fiscalYear: plan.fiscalYear, quarter, status: work.status, narrative: text.narrative, nextSteps: text.nextSteps, author: c.commander, updatedAt: this.core.context.clock.now() }),
      );
      action.last = work.status;
    }
    for (const indicator of plan.priorities.flatMap((p) => p.indicators)) {
      if ((share < 1 && !r.chance(share)) || r.chance(0.1)) continue;
      const id = naturalIds.indicatorValue(indicator.id, plan.fiscalYear, quarter);
      const value = indicatorValue(r, indicator, quarter);
      this.write('indicators:recordValue', (w) => w.insert('indicatorValues', { id, indicatorId: indicator.id, fiscalYear: plan.fiscalYear, quarter, value, note: null }));
    }
  }

  private submit(c: SyntheticCommunity, plan: PlanState, quarter: Quarter): void {
    this.write('reports:submit', (w) =>
      w.upsert('reportSubmissions', { id: naturalIds.report(plan.id, quarter), planId: plan.id, quarter, state: 'submitted', submittedBy: c.commander, submittedAt: this.core.context.clock.now() }),
    );
  }

  private comment(plan: PlanState, quarter: Quarter, body: string): void {
    const reportId = naturalIds.report(plan.id, quarter);
    const exists = this.core.context.sqlite.prepare('SELECT 1 FROM report_submissions WHERE id = ?').get(reportId);
    this.write('reports:comment', (w) => {
      if (!exists) w.insert('reportSubmissions', { id: reportId, planId: plan.id, quarter, state: 'draft', submittedBy: null, submittedAt: null });
      w.insert('reportComments', { id: this.newId(), reportId, actionId: null, author: 'Territorial coordinator', authorRole: 'coordinator', body, createdAt: this.core.context.clock.now(), editedAt: null, readAt: null, readBy: null });
    });
  }

  /** One community's years: the dated steps, from the first January to the last June closing. */
  schedule(c: SyntheticCommunity, years: FiscalYear[]): void {
    const r = this.random;
    // Each community has its habit: most report on time, some are often late, a few often miss.
    const habit = r.weighted([
      [{ onTime: 0.85, late: 0.1 }, 6],
      [{ onTime: 0.55, late: 0.3 }, 3],
      [{ onTime: 0.35, late: 0.25 }, 1],
    ] as const);
    const plans = new Map<number, PlanState>();
    for (const fy of years) {
      const plan = () => plans.get(fy)!;
      const started = `${fy}-01-${String(r.int(8, 28)).padStart(2, '0')}`;
      this.add(timeOn(r, started), () => {
        const previous = plans.get(fy - 1);
        plans.set(fy, previous ? this.copyForward(c, previous) : this.createPlan(c, fy));
        this.plans++;
      });
      const agreed = `${fy}-03-${String(r.int(2, 24)).padStart(2, '0')}`;
      this.add(timeOn(r, agreed), () =>
        this.write('plans:agree', (w) =>
          w.update('plans', plan().id, { status: 'agreed', communitySignatory: c.leader, communitySignedOn: addDays(agreed, -r.int(0, 4)), detachmentSignatory: c.commander, detachmentSignedOn: agreed }),
        ),
      );
      this.add(timeOn(r, `${fy}-04-0${r.int(1, 3)}`, 15, 17), () => this.write('plans:activate', (w) => w.update('plans', plan().id, { status: 'active' })));
      for (const quarter of QUARTERS) {
        const end = quarterEnd(fy, quarter);
        const draw = r.float();
        if (draw < habit.onTime + habit.late) {
          const submittedOn = draw < habit.onTime ? addDays(end, r.int(1, Math.max(1, this.dueDays - 1))) : addDays(end, this.dueDays + r.int(3, 40));
          this.add(timeOn(r, addDays(submittedOn, -r.int(0, 3)), 15, 18), () => this.recordQuarter(c, plan(), quarter, 1));
          this.add(timeOn(r, submittedOn, 19, 22), () => this.submit(c, plan(), quarter));
          if (r.chance(0.3)) this.add(timeOn(r, addDays(submittedOn, r.int(2, 12))), () => this.comment(plan(), quarter, r.pick(COMMENTS.onTime)));
        } else {
          if (r.chance(0.5)) this.add(timeOn(r, addDays(end, r.int(5, 25)), 15, 18), () => this.recordQuarter(c, plan(), quarter, 0.5));
          if (r.chance(0.6)) this.add(timeOn(r, addDays(end, this.dueDays + r.int(5, 20))), () => this.comment(plan(), quarter, r.pick(COMMENTS.missing)));
        }
      }
      this.add(timeOn(r, `${fy + 1}-06-${String(r.int(10, 25)).padStart(2, '0')}`), () => this.write('plans:close', (w) => w.update('plans', plan().id, { status: 'closed' })));
    }
  }
}

/** Seeds the synthetic territory into an empty, set-up coordinator's database. */
export function seedScaleTerritory(core: Core, options: ScaleTerritoryOptions): ScaleTerritorySummary {
  const { communities: count, years } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('The number of communities must be a whole number of at least 1.');
  if (!Number.isInteger(years) || years < 1) throw new RangeError('The number of fiscal years must be a whole number of at least 1.');
  const share = options.plannedShare ?? DEMO_PLANNED_SHARE;
  if (!(share > 0 && share <= 1)) throw new RangeError('The share of communities with plans must be more than 0 and at most 1.');
  const now = options.now ?? DEFAULT_DEMO_NOW;
  const last = fiscalYearOf(now);
  const fiscalYears = Array.from({ length: years }, (_, i) => last - years + 1 + i);
  const clock = settable(core);
  const { sqlite } = core.context;
  const changesetsBefore = (sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number) ?? 0;
  const random = new Random(options.seed ?? 1);

  clock.set(`${fiscalYears[0]}-01-02T15:00:00.000Z`);
  const communities = sqlite.transaction(() => seedReference(core, count, random))();
  const dueDays = (sqlite.prepare('SELECT report_due_days FROM installation WHERE key = 1').pluck().get() as number | undefined) ?? 30;
  const seeder = new ScaleSeeder(core, random, dueDays);
  const planned = random.sample(communities, Math.max(1, Math.round(count * share)));
  for (const c of planned) seeder.schedule(c, fiscalYears);

  const due = seeder.steps.filter((s) => s.at <= now).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  const perTransaction = options.stepsPerTransaction ?? 2000;
  for (let from = 0; from < due.length; from += perTransaction) {
    sqlite.transaction(() => {
      for (const step of due.slice(from, from + perTransaction)) {
        clock.set(step.at);
        step.run();
      }
    })();
    options.onProgress?.(Math.min(from + perTransaction, due.length), due.length);
  }
  clock.set(now);
  return {
    communities: count,
    plannedCommunities: planned.length,
    fiscalYears,
    plans: seeder.plans,
    changesets: (sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number) - changesetsBefore,
  };
}
