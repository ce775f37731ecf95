import { createHash, type Hash } from 'node:crypto';
import type { CoreContext } from './core-context';
import { replicatedTables, type ReplicatedTableName, sqlColumnName, sqlTableName } from './replicated-tables';
import { listConflicts } from './conflicts';
import { partitionOfRow } from './partitions';
import { storedFieldLookup } from './row-community';
import { idRecord } from '../../../shared/id-record';

/**
 * One line that is equal on two installations exactly when their replicated data, their
 * conflict sets and their waiting rows are equal. Local-only tables (profile, peers, history of
 * exchanges) are left out; so is the order in which changesets arrived.
 */
export function replicatedDigest(ctx: CoreContext): string {
  return replicatedDigests(ctx).digest;
}

/**
 * The digest of everything this installation holds, and one per partition it holds (a community's
 * id, 'territory', or '?' for a row whose partition cannot be told yet): two installations with
 * different read scopes converge when the digests of the partitions both hold are equal.
 */
export function replicatedDigests(ctx: CoreContext): { digest: string; partitions: Record<string, string> } {
  const whole = createHash('sha256');
  const parts = new Map<string, Hash>();
  const lookup = storedFieldLookup(ctx);
  const partOf = (table: ReplicatedTableName, rowId: string) => {
    const partition = partitionOfRow(ctx.sqlite, lookup, table, rowId) ?? '?';
    let hash = parts.get(partition);
    if (!hash) parts.set(partition, (hash = createHash('sha256')));
    return hash;
  };
  // Each line goes into the whole digest and, named by its table, into its row's partition's.
  const both = (table: ReplicatedTableName, rowId: string, section: string, line: string) => {
    whole.update(line);
    partOf(table, rowId).update(`${section} ${table} ${line}`);
  };
  const isTable = (name: string): name is ReplicatedTableName => Object.prototype.hasOwnProperty.call(replicatedTables, name);
  for (const [name, entry] of Object.entries(replicatedTables).sort(([a], [b]) => a.localeCompare(b))) {
    const table = name as ReplicatedTableName;
    const columns = ['id', ...entry.fields].map((field) => sqlColumnName(table, field));
    const rows = ctx.sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${sqlTableName(table)}" ORDER BY id`).raw().all() as unknown[][];
    whole.update(`${name}\n`);
    for (const row of rows) both(table, row[0] as string, 'row', `${JSON.stringify(row)}\n`);
  }
  whole.update('conflicts\n');
  for (const c of listConflicts(ctx)) {
    const line = `${c.id} ${c.kind} ${c.heads.map((h) => h.opId).sort().join(',')}\n`;
    if (isTable(c.table)) both(c.table, c.rowId, 'conflict', line);
    else whole.update(line);
  }
  whole.update('pending\n');
  for (const row of ctx.sqlite.prepare('SELECT table_name, row_id FROM pending_rows ORDER BY table_name, row_id').raw().all() as Array<[string, string]>) {
    const line = `${JSON.stringify(row)}\n`;
    if (isTable(row[0])) both(row[0], row[1], 'pending', line);
    else whole.update(line);
  }
  const partitions = idRecord([...parts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([partition, hash]) => [partition, hash.digest('hex')]));
  return { digest: whole.digest('hex'), partitions };
}
