/**
 * The world of the need-to-know property test (issue 11, "Done when" #1): five enrolled computers
 * with different read scopes trading bundles, and what the test itself knows about rows,
 * partitions and writes — derived from the data, never from the code under test's bookkeeping.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect } from 'vitest';
import { naturalIds } from '../../../electron/core/changelog/deterministic-id';
import { splitVectorKey } from '../../../electron/core/changelog/partitions';
import { replicatedTables, type ReplicatedTableName, sqlColumnName, sqlTableName } from '../../../electron/core/changelog/replicated-tables';
import type { Conflict } from '../../../shared/domain';
import { sequentialIds } from '../../../electron/core/changelog/clock';
import type { Result } from '../../../shared/result';
import { addCommunity, agreedPlan, bundlePath, databaseState, isPlainSentence, makeTestDir, openTestCore } from '../../support';
import { type Computer, enrolNew, newComputer } from './territory';

export const TERRITORY = 'territory';
export const LEGACY = '*';
const YEAR = 2025;

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

/** Checks the computer's heads against the writes it holds, then performs and records a write. */
function trackedWrite(world: World, c: Computer, key: string, value: unknown, write: () => void): void {
  const known = knownValues(c, key);
  const recorded = world.writes.get(key) ?? [];
  const unrecorded = known.filter((v) => !recorded.some((w) => w.value === v));
  expect(unrecorded, `${c.label}: ops on ${key} that the test did not write`).toEqual([]);
  const knownSet = new Set(known);
  expect(headValues(c, key), `${c.label}: heads of ${key} before a write`).toEqual(maximal(recorded.filter((w) => knownSet.has(w.value))));
  write();
  recorded.push({ value: JSON.stringify(value), seen: knownSet });
  world.writes.set(key, recorded);
}

/** Records what the coordinator wrote while setting up, in order (each saw those before it). */
function recordBaseline(world: World, c: Computer, key: string, partition: string): void {
  const [table, rowId, field] = splitKey(key);
  const values = c.core.context.sqlite
    .prepare(
      `SELECT o.value FROM change_ops o JOIN changesets c ON c.id = o.changeset_id
        WHERE o.table_name = ? AND o.row_id = ? AND o.field = ? ORDER BY c.seq, o.position`,
    )
    .pluck()
    .all(table, rowId, field) as string[];
  world.writes.set(key, values.map((value, i) => ({ value, seen: new Set(values.slice(0, i)) })));
  world.keyPartition.set(key, partition);
}

/**
 * The territory: a coordinator with three communities' agreed plans, then (enrolled by files, so
 * each enrolment bundle is the first thing a computer receives) detachment D1 for A, detachment D2
 * for B and C, community office L1 for A, community office L2 for C.
 */
export function setUp(): World {
  const coord = newComputer('coord');
  const started = coord.must('territory:start', { territoryName: 'Northwest Territories', computerName: 'Justice HQ', userName: 'Dana Coordinator', locale: 'en' });
  const fingerprint = started.territory!.fingerprint;
  const names = ['Łutselk’e', 'Behchokǫ̀', 'Gamètì'];
  const ids = [
    addCommunity(coord, names[0]!, { detachment: 'Łutselk’e detachment' }),
    addCommunity(coord, names[1]!, { detachment: 'Behchokǫ̀ detachment' }),
    addCommunity(coord, names[2]!),
  ];
  const [A, B, C] = ids as [string, string, string];
  const world: World = {
    computers: [],
    scopes: new Map(),
    changeable: new Map(),
    communities: [],
    partitions: new Map(),
    writes: new Map(),
    keyPartition: new Map(),
    created: [],
    held: [],
    delivered: [],
    refused: 0,
    counter: 0,
    name: (p) => (p === TERRITORY ? 'the territory' : (names[ids.indexOf(p)] ?? p)),
  };
  coord.must('organisations:create', { name: 'Territorial victim services', kind: 'victim_services', communityId: null });
  for (const [i, id] of ids.entries()) {
    const { plan, actions, indicator } = agreedPlan(coord, id, YEAR, [`Patrols in ${names[i]}`, `School visits in ${names[i]}`]);
    coord.must('plans:openRevision', { planId: plan.id, reason: 'Mid-year review' });
    const entry = coord.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: `First patrols in ${names[i]}` });
    coord.must('organisations:create', { name: `${names[i]} health centre`, kind: 'health', communityId: id });
    world.communities.push({ id, name: names[i]!, planId: plan.id, actionId: actions[0]!.id, indicatorId: indicator.id });
    recordBaseline(world, coord, keyOf('progressEntries', entry.id, 'narrative'), id);
    recordBaseline(world, coord, keyOf('plans', plan.id, 'summary'), id);
    for (const q of [1, 2]) recordBaseline(world, coord, keyOf('indicatorValues', naturalIds.indicatorValue(indicator.id, YEAR, q), 'value'), id);
  }
  const d1 = enrolNew(coord, 'd1', 'detachment', [A], fingerprint);
  const d2 = enrolNew(coord, 'd2', 'detachment', [B, C], fingerprint);
  const l1 = enrolNew(coord, 'l1', 'liaison', [A], fingerprint);
  const l2 = enrolNew(coord, 'l2', 'liaison', [C], fingerprint);
  world.computers.push(coord, d1, d2, l1, l2);
  const scoped = (c: Computer, communities: string[] | null) => {
    world.scopes.set(c.label, communities === null ? { all: true } : { all: false, communities: new Set(communities) });
    world.changeable.set(c.label, communities ?? ids);
  };
  scoped(coord, null);
  scoped(d1, [A]);
  scoped(d2, [B, C]);
  scoped(l1, [A]);
  scoped(l2, [C]);
  // Learn every row's partition where the whole territory is held.
  for (const violation of scan(world, coord)) throw new Error(`the coordinator's own data: ${violation.what}`);
  return world;
}

/**
 * Setting up costs four enrolments (each a passphrase-protected bundle, scrypt both ways): the
 * property sets up once, closes the five databases, and gives each run copies of them.
 */
export interface Template {
  world: World;
  computers: Array<{ label: string; dir: string; keys: { publicKey: string; privateKey: string } }>;
}

/** Closes a freshly set-up world's databases and keeps them as the template. */
export function templateOf(world: World): Template {
  const computers = world.computers.map((c) => {
    const keys = { ...c.core.context.keys } as { publicKey: string; privateKey: string };
    c.core.close();
    return { label: c.label, dir: c.dir, keys };
  });
  return { world, computers };
}

let copies = 0;
/** A fresh world from the template: copied databases (and key files), ids that cannot meet the template's. */
export function fromTemplate(template: Template): World {
  const run = ++copies;
  const computers = template.computers.map(({ label, dir, keys }) => {
    const copy = makeTestDir();
    fs.cpSync(dir, copy, { recursive: true, filter: (source) => !source.endsWith('.planbundle') });
    const t = openTestCore({ label, dir: copy, fileName: `${label}.db`, backupFolder: `${label}-backups`, ids: sequentialIds(`${label}r${run}x`), profile: null, keys });
    return { ...t, label, call: (method, input) => t.core.invoke(method, input) as Result<unknown> } satisfies Computer;
  });
  const w = template.world;
  return {
    ...w,
    computers,
    partitions: new Map(w.partitions),
    writes: new Map([...w.writes].map(([key, writes]) => [key, writes.map((x) => ({ value: x.value, seen: new Set(x.seen) }))])),
    keyPartition: new Map(w.keyPartition),
    created: [...w.created],
    held: [],
    delivered: [],
    refused: 0,
  };
}

export function dropTemplate(template: Template | undefined): void {
  for (const c of template?.computers ?? []) fs.rmSync(c.dir, { recursive: true, force: true });
}

export function tearDown(world: World | undefined): void {
  for (const c of world?.computers ?? []) {
    c.core.close();
    fs.rmSync(c.dir, { recursive: true, force: true });
  }
}

// --- Steps ------------------------------------------------------------------------------------------

export type Delivery = 'once' | 'twice' | 'lost' | 'held';
export type EditKind = 'narrative' | 'summary' | 'indicator' | 'priority' | 'action' | 'organisation' | 'resolve';
export type Step =
  | { kind: 'edit'; who: number; community: number; what: EditKind; quarter: 1 | 2 }
  | { kind: 'territoryEdit' }
  | { kind: 'send'; from: number; to: number; delivery: Delivery }
  | { kind: 'relay'; a: number; b: number; c: number }
  | { kind: 'misdirected'; from: number; to: number }
  | { kind: 'deliverHeld' | 'replay'; pick: number };

const who = fc.nat(4);
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      who,
      community: fc.nat(2),
      what: fc.constantFrom<EditKind>('narrative', 'narrative', 'summary', 'indicator', 'priority', 'action', 'organisation', 'resolve'),
      quarter: fc.constantFrom(1 as const, 2 as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('territoryEdit' as const) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('send' as const), from: who, to: who, delivery: fc.constantFrom<Delivery>('once', 'once', 'twice', 'lost', 'held') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('relay' as const), a: who, b: who, c: who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('misdirected' as const), from: who, to: who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('deliverHeld' as const, 'replay' as const), pick: fc.nat() }) },
);

/** A unique text value for a field. */
const token = (world: World, c: Computer, kind: string) => `${kind} by ${c.label} #${++world.counter}`;

export function knowsAsPeer(from: Computer, to: Computer): boolean {
  const id = to.must('sync:whoami', {}).installationId;
  return from.must('peers:list', {}).some((p) => p.installationId === id && p.trustedAt !== null && p.revokedAt === null);
}

function exportTo(from: Computer, to: Computer | null): string {
  const file = bundlePath(from, `${from.label}-to-${to?.label ?? 'all'}`);
  from.must('bundles:export', { ...(to ? { to: to.must('sync:whoami', {}).installationId } : { full: true }), file, encrypt: false });
  return file;
}

function deliver(world: World, parcel: Parcel): number {
  const result = world.computers[parcel.to]!.must('bundles:import', { file: parcel.file });
  world.delivered.push(parcel);
  return result.newChangesetCount;
}

/**
 * A bundle from one computer to another, as a person would make it: to a known peer, what it has
 * not acknowledged (the sender keeps only what the peer may read); to a computer not met yet, a
 * full bundle — only where everything the sender reads, the recipient reads too.
 */
export function send(world: World, from: number, to: number, delivery: Delivery): number {
  if (from === to) return 0;
  const [x, y] = [world.computers[from]!, world.computers[to]!];
  let file: string;
  if (knowsAsPeer(x, y)) file = exportTo(x, y);
  else if (scopeIncludes(world.scopes.get(y.label)!, world.scopes.get(x.label)!)) file = exportTo(x, null);
  else return 0;
  const parcel = { file, from, to };
  switch (delivery) {
    case 'lost':
      return 0;
    case 'held':
      world.held.push(parcel);
      return 0;
    case 'twice': {
      const fresh = deliver(world, parcel);
      expect(deliver(world, parcel), 'a second import of the same bundle').toBe(0);
      return fresh;
    }
    default:
      return deliver(world, parcel);
  }
}

/**
 * A full bundle carried to a computer of a narrower scope (a mistake): it is either accepted —
 * then it held nothing outside the recipient's scope — or refused with a sentence, nothing
 * applied. The scan after the step tells the rest.
 */
function misdirected(world: World, from: number, to: number): void {
  if (from === to) return;
  const [x, y] = [world.computers[from]!, world.computers[to]!];
  const file = exportTo(x, null);
  const before = databaseState(y);
  const result = y.call('bundles:import', { file });
  if (result.ok) return;
  expect(isPlainSentence(result.error.message), `${y.label} refused ${x.label}'s full bundle with: ${result.error.message}`).toBe(true);
  expect(databaseState(y), `${y.label} after refusing ${x.label}'s full bundle`).toEqual(before);
  world.refused++;
}

export function trackedConflicts(world: World, c: Computer, communityId: string): Conflict[] {
  return c
    .must('conflicts:list', {})
    .filter((k) => k.kind === 'concurrent_edit' && world.writes.has(keyOf(k.table, k.rowId, k.field)) && world.keyPartition.get(keyOf(k.table, k.rowId, k.field)) === communityId);
}

function created(world: World, c: Computer, table: ReplicatedTableName, rowId: string, field: string, value: string, partition: string): void {
  world.created.push({ table, rowId, field, value, partition, by: c.label });
  world.partitions.set(rowKey(table, rowId), partition);
}

function edit(world: World, step: Extract<Step, { kind: 'edit' }>): void {
  const c = world.computers[step.who % world.computers.length]!;
  const mine = world.changeable.get(c.label)!;
  const communityId = mine[step.community % mine.length]!;
  const community = world.communities.find((k) => k.id === communityId)!;
  switch (step.what) {
    case 'narrative': {
      const narrative = token(world, c, 'narrative');
      const entryId = naturalIds.progressEntry(community.actionId, YEAR, 1);
      trackedWrite(world, c, keyOf('progressEntries', entryId, 'narrative'), narrative, () => {
        c.must('progress:record', { actionId: community.actionId, quarter: 1, status: 'on_track', narrative });
      });
      return;
    }
    case 'summary': {
      const summary = token(world, c, 'summary');
      trackedWrite(world, c, keyOf('plans', community.planId, 'summary'), summary, () => {
        c.must('plans:update', { planId: community.planId, summary });
      });
      return;
    }
    case 'indicator': {
      const value = ++world.counter;
      const rowId = naturalIds.indicatorValue(community.indicatorId, YEAR, step.quarter);
      trackedWrite(world, c, keyOf('indicatorValues', rowId, 'value'), value, () => {
        c.must('indicators:recordValue', { indicatorId: community.indicatorId, quarter: step.quarter, value });
      });
      return;
    }
    case 'priority': {
      const title = token(world, c, 'priority');
      const priority = c.must('priorities:add', { planId: community.planId, title, zone: 'prevention' });
      created(world, c, 'priorities', priority.id, 'title', title, communityId);
      return;
    }
    case 'action': {
      // Under the newest priority this computer holds, often one another computer made.
      const priority = c.must('plans:get', { planId: community.planId }).priorities.at(-1)!;
      const title = token(world, c, 'action');
      const action = c.must('actions:add', { priorityId: priority.id, title, owner: 'joint' });
      created(world, c, 'actions', action.id, 'title', title, communityId);
      return;
    }
    case 'organisation': {
      const name = token(world, c, 'organisation');
      const organisation = c.must('organisations:create', { name, kind: 'other', communityId });
      created(world, c, 'organisations', organisation.id, 'name', name, communityId);
      return;
    }
    case 'resolve': {
      const conflict = trackedConflicts(world, c, communityId)[0];
      if (!conflict) return;
      const numeric = conflict.table === 'indicatorValues';
      const merged = numeric ? String(++world.counter) : token(world, c, 'merge');
      trackedWrite(world, c, keyOf(conflict.table, conflict.rowId, conflict.field), numeric ? Number(merged) : merged, () => {
        c.must('conflicts:resolve', { conflictId: conflict.id, value: merged });
      });
      return;
    }
  }
}

export function run(world: World, step: Step): void {
  const n = world.computers.length;
  switch (step.kind) {
    case 'edit':
      edit(world, step);
      return;
    case 'territoryEdit': {
      const coord = world.computers[0]!;
      const name = token(world, coord, 'territorial organisation');
      const organisation = coord.must('organisations:create', { name, kind: 'justice', communityId: null });
      created(world, coord, 'organisations', organisation.id, 'name', name, TERRITORY);
      return;
    }
    case 'send':
      send(world, step.from % n, step.to % n, step.delivery);
      return;
    case 'relay':
      send(world, step.a % n, step.b % n, 'once');
      send(world, step.b % n, step.c % n, 'once');
      return;
    case 'misdirected':
      misdirected(world, step.from % n, step.to % n);
      return;
    case 'deliverHeld': {
      if (world.held.length === 0) return;
      const [parcel] = world.held.splice(step.pick % world.held.length, 1);
      deliver(world, parcel!);
      return;
    }
    case 'replay': {
      if (world.delivered.length === 0) return;
      const parcel = world.delivered[step.pick % world.delivered.length]!;
      expect(deliver(world, parcel), 'a late duplicate of a bundle already imported').toBe(0);
      return;
    }
  }
}

// --- The end: quiescence and the checks ----------------------------------------------------------

/** Everyone ↔ the coordinator until a whole round brings nothing new. */
export function syncThroughCoordinator(world: World): void {
  const n = world.computers.length;
  for (let round = 0; round < 6; round++) {
    let fresh = 0;
    for (let i = 1; i < n; i++) fresh += send(world, i, 0, 'once');
    for (let i = 1; i < n; i++) fresh += send(world, 0, i, 'once');
    if (fresh === 0) return;
  }
  throw new Error('the computers were still exchanging new changesets after 6 rounds through the coordinator');
}

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
