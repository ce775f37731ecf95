import { fiscalQuarterOf, type FiscalQuarter } from '../../shared/fiscal-calendar';

/** Today's date as the core counts it (UTC, YYYY-MM-DD). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function currentFiscalQuarter(now: Date = new Date()): FiscalQuarter {
  return fiscalQuarterOf(todayIso(now));
}
