import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  assertConvergedPerPartition,
  assertEveryoneWithinScope,
  assertNothingLost,
  dropTemplate,
  fromTemplate,
  run,
  setUp,
  stepArb,
  syncThroughCoordinator,
  tearDown,
  templateOf,
  type Step,
  type Template,
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
 * The seed is printed on failure; PROPERTY_SEED=<n> replays it, PROPERTY_RUNS=<n> runs more.
 */

const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : Date.now() % 2_147_483_647;
/** PROPERTY_RUNS=<n> searches harder (by hand; the suite keeps 8 runs, about 15–25 s). */
const numRuns = process.env.PROPERTY_RUNS ? Number(process.env.PROPERTY_RUNS) : 8;

let world: World | undefined;
let template: Template | undefined;
afterEach(() => {
  tearDown(world);
  world = undefined;
});
afterAll(() => dropTemplate(template));

const [COORD, D1, D2, L1, L2] = [0, 1, 2, 3, 4];

describe('need-to-know bundles between five computers of different scopes', () => {
  // Every route once, in a fixed order: a failure here names its step without any shrinking.
  it('every route once: direct D1↔L1, D2→L2, a detachment to another detachment, relays through the coordinator, a misdirected full bundle', () => {
    world = setUp();
    assertEveryoneWithinScope(world, 'after enrolment');
    const steps: Step[] = [
      ...[D1, D2, L1, L2].map((to): Step => ({ kind: 'send', from: COORD, to, delivery: 'once' })),
      { kind: 'edit', who: D1, community: 0, what: 'narrative', quarter: 1 },
      { kind: 'edit', who: L1, community: 0, what: 'narrative', quarter: 1 },
      { kind: 'send', from: D1, to: L1, delivery: 'twice' },
      { kind: 'send', from: L1, to: D1, delivery: 'once' },
      { kind: 'edit', who: D2, community: 0, what: 'priority', quarter: 1 },
      { kind: 'edit', who: D2, community: 1, what: 'narrative', quarter: 1 },
      { kind: 'edit', who: D2, community: 1, what: 'organisation', quarter: 1 },
      { kind: 'send', from: D2, to: L2, delivery: 'once' },
      { kind: 'send', from: D2, to: D1, delivery: 'once' },
      { kind: 'edit', who: L2, community: 0, what: 'summary', quarter: 1 },
      { kind: 'edit', who: L1, community: 0, what: 'resolve', quarter: 1 },
      { kind: 'territoryEdit' },
      { kind: 'relay', a: L2, b: COORD, c: D2 },
      { kind: 'relay', a: D2, b: COORD, c: L1 },
      { kind: 'send', from: L1, to: COORD, delivery: 'held' },
      { kind: 'misdirected', from: COORD, to: L1 },
      { kind: 'misdirected', from: D2, to: L2 },
      { kind: 'deliverHeld', pick: 0 },
      { kind: 'replay', pick: 3 },
    ];
    for (const [i, step] of steps.entries()) {
      for (const c of world.computers) c.clock.advance(60_000);
      run(world, step);
      assertEveryoneWithinScope(world, `after step ${i + 1} ${JSON.stringify(step)}`);
    }
    // The concurrent narratives of D1 and L1 met as a conflict, which L1 resolved.
    const merges = [...world.writes.values()].flat().filter((w) => w.value.startsWith('"merge by l1'));
    expect(merges).toHaveLength(1);
    // The coordinator's full bundle holds B and C, D2's holds B: L1 and L2 refused them.
    expect(world.refused).toBe(2);
    syncThroughCoordinator(world);
    assertEveryoneWithinScope(world, 'after syncing through the coordinator');
    assertConvergedPerPartition(world);
    assertNothingLost(world);
  });

  it('converge per partition, never hold a row outside their read scope, and lose nobody’s edit', () => {
    // Set up (and checked) once; each run starts from copies of the five databases.
    world = setUp();
    assertEveryoneWithinScope(world, 'after enrolment');
    template = templateOf(world);
    world = undefined;
    try {
      fc.assert(
        fc.property(fc.array(stepArb, { minLength: 10, maxLength: 30, size: 'medium' }), (steps) => {
          tearDown(world);
          world = fromTemplate(template!);
          assertEveryoneWithinScope(world, 'the copies, before the first step');
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
        { numRuns, seed, interruptAfterTimeLimit: process.env.PROPERTY_RUNS ? 3_600_000 : 100_000 },
      );
    } catch (error) {
      const cause = (error as Error).cause;
      expect.fail(`PROPERTY_SEED=${seed}\n${(error as Error).message}${cause instanceof Error ? `\n${cause.message}` : ''}`);
    }
  }, process.env.PROPERTY_RUNS ? 3_600_000 : 180_000);
});
