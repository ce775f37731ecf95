import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareFiscalQuarters,
  daysBetween,
  fiscalQuarterOf,
  fiscalYearLabel,
  nextQuarter,
  quarterEnd,
  quarterLabel,
  quarterStart,
  reportDueDate,
  type Quarter,
} from '../../shared/fiscal-calendar';

const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const fiscalYearArb = fc.integer({ min: 1990, max: 2099 });
const quarterArb = fc.constantFrom<Quarter>(1, 2, 3, 4);

describe('fiscal calendar', () => {
  it('names fiscal years by the year they start in', () => {
    expect(fiscalYearLabel(2025)).toBe('FY 2025–26');
    expect(fiscalYearLabel(1999)).toBe('FY 1999–00');
    expect(fiscalYearLabel(2025, 'fr')).toBe('EF 2025-2026');
    expect(quarterLabel(2025, 2)).toBe('FY 2025–26 Q2');
  });

  it('puts April to June in Q1 and January to March in Q4 of the previous year', () => {
    expect(fiscalQuarterOf('2025-04-01')).toEqual({ fiscalYear: 2025, quarter: 1 });
    expect(fiscalQuarterOf('2025-06-30')).toEqual({ fiscalYear: 2025, quarter: 1 });
    expect(fiscalQuarterOf('2025-07-01')).toEqual({ fiscalYear: 2025, quarter: 2 });
    expect(fiscalQuarterOf('2025-12-31')).toEqual({ fiscalYear: 2025, quarter: 3 });
    expect(fiscalQuarterOf('2026-01-01')).toEqual({ fiscalYear: 2025, quarter: 4 });
    expect(fiscalQuarterOf('2026-03-31T23:59:59.999Z')).toEqual({ fiscalYear: 2025, quarter: 4 });
    expect(quarterStart(2025, 4)).toBe('2026-01-01');
    expect(quarterEnd(2025, 4)).toBe('2026-03-31');
    expect(quarterEnd(2023, 4)).toBe('2024-03-31');
    expect(quarterEnd(2025, 3)).toBe('2025-12-31');
  });

  it('places every day in exactly the quarter whose start and end surround it', () => {
    fc.assert(
      fc.property(isoDay, (day) => {
        const { fiscalYear, quarter } = fiscalQuarterOf(day);
        expect(quarterStart(fiscalYear, quarter) <= day).toBe(true);
        expect(day <= quarterEnd(fiscalYear, quarter)).toBe(true);
      }),
    );
  });

  it('tiles time: each quarter starts the day after the previous one ends', () => {
    fc.assert(
      fc.property(fiscalYearArb, quarterArb, (fiscalYear, quarter) => {
        const next = nextQuarter({ fiscalYear, quarter });
        expect(addDays(quarterEnd(fiscalYear, quarter), 1)).toBe(quarterStart(next.fiscalYear, next.quarter));
        expect(compareFiscalQuarters(next, { fiscalYear, quarter })).toBeGreaterThan(0);
        const length = daysBetween(quarterStart(fiscalYear, quarter), quarterEnd(fiscalYear, quarter)) + 1;
        expect(length).toBeGreaterThanOrEqual(90);
        expect(length).toBeLessThanOrEqual(92);
      }),
    );
  });

  it('makes a report due the configured number of days after its quarter ends', () => {
    fc.assert(
      fc.property(fiscalYearArb, quarterArb, fc.integer({ min: 0, max: 365 }), (fiscalYear, quarter, dueDays) => {
        expect(daysBetween(quarterEnd(fiscalYear, quarter), reportDueDate(fiscalYear, quarter, dueDays))).toBe(dueDays);
      }),
    );
    expect(reportDueDate(2025, 2, 30)).toBe('2025-10-30');
  });

  it('adds and counts days consistently across month and year ends', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -800, max: 800 }), (day, n) => {
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
    );
  });

  it('refuses text that is not a date', () => {
    expect(() => fiscalQuarterOf('next Tuesday')).toThrow(RangeError);
  });
});
