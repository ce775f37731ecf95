/**
 * Reports, workbooks, CSV folders and bundles written where they cannot be: a sentence naming the
 * folder, never a raw EROFS/EACCES or "contact support". Tests may run as root, whom chmod does
 * not stop: then the unwritable place is /sys (sysfs refuses new files even to root).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, runCliAsync } from './run-cli';

let dir: string;
let db: string;
let unwritable: string;

beforeAll(() => {
  dir = makeTempDir();
  db = path.join(dir, 'planner.db');
  expect(runCli(['--db', db, 'init', '--computer', 'Test computer', '--user', 'Tester']).code).toBe(0);
  const locked = path.join(dir, 'locked');
  fs.mkdirSync(locked, { mode: 0o555 });
  fs.chmodSync(locked, 0o555);
  let chmodStops = false;
  try {
    fs.writeFileSync(path.join(locked, 'probe'), '');
  } catch {
    chmodStops = true;
  }
  unwritable = chmodStops ? locked : '/sys';
}, 30_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writing to a folder that cannot be written', () => {
  const cases: Array<{ name: string; args: (out: string) => string[]; file: string }> = [
    { name: 'export-xlsx', args: (out) => ['export-xlsx', '--fy', '2025', '--out', out], file: 'plans.xlsx' },
    { name: 'export-csv', args: (out) => ['export-csv', '--fy', '2025', '--out', out], file: 'csv' },
    { name: 'report annual (before Chromium is started)', args: (out) => ['report', 'annual', '--community', 'Inuvik', '--fy', '2025', '--out', out], file: 'annual.pdf' },
  ];
  for (const c of cases) {
    it(`${c.name}: a sentence naming the folder, exit 2`, () => {
      const out = path.join(unwritable, c.file);
      const run = runCli(['--db', db, ...c.args(out)]);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} could not be written: (you may not write in|the folder .* is on a read-only disk)`));
      expect(run.stderr).toContain(`folder ${path.dirname(out)}`);
      expect(run.stderr).not.toMatch(/EACCES|EROFS|unexpected|support/i);
      expect(run.code).toBe(2);
    });
  }

  it('export: the bundle is refused with a sentence naming the place, exit 2', () => {
    const out = path.join(unwritable, 'all.planbundle');
    const run = runCli(['--db', db, 'export', '--full', '--no-encryption', '--out', out]);
    expect(run.stderr).toBe(`The bundle could not be written to ${out}: the folder cannot be written to.\n`);
    expect(run.code).toBe(2);
  });

  it('a path under a file says that part of it is a file', () => {
    const file = path.join(dir, 'plain-file');
    fs.writeFileSync(file, 'x');
    const run = runCli(['--db', db, 'export-xlsx', '--fy', '2025', '--out', path.join(file, 'plans.xlsx')]);
    expect(run.stderr).toBe(`${path.join(file, 'plans.xlsx')} could not be written: part of the path ${file} is a file, not a folder. Choose another folder with --out.\n`);
    expect(run.code).toBe(2);
  });
});

describe('a write while another program holds the database', () => {
  it('call answers "busy" with exit 1 after the busy timeout; reads still work', async () => {
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    try {
      const [write, read] = await Promise.all([
        runCliAsync(['--db', db, 'call', 'installation:update', '{"name":"Renamed"}']),
        runCliAsync(['--db', db, 'whoami']),
      ]);
      expect(JSON.parse(write.stdout)).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/^The planner is busy: .* try again in a moment\.$/) } });
      expect(write.code).toBe(1);
      expect(read.code).toBe(0);
      expect(read.stdout).toMatch(/^Installation /);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 30_000);
});
