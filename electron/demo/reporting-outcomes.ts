/**
 * Whether each community's quarterly report arrives on time, late or not at all. Each community
 * has a habit (reliable, mixed, struggling); the current year's past quarters are adjusted so the
 * coordinator's matrix always shows all three.
 */
import { addDays, daysBetween, type Quarter, reportDueDate } from '../../shared/fiscal-calendar';
import type { Random } from './prng';

export type Habit = 'reliable' | 'mixed' | 'struggling';
export type Outcome = 'on_time' | 'late' | 'missing';

const ODDS: Record<Habit, ReadonlyArray<readonly [Outcome, number]>> = {
  reliable: [['on_time', 85], ['late', 12], ['missing', 3]],
  mixed: [['on_time', 55], ['late', 30], ['missing', 15]],
  struggling: [['on_time', 30], ['late', 35], ['missing', 35]],
};

export function drawHabit(random: Random): Habit {
  return random.weighted([['reliable', 50], ['mixed', 35], ['struggling', 15]] as const);
}

export interface Submission {
  outcome: Outcome;
  /** The date the report is submitted (none when missing). */
  submittedOn: string | null;
}

/**
 * When a report with this outcome is submitted: on time between a few days after the quarter
 * ends and the due date, late 2–40 days after it, but never after "today" (then it is missing).
 */
export function submissionFor(random: Random, outcome: Outcome, fiscalYear: number, quarter: Quarter, dueDays: number, today: string): Submission {
  const due = reportDueDate(fiscalYear, quarter, dueDays);
  if (outcome === 'on_time') return { outcome, submittedOn: addDays(due, -random.int(1, Math.max(1, dueDays - 3))) };
  if (outcome === 'missing') return { outcome, submittedOn: null };
  if (!lateIsPossible(due, today)) return { outcome: 'missing', submittedOn: null };
  return { outcome, submittedOn: addDays(due, random.int(2, Math.min(40, daysBetween(due, today) - 1))) };
}

/** A report can still have arrived late by today only if at least two days have passed since it was due. */
export function lateIsPossible(dueDate: string, today: string): boolean {
  return daysBetween(dueDate, today) - 1 >= 2;
}

export function drawOutcome(random: Random, habit: Habit): Outcome {
  return random.weighted(ODDS[habit]);
}

/**
 * Makes sure a quarter whose due date has passed shows at least one on-time, one late and one
 * missing report (when there are three reports), changing reports whose outcome is common.
 */
export function ensureMix(random: Random, outcomes: Outcome[], lateIsPossible: boolean): Outcome[] {
  const result = [...outcomes];
  const wanted: Outcome[] = lateIsPossible ? ['on_time', 'late', 'missing'] : ['on_time', 'missing'];
  if (result.length < wanted.length) return result;
  for (const outcome of wanted) {
    if (result.includes(outcome)) continue;
    const count = (o: Outcome) => result.filter((x) => x === o).length;
    const candidates = result.map((o, i) => ({ o, i })).filter(({ o }) => count(o) > 1);
    if (candidates.length === 0) continue;
    result[random.pick(candidates).i] = outcome;
  }
  return result;
}
