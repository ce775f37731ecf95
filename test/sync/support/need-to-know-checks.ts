/**
 * What the need-to-know property test (issue 11, "Done when" #1) checks, derived from the data and
 * never from the code under test's bookkeeping: the partition of every row a computer holds (the
 * scan after every step), per-partition digests, and that no write or row was lost.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { splitVectorKey } from '../../../electron/core/changelog/partitions';
import { replicatedTables, type ReplicatedTableName, sqlColumnName, sqlTableName } from '../../../electron/core/changelog/replicated-tables';
import type { Computer } from './territory';

export const TERRITORY = 'territory';
export const LEGACY = '*';


// --- Partitions, as the test derives them -------------------------------------------------------

/**
 * How a row belongs to a partition, written here independently of the code under test: a
 * community's rows hang from its plan (or name the community themselves); reference data and
 * organisations or people with no community belong to the territory.
 */
type Rule = { via: 'territory' } | { via: 'field'; field: string; parent: ReplicatedTableName | 'community' };
const RULES: Record<ReplicatedTableName, Rule> = {
  regions: { via: 'territory' },
  detachments: { via: 'territory' },
  communities: { via: 'territory' },
  themes: { via: 'territory' },
  commitments: { via: 'territory' },
  milestones: { via: 'territory' },
  organisations: { via: 'field', field: 'communityId', parent: 'community' },
  people: { via: 'field', field: 'communityId', parent: 'community' },
  plans: { via: 'field', field: 'communityId', parent: 'community' },
  planRevisions: { via: 'field', field: 'planId', parent: 'plans' },
  priorities: { via: 'field', field: 'planId', parent: 'plans' },
  reportSubmissions: { via: 'field', field: 'planId', parent: 'plans' },
  actions: { via: 'field', field: 'priorityId', parent: 'priorities' },
  indicators: { via: 'field', field: 'priorityId', parent: 'priorities' },
  indicatorValues: { via: 'field', field: 'indicatorId', parent: 'indicators' },
  progressEntries: { via: 'field', field: 'actionId', parent: 'actions' },
  reportComments: { via: 'field', field: 'reportId', parent: 'reportSubmissions' },
  progressAmendments: { via: 'field', field: 'progressEntryId', parent: 'progressEntries' },
  attachments: { via: 'field', field: 'communityId', parent: 'community' },

  practiceProposals: { via: 'field', field: 'communityId', parent: 'community' },
  practices: { via: 'territory' },

  engagements: { via: 'field', field: 'communityId', parent: 'community' },

  reportReviews: { via: 'field', field: 'reportId', parent: 'reportSubmissions' },
};

const TABLES = Object.keys(replicatedTables).sort() as ReplicatedTableName[];
const isTable = (name: string): name is ReplicatedTableName => Object.prototype.hasOwnProperty.call(replicatedTables, name);
export const rowKey = (table: string, rowId: string) => `${table}/${rowId}`;

const statements = new WeakMap<object, Map<string, Database.Statement>>();
/** A prepared statement of this computer's database, kept (the scan runs after every step). */
function prepared(c: Computer, sql: string): Database.Statement {
  const db = c.core.context.sqlite;
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Every value one field of one row has here: its column, and every op written to it. */
function fieldValues(c: Computer, table: ReplicatedTableName, rowId: string, field: string): unknown[] {
  const values: unknown[] = [];
  const row = prepared(c, `SELECT "${sqlColumnName(table, field)}" AS v FROM "${sqlTableName(table)}" WHERE id = ?`).get(rowId) as { v: unknown } | undefined;
  if (row) values.push(row.v);
  for (const text of prepared(c, 'SELECT value FROM change_ops WHERE table_name = ? AND row_id = ? AND field = ?').pluck().all(table, rowId, field) as string[]) {
    values.push(JSON.parse(text));
  }
  return [...new Set(values)];
}

export interface Violation {
  computer: string;
  what: string;
}

/**
 * The partition of a row held by this computer, from its own data (parent chain through columns
 * and ops); where a parent has not arrived here yet, from what the test learnt elsewhere.
 */
export function partitionOf(world: World, c: Computer, table: ReplicatedTableName, rowId: string, violations: Violation[], depth = 0): string | undefined {
  const key = rowKey(table, rowId);
  const rule = RULES[table];
  let derived: string | undefined;
  if (rule.via === 'territory') derived = TERRITORY;
  else if (depth <= 8) {
    const values = fieldValues(c, table, rowId, rule.field);
    if (values.length > 1) violations.push({ computer: c.label, what: `${key}.${rule.field} has several values ${JSON.stringify(values)}: the row moved` });
    const value = values[0];
    if (values.length === 0) derived = undefined;
    else if (value === null) derived = rule.parent === 'community' && (table === 'organisations' || table === 'people') ? TERRITORY : undefined;
    else if (typeof value !== 'string') derived = undefined;
    else if (rule.parent === 'community') derived = value;
    else derived = partitionOf(world, c, rule.parent, value, violations, depth + 1);
  }
  const learnt = world.partitions.get(key);
  if (derived === undefined) return learnt;
  if (learnt === undefined) world.partitions.set(key, derived);
  else if (learnt !== derived) violations.push({ computer: c.label, what: `${key} is in partition ${derived} here, but ${learnt} elsewhere` });
  return derived;
}

export type Scope = { all: true } | { all: false; communities: ReadonlySet<string> };

export function inScope(scope: Scope, partition: string): boolean {
  if (scope.all) return true;
  return partition === TERRITORY || scope.communities.has(partition);
}

export function scopeIncludes(outer: Scope, inner: Scope): boolean {
  if (outer.all) return true;
  if (inner.all) return false;
  return [...inner.communities].every((c) => outer.communities.has(c));
}

/**
 * Scans a computer's whole database: every row of every replicated table, every op, every row
 * waiting for its parent, every changeset and every row_partitions line must be of a partition in
 * its read scope; a changeset's ops must all be rows of the changeset's own partition.
 */
export function scan(world: World, c: Computer): Violation[] {
  const db = c.core.context.sqlite;
  const scope = world.scopes.get(c.label)!;
  const violations: Violation[] = [];
  const held = new Map<string, { table: string; rowId: string }>();
  for (const table of TABLES) {
    for (const id of db.prepare(`SELECT id FROM "${sqlTableName(table)}"`).pluck().all() as string[]) held.set(rowKey(table, id), { table, rowId: id });
  }
  for (const sql of ['SELECT DISTINCT table_name AS t, row_id AS r FROM change_ops', 'SELECT table_name AS t, row_id AS r FROM pending_rows', 'SELECT table_name AS t, row_id AS r FROM row_partitions']) {
    for (const { t, r } of db.prepare(sql).all() as Array<{ t: string; r: string }>) held.set(rowKey(t, r), { table: t, rowId: r });
  }
  const partitionHere = new Map<string, string | undefined>();
  for (const [key, { table, rowId }] of held) {
    if (!isTable(table)) {
      violations.push({ computer: c.label, what: `${key}: not a replicated table` });
      continue;
    }
    const partition = partitionOf(world, c, table, rowId, violations);
    partitionHere.set(key, partition);
    if (partition === undefined) violations.push({ computer: c.label, what: `${key}: holds a row whose partition cannot be told from any data` });
    else if (!inScope(scope, partition)) violations.push({ computer: c.label, what: `${key}: holds a row of ${world.name(partition)}, outside its read scope` });
  }
  for (const { table_name, row_id, partition } of db.prepare('SELECT table_name, row_id, partition FROM row_partitions').all() as Array<{ table_name: string; row_id: string; partition: string }>) {
    const derived = partitionHere.get(rowKey(table_name, row_id));
    if (derived !== undefined && derived !== partition) violations.push({ computer: c.label, what: `row_partitions says ${rowKey(table_name, row_id)} is in ${partition}, its data says ${derived}` });
  }
  for (const cs of db.prepare('SELECT id, origin, seq, partition FROM changesets').all() as Array<{ id: string; origin: string; seq: number; partition: string }>) {
    const name = `changeset ${cs.origin}/${cs.partition}/${cs.seq}`;
    if (cs.partition === LEGACY) {
      if (!scope.all) violations.push({ computer: c.label, what: `${name}: a legacy '*' changeset on a computer that does not read everything` });
      continue;
    }
    if (!inScope(scope, cs.partition)) violations.push({ computer: c.label, what: `${name}: of ${world.name(cs.partition)}, outside its read scope` });
    for (const op of prepared(c, 'SELECT DISTINCT table_name AS t, row_id AS r FROM change_ops WHERE changeset_id = ?').all(cs.id) as Array<{ t: string; r: string }>) {
      const p = partitionHere.get(rowKey(op.t, op.r));
      if (p !== undefined && p !== cs.partition) violations.push({ computer: c.label, what: `${name} touches ${rowKey(op.t, op.r)} of partition ${p}` });
    }
  }
  return violations;
}

export function assertEveryoneWithinScope(world: World, when: string): void {
  const violations = world.computers.flatMap((c) => scan(world, c));
  expect(violations.slice(0, 12), `${when}: rows outside a read scope (${violations.length} in all)`).toEqual([]);
}

/** A digest of one partition as this computer holds it: its rows and the heads of their fields. */
export function partitionDigest(world: World, c: Computer, partition: string): string {
  const db = c.core.context.sqlite;
  const hash = createHash('sha256');
  const ignored: Violation[] = [];
  for (const table of TABLES) {
    const columns = ['id', ...replicatedTables[table].fields].map((f) => `"${sqlColumnName(table, f)}"`).join(', ');
    hash.update(`${table}\n`);
    for (const row of db.prepare(`SELECT ${columns} FROM "${sqlTableName(table)}" ORDER BY id`).raw().all() as unknown[][]) {
      if (partitionOf(world, c, table, row[0] as string, ignored) !== partition) continue;
      hash.update(`${JSON.stringify(row)}\n`);
      const heads = prepared(c, 'SELECT field, op_id FROM field_heads WHERE table_name = ? AND row_id = ? ORDER BY field, op_id').raw().all(table, row[0]);
      hash.update(`${JSON.stringify(heads)}\n`);
    }
  }
  hash.update('pending\n');
  for (const { table_name, row_id } of db.prepare('SELECT table_name, row_id FROM pending_rows ORDER BY table_name, row_id').all() as Array<{ table_name: string; row_id: string }>) {
    if (isTable(table_name) && partitionOf(world, c, table_name, row_id, ignored) === partition) hash.update(`${table_name} ${row_id}\n`);
  }
  return hash.digest('hex');
}

// --- The world ------------------------------------------------------------------------------------

export interface Write {
  value: string; // JSON text, as stored in change_ops
  seen: Set<string>;
}

export interface CommunityPlan {
  id: string;
  name: string;
  planId: string;
  actionId: string;
  indicatorId: string;
}

export interface Parcel {
  file: string;
  to: number;
  from: number;
}

export interface World {
  computers: Computer[];
  scopes: Map<string, Scope>;
  /** What each computer may change: its certificate's communities (the coordinator: all). */
  changeable: Map<string, string[]>;
  communities: CommunityPlan[];
  /** Row → partition, learnt wherever the row's parent chain was held. */
  partitions: Map<string, string>;
  /** Tracked fields, "table/rowId/field" → every write of it. */
  writes: Map<string, Write[]>;
  /** Tracked field → its partition. */
  keyPartition: Map<string, string>;
  /** Rows the test created: they must reach every computer whose scope holds their partition. */
  created: Array<{ table: ReplicatedTableName; rowId: string; field: string; value: string; partition: string; by: string }>;
  held: Parcel[];
  delivered: Parcel[];
  /** Misdirected full bundles refused (with a sentence, nothing applied). */
  refused: number;
  counter: number;
  name(partition: string): string;
}

export const keyOf = (table: string, rowId: string, field: string) => `${table}/${rowId}/${field}`;
export const splitKey = (key: string) => key.split('/') as [string, string, string];
const sqlName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function knownValues(c: Computer, key: string): string[] {
  const [table, rowId, field] = splitKey(key);
  return c.core.context.sqlite.prepare('SELECT value FROM change_ops WHERE table_name = ? AND row_id = ? AND field = ?').pluck().all(table, rowId, field) as string[];
}

export function headValues(c: Computer, key: string): string[] {
  const [table, rowId, field] = splitKey(key);
  return c.core.context.recorder.register.headsOf(table, rowId, field).map((h) => h.value).sort();
}

/** The writes nobody has seen: what the field's heads must be. */
export function maximal(writes: readonly Write[]): string[] {
  const superseded = new Set<string>();
  for (const w of writes) for (const s of w.seen) superseded.add(s);
  return writes.filter((w) => !superseded.has(w.value)).map((w) => w.value).sort();
}
// --- The end: the checks ----------------------------------------------------------------------

export function partitionsOfWorld(world: World): string[] {
  return [TERRITORY, ...world.communities.map((c) => c.id)];
}

const allEqual = (entries: ReadonlyArray<readonly [string, unknown]>) => Object.fromEntries(entries.map(([label]) => [label, entries[0]![1]]));

/**
 * Per partition, every computer holding it has the same digest of it — the test's own and the
 * core's (`sync:digest`'s partitions) — and the same version vector entries for it; no computer's
 * digest names a partition outside its scope.
 */
export function assertConvergedPerPartition(world: World): void {
  const coreDigests = new Map(world.computers.map((c) => [c.label, c.must('sync:digest', {}).partitions] as const));
  const vectors = new Map(world.computers.map((c) => [c.label, c.must('sync:status', {}).versionVector] as const));
  for (const c of world.computers) {
    const outside = Object.keys(coreDigests.get(c.label)!).filter((p) => !inScope(world.scopes.get(c.label)!, p));
    expect(outside, `${c.label}: partitions its digest names outside its read scope`).toEqual([]);
  }
  for (const partition of partitionsOfWorld(world)) {
    const holders = world.computers.filter((c) => inScope(world.scopes.get(c.label)!, partition));
    const digests = holders.map((c) => [c.label, partitionDigest(world, c, partition)] as const);
    expect(Object.fromEntries(digests), `the test's digests of ${world.name(partition)}`).toEqual(allEqual(digests));
    const core = holders.map((c) => [c.label, coreDigests.get(c.label)![partition]] as const);
    expect(core[0]![1], `the core's digest of ${world.name(partition)} on ${core[0]![0]}`).toBeDefined();
    expect(Object.fromEntries(core), `the core's digests of ${world.name(partition)}`).toEqual(allEqual(core));
    const vector = holders.map(
      (c) => [c.label, Object.fromEntries(Object.entries(vectors.get(c.label)!).filter(([key]) => splitVectorKey(key).partition === partition))] as const,
    );
    expect(Object.fromEntries(vector), `the version vectors of ${world.name(partition)}`).toEqual(allEqual(vector));
  }
}

/** Every write and every row any computer made is there on every computer whose scope holds it. */
export function assertNothingLost(world: World): void {
  for (const c of world.computers) {
    const scope = world.scopes.get(c.label)!;
    expect(c.must('sync:status', {}).waitingRowCount, `${c.label}: rows still waiting for a parent`).toBe(0);
    for (const row of world.created) {
      if (!inScope(scope, row.partition)) continue;
      const value = c.core.context.sqlite.prepare(`SELECT "${sqlColumnName(row.table, row.field)}" FROM "${sqlTableName(row.table)}" WHERE id = ?`).pluck().get(row.rowId);
      expect(value, `${c.label}: ${row.table} ${row.rowId} made by ${row.by} in ${world.name(row.partition)}`).toBe(row.value);
    }
    const conflicts = c.must('conflicts:list', {});
    for (const [key, writes] of world.writes) {
      if (!inScope(scope, world.keyPartition.get(key)!)) continue;
      const [table, rowId, field] = splitKey(key);
      const expected = maximal(writes);
      expect(headValues(c, key), `${c.label}: heads of ${key}`).toEqual(expected);
      if (expected.length === 0) continue;
      const visible = c.core.context.sqlite.prepare(`SELECT "${sqlName(field)}" FROM "${sqlName(table)}" WHERE id = ?`).pluck().get(rowId);
      expect(expected, `${c.label}: ${key} shows ${JSON.stringify(visible)}`).toContain(JSON.stringify(visible));
      const conflict = conflicts.find((k) => k.kind === 'concurrent_edit' && k.table === table && k.rowId === rowId && k.field === field);
      if (expected.length > 1) expect(conflict?.heads.map((h) => JSON.stringify(h.value)).sort(), `${c.label}: the conflict on ${key}`).toEqual(expected);
      else expect(conflict, `${c.label}: no conflict on ${key}`).toBeUndefined();
    }
  }
}
