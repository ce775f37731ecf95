/**
 * The words of quarterly progress: a narrative that explains the status and the next steps,
 * written the way detachment staff and community liaisons write them.
 */
import type { Quarter } from '../../shared/fiscal-calendar';
import type { QuarterOfWork } from './action-fates';
import { type ActionTemplate, DISCONTINUED, forQuarter, NOT_STARTED, SETBACKS } from './priority-catalogue';
import type { Random } from './prng';

const MONTHS: Record<Quarter, readonly string[]> = {
  1: ['April', 'May', 'June'],
  2: ['July', 'August', 'September'],
  3: ['October', 'November', 'December'],
  4: ['January', 'February', 'March'],
};

const span = (q: Quarter) => `${MONTHS[q][0]} to ${MONTHS[q][2]}`;

export function fill(random: Random, text: string, quarter: Quarter, community: string): string {
  return text
    .replace(/\{n\}/g, () => String(random.int(2, 9)))
    .replace(/\{m\}/g, () => String(random.int(1, 4)))
    .replace(/\{month\}/g, () => random.pick(MONTHS[quarter]))
    .replace(/\{community\}/g, community);
}

export interface ProgressText {
  narrative: string;
  nextSteps: string | null;
}

export function progressText(random: Random, action: ActionTemplate, work: QuarterOfWork, quarter: Quarter, community: string): ProgressText {
  const f = (text: string) => fill(random, text, quarter, community);
  const note = () => f(random.pick(forQuarter(action.notes, quarter)));
  const next = () => f(random.pick(action.nextSteps));
  const planned = [...action.quarters].sort();
  const upcoming = planned.find((q) => q > quarter);
  switch (work.kind) {
    case 'finished':
      return { narrative: `${work.status === 'completed' ? 'Completed' : 'Stopped'} in an earlier quarter; nothing further to report.`, nextSteps: null };
    case 'before':
      return { narrative: `Planned for ${span(upcoming ?? 4)}; not started yet.`, nextSteps: next() };
    case 'gap':
      return { narrative: `Nothing was planned for this quarter; the next activity is planned for ${span(upcoming ?? 4)}.`, nextSteps: next() };
    case 'after':
      if (work.status === 'completed') return { narrative: 'Done for this year: the work planned for the year was completed.', nextSteps: null };
      if (work.status === 'not_started') return { narrative: 'This did not happen this year; council will decide whether to keep it in next year’s plan.', nextSteps: null };
      return { narrative: 'The work planned for this year was not finished; it will be carried into next year’s plan.', nextSteps: next() };
    case 'work':
      break;
  }
  switch (work.status) {
    case 'not_started':
      return { narrative: f(random.pick(forQuarter(NOT_STARTED, quarter))), nextSteps: next() };
    case 'on_track':
      return { narrative: note(), nextSteps: next() };
    case 'completed':
      return { narrative: `${note()} This action is now complete.`, nextSteps: null };
    case 'at_risk':
      return { narrative: `${f(random.pick(forQuarter(SETBACKS, quarter)))} Part of the work went ahead, but the rest of the year’s work is at risk.`, nextSteps: next() };
    case 'delayed':
      return { narrative: `${f(random.pick(forQuarter(SETBACKS, quarter)))} The work moves to next quarter.`, nextSteps: next() };
    case 'discontinued':
      return { narrative: f(random.pick(DISCONTINUED)), nextSteps: null };
  }
}

/** What the coordinator writes back on a report. */
export const COMMENTS = {
  onTime: [
    'Thank you for the report. The check stop numbers are encouraging; please pass our thanks to the volunteers.',
    'Received, thank you. Could you add how many youth attended the events next quarter?',
    'Thank you. Good to see council meeting with the detachment every quarter.',
    'Thanks — clear and complete. We will include your community in the territorial summary.',
  ],
  late: [
    'Received after the due date. If the reporting timeline does not work for the detachment, let us know and we can talk about it.',
    'Thank you for the report. It arrived late; please send the next one with the bundle at the end of the quarter if you can.',
  ],
  missing: [
    'We have not received this quarterly report yet. Please send it with your next bundle.',
    'Reminder: this report is past due. Call the coordinator if something is getting in the way.',
  ],
} as const;
