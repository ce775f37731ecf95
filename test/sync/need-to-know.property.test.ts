import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertConvergedPerPartition,
  assertEveryoneWithinScope,
  assertNothingLost,
  run,
  setUp,
  stepArb,
  syncThroughCoordinator,
  tearDown,
  type World,
} from './support/need-to-know-world';

/**
 * Issue 11, "Done when" #1: five computers with different read scopes — the coordinator (all),
 * detachment D1 (community A), detachment D2 (B and C), community office L1 (A), community office
 * L2 (C) — edit within their permissions and trade bundles with random duplication, loss,
 * reordering, relays and misdirected full bundles.
 *
 * - After EVERY step each computer's database is scanned: every row of every replicated table,
 *   every op, every waiting row and every changeset must be of a partition in its read scope. The
 *   partition is derived by the test from the data (plans.communityId and parent chains), not
 *   read from the code's row_partitions (which is checked against it).
 * - At the end, after syncing everyone with the coordinator until nothing new arrives: per
 *   partition, every computer holding it has the same digest of it; every row made and every
 *   write of a tracked field is on every computer whose scope holds it (concurrent writes as the
 *   heads of a conflict, never lost).
 *
 * The seed is printed by fast-check on failure; PROPERTY_SEED=<n> replays it.
 */

const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : Date.now() % 2_147_483_647;

let world: World | undefined;
afterEach(() => {
  tearDown(world);
  world = undefined;
});

describe('need-to-know bundles between five computers of different scopes', () => {
  it('converge per partition, never hold a row outside their read scope, and lose nobody’s edit', () => {
    try {
      fc.assert(
        fc.property(fc.array(stepArb, { minLength: 10, maxLength: 30, size: 'medium' }), (steps) => {
          tearDown(world);
          world = setUp();
          assertEveryoneWithinScope(world, 'after enrolment');
          for (const [i, step] of steps.entries()) {
            for (const c of world.computers) c.clock.advance(60_000);
            run(world, step);
            assertEveryoneWithinScope(world, `after step ${i + 1} ${JSON.stringify(step)}`);
          }
          syncThroughCoordinator(world);
          assertEveryoneWithinScope(world, 'after syncing through the coordinator');
          assertConvergedPerPartition(world);
          assertNothingLost(world);
          tearDown(world);
          world = undefined;
        }),
        // A failure found late is still reported (shrunk as far as time allowed), with its seed.
        { numRuns: 8, seed, interruptAfterTimeLimit: 100_000 },
      );
    } catch (error) {
      const cause = (error as Error).cause;
      expect.fail(`PROPERTY_SEED=${seed}\n${(error as Error).message}${cause instanceof Error ? `\n${cause.message}` : ''}`);
    }
  }, 180_000);
});
