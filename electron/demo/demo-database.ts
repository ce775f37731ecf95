/**
 * The demo kept apart (issue 10, §2): the demo territory lives in its own database file, made and
 * seeded the first time it is opened, then opened like any other.
 *
 * Made as the CLI's `init --demo` makes it (the installation created first, with its own id and
 * signing key, then seeded with that id as the salt), but into a temporary file beside the demo's
 * (issue 13 §1): only a complete territory is ever renamed to the demo's name, so a seeding that
 * was cancelled or failed — or a computer switched off half-way — leaves no half database that
 * would be opened next time. Electron main runs it in a worker thread of its own (seed-worker.ts),
 * with progress and Stop; the browser harness does the same through its relay.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { demoCoreOptions, type DemoOptions, type DemoSummary, DemoSeedRefused, type SeedProgress, seedDemoTerritory } from './demo-data';

/** The demo's file beside the real database: `…/planner.db` → `…/demo.planner.db`. */
export function demoDatabaseFile(realDbFile: string): string {
  const slash = Math.max(realDbFile.lastIndexOf('/'), realDbFile.lastIndexOf('\\'));
  return `${realDbFile.slice(0, slash + 1)}demo.${realDbFile.slice(slash + 1)}`;
}

export interface SeedDemoFileOptions extends DemoOptions {
  migrationsFolder?: string;
  /** Told how far the seeding is; throwing from it (cancelled) before the end leaves nothing behind. */
  progress?: SeedProgress;
}

/** The files a database at `file` is made of: itself, its journal, its key files (`file` + a suffix). */
function filesOf(file: string): string[] {
  const folder = path.dirname(file);
  const base = path.basename(file);
  return fs
    .readdirSync(folder)
    .filter((name) => name === base || name.startsWith(`${base}.`) || name.startsWith(`${base}-`))
    .map((name) => path.join(folder, name));
}

/**
 * Makes the demo territory in `dbFile`, which must not exist yet: seeded into `<dbFile>.seeding-…`
 * beside it, then its key files and finally the database itself renamed (a rename within a folder
 * is atomic). Any failure — a cancelled seeding included — removes the temporary files and is
 * thrown again.
 */
export function seedDemoFile(dbFile: string, options: SeedDemoFileOptions = {}): DemoSummary {
  const target = path.resolve(dbFile);
  if (fs.existsSync(target)) throw new DemoSeedRefused('The demo database exists already.');
  const { migrationsFolder, progress, ...demo } = options;
  // Checks the options before anything is written (a RangeError for a bad seed, scale or date).
  const profile = demoCoreOptions(demo).initialProfile;
  // What a seeding cut short by a power cut or a killed app left behind: never opened, removed now.
  for (const file of filesOf(target)) if (path.basename(file).startsWith(`${path.basename(target)}.seeding-`)) fs.rmSync(file, { force: true });
  const temporary = `${target}.seeding-${crypto.randomBytes(6).toString('hex')}`;
  const quiet = { log: () => {}, ...(migrationsFolder ? { migrationsFolder } : {}) };
  const renamed: string[] = [];
  try {
    let installationId: string;
    const plain = createCore({ ...quiet, dbFile: temporary, initialProfile: profile });
    try {
      installationId = plain.context.sqlite.prepare('SELECT installation_id FROM installation WHERE key = 1').pluck().get() as string;
    } finally {
      plain.close();
    }
    const seeding = createCore({ ...quiet, dbFile: temporary, ...demoCoreOptions({ ...demo, salt: installationId }) });
    let summary: DemoSummary;
    try {
      summary = seedDemoTerritory(seeding, demo, progress);
    } finally {
      seeding.close();
    }
    // The key files first, the database last: the demo's name only ever names a whole territory.
    for (const file of filesOf(temporary)) {
      if (file === temporary) continue;
      fs.renameSync(file, target + file.slice(temporary.length));
      renamed.push(target + file.slice(temporary.length));
    }
    fs.renameSync(temporary, target);
    return summary;
  } catch (error) {
    for (const file of [...filesOf(temporary), ...renamed]) fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Seeds the demo territory into `dbFile` when it has none yet, then opens it with `options`. */
export function openDemoDatabase(dbFile: string, now: string, options: Omit<CoreOptions, 'dbFile' | 'initialProfile' | 'ids'> = {}): Core {
  if (!fs.existsSync(dbFile)) seedDemoFile(dbFile, { now, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}) });
  return createCore({ ...options, dbFile });
}
