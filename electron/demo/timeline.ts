import type { Random } from './prng';

/** A settable clock, as made by fixedClock(). */
export interface SettableClock {
  now(): string;
  set(iso: string): void;
}

interface Step {
  at: string;
  order: number;
  run: () => void;
}

/**
 * The demo's history as dated steps, run in date order with the clock set to each step's time,
 * so the change log, submission dates and on-time/late states read like the real thing. Steps
 * after "now" are left out: they have not happened yet.
 */
export class Timeline {
  private readonly steps: Step[] = [];

  add(at: string, run: () => void): void {
    this.steps.push({ at, order: this.steps.length, run });
  }

  /**
   * Runs the steps up to `until` (inclusive) in time order; returns how many ran. `onStep` is told
   * before each step how many ran of how many (the demo's seeding progress, issue 13 §1).
   */
  run(clock: SettableClock, until: string, onStep?: (done: number, total: number) => void): number {
    const due = this.steps.filter((s) => s.at <= until).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
    due.forEach((step, index) => {
      onStep?.(index, due.length);
      clock.set(step.at);
      step.run();
    });
    return due.length;
  }
}

/** A working-hours timestamp on a date (northern afternoon, in UTC). */
export function timeOn(random: Random, date: string, fromHour = 15, toHour = 22): string {
  const h = random.int(fromHour, toHour);
  const m = random.int(0, 59);
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;
}
