/**
 * The shapes the core answers with. Inputs are in contract.ts (zod); outputs are plain types.
 * One module per domain under shared/domain/, joined here so callers import from one place.
 */
export type * from './domain/installation';
export type * from './domain/reference';
export type * from './domain/plans';
export type * from './domain/progress';
export type * from './domain/rollup';
export type * from './domain/bundles';
export type * from './domain/territory';
export type * from './domain/exchange-export';
export type * from './domain/conflict-records';
export type * from './domain/backups';
export type * from './domain/practices';

export type * from './domain/engagements';

export type * from './domain/quarter-review';
