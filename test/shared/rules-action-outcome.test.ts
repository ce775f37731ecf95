import { describe, expect, it } from 'vitest';
import { isFinished, yearEndOutcome } from '../../shared/rules/action-outcome';
import { PROGRESS_STATUSES } from '../../shared/vocabulary';

describe('whether an action is finished', () => {
  it('is finished only once completed or discontinued', () => {
    expect(PROGRESS_STATUSES.filter((s) => isFinished(s))).toEqual(['completed', 'discontinued']);
  });
  it('is not finished when nothing was recorded', () => {
    expect(isFinished(null)).toBe(false);
    expect(isFinished(undefined)).toBe(false);
  });
});

describe('the year-end outcome of an action', () => {
  it('ends the year as completed or discontinued when its last status says so', () => {
    expect(yearEndOutcome('completed')).toBe('completed');
    expect(yearEndOutcome('discontinued')).toBe('discontinued');
  });
  it('carries forward every unfinished action, and one with nothing recorded', () => {
    for (const status of ['not_started', 'on_track', 'at_risk', 'delayed'] as const) expect(yearEndOutcome(status)).toBe('carried_forward');
    expect(yearEndOutcome(null)).toBe('carried_forward');
  });
  it('agrees with copy forward: an action is carried exactly when it is not finished', () => {
    for (const status of [...PROGRESS_STATUSES, null]) expect(yearEndOutcome(status) === 'carried_forward').toBe(!isFinished(status));
  });
});
