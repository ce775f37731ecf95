import { createHash } from 'node:crypto';
import type { CoreContext } from './core-context';
import { replicatedTables, type ReplicatedTableName, sqlColumnName, sqlTableName } from './replicated-tables';
import { listConflicts } from './conflicts';

/**
 * One line that is equal on two installations exactly when their replicated data, their
 * conflict sets and their waiting rows are equal. Local-only tables (profile, peers, history of
 * exchanges) are left out; so is the order in which changesets arrived.
 */
export function replicatedDigest(ctx: CoreContext): string {
  const hash = createHash('sha256');
  for (const [name, entry] of Object.entries(replicatedTables).sort(([a], [b]) => a.localeCompare(b))) {
    const table = name as ReplicatedTableName;
    const columns = ['id', ...entry.fields].map((field) => sqlColumnName(table, field));
    const rows = ctx.sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${sqlTableName(table)}" ORDER BY id`).raw().all();
    hash.update(`${name}\n`);
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  hash.update('conflicts\n');
  for (const c of listConflicts(ctx)) hash.update(`${c.id} ${c.kind} ${c.heads.map((h) => h.opId).sort().join(',')}\n`);
  hash.update('pending\n');
  for (const row of ctx.sqlite.prepare('SELECT table_name, row_id FROM pending_rows ORDER BY table_name, row_id').raw().all()) {
    hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}
