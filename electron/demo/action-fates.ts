/**
 * How an action's year goes, quarter by quarter: most stay on track, some finish early, some
 * start late, some struggle, a few are dropped; and an action planned only for some quarters has
 * not started before them, has nothing to do between them and is done (or not) after them.
 */
import type { Quarter } from '../../shared/fiscal-calendar';
import { isFinished } from '../../shared/rules/action-outcome';
import type { ProgressStatus } from '../../shared/vocabulary';
import type { Random } from './prng';

/** What a quarter's entry says: work done, not begun yet, a quiet quarter, the year's outcome, or already finished. */
export type QuarterKind = 'work' | 'before' | 'gap' | 'after' | 'finished';

export interface QuarterOfWork {
  status: ProgressStatus;
  kind: QuarterKind;
}

type Four<T> = [T, T, T, T];

function drawStatuses(random: Random): Four<ProgressStatus> {
  const kind = random.weighted([
    ['steady', 45],
    ['early', 14],
    ['slow', 15],
    ['struggling', 20],
    ['dropped', 6],
  ] as const);
  switch (kind) {
    case 'steady':
      return ['on_track', 'on_track', 'on_track', random.chance(0.4) ? 'completed' : 'on_track'];
    case 'early': {
      const finish = random.int(2, 3);
      return [1, 2, 3, 4].map((q) => (q < finish ? 'on_track' : 'completed')) as Four<ProgressStatus>;
    }
    case 'slow': {
      const start = random.int(2, 3);
      return [1, 2, 3, 4].map((q) => (q < start ? 'not_started' : 'on_track')) as Four<ProgressStatus>;
    }
    case 'struggling':
      return ['on_track', random.pick(['at_risk', 'delayed'] as const), random.pick(['delayed', 'at_risk', 'on_track'] as const), random.pick(['at_risk', 'on_track'] as const)];
    case 'dropped':
      return ['on_track', 'at_risk', 'discontinued', 'discontinued'];
  }
}

/** The year's four entries for an action planned for the given quarters. */
export function drawYear(random: Random, planned: readonly Quarter[]): Four<QuarterOfWork> {
  const drawn = drawStatuses(random);
  const quarters = planned.length > 0 ? [...planned].sort() : [1, 2, 3, 4];
  const first = quarters[0]!;
  const last = quarters[quarters.length - 1]!;
  const year: QuarterOfWork[] = [];
  for (const q of [1, 2, 3, 4] as const) {
    const previous = year[q - 2];
    if (previous && isFinished(previous.status)) year.push({ status: previous.status, kind: 'finished' });
    else if (q < first) year.push({ status: 'not_started', kind: 'before' });
    else if (q > last) {
      const s = previous?.status ?? 'on_track';
      year.push({ status: s === 'on_track' ? 'completed' : s === 'not_started' ? 'not_started' : 'delayed', kind: 'after' });
    } else if (!quarters.includes(q)) year.push({ status: previous?.status ?? 'on_track', kind: 'gap' });
    else year.push({ status: drawn[q - 1]!, kind: 'work' });
  }
  return year as Four<QuarterOfWork>;
}
