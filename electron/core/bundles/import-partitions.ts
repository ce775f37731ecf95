import { msg } from '../../../shared/core-messages';
import { type ChangesetBody, partitionOfChangeset } from '../changelog/changeset-body';
import type { CoreContext } from '../changelog/core-context';
import {
  derivedPartition,
  fixedPartition,
  fixPartition,
  LEGACY_PARTITION,
  mayReference,
  PARTITION_REFERENCES,
  partitionLabel,
  partitionOfRow,
  referencedIds,
  rememberingFixedPartitions,
} from '../changelog/partitions';
import type { ReplicatedTableName } from '../changelog/replicated-tables';
import { type FieldLookup, memoizedLookup, storedFieldLookup } from '../changelog/row-community';
import { refuse } from './bundle-refusal';

/**
 * Partitions held on import, on the result (inside the import's transaction, after the changesets
 * are applied): every row a changeset touches must be of that changeset's partition (else the
 * changeset is damaged or forged), must stay in the partition fixed when it was created here, and
 * may refer only to rows of its own partition or the territory. A row first seen here gets its
 * partition fixed now. A legacy changeset ('*', before partitions) may touch any partition: each
 * of its rows is placed by its fields.
 */
export function checkImportedPartitions(
  ctx: CoreContext,
  fresh: ReadonlyArray<{ body: ChangesetBody }>,
  waitingBefore: ReadonlyArray<{ table: string; rowId: string }> = [],
  fieldLookup: FieldLookup = storedFieldLookup(ctx),
): void {
  rememberingFixedPartitions(ctx.sqlite, () => checkPartitions(ctx, fresh, waitingBefore, fieldLookup));
}

function checkPartitions(ctx: CoreContext, fresh: ReadonlyArray<{ body: ChangesetBody }>, waitingBefore: ReadonlyArray<{ table: string; rowId: string }>, fieldLookup: FieldLookup): void {
  const sqlite = ctx.sqlite;
  // No field changes while this runs (only row_partitions is written): each field is read once.
  const lookup = memoizedLookup(fieldLookup);
  const label = (partition: string) => partitionLabel(sqlite, partition);
  // A row that was waiting for its parent is placed by that parent once it arrives: it must land in
  // the partition fixed when the row arrived (a forged "parent" in another community cannot adopt it).
  for (const row of waitingBefore) {
    const table = row.table as ReplicatedTableName;
    const fixed = fixedPartition(sqlite, table, row.rowId);
    const derived = derivedPartition(sqlite, lookup, table, row.rowId);
    if (fixed !== undefined && derived !== undefined && fixed !== derived) refuse('out_of_scope', msg('import.rowMoved', { from: label(fixed), to: label(derived) }));
  }
  // Per table, each row's partition once placed (no key string built per op: an import has tens of thousands).
  const placedIn = new Map<string, Map<string, string | undefined>>();
  for (const { body } of fresh) {
    const partition = partitionOfChangeset(body);
    for (const op of body.ops) {
      const table = op.table as ReplicatedTableName;
      let placed = placedIn.get(table);
      if (!placed) placedIn.set(table, (placed = new Map()));
      if (!placed.has(op.rowId)) {
        const fixed = fixedPartition(sqlite, table, op.rowId);
        const derived = derivedPartition(sqlite, lookup, table, op.rowId);
        if (fixed !== undefined && derived !== undefined && fixed !== derived) refuse('out_of_scope', msg('import.rowMoved', { from: label(fixed), to: label(derived) }));
        const actual = fixed ?? derived;
        if (partition !== LEGACY_PARTITION && actual !== undefined && actual !== partition) refuse('forged', msg('import.partitionMismatch', { partition: label(partition), other: label(actual) }));
        // A row whose parent is not here yet (it waits, hidden) takes the partition its changeset names.
        const settled = actual ?? (partition === LEGACY_PARTITION ? undefined : partition);
        if (fixed === undefined && settled !== undefined) fixPartition(sqlite, table, op.rowId, settled);
        placed.set(op.rowId, settled);
      }
      const rowPartition = placed.get(op.rowId);
      const target = PARTITION_REFERENCES[table]?.[op.field];
      // Changes made before partitions were written under no such rule: they are placed, not judged.
      if (!target || rowPartition === undefined || partition === LEGACY_PARTITION) continue;
      for (const id of referencedIds(op.value)) {
        const referenced = partitionOfRow(sqlite, lookup, target, id);
        if (referenced !== undefined && !mayReference(rowPartition, referenced)) refuse('out_of_scope', msg('import.crossReference', { from: label(rowPartition), to: label(referenced) }));
      }
    }
  }
}
