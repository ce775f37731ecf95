import { monotonicFactory } from 'ulid';
import type { Clock, IdGenerator } from '../core/changelog/clock';
import { mulberry32 } from './prng';

/** FNV-1a over the text: a 32-bit number to seed a stream with. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * ULIDs whose time part comes from the (fixed, demo) clock and whose random part comes from a
 * seeded generator: real-looking ids that are the same every time a territory is seeded with the
 * same seed. A separate stream from the content's, so content draws do not shift the ids. The
 * salt (an installation id) keeps two installations seeded alike from sharing changeset ids.
 */
export function seededUlids(seed: number, clock: Clock, salt = ''): IdGenerator {
  const next = monotonicFactory(mulberry32(hash32(`ids:${seed}:${salt}`)));
  return { newId: () => next(Date.parse(clock.now())) };
}
