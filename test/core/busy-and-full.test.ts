/**
 * A write while another connection holds the database, and a full disk: each a sentence that says
 * what to do, never "contact support". Two real connections on a real file; a real SQLITE_FULL
 * (SQLite's max_page_count makes the database "full" without filling the machine's disk).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds } from '../../electron/core/changelog/clock';
import { type Core, createCore } from '../../electron/core/create-core';
import { memoryKeyStore } from '../../electron/core/bundles/identity';
import { addCommunity, makeTestDir, type TestCore } from '../support';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function coreOn(dbFile: string, busyTimeoutMs?: number): Core {
  const core = createCore({
    dbFile,
    clock: fixedClock('2025-05-15T12:00:00.000Z'),
    ids: sequentialIds('b'),
    keyStore: memoryKeyStore(),
    initialProfile: { name: 'Busy test', userName: 'Tester', role: 'coordinator' },
    log: () => {},
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
  });
  closers.push(() => core.close());
  return core;
}

function asTestCore(core: Core, dbFile: string): TestCore {
  return {
    core,
    clock: fixedClock('2025-05-15T12:00:00.000Z'),
    dir: path.dirname(dbFile),
    dbFile,
    must(method, input) {
      const result = core.invoke(method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  };
}

describe('a write while another connection holds the database', () => {
  it('waits for the busy timeout, then says the planner is busy; reads still work', () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    const core = coreOn(dbFile, 150);
    const other = new Database(dbFile);
    closers.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    closers.unshift(() => other.exec('ROLLBACK'));

    const started = Date.now();
    const result = core.invoke('installation:update', { name: 'Renamed' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
    if (!result.ok) {
      expect(result.error.message).toBe('The planner is busy: another window or command is writing to its database (a long import, for example). Nothing was changed; try again in a moment.');
      expect(result.error.details).toMatchObject({ messageKey: 'core.busy' });
    }
    expect(core.invoke('installation:get', {})).toMatchObject({ ok: true, value: { name: 'Busy test' } });
  });

  it('succeeds when the other writer finishes within the busy timeout', async () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    const core = coreOn(dbFile, 10_000);
    // The other writer is another process: it holds the write lock for 400 ms, then commits.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(${JSON.stringify(dbFile)});
      db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`], { cwd: path.resolve(__dirname, '../..') });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('error', reject);
      holder.once('exit', (code) => reject(new Error(`the lock holder ended early (${code})`)));
    });
    const started = Date.now();
    expect(core.invoke('installation:update', { name: 'Renamed' })).toMatchObject({ ok: true, value: { name: 'Renamed' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await new Promise((resolve) => holder.once('close', resolve));
  });
});

describe('a full disk', () => {
  it('refuses the write with a sentence naming the folder; reads still work', () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    const core = coreOn(dbFile);
    const t = asTestCore(core, dbFile);
    addCommunity(t, 'Inuvik');
    const sqlite = core.context.sqlite;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);

    // Each organisation is a row and a signed changeset: soon SQLite has no page left to give.
    let full = core.invoke('organisations:create', { name: 'Organisation 0', kind: 'other' });
    for (let i = 1; full.ok && i < 500; i += 1) full = core.invoke('organisations:create', { name: `Organisation ${i} ${'x'.repeat(150)}`, kind: 'other' });
    expect(full).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    if (!full.ok) expect(full.error.message).toBe(`The disk is full: free space on ${path.dirname(dbFile)} and try again. Nothing was changed; what is already saved can still be read.`);
    expect(core.invoke('communities:list', {})).toMatchObject({ ok: true, value: [{ name: 'Inuvik' }] });
  });
});
