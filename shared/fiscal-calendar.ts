/**
 * The Government's fiscal calendar: a fiscal year runs April to March and is named by the
 * calendar year it starts in (2025 = "FY 2025–26"). Quarters: Q1 Apr–Jun, Q2 Jul–Sep,
 * Q3 Oct–Dec, Q4 Jan–Mar. Pure code: dates are plain ISO strings (YYYY-MM-DD) so the rule is the
 * same in every time zone and on every installation.
 */

export type FiscalYear = number;
export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export interface FiscalQuarter {
  fiscalYear: FiscalYear;
  quarter: Quarter;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(date.slice(0, 10));
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The fiscal year and quarter a calendar date (YYYY-MM-DD, or a full ISO timestamp) falls in. */
export function fiscalQuarterOf(date: string): FiscalQuarter {
  const { y, m } = parseIsoDate(date);
  const fiscalYear = m >= 4 ? y : y - 1;
  const monthInFiscalYear = (m + 8) % 12; // April → 0 … March → 11
  const quarter = (Math.floor(monthInFiscalYear / 3) + 1) as Quarter;
  return { fiscalYear, quarter };
}

export function fiscalYearOf(date: string): FiscalYear {
  return fiscalQuarterOf(date).fiscalYear;
}

/** First month (1–12) and calendar year of a fiscal quarter. */
function quarterStartMonth(fiscalYear: FiscalYear, quarter: Quarter): { y: number; m: number } {
  const offset = (quarter - 1) * 3; // months after April
  const m0 = 3 + offset; // 0-based month index counted from January of the fiscal year's start
  return { y: fiscalYear + Math.floor(m0 / 12), m: (m0 % 12) + 1 };
}

export function quarterStart(fiscalYear: FiscalYear, quarter: Quarter): string {
  const { y, m } = quarterStartMonth(fiscalYear, quarter);
  return isoDate(y, m, 1);
}

export function quarterEnd(fiscalYear: FiscalYear, quarter: Quarter): string {
  const { y, m } = quarterStartMonth(fiscalYear, quarter);
  const endMonth = m + 2;
  return isoDate(y, endMonth, daysInMonth(y, endMonth));
}

export function fiscalYearStart(fiscalYear: FiscalYear): string {
  return quarterStart(fiscalYear, 1);
}

export function fiscalYearEnd(fiscalYear: FiscalYear): string {
  return quarterEnd(fiscalYear, 4);
}

/** Adds whole days to an ISO date. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIsoDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** The last day on which a quarterly report still counts as on time. */
export function reportDueDate(fiscalYear: FiscalYear, quarter: Quarter, dueDays: number): string {
  return addDays(quarterEnd(fiscalYear, quarter), dueDays);
}

/** "FY 2025–26" in English, "EF 2025-2026" in French (exercice financier). */
export function fiscalYearLabel(fiscalYear: FiscalYear, locale: 'en' | 'fr' = 'en'): string {
  if (locale === 'fr') return `EF ${fiscalYear}-${fiscalYear + 1}`;
  return `FY ${fiscalYear}–${pad((fiscalYear + 1) % 100)}`;
}

export function quarterLabel(fiscalYear: FiscalYear, quarter: Quarter, locale: 'en' | 'fr' = 'en'): string {
  const q = locale === 'fr' ? `T${quarter}` : `Q${quarter}`;
  return `${fiscalYearLabel(fiscalYear, locale)} ${q}`;
}

/** Quarters in order, across fiscal years; useful for trends and matrices. */
export function nextQuarter({ fiscalYear, quarter }: FiscalQuarter): FiscalQuarter {
  return quarter === 4 ? { fiscalYear: fiscalYear + 1, quarter: 1 } : { fiscalYear, quarter: (quarter + 1) as Quarter };
}

export function compareFiscalQuarters(a: FiscalQuarter, b: FiscalQuarter): number {
  return a.fiscalYear - b.fiscalYear || a.quarter - b.quarter;
}

export function isQuarter(n: number): n is Quarter {
  return n === 1 || n === 2 || n === 3 || n === 4;
}
