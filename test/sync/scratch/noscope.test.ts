import fc from 'fast-check';
import { it } from 'vitest';
import { assertConvergedPerPartition, assertNothingLost, run, setUp, stepArb, syncThroughCoordinator, tearDown } from '../support/need-to-know-world';
it('machinery without the scope checks (main has no partitions)', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 10, maxLength: 30, size: 'medium' }), (steps) => {
      const world = setUp();
      try {
        for (const step of steps) {
          for (const c of world.computers) c.clock.advance(60_000);
          run(world, step);
        }
        syncThroughCoordinator(world);
        assertConvergedPerPartition(world);
        assertNothingLost(world);
        console.log(JSON.stringify({ steps: steps.length, delivered: world.delivered.length, held: world.held.length, created: world.created.length, writes: [...world.writes.values()].reduce((a, w) => a + w.length, 0), conflicts: [...world.writes.values()].filter((w) => { const s = new Set<string>(); for (const x of w) for (const y of x.seen) s.add(y); return w.filter((x) => !s.has(x.value)).length > 1; }).length }));
      } finally {
        tearDown(world);
      }
    }),
    { numRuns: 4, seed: 42 },
  );
}, 300_000);
