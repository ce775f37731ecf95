/**
 * A demo territory for trying the planner, for screenshots and for end-to-end tests: 33 northern
 * communities, their detachments, partners and people, the mandate commitments, and several
 * years of plans with quarterly progress, reports (on time, late, missing), comments and
 * copy-forward history. Everything that has a contract method is written through it, so the
 * change log is the real one; reference rows without a create method are one recorded change.
 *
 * Deterministic: the same seed, scale and "now" give the same database, byte for byte, when the
 * core is created with demoCoreOptions() (a fixed clock the seeder moves through the years, and
 * ULIDs whose random part comes from the seed) and the same signing key. Usage:
 *
 *   const core = createCore({ dbFile, ...demoCoreOptions({ seed, scale, now }) });
 *   seedDemoTerritory(core, { seed, scale, now });
 *
 * The command line first creates the installation normally (its own random id and key, so two
 * demo databases are two installations), then seeds with `salt` = that installation id, so its
 * changeset ids are its own too; the content is then deterministic given the installation.
 */
import { type FiscalYear, fiscalYearOf, QUARTERS, type Quarter, reportDueDate } from '../../shared/fiscal-calendar';
import { fixedClock, type IdGenerator } from '../core/changelog/clock';
import type { Core, CoreOptions } from '../core/create-core';
import { Keyboard, must } from './acting';
import type { PlansByYear, Seeding } from './plan-lifecycle';
import { scheduleYear } from './plan-lifecycle';
import { amendSubmittedReports } from './amendments';
import { Random } from './prng';
import { type CommunityDirectory, seedReference } from './reference-data';
import { drawHabit, drawOutcome, ensureMix, lateIsPossible, type Outcome, type Submission, submissionFor } from './reporting-outcomes';
import { seededUlids } from './seeded-ids';
import { type SettableClock, Timeline } from './timeline';

export const DEFAULT_DEMO_NOW = '2026-11-24T17:00:00.000Z';
/** Communities that take part in the planning program (the others have no plan yet). */
export const PLANNED_COMMUNITIES = 12;
export const MAX_DEMO_SCALE = 20;
const DEMO_INSTALLATION_NAME = 'Territorial coordinator (demo data)';

export interface DemoOptions {
  seed?: number;
  /** Years of history: 2 + scale fiscal years, ending with the one "now" falls in. */
  scale?: number;
  /** "Today" for the demo, as YYYY-MM-DD or an ISO timestamp. */
  now?: string;
}

export interface DemoSummary {
  seed: number;
  scale: number;
  now: string;
  fiscalYears: FiscalYear[];
  counts: Record<string, number>;
}

/** Refused because the database already holds a territory; the message is for people. */
export class DemoSeedRefused extends Error {
  override name = 'DemoSeedRefused';
}

interface ResolvedOptions {
  seed: number;
  scale: number;
  now: string;
  current: FiscalYear;
  first: FiscalYear;
}

function resolve(options: DemoOptions): ResolvedOptions {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError('The seed must be a whole number.');
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE) throw new RangeError(`The scale must be a whole number from 1 to ${MAX_DEMO_SCALE}.`);
  const raw = options.now ?? DEFAULT_DEMO_NOW;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const parsed = dateOnly ? Date.parse(`${raw}T17:00:00.000Z`) : Date.parse(raw);
  if (Number.isNaN(parsed) || (dateOnly && new Date(parsed).toISOString().slice(0, 10) !== raw)) {
    throw new RangeError(`"${raw}" is not a date: write it as YYYY-MM-DD.`);
  }
  const now = new Date(parsed).toISOString();
  const current = fiscalYearOf(now);
  return { seed, scale, now, current, first: current - (2 + scale) + 1 };
}

/** When the demo's history begins: early January before the first fiscal year. */
function historyStart(o: ResolvedOptions): string {
  return `${o.first}-01-06T15:00:00.000Z`;
}

/** The clock, ids and profile to create the core with, so seeding is deterministic. */
export function demoCoreOptions(
  options: DemoOptions & { salt?: string } = {},
): { clock: SettableClock; ids: IdGenerator; initialProfile: NonNullable<CoreOptions['initialProfile']> } {
  const o = resolve(options);
  const clock = fixedClock(historyStart(o));
  return {
    clock,
    ids: seededUlids(o.seed, clock, options.salt),
    initialProfile: { name: DEMO_INSTALLATION_NAME, userName: 'Territorial coordinator', role: 'coordinator', isDemo: true },
  };
}

function settableClock(core: Core): SettableClock {
  const clock = core.context.clock as Partial<SettableClock>;
  if (typeof clock.set !== 'function') {
    throw new TypeError('seedDemoTerritory needs a core created with a settable clock: createCore({ dbFile, ...demoCoreOptions(options) }).');
  }
  return clock as SettableClock;
}

/** The communities in the program: drawn by the seed, with at least three that have no detachment. */
function choosePlanned(random: Random, communities: CommunityDirectory[]): CommunityDirectory[] {
  const shuffled = random.shuffle(communities);
  const chosen = shuffled.slice(0, PLANNED_COMMUNITIES);
  const rest = shuffled.slice(PLANNED_COMMUNITIES);
  for (let i = chosen.length - 1; chosen.filter((c) => !c.ownDetachment).length < 3 && i >= 0; i--) {
    if (!chosen[i]!.ownDetachment) continue;
    const swap = rest.find((c) => !c.ownDetachment && !chosen.includes(c));
    if (swap) chosen[i] = swap;
  }
  return chosen;
}

/**
 * Which fiscal years (as indexes from the first) each planned community has a plan for: most
 * from the start, two joined in the second year, one joins this year, and one let its plan lapse
 * last year. Index `years` is next year, planned in January when "now" is that late.
 */
function planYears(years: number, index: number): number[] {
  const start = index < 9 ? 0 : index < 11 ? 1 : years - 1;
  const lapsed = index === 8 ? years - 2 : -1;
  const out: number[] = [];
  for (let i = start; i <= years; i++) if (i !== lapsed) out.push(i);
  return out;
}

/**
 * How far the seeding is (issue 13 §1): `done` of `total` units, where the units are the
 * timeline's dated steps, then the amendments, then the commit (done === total, told only once
 * the seeding's one transaction has committed). Throwing from it (a cancelled seeding) before
 * the end rolls the whole transaction back: nothing of the territory is written.
 */
export type SeedProgress = (done: number, total: number) => void;

export function seedDemoTerritory(core: Core, options: DemoOptions = {}, progress?: SeedProgress): DemoSummary {
  const o = resolve(options);
  const clock = settableClock(core);
  const { sqlite } = core.context;
  const existing = (sqlite.prepare('SELECT count(*) AS n FROM communities').get() as { n: number }).n;
  if (existing > 0) {
    throw new DemoSeedRefused(`This database already has ${existing} ${existing === 1 ? 'community' : 'communities'}; demo data is only added to an empty database.`);
  }

  const run = sqlite.transaction(() => {
    clock.set(historyStart(o));
    const random = new Random(o.seed);
    const keyboard = new Keyboard(core);
    const directory = seedReference(core, random, keyboard, { first: o.first, current: o.current });
    const seeding: Seeding = { core, random, keyboard, directory, timeline: new Timeline() };
    const dueDays = must(core, 'installation:get', {}).reportDueDays;
    const today = o.now.slice(0, 10);
    const years = 2 + o.scale;

    const planned = choosePlanned(random, directory.communities).map((community, index) => ({
      community,
      years: new Set(planYears(years, index).map((i) => o.first + i)),
      habit: drawHabit(random),
      plans: new Map() as PlansByYear,
      submissions: new Map<FiscalYear, Map<Quarter, Submission>>(),
    }));

    for (let fy = o.first; fy <= o.current + 1; fy++) {
      const active = planned.filter((p) => p.years.has(fy));
      for (const p of active) p.submissions.set(fy, new Map());
      for (const quarter of QUARTERS) {
        let outcomes: Outcome[] = active.map((p) => drawOutcome(random, p.habit));
        const due = reportDueDate(fy, quarter, dueDays);
        if (fy === o.current && due < today) {
          outcomes = ensureMix(random, outcomes, lateIsPossible(due, today));
        }
        active.forEach((p, i) => p.submissions.get(fy)!.set(quarter, submissionFor(random, outcomes[i]!, fy, quarter, dueDays, today)));
      }
    }
    for (const p of planned) {
      for (const fy of [...p.years].sort((a, b) => a - b)) {
        scheduleYear(seeding, p.community, fy, p.plans, p.submissions.get(fy)!, { copied: p.years.has(fy - 1), dueDays });
      }
    }
    let steps = 0;
    seeding.timeline.run(clock, o.now, (done, total) => {
      steps = total;
      progress?.(done, total + 2);
    });
    progress?.(steps, steps + 2);
    clock.set(o.now);
    amendSubmittedReports(core, keyboard, o.current);
    // Whoever opens the demo next is the territorial coordinator.
    must(core, 'installation:update', { name: DEMO_INSTALLATION_NAME, userName: `${directory.coordinator.name}, territorial coordinator`, role: 'coordinator' });
    progress?.(steps + 1, steps + 2);
    return steps + 2;
  });
  const units = run();
  progress?.(units, units);
  return { seed: o.seed, scale: o.scale, now: o.now, fiscalYears: range(o.first, o.current), counts: countRows(core) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const COUNTED = ['communities', 'detachments', 'organisations', 'people', 'plans', 'priorities', 'actions', 'indicators', 'progress_entries', 'indicator_values', 'report_submissions', 'report_comments', 'commitments', 'milestones', 'changesets'] as const;

function countRows(core: Core): Record<string, number> {
  return Object.fromEntries(COUNTED.map((t) => [t, (core.context.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}
