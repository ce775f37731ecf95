/**
 * The world of the convergence tests (test/sync/convergence*.test.ts): installations that edit
 * offline and trade files in any order, and what the test remembers about every write.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { naturalIds } from '../../../electron/core/changelog/deterministic-id';
import type { Conflict } from '../../../shared/domain';
import { addCommunity, agreedPlan, exportBundle, importBundle, type Installation, makeInstallation } from '../../support';
import { expect } from 'vitest';

export const PASSPHRASE = 'seal for the ice road';
export const START = Date.parse('2025-05-15T12:00:00.000Z');

// --- The world: installations and what the test remembers about writes ------------------------

export interface Write {
  value: string; // JSON text, as stored in change_ops
  seen: Set<string>;
}

export interface World {
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

export const keyOf = (table: string, rowId: string, field: string) => `${table}/${rowId}/${field}`;
export const splitKey = (key: string) => key.split('/') as [string, string, string];
export const sqlName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Values of every op of the field this installation holds. */
export function knownValues(inst: Installation, key: string): string[] {
  const [table, rowId, field] = splitKey(key);
  return inst.core.context.sqlite.prepare('SELECT value FROM change_ops WHERE table_name = ? AND row_id = ? AND field = ?').pluck().all(table, rowId, field) as string[];
}

export function headValues(inst: Installation, key: string): string[] {
  const [table, rowId, field] = splitKey(key);
  return inst.core.context.recorder.register.headsOf(table, rowId, field).map((h) => h.value).sort();
}

/** The writes nobody has seen: what the field's heads must be. */
export function maximal(writes: readonly Write[]): string[] {
  const superseded = new Set<string>();
  for (const w of writes) for (const s of w.seen) superseded.add(s);
  return writes.filter((w) => !superseded.has(w.value)).map((w) => w.value).sort();
}

/** Checks the installation's heads against the writes it holds, then performs and records a write. */
export function trackedWrite(world: World, inst: Installation, key: string, value: unknown, write: () => boolean): void {
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
export function recordBaseline(world: World, inst: Installation, key: string): void {
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

export function setUp(count: number, skewsMs: number[]): World {
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

export function tearDown(world: World | undefined): void {
  for (const inst of world?.insts ?? []) {
    inst.core.close();
    fs.rmSync(inst.dir, { recursive: true, force: true });
  }
}

// --- Steps ------------------------------------------------------------------------------------

export type Delivery = 'once' | 'twice' | 'lost' | 'held';
export type Step =
  | { kind: 'narrative' | 'summary' | 'title' | 'priority' | 'action' | 'remove' | 'restore' | 'resolve'; who: number }
  | { kind: 'indicator'; who: number; quarter: 1 | 2 }
  | { kind: 'send'; from: number; to: number; full: boolean; encrypted: boolean; delivery: Delivery }
  | { kind: 'relay'; a: number; b: number; c: number }
  | { kind: 'deliverHeld' | 'replay'; pick: number };

export const who = fc.nat(4);
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
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

export function knowsAsPeer(from: Installation, to: Installation): boolean {
  return from.must('peers:list', {}).some((p) => p.installationId === to.installationId && p.revokedAt === null);
}

/** Writes a bundle from one installation for another: a peer bundle when it can, else full. */
export function writeBundle(from: Installation, to: Installation, opts: { full: boolean; encrypted: boolean }) {
  const passphrase = opts.encrypted ? PASSPHRASE : null;
  return { file: exportBundle(from, opts.full || !knowsAsPeer(from, to) ? null : to, passphrase), passphrase };
}

export function deliver(world: World, parcel: { file: string; to: number; passphrase: string | null }): number {
  const result = importBundle(world.insts[parcel.to]!, parcel.file, parcel.passphrase);
  world.delivered.push(parcel);
  return result.newChangesetCount;
}

export function send(world: World, from: number, to: number, opts: { full: boolean; encrypted: boolean; delivery: Delivery }): number {
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
export function token(world: World, inst: Installation, kind: string): string {
  return `${kind} by ${inst.label} #${++world.counter}`;
}

export function trackedConflicts(world: World, inst: Installation): Conflict[] {
  return inst.must('conflicts:list', {}).filter((c) => c.kind === 'concurrent_edit' && world.writes.has(keyOf(c.table, c.rowId, c.field)));
}

export function run(world: World, step: Step): void {
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
export function exchangeUntilQuiet(world: World): void {
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

export function assertConverged(world: World): void {
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
