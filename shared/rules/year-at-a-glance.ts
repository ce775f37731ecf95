/**
 * The planning year at a glance (issue 14 §5), from the same fiscal calendar the rules use: each
 * quarter (act and record progress), each quarterly report's window and due date
 * (plan-cycle.ts's submissionOpensOn, fiscal-calendar.ts's reportDueDate), and in Q4 the planning
 * season for the next fiscal year — copy forward and revise (Jan–Mar, the fourth quarter), then
 * sign off before the next fiscal year starts on 1 April. Nothing here restates a date: each comes
 * from its one home.
 */
import { addDays, fiscalYearStart, QUARTERS, quarterEnd, quarterStart, reportDueDate, type FiscalYear, type Quarter } from '../fiscal-calendar';
import { submissionOpensOn } from './plan-cycle';

export type YearEventKind = 'quarter' | 'report' | 'planning' | 'signOff';

export interface YearEvent {
  kind: YearEventKind;
  /** First and last day (the same for a single day), YYYY-MM-DD. */
  from: string;
  to: string;
  /** The quarter it is about ('quarter', 'report'). */
  quarter: Quarter | null;
  /** The fiscal year it is about: the plan being prepared, for 'planning' and 'signOff'. */
  fiscalYear: FiscalYear;
}

/** The last day to sign off a fiscal year's plan: the day before that year starts (31 March). */
export function signOffBy(fiscalYear: FiscalYear): string {
  return addDays(fiscalYearStart(fiscalYear), -1);
}

/** The events of a planning year, in date order (a report's window runs past its quarter's end). */
export function planningYearCalendar(fiscalYear: FiscalYear, dueDays: number): YearEvent[] {
  const events: YearEvent[] = [];
  for (const quarter of QUARTERS) {
    events.push({ kind: 'quarter', from: quarterStart(fiscalYear, quarter), to: quarterEnd(fiscalYear, quarter), quarter, fiscalYear });
    events.push({ kind: 'report', from: submissionOpensOn(fiscalYear, quarter), to: reportDueDate(fiscalYear, quarter, dueDays), quarter, fiscalYear });
  }
  // The planning season for next year's plan is this year's fourth quarter.
  events.push({ kind: 'planning', from: quarterStart(fiscalYear, 4), to: quarterEnd(fiscalYear, 4), quarter: null, fiscalYear: fiscalYear + 1 });
  events.push({ kind: 'signOff', from: signOffBy(fiscalYear + 1), to: signOffBy(fiscalYear + 1), quarter: null, fiscalYear: fiscalYear + 1 });
  const order: Record<YearEventKind, number> = { quarter: 0, planning: 1, report: 2, signOff: 3 };
  return events.sort((a, b) => a.from.localeCompare(b.from) || order[a.kind] - order[b.kind]);
}

/** Where an event stands on a day: done, under way, or coming. */
export function eventPhase(event: Pick<YearEvent, 'from' | 'to'>, today: string): 'past' | 'now' | 'next' {
  if (today > event.to) return 'past';
  return today >= event.from ? 'now' : 'next';
}
