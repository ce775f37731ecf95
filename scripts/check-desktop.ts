/**
 * Checks an INSTALLED planner on a real Electron runtime: the part of docs/packaging.md's checklist
 * that can be checked from outside the window. Run it on a laptop, from a checkout:
 *
 *   npx tsx scripts/check-desktop.ts "<path to the installed executable>"
 *
 * 1 the fuses, 2 the window, 3 the preload under the sandbox, 4 a call through IPC, 5 the signing
 * key in the system key store, 6 the single-instance hand-over of a bundle, 7 the command line.
 * Prints one line per check; exits 1 when any failed. On Linux the app runs on a throw-away
 * profile (XDG_CONFIG_HOME); on Windows and macOS on the account's own profile: use a test account.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { defaultDatabaseFile } from '../electron/cli/default-db-path';

const executable = process.argv[2];
if (!executable || !fs.existsSync(executable)) {
  console.error('Give the path of the installed executable, e.g. "/opt/Community Safety Planner/planner".');
  process.exit(2);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'planner-check-'));
const env = { ...process.env, ...(process.platform === 'linux' ? { XDG_CONFIG_HOME: path.join(scratch, 'config') } : {}) };
const userDb = defaultDatabaseFile({ platform: process.platform, env, home: os.homedir() });
let failures = 0;

function report(step: string, ok: boolean, detail = ''): void {
  if (!ok) failures += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${step}${detail ? `: ${detail}` : ''}`);
}

async function check(step: string, run: () => Promise<string | void> | string | void): Promise<void> {
  try {
    report(step, true, (await run()) ?? '');
  } catch (error) {
    report(step, false, error instanceof Error ? error.message : String(error));
  }
}

function planner(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(executable!, args, { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fuses as electron-builder.yml sets them (names as in @electron/fuses' FuseV1Options). */
async function checkFuses(): Promise<string> {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const { getConfig } = fromBuilder('app-builder-lib/out/util/config/config');
  const fuses = createRequire(fromBuilder.resolve('app-builder-lib'))('@electron/fuses');
  const wanted = (await getConfig(process.cwd(), 'electron-builder.yml', null)).electronFuses as Record<string, boolean>;
  const wire = await fuses.getCurrentFuseWire(executable);
  const wrong = Object.entries(wanted).filter(([name, on]) => {
    const index = fuses.FuseV1Options[name.charAt(0).toUpperCase() + name.slice(1)];
    return wire[index] !== (on ? fuses.FuseState.ENABLE : fuses.FuseState.DISABLE);
  });
  if (wrong.length > 0) throw new Error(`not as configured: ${wrong.map(([name]) => name).join(', ')}`);
  return `${Object.keys(wanted).length} fuses as configured`;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function checkWindow(): Promise<void> {
  const port = await freePort();
  const app = spawn(executable!, [`--remote-debugging-port=${port}`], { env, stdio: 'ignore' });
  try {
    let browser: Awaited<ReturnType<typeof chromium.connectOverCDP>> | null = null;
    for (let i = 0; i < 40 && !browser; i++) {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch(() => null);
      if (!browser) await new Promise((r) => setTimeout(r, 500));
    }
    if (!browser) return report('2 the window opens', false, 'the app opened no debugging port within 20 s');
    const page = browser.contexts()[0]?.pages()[0];
    await check('2 the window opens on app://planner/index.html', async () => {
      if (!page) throw new Error('no window');
      await page.waitForLoadState('load');
      if (!page.url().startsWith('app://planner/')) throw new Error(`it shows ${page.url()}`);
      return `"${await page.title()}" (look at it: the screens should be there)`;
    });
    await check('3 the preload works under the sandbox', async () => {
      const seen = await page!.evaluate(() => ({ api: typeof (window as any).api?.invoke, require: typeof (window as any).require, process: typeof (window as any).process }));
      if (seen.api !== 'function' || seen.require !== 'undefined' || seen.process !== 'undefined') throw new Error(JSON.stringify(seen));
      return 'window.api.invoke only';
    });
    await check('4 a call goes through IPC to the core', async () => {
      // A new database answers the first start's question: what this computer is for.
      const result = await page!.evaluate(() => (window as any).api.invoke('installation:setupState', {}));
      if (!result?.ok) throw new Error(JSON.stringify(result));
      return `set-up state "${result.value.state}"`;
    });
    await check('5 the signing key is in the system key store', () => {
      if (!fs.existsSync(`${userDb}.identity-key.safe`)) throw new Error(`no ${userDb}.identity-key.safe`);
      if (fs.existsSync(`${userDb}.identity-key`)) throw new Error(`a plain key file is there too: ${userDb}.identity-key`);
    });
    await check('6 a second start hands its bundle to the first and quits', () => {
      const db = path.join(scratch, 'sender.db');
      const bundle = path.join(scratch, 'from-sender.planbundle');
      planner(['--db', db, 'init']);
      planner(['--db', db, 'export', '--full', '--out', bundle, '--no-encryption']);
      if (!fs.existsSync(bundle)) throw new Error('could not make a bundle with the command line');
      const second = spawnSync(executable!, [bundle], { env, timeout: 20_000 });
      if (second.status !== 0) throw new Error(`the second start ended with ${second.status ?? second.signal}`);
      return 'look at the window: it should offer to import from-sender.planbundle';
    });
    await new Promise((r) => setTimeout(r, 10_000));
    await browser.close();
  } finally {
    app.kill();
  }
}

async function main(): Promise<void> {
  await check('1 fuses', checkFuses);
  await checkWindow();
  await check('7 the command line', () => {
    const db = path.join(scratch, 'cli.db');
    const init = planner(['--db', db, 'init']);
    if (init.code !== 0) throw new Error(`init: ${init.code} ${init.stderr.trim()}`);
    const batch = planner(['--db', db, 'call', '--batch'], '{"method":"themes:list"}\nnot json\n');
    const lines = batch.stdout.trim().split('\n').map((line) => JSON.parse(line) as { ok: boolean });
    if (batch.code !== 2 || lines.length !== 2 || !lines[0]!.ok || lines[1]!.ok) throw new Error(`call --batch: exit ${batch.code}, ${batch.stdout.slice(0, 200)}`);
    return 'init, call --batch and its exit code';
  });
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(failures === 0 ? 'All checks passed; now go through 8–14 of docs/packaging.md by hand.' : `${failures} check(s) failed.`);
  process.exitCode = failures === 0 ? 0 : 1;
}

await main();
