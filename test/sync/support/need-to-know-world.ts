/**
 * The world of the need-to-know property test (issue 11, "Done when" #1): five enrolled computers
 * with different read scopes, the steps they take (edits within their permissions, bundles lost,
 * duplicated, held back, relayed, misdirected), and what the test remembers about every write.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { sequentialIds } from '../../../electron/core/changelog/clock';
import { naturalIds } from '../../../electron/core/changelog/deterministic-id';
import type { ReplicatedTableName } from '../../../electron/core/changelog/replicated-tables';
import type { Conflict } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { addCommunity, agreedPlan, bundlePath, databaseState, isPlainSentence, makeTestDir, openTestCore } from '../../support';
import { headValues, keyOf, knownValues, maximal, type Parcel, rowKey, scan, scopeIncludes, splitKey, TERRITORY, type World } from './need-to-know-checks';
import { type Computer, enrolNew, newComputer } from './territory';

export * from './need-to-know-checks';

const YEAR = 2025;


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
export type EditKind = 'narrative' | 'summary' | 'indicator' | 'priority' | 'action' | 'organisation' | 'resolve' | 'practice';
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
      what: fc.constantFrom<EditKind>('narrative', 'narrative', 'summary', 'indicator', 'priority', 'action', 'organisation', 'resolve', 'practice'),
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
  // A bundle to a peer is encrypted to the peer's own key (every computer here is enrolled with one); a full bundle has no recipient.
  from.must('bundles:export', { ...(to ? { to: to.must('sync:whoami', {}).installationId } : { full: true, encrypt: false }), file });
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
    case 'practice': {
      // Issue 14 §2: the coordinator publishes (territory data); a community's computer proposes (its community only).
      const title = token(world, c, 'practice');
      if (c.must('installation:get', {}).role === 'coordinator') {
        const practice = c.must('practices:publish', { title, whatWasDone: 'What was done.', status: 'tried_once' });
        created(world, c, 'practices', practice.id, 'title', title, TERRITORY);
      } else {
        const proposal = c.must('practices:propose', { communityId, title, whatWasDone: 'What was done.', status: 'tried_once' });
        created(world, c, 'practiceProposals', proposal.id, 'title', title, communityId);
      }
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
