import type Database from 'better-sqlite3';
import { type IdRecord, idRecord } from '../../../shared/id-record';

/** Highest contiguous seq held per origin: what this installation can say it has. */
export function versionVector(sqlite: Database.Database): IdRecord<number> {
  const vector = new Map<string, number>();
  const rows = sqlite.prepare('SELECT origin, seq FROM changesets ORDER BY origin, seq').raw().all() as Array<[string, number]>;
  for (const [origin, seq] of rows) {
    const have = vector.get(origin) ?? 0;
    if (seq === have + 1) vector.set(origin, seq);
    else if (!vector.has(origin)) vector.set(origin, 0);
  }
  return idRecord([...vector].filter(([, seq]) => seq > 0));
}
