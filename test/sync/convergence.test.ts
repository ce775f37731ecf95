import fc from 'fast-check';
import { afterEach, describe, it } from 'vitest';
import { assertConverged, exchangeUntilQuiet, run, setUp, stepArb, tearDown, type World } from './support/convergence-world';


/**
 * Issue 4, point 7: installations that edit offline and trade files in any order — duplicated,
 * lost, reordered, relayed — end with equal digests and equal conflict sets, and no edit is lost.
 *
 * The oracle: every write of a tracked field is recorded with the values its author had seen
 * (every op of that field held by the author's installation at that moment). The heads a field
 * should have are then the writes nobody has seen — exactly the multi-value register's meaning.
 * It is checked locally before every write, and everywhere at the end, where each head must be
 * the visible value or a version in that field's conflict.
 */

// --- The property -------------------------------------------------------------------------------

let world: World | undefined;
afterEach(() => {
  tearDown(world);
  world = undefined;
});

describe('convergence of 3–5 installations trading bundles', () => {
  it('ends with equal digests and conflict sets, and every unseen edit visible or in a conflict', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.constantFrom(0, 90_000, 3 * 3600_000, -86_400_000), { minLength: 5, maxLength: 5 }),
        fc.array(stepArb, { minLength: 8, maxLength: 30, size: 'medium' }),
        (count, skews, steps) => {
          tearDown(world);
          world = setUp(count, skews);
          for (const step of steps) {
            for (const inst of world.insts) inst.clock.advance(60_000);
            run(world, step);
          }
          exchangeUntilQuiet(world);
          assertConverged(world);
          tearDown(world);
          world = undefined;
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});

