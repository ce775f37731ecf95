/**
 * The command line keeps the database, the signing key and its exports to their owner, and says in
 * one sentence how to fix a key file it refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../../electron/core/bundles/identity';
import { makeTempDir, runCli } from './run-cli';

const posix = process.platform !== 'win32';

function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

describe.runIf(posix)('cli: files only their owner can read', () => {
  it('creates the database and its key file 0600 in a new folder made 0700, and exports a workbook 0600', () => {
    const folder = path.join(makeTempDir(), 'planner');
    const db = path.join(folder, 'planner.db');
    expect(runCli(['--db', db, 'init', '--computer', 'Test computer', '--user', 'Tester']).code).toBe(0);
    expect(modeOf(folder)).toBe('700');
    expect(modeOf(db)).toBe('600');
    expect(modeOf(`${db}.identity-key`)).toBe('600');

    const out = path.join(path.dirname(folder), 'plans.xlsx');
    const run = runCli(['--db', db, 'export-xlsx', '--out', out, '--fy', '2025']);
    expect(run.stderr).toBe('');
    expect(modeOf(out)).toBe('600');
  });

  it('refuses a key file others can read, saying how to make it private', () => {
    const db = path.join(makeTempDir(), 'planner.db');
    expect(runCli(['--db', db, 'init', '--computer', 'Test computer', '--user', 'Tester']).code).toBe(0);
    fs.chmodSync(`${db}.identity-key`, 0o644);
    const run = runCli(['--db', db, 'call', 'communities:list', '{}']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `The signing key file ${db}.identity-key can be read or changed by other users of this computer (mode 0644), so the planner will not use it. Make it private with: chmod 600 "${db}.identity-key", then start again.\n`,
    );
  });

  it('refuses to init a new database beside a key file that was already there, and keeps that file', () => {
    const db = path.join(makeTempDir(), 'planner.db');
    const planted = JSON.stringify(generateIdentityKeys());
    fs.writeFileSync(`${db}.identity-key`, planted, { mode: 0o600 });
    const run = runCli(['--db', db, 'init', '--computer', 'Test computer', '--user', 'Tester']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^A signing key file already exists at .*planner\.db\.identity-key, but its database is new: the planner never takes an existing key for a new database/);
    expect(fs.readFileSync(`${db}.identity-key`, 'utf8')).toBe(planted);
  });
});
