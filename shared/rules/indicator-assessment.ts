/** How an indicator stands: its latest value against baseline and target. Pure. */
import type { FiscalYear, Quarter } from '../fiscal-calendar';
import type { IndicatorAssessment } from '../reports';
import type { IndicatorDirection } from '../vocabulary';

/**
 * The latest value against baseline and target, in the indicator's direction. "Maintain" is met
 * while the value stays within 10 % of its target (or of the baseline when there is no target).
 */
export function assessIndicator(direction: IndicatorDirection, baseline: number | null, target: number | null, latest: number | null): IndicatorAssessment {
  if (latest === null) return 'no_data';
  if (direction === 'maintain') {
    const reference = target ?? baseline;
    if (reference === null) return 'unchanged';
    return Math.abs(latest - reference) <= Math.abs(reference) * 0.1 ? 'target_met' : 'worsening';
  }
  const better = (a: number, b: number) => (direction === 'increase' ? a > b : a < b);
  if (target !== null && (latest === target || better(latest, target))) return 'target_met';
  if (baseline === null || latest === baseline) return 'unchanged';
  return better(latest, baseline) ? 'improving' : 'worsening';
}

/** The quarters ending with (fiscalYear, quarter), oldest first: the window of a trend. */
export function quartersEndingAt(fiscalYear: FiscalYear, quarter: Quarter, count: number): Array<{ fiscalYear: FiscalYear; quarter: Quarter }> {
  const out: Array<{ fiscalYear: FiscalYear; quarter: Quarter }> = [];
  let fy = fiscalYear;
  let q: number = quarter;
  for (let i = 0; i < count; i += 1) {
    out.unshift({ fiscalYear: fy, quarter: q as Quarter });
    q -= 1;
    if (q === 0) {
      q = 4;
      fy -= 1;
    }
  }
  return out;
}
