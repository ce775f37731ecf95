import { createHash } from 'node:crypto';

/**
 * Ids for rows with a natural key, the same on every installation: the Q2 progress entry of an
 * action created on two laptops is one row, so parallel creation meets instead of duplicating.
 * The kind keeps keys of different tables apart.
 */
export function deterministicId(kind: string, ...parts: Array<string | number>): string {
  const digest = createHash('sha256').update([kind, ...parts.map(String)].join('\u001f')).digest('hex');
  return `${kind.slice(0, 3)}_${digest.slice(0, 26)}`;
}

export const naturalIds = {
  plan: (communityId: string, fiscalYear: number) => deterministicId('plan', communityId, fiscalYear),
  progressEntry: (actionId: string, fiscalYear: number, quarter: number) => deterministicId('progress', actionId, fiscalYear, quarter),
  indicatorValue: (indicatorId: string, fiscalYear: number, quarter: number) => deterministicId('ivalue', indicatorId, fiscalYear, quarter),
  report: (planId: string, quarter: number) => deterministicId('report', planId, quarter),
  theme: (code: string) => deterministicId('theme', code),
  commitment: (kind: string, number: string) => deterministicId('commitment', kind, number),
};
