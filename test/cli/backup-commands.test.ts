import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { makeTempDir, runCli, runCliAsync } from './run-cli';

/**
 * Issue 12, §6: `backup`, `backups list` and `restore FILE` through the real command line. A
 * restore without --yes prints what the backup holds and changes nothing; with --yes the data is
 * back; a file that is not a backup is refused with a sentence (exit 2), nothing changed. Each
 * CLI start costs a second or more: the database is made in this process, independent runs go
 * side by side.
 */

let dir: string;
let db: string;
const cli = (...args: string[]) => runCliAsync(['--db', db, ...args]);

function ok(run: { code: number | null; stdout: string; stderr: string }): string {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}${run.stdout}`);
  return run.stdout;
}

/** The regions, read straight from the file (no CLI start). */
function regions(): string[] {
  const sqlite = new Database(db, { readonly: true });
  try {
    return (sqlite.prepare('SELECT name_en FROM regions ORDER BY name_en').pluck().all() as string[]);
  } finally {
    sqlite.close();
  }
}

/** A change made in this process, as the desktop app would (its key file beside the database). */
function addRegion(nameEn: string): void {
  const core = createCore({ dbFile: db, log: () => {}, initialProfile: { name: 'Coord', userName: 'Jo', role: 'coordinator' } });
  try {
    const made = core.invoke('regions:create', { nameEn, nameFr: nameEn });
    if (!made.ok) throw new Error(made.error.message);
  } finally {
    core.close();
  }
}

beforeAll(() => {
  dir = makeTempDir();
  db = path.join(dir, 'planner.db');
  addRegion('North Slave');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backups from the command line', () => {
  it('makes a backup, lists it, previews it without --yes, restores it with --yes; refuses what is not a backup', { timeout: 120_000 }, async () => {
    const made = ok(runCli(['--db', db, 'backup']));
    const file = /Backup made: (\S+\.db)/.exec(made)?.[1];
    expect(file && fs.existsSync(file)).toBeTruthy();
    addRegion('South Slave');

    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'not a database');
    const [list, preview, refused, usage] = await Promise.all([cli('backups', 'list'), cli('restore', file!), cli('restore', notes, '--yes'), cli('restore')]);
    expect(ok(list)).toContain('made by hand');
    expect(list.stdout).toContain(path.basename(file!));
    expect(ok(preview)).toMatch(/Taken: .*made by hand/);
    expect(preview.stdout).toMatch(/Holds: 0 communities; plans per fiscal year: none; \d+ changeset/);
    expect(preview.stdout).toMatch(/come back with their next plan bundles/);
    expect(preview.stdout).toMatch(/Nothing was changed\. To restore this backup, run the same command with --yes\./);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^The file .*notes\.txt is not a planner backup: it is not a database file\. Nothing was changed\.$/);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Say which backup to restore/);
    expect(regions()).toEqual(['North Slave', 'South Slave']);

    const restored = JSON.parse(ok(await cli('restore', file!, '--yes', '--json'))) as { preRestoreBackup: string };
    expect(fs.existsSync(restored.preRestoreBackup)).toBe(true);
    expect(regions()).toEqual(['North Slave']);
  });
});
