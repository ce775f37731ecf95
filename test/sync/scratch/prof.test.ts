import fc from 'fast-check';
import { it } from 'vitest';
import { assertConvergedPerPartition, assertEveryoneWithinScope, assertNothingLost, run, setUp, stepArb, syncThroughCoordinator, tearDown } from '../support/need-to-know-world';
it('prof', () => {
  const t = { setup: 0, steps: 0, scan: 0, end: 0 };
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 10, maxLength: 30, size: 'medium' }), (steps) => {
      let m = Date.now();
      const lap = (k: keyof typeof t) => { t[k] += Date.now() - m; m = Date.now(); };
      const world = setUp(); lap('setup');
      for (const step of steps) { run(world, step); lap('steps'); assertEveryoneWithinScope(world, 'x'); lap('scan'); }
      syncThroughCoordinator(world); assertConvergedPerPartition(world); assertNothingLost(world); lap('end');
      tearDown(world);
    }),
    { numRuns: 4, seed: 7 },
  );
  console.log(JSON.stringify(t));
}, 300_000);
