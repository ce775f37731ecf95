import { afterEach, describe, expect, it } from 'vitest';
import { bundlePath, exportBundle, importBundle, type Installation, readParts, writeParts } from '../support';
import { assertConverged, exchangeUntilQuiet, headValues, run, send, setUp, tearDown, type World } from './support/convergence-world';

/** Convergence, case by case: the scenarios the property test (convergence.test.ts) draws at random, spelled out. */

let world: World | undefined;
afterEach(() => {
  tearDown(world);
  world = undefined;
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
