/**
 * Partitions and read scope (issue 11 §1).
 *
 * Every replicated row belongs to one partition, fixed when the row is created: a community (its
 * plans and everything under them, its own organisations and people) or the territory (the
 * communities list, regions, detachments, themes, commitments, milestones, territory-wide
 * organisations and people). A changeset belongs to one partition; sequence numbers, version
 * vectors and acknowledgements are kept per (origin, partition). A computer's read scope is its
 * certificate's communities plus the territory (the coordinator, and an unenrolled scratch
 * database: everything); it is sent, and accepts, only the partitions in that scope.
 *
 * Changesets written before partitions existed carry the legacy partition '*': they go only to
 * computers that read everything.
 */
import type Database from 'better-sqlite3';
import { type MessageRef, msg } from '../../../shared/core-messages';
import type { CoreContext } from './core-context';
import type { ReplicatedTableName } from './replicated-tables';
import { type FieldLookup, OWNERSHIP } from './row-community';

export const TERRITORY_PARTITION = 'territory';
export const LEGACY_PARTITION = '*';

/** What a computer may hold: everything, or these communities plus the territory. */
export type ReadScope = { all: true } | { all: false; communities: string[]; revoked?: boolean };

export const READ_ALL: ReadScope = { all: true };

/** The partition of a community's rows; null (territory-wide) is the territory. */
export function partitionOfCommunity(communityId: string | null): string {
  return communityId ?? TERRITORY_PARTITION;
}

/** The community a partition stands for; null for the territory and the legacy partition. */
export function communityOfPartition(partition: string): string | null {
  return partition === TERRITORY_PARTITION || partition === LEGACY_PARTITION ? null : partition;
}

/**
 * Fields that name another row: a row may reference rows of its own partition or of the
 * territory, never of another community. (References to tables that are always territory data —
 * themes, commitments, communities, detachments — need no check.)
 */
export const PARTITION_REFERENCES: Partial<Record<ReplicatedTableName, Record<string, ReplicatedTableName>>> = {
  actions: { leadPersonId: 'people', partnerOrganisationIds: 'organisations', continuesActionId: 'actions' },
  people: { organisationId: 'organisations' },
  priorities: { continuesPriorityId: 'priorities' },
  indicators: { continuesIndicatorId: 'indicators' },
  plans: { copiedFromPlanId: 'plans' },
  reportComments: { actionId: 'actions' },
  practiceProposals: { actionId: 'actions', contactPersonId: 'people', indicatorIds: 'indicators', practiceId: 'practices' },
  practices: { contactPersonId: 'people' },

  engagements: { participantPersonIds: 'people', participantOrganisationIds: 'organisations', priorityIds: 'priorities', actionIds: 'actions' },

  reportSubmissions: { resubmittedAfter: 'reportReviews' },
};

/** The ids a reference field's value names (one id, or a list of them). */
export function referencedIds(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const fixedStatements = new WeakMap<Database.Database, { get: Database.Statement; put: Database.Statement }>();
function fixedStatementsOf(sqlite: Database.Database) {
  let s = fixedStatements.get(sqlite);
  if (!s) {
    s = {
      get: sqlite.prepare('SELECT partition FROM row_partitions WHERE table_name = ? AND row_id = ?').pluck(),
      put: sqlite.prepare('INSERT OR IGNORE INTO row_partitions (table_name, row_id, partition) VALUES (?, ?, ?)'),
    };
    fixedStatements.set(sqlite, s);
  }
  return s;
}

/** Fixed partitions remembered during `rememberingFixedPartitions` (per database): per table, per row. */
const remembered = new WeakMap<Database.Database, Map<string, Map<string, string | undefined>>>();

/**
 * Runs `work` remembering every fixed partition it reads or records (an import places thousands of
 * rows, most under the same few parents). Only for work that changes row_partitions through
 * `fixPartition` alone and rolls nothing back inside itself.
 */
export function rememberingFixedPartitions<T>(sqlite: Database.Database, work: () => T): T {
  if (remembered.has(sqlite)) return work();
  remembered.set(sqlite, new Map());
  try {
    return work();
  } finally {
    remembered.delete(sqlite);
  }
}

function memoOf(sqlite: Database.Database, table: string): Map<string, string | undefined> | undefined {
  const perTable = remembered.get(sqlite);
  if (!perTable) return undefined;
  let rows = perTable.get(table);
  if (!rows) perTable.set(table, (rows = new Map()));
  return rows;
}

/** The partition recorded for a row when it was first created here; undefined when none is. */
export function fixedPartition(sqlite: Database.Database, table: string, rowId: string): string | undefined {
  const memo = memoOf(sqlite, table);
  if (memo?.has(rowId)) return memo.get(rowId);
  const fixed = fixedStatementsOf(sqlite).get.get(table, rowId) as string | undefined;
  memo?.set(rowId, fixed);
  return fixed;
}

/** Records a row's partition, once: a later call for the same row changes nothing. */
export function fixPartition(sqlite: Database.Database, table: string, rowId: string, partition: string): void {
  const memo = memoOf(sqlite, table);
  if (memo?.get(rowId) !== undefined) return; // already fixed: INSERT OR IGNORE would change nothing
  const stored = fixedStatementsOf(sqlite).put.run(table, rowId, partition).changes === 1;
  if (!memo) return;
  // Recorded now, or already recorded (not read yet here): read again when next asked.
  if (stored) memo.set(rowId, partition);
  else memo.delete(rowId);
}

/**
 * The partition a row's fields place it in today (its own community field, or its parent's
 * partition); undefined when it cannot be told (a parent neither here nor recorded).
 */
export function derivedPartition(sqlite: Database.Database, lookup: FieldLookup, table: ReplicatedTableName, rowId: string, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  const rule = OWNERSHIP[table];
  // A kind of record a newer planner made: this one cannot tell (version-compat; its ops are kept, never applied here).
  if (rule === undefined) return undefined;
  // The communities list is territory data (for permissions a community "owns" itself).
  if (rule.via === 'self' || rule.via === 'territory') return TERRITORY_PARTITION;
  const value = lookup(table, rowId, rule.field);
  if (rule.parent === 'community') {
    if (value === null) return TERRITORY_PARTITION;
    return typeof value === 'string' ? value : undefined;
  }
  if (typeof value !== 'string') return undefined;
  return partitionOfRow(sqlite, lookup, rule.parent, value, depth + 1);
}

/** A row's partition: the one fixed at its creation, else the one its fields give. */
export function partitionOfRow(sqlite: Database.Database, lookup: FieldLookup, table: ReplicatedTableName, rowId: string, depth = 0): string | undefined {
  return fixedPartition(sqlite, table, rowId) ?? derivedPartition(sqlite, lookup, table, rowId, depth);
}

/** Whether a partition may be held by a computer with this read scope. */
export function inReadScope(scope: ReadScope, partition: string): boolean {
  if (scope.all) return true;
  if (scope.revoked === true) return false;
  if (partition === TERRITORY_PARTITION) return true;
  if (partition === LEGACY_PARTITION) return false;
  return scope.communities.includes(partition);
}

/** Whether a row of `partition` may reference a row of `referenced`. */
export function mayReference(partition: string, referenced: string): boolean {
  return referenced === partition || referenced === TERRITORY_PARTITION || partition === LEGACY_PARTITION;
}

/**
 * This computer's read scope: its certificate's communities plus the territory; everything for a
 * coordinator and for a database not enrolled in a territory (a scratch or demo database).
 */
export function ownReadScope(ctx: Pick<CoreContext, 'sqlite'>): ReadScope {
  const row = ctx.sqlite.prepare('SELECT role, scope_community_ids AS scope, territory_id AS territoryId FROM installation WHERE key = 1').get() as
    | { role: string; scope: string; territoryId: string | null }
    | undefined;
  if (!row || row.territoryId === null || row.role === 'coordinator') return READ_ALL;
  return { all: false, communities: JSON.parse(row.scope) as string[] };
}

/** A version vector's key: one per (origin, partition). */
export function vectorKey(origin: string, partition: string): string {
  return `${origin} ${partition}`;
}

/** The origin and partition a version-vector key names (a key without a partition is legacy). */
export function splitVectorKey(key: string): { origin: string; partition: string } {
  const space = key.indexOf(' ');
  return space < 0 ? { origin: key, partition: LEGACY_PARTITION } : { origin: key.slice(0, space), partition: key.slice(space + 1) };
}

/** A partition named for people: the community's name, or "the territory" in the reader's language. */
export function partitionLabel(sqlite: Database.Database, partition: string): string | MessageRef {
  if (partition === TERRITORY_PARTITION) return msg('partition.territory');
  if (partition === LEGACY_PARTITION) return msg('partition.legacy');
  return (sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(partition) as string | undefined) ?? partition;
}
