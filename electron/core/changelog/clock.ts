import { monotonicFactory } from 'ulid';

/** Time and ids are injected so tests and demo data are deterministic. */
export interface Clock {
  /** Now, as an ISO timestamp (UTC). */
  now(): string;
}

export interface IdGenerator {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export function ulidGenerator(clock: Clock = systemClock): IdGenerator {
  const next = monotonicFactory();
  return { newId: () => next(Date.parse(clock.now())) };
}

/** A clock that only moves when told to: for tests and seeded demo data. */
export function fixedClock(start: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t).toISOString(),
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Sequential ids that sort in creation order; deterministic for a given prefix. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { newId: () => `${prefix}${String(++n).padStart(8, '0')}` };
}
