import type Database from 'better-sqlite3';

/** Highest contiguous seq held per origin: what this installation can say it has. */
export function versionVector(sqlite: Database.Database): Record<string, number> {
  const vector: Record<string, number> = {};
  const rows = sqlite.prepare('SELECT origin, seq FROM changesets ORDER BY origin, seq').raw().all() as Array<[string, number]>;
  for (const [origin, seq] of rows) {
    const have = vector[origin] ?? 0;
    if (seq === have + 1) vector[origin] = seq;
    else if (!(origin in vector)) vector[origin] = 0;
  }
  for (const key of Object.keys(vector)) if (vector[key] === 0) delete vector[key];
  return vector;
}
