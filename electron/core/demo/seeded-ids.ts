import { monotonicFactory } from 'ulid';
import type { Clock, IdGenerator } from '../clock';
import { mulberry32 } from './prng';

/**
 * ULIDs whose time part comes from the (fixed, demo) clock and whose random part comes from a
 * seeded generator: real-looking ids that are the same every time a territory is seeded with the
 * same seed. A separate stream from the content's, so content draws do not shift the ids.
 */
export function seededUlids(seed: number, clock: Clock): IdGenerator {
  const next = monotonicFactory(mulberry32((seed ^ 0x5bd1e995) >>> 0));
  return { newId: () => next(Date.parse(clock.now())) };
}
