/**
 * The core off the main thread (issue 13 §1): the relay (electron/core/worker/worker-core.ts)
 * answers a trivial call while a long import runs in its other worker, the import reports
 * determinate progress, and a cancelled import leaves the database as it was.
 *
 * The bundle: the demo territory at scale 1 (2 404 changesets; the same cached database the
 * end-to-end tests use, test/e2e/support/demo-database.ts), exported once for the whole file.
 * Scale 10 takes minutes to seed on the CI machine; `npx tsx scripts/bench-relay.ts --scale 10`
 * measures it. Nothing here is timed: only the order in which answers arrive is asserted.
 *
 * The demo's seeding (demo:open the first time, in a worker of its own: electron/demo/seed-worker.ts)
 * starts with the file and runs beside the imports (two cores); its assertions come last.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { startWorkerCore, type WorkerCore } from '../../electron/core/worker/worker-core';
import type { ProgressEvent } from '../../shared/contract-operations';
import { createDemoDatabase, makeTempDir, removeTempDir } from '../e2e/support/demo-database';
import type { JobOutcome, JobRun } from '../../electron/core/worker/job-worker';
import { startDemoSeeding } from '../../electron/demo/demo-seeding';

let dir: string;
let bundle: string;
/** One receiving computer for the whole file: the cancelled import first, then the real one. */
let core: WorkerCore;

function changesetCount(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
  } finally {
    db.close();
  }
}

const importInput = () => ({ file: bundle, trustNewSender: true, allCommunities: true });

/** The demo seeded in its worker, started first: its events, and whether this thread ran meanwhile. */
let seeding: JobRun;
const seedEvents: ProgressEvent[] = [];
let seedDir: string;
let tickedBeforeFirstSeedEvent: boolean | null = null;

beforeAll(async () => {
  dir = makeTempDir('csp-worker-');
  seedDir = path.join(dir, 'demo');
  fs.mkdirSync(seedDir);
  let ticked = false;
  seeding = startDemoSeeding({ dbFile: path.join(seedDir, 'demo.planner.db'), now: '2026-10-20' }, (event) => {
    tickedBeforeFirstSeedEvent ??= ticked;
    seedEvents.push(event);
  });
  setTimeout(() => (ticked = true), 0);
  const source = createCore({ dbFile: createDemoDatabase(dir), log: () => {} });
  try {
    bundle = path.join(dir, 'territory.planbundle');
    const exported = source.invoke('bundles:export', { full: true, file: bundle, encrypt: false });
    if (!exported.ok) throw new Error(exported.error.message);
  } finally {
    source.close();
  }
  core = await startWorkerCore({ dbFile: path.join(dir, 'receiver.db'), initialProfile: { name: 'Receiver', userName: 'Receiver user', role: 'coordinator' }, log: () => {} });
}, 240_000);

afterAll(async () => {
  seeding?.cancel();
  await seeding?.finished;
  await core?.close();
  removeTempDir(dir);
});

describe('the core in worker threads', () => {
  const events: ProgressEvent[] = [];
  const finished: string[] = [];

  it('cancels an import before its final transaction commits: nothing is written', async () => {
    const before = changesetCount(core.dbFile);
    let cancelled: boolean | null = null;
    const stop = core.onProgress((event) => {
      if (cancelled === null && event.step === 'apply' && event.done < event.total) cancelled = core.cancel();
    });
    const result = await core.call('bundles:import', importInput());
    expect(cancelled).toBe(true);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('cancelled');
      expect(result.error.message).toMatch(/^Cancelled: nothing was changed\./);
    }
    expect(changesetCount(core.dbFile)).toBe(before);
    expect(await core.call('bundles:history', {})).toEqual({ ok: true, value: [] });
    stop();
    // Nothing runs any more, and the flag is down again (the next test's import runs to its end).
    expect(await core.call('operations:cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  }, 120_000);

  it('answers a trivial call while an import is still running', async () => {
    let midImport: () => void;
    const reachedApply = new Promise<void>((resolve) => (midImport = resolve));
    core.onProgress((event) => {
      events.push(event);
      if (event.step === 'apply' && event.done < event.total) midImport();
    });
    const importing = core.call('bundles:import', importInput()).then((result) => {
      finished.push('import');
      return result;
    });
    // Asked once the import is inside its transaction, with changesets still to apply.
    await reachedApply;
    const trivial = core.call('installation:get', {}).then((result) => {
      finished.push('installation:get');
      return result;
    });
    const [imported, profile] = await Promise.all([importing, trivial]);
    expect(profile.ok).toBe(true);
    expect(imported.ok ? imported.value : imported.error).toMatchObject({ imported: true });
    expect(finished).toEqual(['installation:get', 'import']);
    expect(changesetCount(core.dbFile)).toBeGreaterThan(2000);
  }, 120_000);

  it('reports the import in determinate steps, each monotonic and ending at its total', () => {
    expect(events.length).toBeGreaterThan(2);
    expect(new Set(events.map((e) => e.operation))).toEqual(new Set(['bundles:import']));
    const steps = [...new Set(events.map((e) => e.step))];
    expect(steps).toEqual(['check', 'backup', 'apply']);
    for (const step of steps) {
      const ofStep = events.filter((e) => e.step === step);
      const totals = new Set(ofStep.map((e) => e.total));
      expect(totals.size).toBe(1);
      for (let i = 1; i < ofStep.length; i++) expect(ofStep[i]!.done).toBeGreaterThan(ofStep[i - 1]!.done);
      expect(ofStep.at(-1)!.done).toBe(ofStep.at(-1)!.total);
    }
    // One step after the other, never back to an earlier one.
    const order = events.map((e) => steps.indexOf(e.step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('reports an annual plan (a full report) in determinate report steps, monotonic and ending at its total', async () => {
    const seen: ProgressEvent[] = [];
    const stop = core.onProgress((event) => seen.push(event));
    const plans = await core.call('plans:list', {});
    if (!plans.ok) throw new Error(plans.error.message);
    const planId = (plans.value as Array<{ id: string }>)[0]!.id;
    const annual = await core.call('reports:annual', { planId });
    stop();
    expect(annual.ok).toBe(true);
    expect(seen.map((e) => e.operation)).toEqual(seen.map(() => 'reports:annual'));
    expect(seen.map((e) => e.step)).toEqual(seen.map(() => 'report'));
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen.map((e) => e.total)).size).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThan(seen[i - 1]!.done);
    expect(seen[0]!.done).toBe(0);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
  }, 60_000);
});

describe('the demo made in a worker of its own (demo:open the first time)', () => {
  it('stops when cancelled before its transaction commits, and leaves no file behind (nor an older one’s)', async () => {
    const folder = path.join(dir, 'cancelled');
    fs.mkdirSync(folder);
    // Left by a seeding the app was killed in: removed by the next one.
    fs.writeFileSync(path.join(folder, 'demo.planner.db.seeding-0a1b2c'), 'half a database');
    fs.writeFileSync(path.join(folder, 'demo.planner.db.seeding-0a1b2c.identity-key'), '{}');
    const run = startDemoSeeding({ dbFile: path.join(folder, 'demo.planner.db'), now: '2026-10-20' }, () => run.cancel());
    expect(await run.finished).toEqual({ outcome: 'cancelled' });
    // No half database, no temporary file, no key file: the next demo:open starts from nothing.
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(run.cancel()).toBe(false);
  }, 240_000);

  it('reports determinate seed progress, monotonic and ending at its total, while this thread keeps running', async () => {
    const outcome: JobOutcome = await seeding.finished;
    expect(outcome).toEqual({ outcome: 'done' });
    expect(tickedBeforeFirstSeedEvent).toBe(true);
    expect(seedEvents.length).toBeGreaterThan(10);
    expect(new Set(seedEvents.map((e) => `${e.operation} ${e.step}`))).toEqual(new Set(['demo:open seed']));
    expect(new Set(seedEvents.map((e) => e.total)).size).toBe(1);
    for (let i = 1; i < seedEvents.length; i++) expect(seedEvents[i]!.done).toBeGreaterThan(seedEvents[i - 1]!.done);
    expect(seedEvents.at(-1)!.done).toBe(seedEvents.at(-1)!.total);
    // Renamed whole: the demo's database and its key, nothing temporary.
    expect(fs.readdirSync(seedDir).sort()).toEqual(['demo.planner.db', 'demo.planner.db.identity-key']);
    const db = new Database(path.join(seedDir, 'demo.planner.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM communities').pluck().get()).toBe(33);
      expect(db.prepare('SELECT is_demo FROM installation').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  }, 300_000);
});
