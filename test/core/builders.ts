import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/create-core';
import { fixedClock, sequentialIds } from '../../electron/core/changelog/clock';
import { change } from '../../electron/core/changelog/core-context';
import { memoryKeyStore } from '../../electron/core/bundles/identity';
import { deterministicId, naturalIds } from '../../electron/core/changelog/deterministic-id';
import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';

export interface TestCore {
  core: Core;
  clock: ReturnType<typeof fixedClock>;
  dir: string;
  dbFile: string;
  /** Calls a method and returns its value, failing the test with the core's message otherwise. */
  must<M extends MethodName>(method: M, input: MethodRawInput<M>): MethodOutput<M>;
}

export function makeTestDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'csp-test-'));
}

/** A fresh database with the real migrations, a clock that only moves when told, sequential ids. */
export function makeCore(now = '2025-05-15T12:00:00.000Z'): TestCore {
  const dir = makeTestDir();
  const dbFile = path.join(dir, 'planner.db');
  const clock = fixedClock(now);
  const core = createCore({
    dbFile,
    clock,
    ids: sequentialIds('t'),
    initialProfile: { name: 'Test detachment', userName: 'Cst. Test', role: 'detachment' },
    log: () => {},
    keyStore: memoryKeyStore(),
  });
  return {
    core,
    clock,
    dir,
    dbFile,
    must(method, input) {
      const result = core.invoke(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
      return result.value;
    },
  };
}

/** Adds a community (and optionally its detachment) as reference data. */
export function addCommunity(t: TestCore, name: string, opts: { region?: string; detachment?: string | null } = {}): string {
  const id = deterministicId('community', name);
  change(t.core.context, 'test:seed', (w) => {
    let detachmentId: string | null = null;
    if (opts.detachment) {
      detachmentId = deterministicId('detachment', opts.detachment);
      w.upsert('detachments', { id: detachmentId, name: opts.detachment, communityId: null });
    }
    w.insert('communities', { id, name, region: opts.region ?? 'North Slave', hasDetachment: opts.detachment !== undefined && opts.detachment !== null, servedByDetachmentId: detachmentId });
  });
  return id;
}

export function addTheme(t: TestCore, code: string, nameEn = code, nameFr = code): string {
  const id = naturalIds.theme(code);
  change(t.core.context, 'test:seed', (w) => w.insert('themes', { id, code, nameEn, nameFr }));
  return id;
}

export function addCommitment(t: TestCore, number: string, title = `Commitment ${number}`): string {
  const id = naturalIds.commitment('commitment', number);
  change(t.core.context, 'test:seed', (w) =>
    w.insert('commitments', { id, kind: 'commitment', number, title, leadDepartment: 'Justice', priorityArea: null, status: 'underway_on_track', relatedCommitmentIds: [] }),
  );
  return id;
}

/** A plan with one priority holding the given actions, agreed and active. */
export function agreedPlan(t: TestCore, communityId: string, fiscalYear: number, actionTitles: string[]) {
  const plan = t.must('plans:create', { communityId, fiscalYear });
  const priority = t.must('priorities:add', { planId: plan.id, title: 'Reduce impaired driving', zone: 'prevention' });
  const actions = actionTitles.map((title) => t.must('actions:add', { priorityId: priority.id, title, owner: 'joint', plannedQuarters: [1, 2, 3, 4] }));
  const indicator = t.must('indicators:add', { priorityId: priority.id, name: 'Impaired driving charges', unit: 'charges', baseline: 12, target: 6, direction: 'decrease' });
  t.must('plans:agree', {
    planId: plan.id,
    communitySignatory: 'Chief Mary Kodakin',
    communitySignedOn: `${fiscalYear}-03-20`,
    detachmentSignatory: 'Sgt. Paul Martin',
    detachmentSignedOn: `${fiscalYear}-03-21`,
  });
  t.must('plans:activate', { planId: plan.id });
  return { plan, priority, actions, indicator };
}

/** Every row of every table, for "nothing changed" assertions. */
export function snapshotTables(core: Core): string {
  const tables = core.context.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as Array<{ name: string }>;
  return JSON.stringify(tables.map(({ name }) => [name, core.context.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
