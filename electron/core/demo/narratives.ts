/**
 * The words of quarterly progress: a narrative that explains the status and the next steps,
 * written the way detachment staff and community liaisons write them.
 */
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { ProgressStatus } from '../../../shared/vocabulary';
import { type ActionTemplate, DISCONTINUED, NOT_STARTED, SETBACKS } from './priority-catalogue';
import type { Random } from './prng';

const MONTHS: Record<Quarter, readonly string[]> = {
  1: ['April', 'May', 'June'],
  2: ['July', 'August', 'September'],
  3: ['October', 'November', 'December'],
  4: ['January', 'February', 'March'],
};

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

export function progressText(random: Random, action: ActionTemplate, status: ProgressStatus, quarter: Quarter, community: string): ProgressText {
  const f = (text: string) => fill(random, text, quarter, community);
  switch (status) {
    case 'not_started':
      return { narrative: f(random.pick(NOT_STARTED)), nextSteps: f(random.pick(action.nextSteps)) };
    case 'on_track':
      return { narrative: f(random.pick(action.notes)), nextSteps: f(random.pick(action.nextSteps)) };
    case 'completed':
      return { narrative: `${f(random.pick(action.notes))} This action is now complete.`, nextSteps: null };
    case 'at_risk':
      return {
        narrative: `${f(random.pick(action.notes))} ${f(random.pick(SETBACKS))} The rest of the year's work is at risk.`,
        nextSteps: f(random.pick(action.nextSteps)),
      };
    case 'delayed':
      return { narrative: `${f(random.pick(SETBACKS))} Work moved to next quarter.`, nextSteps: f(random.pick(action.nextSteps)) };
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
