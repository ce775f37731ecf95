import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security-headers';
import { linesOf, type MainRun, runBundledMain } from './support/run-bundled-main';

/**
 * Starts the real bundled main process (dist layout, copied migrations, real core and SQLite)
 * under plain Node with a stand-in for 'electron' (fixtures/fake-electron.cjs), and reads what it
 * did. This checks the composition in main.ts and the bundle, which unit tests cannot.
 * The scratch folder is inside the project so the bundle finds node_modules (better-sqlite3).
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
let scratch: string;
let appPath: string;

function runMain(env: Record<string, string>, args: string[] = []): MainRun {
  return runBundledMain(path.join(appPath, 'dist', 'electron', 'main.cjs'), { cwd: scratch, env: { FAKE_APP_PATH: appPath, ...env }, args });
}

const find = linesOf;

beforeAll(() => {
  fs.mkdirSync(path.join(projectRoot, 'test', 'output'), { recursive: true });
  scratch = fs.mkdtempSync(path.join(projectRoot, 'test', 'output', 'main-process-'));
  appPath = path.join(scratch, 'app');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', `--out-dir=${path.join(appPath, 'dist', 'electron')}`], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Planner</title>');
}, 60_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the bundled main process', () => {
  it('opens the database, serves the page with its CSP, answers the window and refuses everything else', () => {
    const userData = path.join(scratch, 'user-ok');
    const bundle = path.join(scratch, 'north.planbundle');
    const { status, lines, stderr } = runMain({ FAKE_USER_DATA: userData }, [bundle, '--some-switch', 'notes.txt']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(fs.existsSync(path.join(userData, 'planner.db'))).toBe(true);

    expect(find(lines, 'sandbox')).toHaveLength(1);
    expect(find(lines, 'schemes')[0]!.schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(find(lines, 'ipc-handle').map((l) => l.channel)).toEqual(['api:invoke']);

    const [window] = find(lines, 'window');
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window!.options.webPreferences.preload).toBe(path.join(appPath, 'dist', 'electron', 'preload.cjs'));

    const [loaded] = find(lines, 'loaded');
    expect(loaded).toMatchObject({ url: 'app://planner/index.html', status: 200, csp: contentSecurityPolicy() });
    expect(find(lines, 'shown')).toHaveLength(1);

    const invokes = Object.fromEntries(find(lines, 'invoke').map((l) => [l.name, l.result]));
    // A new database is not set up: nothing but the first start answers until a territory is started or joined.
    expect(invokes['new']).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invokes['start']).toMatchObject({ ok: true });
    expect(invokes['installation:get']).toMatchObject({ ok: true, value: { name: 'Main test', role: 'coordinator' } });
    expect(invokes['untrusted']).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invokes['unknown']).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(invokes['bad input']).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(find(lines, 'navigation')).toEqual([
      { kind: 'navigation', eventName: 'will-navigate', url: 'https://example.org/', prevented: true },
      { kind: 'navigation', eventName: 'will-navigate', url: 'app://planner/index.html', prevented: false },
    ]);
    expect(find(lines, 'open-external').map((l) => l.url)).toEqual(['https://example.org/']);
    expect(find(lines, 'window-open')[0]!.result).toEqual({ action: 'deny' });
    expect(find(lines, 'permission')[0]!.granted).toBe(false);

    // The bundle named on the command line reaches the page once it has loaded; other arguments do not.
    // A successful write is announced to the page.
    expect(invokes['write']).toMatchObject({ ok: true, value: { name: 'Ana Tremblay' } });
    expect(find(lines, 'send')).toEqual([
      { kind: 'send', channel: 'api:event', args: ['bundle:open', { file: bundle }] },
      { kind: 'send', channel: 'api:event', args: ['data:changed', { methods: ['territory:start'] }] },
      { kind: 'send', channel: 'api:event', args: ['data:changed', { methods: ['people:create'] }] },
    ]);
    expect(find(lines, 'closed-core')).toHaveLength(1);
  });

  it('makes the demo in a worker of the bundle, pushing its progress to the window; Stop leaves no demo file', () => {
    const userData = path.join(scratch, 'user-demo');
    const { status, lines, stderr } = runMain({ FAKE_USER_DATA: userData, FAKE_DEMO: 'stop' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(find(lines, 'first-progress')[0]!.event).toMatchObject({ operation: 'demo:open', step: 'seed', done: expect.any(Number), total: expect.any(Number) });
    const invokes = Object.fromEntries(find(lines, 'invoke').map((l) => [l.name, l.result]));
    expect(invokes['stop']).toEqual({ ok: true, value: { cancelled: true } });
    expect(invokes['demo:open']).toMatchObject({ ok: false, error: { code: 'cancelled', message: expect.stringMatching(/^Cancelled: nothing was changed\./) } });
    // Still the real database, and no demo database (nor a half one) beside it.
    expect(invokes['after']).toMatchObject({ ok: true, value: { name: 'Main test' } });
    expect(find(lines, 'user-data')[0]!.files.filter((f: string) => f.startsWith('demo.'))).toEqual([]);
  });

  it('shows one plain sentence and exits 1 when the database cannot be opened', () => {
    const blocker = path.join(scratch, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the user data folder should be');
    const { status, lines } = runMain({ FAKE_USER_DATA: path.join(blocker, 'inside') });
    expect(status).toBe(1);
    const [dialog] = find(lines, 'dialog');
    expect(dialog!.title).toBe('The planner could not start');
    expect(dialog!.body).toMatch(/^The planner could not open its database at .*\.$/);
    expect(dialog!.body).not.toMatch(/ENOTDIR|\n\s+at /);
    expect(find(lines, 'window')).toHaveLength(0);
    expect(find(lines, 'ipc-handle')).toHaveLength(0);
  });

  it('words a crash after the database is open in the installation\'s language, not the system\'s', () => {
    // The system is French; the installation (started in English) decides once the database is open.
    const { status, lines } = runMain({ FAKE_USER_DATA: path.join(scratch, 'user-crash'), FAKE_LOCALE: 'fr-CA', FAKE_CRASH: '1' });
    expect(status).toBe(1);
    const dialogs = find(lines, 'dialog');
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.body).toMatch(/^Something unexpected went wrong/);
    expect(dialogs[0]!.body).not.toMatch(/a bug in main|\n\s+at /);
  });

  it('explains and exits 1 when the renderer files are missing', () => {
    const bare = path.join(scratch, 'bare-app');
    fs.cpSync(path.join(appPath, 'dist', 'electron'), path.join(bare, 'dist', 'electron'), { recursive: true });
    const { status, lines } = runMain({ FAKE_APP_PATH: bare, FAKE_USER_DATA: path.join(scratch, 'user-bare') });
    expect(status).toBe(1);
    expect(find(lines, 'dialog')[0]!.body).toMatch(/screens are missing/);
  });

  it('quits at once when another instance already runs, without touching the database', () => {
    const userData = path.join(scratch, 'user-second');
    const { status, lines } = runMain({ FAKE_USER_DATA: userData, FAKE_LOCK: 'taken' });
    expect(status).toBe(0);
    expect(find(lines, 'quit')).toHaveLength(1);
    expect(find(lines, 'window')).toHaveLength(0);
    expect(fs.existsSync(userData)).toBe(false);
  });
});
