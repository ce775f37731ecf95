/**
 * A core of its own for a test: a fresh database with the real migrations, a clock that only moves
 * when told, predictable ids, and `must` to call a method and fail the test with the core's message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/create-core';
import { fixedClock, sequentialIds, type IdGenerator } from '../../electron/core/changelog/clock';
import { memoryKeyStore, type IdentityKeys } from '../../electron/core/bundles/identity';
import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { Role } from '../../shared/vocabulary';

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

export interface TestCoreOptions {
  /** The folder of the database (a fresh one by default). */
  dir?: string;
  /** The database's file name in `dir`. */
  fileName?: string;
  /** Where backups go, inside `dir` (the core's default place when left out). */
  backupFolder?: string;
  now?: string;
  ids?: IdGenerator;
  /** null: a new database with no profile (first start: territory:start or territory:join). */
  profile?: { name: string; userName: string; role: Role } | null;
  keys?: IdentityKeys;
  /** Names the core in a refusal's message, where a test runs several. */
  label?: string;
  /** An older planner: the changeset schema version it is built for (the current one by default). */
  schemaVersion?: number;
}

/** The one place tests open a core. */
export function openTestCore(options: TestCoreOptions = {}): TestCore {
  const dir = options.dir ?? makeTestDir();
  const dbFile = path.join(dir, options.fileName ?? 'planner.db');
  const clock = fixedClock(options.now ?? '2025-05-15T12:00:00.000Z');
  const core = createCore({
    dbFile,
    ...(options.backupFolder ? { backupDir: path.join(dir, options.backupFolder) } : {}),
    clock,
    ids: options.ids ?? sequentialIds('t'),
    ...(options.profile === null ? {} : { initialProfile: options.profile ?? { name: 'Test detachment', userName: 'Cst. Test', role: 'detachment' } }),
    log: () => {},
    keyStore: memoryKeyStore(options.keys),
    ...(options.schemaVersion !== undefined ? { schemaVersion: options.schemaVersion } : {}),
  });
  const who = options.label ? `${options.label}: ` : '';
  return {
    core,
    clock,
    dir,
    dbFile,
    must(method, input) {
      const result = core.invoke(method, input);
      if (!result.ok) throw new Error(`${who}${method} refused: ${result.error.message}`);
      return result.value;
    },
  };
}

/** A fresh core at `now` (mid-May of fiscal year 2025 by default). */
export function makeCore(now = '2025-05-15T12:00:00.000Z'): TestCore {
  return openTestCore({ now });
}

/** A coordinator's core: the one that may change the territory's reference data. */
export function makeCoordinatorCore(now = '2025-05-15T12:00:00.000Z'): TestCore {
  return openTestCore({ now, profile: { name: 'Test coordinator', userName: 'Sam Coordinator', role: 'coordinator' } });
}

/** Every row of every table, for "nothing changed" assertions. */
export function snapshotTables(core: Core): string {
  const tables = core.context.sqlite.prepare("SELECT name, wr FROM pragma_table_list WHERE type = 'table' AND schema = 'main' ORDER BY name").all() as Array<{ name: string; wr: number }>;
  // A WITHOUT ROWID table (the change log's `ops`) is ordered by its key, the first columns.
  return JSON.stringify(tables.map(({ name, wr }) => [name, core.context.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${wr ? '1, 2' : 'rowid'}`).all()]));
}
