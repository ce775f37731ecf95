import { describe, expect, it } from 'vitest';
import { assessIndicator, quartersEndingAt } from '../../shared/rules/indicator-assessment';

describe('the assessment of an indicator', () => {
  it('has no data without a latest value', () => {
    expect(assessIndicator('decrease', 10, 5, null)).toBe('no_data');
  });
  it('meets a target reached or passed in its direction', () => {
    expect(assessIndicator('increase', 10, 20, 20)).toBe('target_met');
    expect(assessIndicator('increase', 10, 20, 25)).toBe('target_met');
    expect(assessIndicator('decrease', 10, 5, 4)).toBe('target_met');
  });
  it('improves or worsens against the baseline short of the target', () => {
    expect(assessIndicator('increase', 10, 20, 15)).toBe('improving');
    expect(assessIndicator('increase', 10, 20, 5)).toBe('worsening');
    expect(assessIndicator('decrease', 10, 5, 12)).toBe('worsening');
  });
  it('is unchanged at the baseline, or without a baseline to compare with', () => {
    expect(assessIndicator('decrease', 10, 5, 10)).toBe('unchanged');
    expect(assessIndicator('decrease', null, 5, 8)).toBe('unchanged');
  });
  it('maintains within 10 % of the target, else of the baseline', () => {
    expect(assessIndicator('maintain', 50, 100, 110)).toBe('target_met');
    expect(assessIndicator('maintain', 50, 100, 111)).toBe('worsening');
    expect(assessIndicator('maintain', 100, null, 91)).toBe('target_met');
    expect(assessIndicator('maintain', null, null, 7)).toBe('unchanged');
  });
});

describe('the quarters of a trend', () => {
  it('ends with the given quarter, oldest first, crossing into earlier fiscal years', () => {
    expect(quartersEndingAt(2025, 2, 4)).toEqual([
      { fiscalYear: 2024, quarter: 3 },
      { fiscalYear: 2024, quarter: 4 },
      { fiscalYear: 2025, quarter: 1 },
      { fiscalYear: 2025, quarter: 2 },
    ]);
  });
  it('is empty when no quarter is asked for', () => {
    expect(quartersEndingAt(2025, 4, 0)).toEqual([]);
  });
});
