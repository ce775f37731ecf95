/**
 * The demo kept apart (issue 10, §2): the demo territory lives in its own database file, made and
 * seeded the first time it is opened, then opened like any other. Used by the browser harness's
 * demo:open (Electron main seeds it through the bundled CLI's `init --demo`, which does the same).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { demoCoreOptions, seedDemoTerritory } from './demo-data';

/** The demo's file beside the real database: `…/planner.db` → `…/demo.planner.db`. */
export function demoDatabaseFile(realDbFile: string): string {
  const slash = Math.max(realDbFile.lastIndexOf('/'), realDbFile.lastIndexOf('\\'));
  return `${realDbFile.slice(0, slash + 1)}demo.${realDbFile.slice(slash + 1)}`;
}

/** Seeds the demo territory into `dbFile` when it has none yet, then opens it with `options`. */
export function openDemoDatabase(dbFile: string, now: string, options: Omit<CoreOptions, 'dbFile' | 'initialProfile' | 'ids'> = {}): Core {
  if (!fs.existsSync(dbFile)) {
    // The demo's own clock and ids while seeding (deterministic history), the given ones afterwards.
    const seeding = createCore({ ...options, dbFile, ...demoCoreOptions({ now, salt: crypto.randomUUID() }) });
    try {
      seedDemoTerritory(seeding, { now });
    } catch (error) {
      seeding.close();
      fs.rmSync(dbFile, { force: true });
      throw error;
    }
    seeding.close();
  }
  return createCore({ ...options, dbFile });
}
