import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { naturalIds } from '../../electron/core/changelog/deterministic-id';
import type { Conflict } from '../../shared/domain';
import { addCommunity, agreedPlan, bundlePath, exportBundle, importBundle, type Installation, makeInstallation, readParts, writeParts } from '../support';

/**
 * Issue 4, point 7: installations that edit offline and trade files in any order — duplicated,
 * lost, reordered, relayed — end with equal digests and equal conflict sets, and no edit is lost.
 *
 * The oracle: every write of a tracked field is recorded with the values its author had seen
 * (every op of that field held by the author's installation at that moment). The heads a field
 * should have are then the writes nobody has seen — exactly the multi-value register's meaning.
 * It is checked locally before every write, and everywhere at the end, where each head must be
 * the visible value or a version in that field's conflict.
 */

const PASSPHRASE = 'seal for the ice road';
const START = Date.parse('2025-05-15T12:00:00.000Z');

// --- The world: installations and what the test remembers about writes ------------------------

interface Write {
  value: string; // JSON text, as stored in change_ops
  seen: Set<string>;
}

interface World {
  insts: Installation[];
  planId: string;
  narrativeAction: string;
  fateAction: string;
  indicatorId: string;
  /** Tracked fields, "table/rowId/field" → every write of it. */
  writes: Map<string, Write[]>;
  held: Array<{ file: string; to: number; passphrase: string | null }>;
  delivered: Array<{ file: string; to: number; passphrase: string | null }>;
  counter: number;
}

const keyOf = (table: string, rowId: string, field: string) => `${table}/${rowId}/${field}`;
const splitKey = (key: string) => key.split('/') as [string, string, string];
const sqlName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Values of every op of the field this installation holds. */
function knownValues(inst: Installation, key: string): string[] {
  const [table, rowId, field] = splitKey(key);
  return inst.core.context.sqlite.prepare('SELECT value FROM change_ops WHERE table_name = ? AND row_id = ? AND field = ?').pluck().all(table, rowId, field) as string[];
}

function headValues(inst: Installation, key: string): string[] {
  const [table, rowId, field] = splitKey(key);
  return inst.core.context.recorder.register.headsOf(table, rowId, field).map((h) => h.value).sort();
}

/** The writes nobody has seen: what the field's heads must be. */
function maximal(writes: readonly Write[]): string[] {
  const superseded = new Set<string>();
  for (const w of writes) for (const s of w.seen) superseded.add(s);
  return writes.filter((w) => !superseded.has(w.value)).map((w) => w.value).sort();
}

/** Checks the installation's heads against the writes it holds, then performs and records a write. */
function trackedWrite(world: World, inst: Installation, key: string, value: unknown, write: () => boolean): void {
  const known = knownValues(inst, key);
  const recorded = world.writes.get(key) ?? [];
  const unrecorded = known.filter((v) => !recorded.some((w) => w.value === v));
  expect(unrecorded, `${inst.label}: ops on ${key} that the test did not write`).toEqual([]);
  const knownSet = new Set(known);
  expect(headValues(inst, key), `${inst.label}: heads of ${key} before a write`).toEqual(maximal(recorded.filter((w) => knownSet.has(w.value))));
  if (!write()) return;
  recorded.push({ value: JSON.stringify(value), seen: knownSet });
  world.writes.set(key, recorded);
}

/** Records what the coordinator wrote while setting up, in order (each saw those before it). */
function recordBaseline(world: World, inst: Installation, key: string): void {
  const [table, rowId, field] = splitKey(key);
  const values = inst.core.context.sqlite
    .prepare(
      `SELECT o.value FROM change_ops o JOIN changesets c ON c.id = o.changeset_id
        WHERE o.table_name = ? AND o.row_id = ? AND o.field = ? ORDER BY c.seq, o.position`,
    )
    .pluck()
    .all(table, rowId, field) as string[];
  world.writes.set(key, values.map((value, i) => ({ value, seen: new Set(values.slice(0, i)) })));
}

function setUp(count: number, skewsMs: number[]): World {
  const insts = Array.from({ length: count }, (_, i) =>
    makeInstallation(`i${i}`, { idPrefix: `i${i}x`, now: new Date(START + (skewsMs[i] ?? 0)).toISOString() }),
  );
  const [coord] = insts as [Installation];
  const community = addCommunity(coord, 'Dettah');
  const { plan, actions, indicator } = agreedPlan(coord, community, 2025, ['Patrols on the ice road', 'School visits']);
  coord.must('plans:openRevision', { planId: plan.id, reason: 'Mid-year review' });
  const entry = coord.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'First patrols done' });
  const world: World = {
    insts,
    planId: plan.id,
    narrativeAction: actions[0]!.id,
    fateAction: actions[1]!.id,
    indicatorId: indicator.id,
    writes: new Map(),
    held: [],
    delivered: [],
    counter: 0,
  };
  for (const key of [keyOf('progressEntries', entry.id, 'narrative'), keyOf('plans', plan.id, 'summary'), keyOf('actions', actions[1]!.id, 'title')]) {
    recordBaseline(world, coord, key);
  }
  const full = exportBundle(coord, null);
  for (const inst of insts.slice(1)) importBundle(inst, full);
  return world;
}

function tearDown(world: World | undefined): void {
  for (const inst of world?.insts ?? []) {
    inst.core.close();
    fs.rmSync(inst.dir, { recursive: true, force: true });
  }
}

// --- Steps ------------------------------------------------------------------------------------

type Delivery = 'once' | 'twice' | 'lost' | 'held';
type Step =
  | { kind: 'narrative' | 'summary' | 'title' | 'priority' | 'action' | 'remove' | 'restore' | 'resolve'; who: number }
  | { kind: 'indicator'; who: number; quarter: 1 | 2 }
  | { kind: 'send'; from: number; to: number; full: boolean; encrypted: boolean; delivery: Delivery }
  | { kind: 'relay'; a: number; b: number; c: number }
  | { kind: 'deliverHeld' | 'replay'; pick: number };

const who = fc.nat(4);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('narrative' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('summary' as const, 'title' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('priority' as const, 'action' as const, 'remove' as const, 'restore' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('indicator' as const), who, quarter: fc.constantFrom(1 as const, 2 as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      from: who,
      to: who,
      full: fc.boolean(),
      encrypted: fc.nat(11).map((n) => n === 0),
      delivery: fc.constantFrom<Delivery>('once', 'once', 'twice', 'lost', 'held'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('relay' as const), a: who, b: who, c: who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('deliverHeld' as const, 'replay' as const), pick: fc.nat() }) },
);

function knowsAsPeer(from: Installation, to: Installation): boolean {
  return from.must('peers:list', {}).some((p) => p.installationId === to.installationId && p.revokedAt === null);
}

/** Writes a bundle from one installation for another: a peer bundle when it can, else full. */
function writeBundle(from: Installation, to: Installation, opts: { full: boolean; encrypted: boolean }) {
  const passphrase = opts.encrypted ? PASSPHRASE : null;
  return { file: exportBundle(from, opts.full || !knowsAsPeer(from, to) ? null : to, passphrase), passphrase };
}

function deliver(world: World, parcel: { file: string; to: number; passphrase: string | null }): number {
  const result = importBundle(world.insts[parcel.to]!, parcel.file, parcel.passphrase);
  world.delivered.push(parcel);
  return result.newChangesetCount;
}

function send(world: World, from: number, to: number, opts: { full: boolean; encrypted: boolean; delivery: Delivery }): number {
  if (from === to) return 0;
  const parcel = { ...writeBundle(world.insts[from]!, world.insts[to]!, opts), to };
  switch (opts.delivery) {
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

/** A unique text value for a field. */
function token(world: World, inst: Installation, kind: string): string {
  return `${kind} by ${inst.label} #${++world.counter}`;
}

function trackedConflicts(world: World, inst: Installation): Conflict[] {
  return inst.must('conflicts:list', {}).filter((c) => c.kind === 'concurrent_edit' && world.writes.has(keyOf(c.table, c.rowId, c.field)));
}

function run(world: World, step: Step): void {
  const n = world.insts.length;
  if ('who' in step) {
    const inst = world.insts[step.who % n]!;
    switch (step.kind) {
      case 'narrative': {
        const narrative = token(world, inst, 'narrative');
        const entryId = splitKey([...world.writes.keys()].find((k) => k.startsWith('progressEntries/'))!)[1];
        trackedWrite(world, inst, keyOf('progressEntries', entryId, 'narrative'), narrative, () => {
          inst.must('progress:record', { actionId: world.narrativeAction, quarter: 1, status: 'on_track', narrative });
          return true;
        });
        return;
      }
      case 'summary': {
        const summary = token(world, inst, 'summary');
        trackedWrite(world, inst, keyOf('plans', world.planId, 'summary'), summary, () => {
          inst.must('plans:update', { planId: world.planId, summary });
          return true;
        });
        return;
      }
      case 'title': {
        const title = token(world, inst, 'title');
        // Refused where the action is removed: then nothing is written.
        trackedWrite(world, inst, keyOf('actions', world.fateAction, 'title'), title, () => inst.call('actions:update', { actionId: world.fateAction, title }).ok);
        return;
      }
      case 'indicator': {
        const value = ++world.counter;
        const rowId = naturalIds.indicatorValue(world.indicatorId, 2025, step.quarter);
        trackedWrite(world, inst, keyOf('indicatorValues', rowId, 'value'), value, () => {
          inst.must('indicators:recordValue', { indicatorId: world.indicatorId, quarter: step.quarter, value });
          return true;
        });
        return;
      }
      case 'priority':
        inst.must('priorities:add', { planId: world.planId, title: token(world, inst, 'priority'), zone: 'prevention' });
        return;
      case 'action': {
        // Under the newest priority this installation sees, often one another installation made.
        const priority = inst.must('plans:get', { planId: world.planId }).priorities.at(-1)!;
        inst.must('actions:add', { priorityId: priority.id, title: token(world, inst, 'action'), owner: 'joint' });
        return;
      }
      case 'remove':
      case 'restore':
        inst.call(step.kind === 'remove' ? 'actions:remove' : 'actions:restore', { actionId: world.fateAction });
        return;
      case 'resolve': {
        const conflict = trackedConflicts(world, inst)[0];
        if (!conflict) return;
        const numeric = conflict.table === 'indicatorValues';
        const merged = numeric ? String(++world.counter) : token(world, inst, 'merge');
        trackedWrite(world, inst, keyOf(conflict.table, conflict.rowId, conflict.field), numeric ? Number(merged) : merged, () => {
          inst.must('conflicts:resolve', { conflictId: conflict.id, value: merged });
          return true;
        });
        return;
      }
    }
  }
  switch (step.kind) {
    case 'send':
      send(world, step.from % n, step.to % n, step);
      return;
    case 'relay': {
      const [a, b, c] = [step.a % n, step.b % n, step.c % n];
      send(world, a, b, { full: false, encrypted: false, delivery: 'once' });
      send(world, b, c, { full: false, encrypted: false, delivery: 'once' });
      return;
    }
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

/** Everyone sends to everyone until a whole round brings nothing new. */
function exchangeUntilQuiet(world: World): void {
  const n = world.insts.length;
  for (let round = 0; round <= n + 2; round++) {
    let fresh = 0;
    for (let from = 0; from < n; from++) {
      for (let to = 0; to < n; to++) fresh += send(world, from, to, { full: false, encrypted: false, delivery: 'once' });
    }
    if (fresh === 0) return;
  }
  throw new Error('the installations were still exchanging new changesets after n + 3 rounds');
}

function assertConverged(world: World): void {
  const [first, ...rest] = world.insts as [Installation, ...Installation[]];
  const digest = first.must('sync:digest', {}).digest;
  const status = first.must('sync:status', {});
  const conflictIds = first.must('conflicts:list', {}).map((c) => c.id);
  for (const inst of rest) {
    expect(inst.must('sync:digest', {}).digest, `${inst.label}'s digest`).toBe(digest);
    expect(inst.must('sync:status', {}).versionVector, `${inst.label}'s version vector`).toEqual(status.versionVector);
    expect(inst.must('conflicts:list', {}).map((c) => c.id), `${inst.label}'s conflicts`).toEqual(conflictIds);
  }
  for (const inst of world.insts) {
    expect(inst.must('sync:status', {}).waitingRowCount, `${inst.label}: rows still waiting for a parent`).toBe(0);
    for (const [key, writes] of world.writes) {
      const [table, rowId, field] = splitKey(key);
      const expected = maximal(writes);
      expect(headValues(inst, key), `${inst.label}: heads of ${key}`).toEqual(expected);
      const visible = inst.core.context.sqlite.prepare(`SELECT "${sqlName(field)}" FROM "${sqlName(table)}" WHERE id = ?`).pluck().get(rowId);
      const conflict = inst.must('conflicts:list', {}).find((c) => c.kind === 'concurrent_edit' && c.table === table && c.rowId === rowId && c.field === field);
      const inConflict = conflict ? conflict.heads.map((h) => JSON.stringify(h.value)).sort() : [];
      expect(expected, `${inst.label}: ${key} shows ${JSON.stringify(visible)}`).toContain(JSON.stringify(visible));
      if (expected.length > 1) expect(inConflict, `${inst.label}: the conflict on ${key}`).toEqual(expected);
      else expect(conflict, `${inst.label}: no conflict on ${key}`).toBeUndefined();
    }
  }
}

// --- The property -------------------------------------------------------------------------------

let world: World | undefined;
afterEach(() => {
  tearDown(world);
  world = undefined;
});

describe('convergence of 3–5 installations trading bundles', () => {
  it('ends with equal digests and conflict sets, and every unseen edit visible or in a conflict', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.constantFrom(0, 90_000, 3 * 3600_000, -86_400_000), { minLength: 5, maxLength: 5 }),
        fc.array(stepArb, { minLength: 8, maxLength: 30, size: 'medium' }),
        (count, skews, steps) => {
          tearDown(world);
          world = setUp(count, skews);
          for (const step of steps) {
            for (const inst of world.insts) inst.clock.advance(60_000);
            run(world, step);
          }
          exchangeUntilQuiet(world);
          assertConverged(world);
          tearDown(world);
          world = undefined;
        },
      ),
      { numRuns: 20 },
    );
  }, 120_000);
});

describe('convergence, spelled out', () => {
  it('two installations edit the same narrative offline: a conflict on both, in any order, twice, relayed; resolved on one, cleared on all', () => {
    world = setUp(3, [0, 0, 0]);
    const [coord, a, b] = world.insts as [Installation, Installation, Installation];
    run(world, { kind: 'narrative', who: 1 });
    run(world, { kind: 'narrative', who: 2 });
    // b hears from a twice; coord hears from a by way of b; a hears from b late, after a newer bundle.
    send(world, 1, 2, { full: false, encrypted: true, delivery: 'twice' });
    send(world, 2, 0, { full: false, encrypted: false, delivery: 'once' });
    send(world, 2, 1, { full: false, encrypted: false, delivery: 'held' });
    send(world, 0, 1, { full: true, encrypted: false, delivery: 'once' });
    run(world, { kind: 'deliverHeld', pick: 0 });
    const digests = world.insts.map((i) => i.must('sync:digest', {}).digest);
    expect(new Set(digests).size).toBe(1);
    const conflicts = world.insts.map((i) => i.must('conflicts:list', {}));
    for (const list of conflicts) expect(list.map((c) => c.id)).toEqual(conflicts[0]!.map((c) => c.id));
    const [conflict] = conflicts[0]!;
    expect(conflict).toMatchObject({ kind: 'concurrent_edit', table: 'progressEntries', field: 'narrative' });
    expect(conflict!.heads.map((h) => h.value).sort()).toEqual(['narrative by i1 #1', 'narrative by i2 #2']);

    // Resolved on b by keeping a's version; the resolution travels to everyone.
    const keep = conflict!.heads.find((h) => h.value === 'narrative by i1 #1')!;
    expect(b.must('conflicts:resolve', { conflictId: conflict!.id, pickOpId: keep.opId })).toEqual([]);
    exchangeUntilQuiet(world);
    for (const inst of [coord, a, b]) {
      expect(inst.must('conflicts:list', {})).toEqual([]);
      const row = inst.must('progress:get', { planId: world.planId, quarter: 1 }).rows.find((r) => r.action.id === world!.narrativeAction);
      expect(row?.entry?.narrative).toBe('narrative by i1 #1');
    }
  });

  it('an op that arrives already superseded still supersedes the op it replaced (a chain delivered out of order)', () => {
    // i2 writes n1 then n2 (n2 replaces n1); i0 sees n2 and writes n3 (replaces n2). i1 gets all
    // three in one bundle, applied in (origin, seq) order: n3, then n1, then n2 — which is already
    // superseded by n3 on arrival, but must still take n1 out of the heads.
    world = setUp(3, [0, 0, 0]);
    run(world, { kind: 'narrative', who: 2 });
    run(world, { kind: 'narrative', who: 2 });
    send(world, 2, 0, { full: true, encrypted: false, delivery: 'once' });
    run(world, { kind: 'narrative', who: 0 });
    send(world, 0, 1, { full: true, encrypted: false, delivery: 'once' });
    const key = [...world.writes.keys()].find((k) => k.startsWith('progressEntries/'))!;
    expect(headValues(world.insts[1]!, key)).toEqual(headValues(world.insts[0]!, key));
    expect(world.insts[1]!.must('conflicts:list', {})).toEqual([]);
    exchangeUntilQuiet(world);
    assertConverged(world);
  });

  it('a child that arrives before its parent waits hidden, then appears when the parent comes', () => {
    world = setUp(3, [0, 0, 0]);
    const [, y, z] = world.insts as [Installation, Installation, Installation];
    const priority = y.must('priorities:add', { planId: world.planId, title: 'Winter road safety', zone: 'prevention' });
    const action = y.must('actions:add', { priorityId: priority.id, title: 'Checkstops at the winter road', owner: 'police' });
    // A bundle from y holding only the action (y signs it: a partial copy, as a lost stick would leave).
    const parts = readParts(exportBundle(y, null));
    parts.changesets = parts.changesets.filter((c) => {
      const body = JSON.parse(c.body) as { origin: string; method: string };
      return body.origin === y.installationId && body.method === 'actions:add';
    });
    expect(parts.changesets).toHaveLength(1);
    const partial = writeParts(parts, bundlePath(y, 'only-the-child'), y.keys.privateKey);
    const preview = z.must('bundles:preview', { file: partial, passphrase: null });
    expect(preview.gaps).toEqual([expect.objectContaining({ installationId: y.installationId })]);
    importBundle(z, partial);
    expect(z.must('sync:status', {}).waitingRowCount).toBe(1);
    expect(z.core.context.sqlite.prepare('SELECT count(*) FROM actions WHERE id = ?').pluck().get(action.id)).toBe(0);

    importBundle(z, exportBundle(y, null));
    expect(z.must('sync:status', {}).waitingRowCount).toBe(0);
    expect(z.must('plans:get', { planId: world.planId }).priorities.find((p) => p.id === priority.id)?.actions.map((a) => a.title)).toEqual([
      'Checkstops at the winter road',
    ]);
    exchangeUntilQuiet(world);
    assertConverged(world);
  });

  it('an edit made after seeing another replaces it without a conflict', () => {
    world = setUp(3, [0, 0, 0]);
    run(world, { kind: 'narrative', who: 1 });
    send(world, 1, 2, { full: false, encrypted: false, delivery: 'once' });
    run(world, { kind: 'narrative', who: 2 });
    exchangeUntilQuiet(world);
    assertConverged(world);
    expect(world.insts[0]!.must('conflicts:list', {})).toEqual([]);
  });

  it('a removal concurrent with an edit of the same action is a conflict on every installation', () => {
    world = setUp(3, [0, 0, 0]);
    run(world, { kind: 'title', who: 1 });
    run(world, { kind: 'remove', who: 2 });
    exchangeUntilQuiet(world);
    assertConverged(world);
    const removal = world.insts[0]!.must('conflicts:list', {}).find((c) => c.kind === 'removed_while_edited');
    expect(removal).toMatchObject({ table: 'actions', rowId: world.fateAction });
  });

  it('the same value saved on two installations at once is not shown to people as a conflict', () => {
    // Both record Q2 for the indicator as 7 (and no note). Nothing to choose between.
    world = setUp(3, [0, 0, 0]);
    const [, a, b] = world.insts as [Installation, Installation, Installation];
    a.must('indicators:recordValue', { indicatorId: world.indicatorId, quarter: 2, value: 7 });
    b.must('indicators:recordValue', { indicatorId: world.indicatorId, quarter: 2, value: 7 });
    exchangeUntilQuiet(world);
    expect(world.insts.map((i) => i.must('sync:digest', {}).digest).every((d, _, all) => d === all[0])).toBe(true);
    expect(a.must('conflicts:list', {}).map((c) => `${c.table}.${c.field}: ${c.heads.map((h) => JSON.stringify(h.value)).join(' vs ')}`)).toEqual([]);
  });
});
