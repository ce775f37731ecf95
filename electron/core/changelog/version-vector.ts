import type Database from 'better-sqlite3';
import { type IdRecord, idRecord } from '../../../shared/id-record';
import { vectorKey } from './partitions';

/**
 * Highest contiguous seq held per (origin, partition), keyed "origin partition" (partitions.ts
 * vectorKey): what this installation can say it has. A computer that never receives a partition
 * has no key for it, and so sees no gap.
 */
export function versionVector(sqlite: Database.Database): IdRecord<number> {
  const vector = new Map<string, number>();
  const rows = sqlite.prepare('SELECT origin, partition, seq FROM changesets ORDER BY origin, partition, seq').raw().all() as Array<[string, string, number]>;
  for (const [origin, partition, seq] of rows) {
    const key = vectorKey(origin, partition);
    const have = vector.get(key) ?? 0;
    if (seq === have + 1) vector.set(key, seq);
    else if (!vector.has(key)) vector.set(key, 0);
  }
  return idRecord([...vector].filter(([, seq]) => seq > 0));
}
