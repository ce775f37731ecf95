import { it } from 'vitest';
import { setUp, tearDown, scan } from '../support/need-to-know-world';
it('time', () => {
  let t = Date.now();
  const w = setUp();
  console.log('setup', Date.now() - t);
  t = Date.now();
  for (const c of w.computers) console.log(c.label, scan(w, c).length);
  console.log('scan', Date.now() - t);
  tearDown(w);
});
