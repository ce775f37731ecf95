/**
 * A fresh demo territory for an end-to-end run, made by the real command line
 * (`cli --db FILE init --demo --now DATE`) so the tests exercise what a person would run.
 *
 * Seeding takes 10–20 s on the CI machine and a dozen test files ask for the same territory, so
 * the first one made in a run (per date and scale, and per state of the code that makes it) is
 * kept in the system's temporary folder and the others get a copy of its files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * "Today" for the end-to-end scenarios: early in Q3 of FY 2026–27, before Q2's report is due
 * (30 days after 30 September), so a Q2 report submitted now counts as on time.
 */
export const E2E_NOW = '2026-10-20T15:00:00.000Z';

export function makeTempDir(prefix = 'csp-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The code a demo database is made from: any change to it makes a new one. */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|sql|json)$/.test(entry.name)) hash.update(path.relative(projectRoot, full)).update(fs.readFileSync(full));
    }
  };
  for (const folder of ['electron', 'db', 'shared']) walk(path.join(projectRoot, folder));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The folder holding the demo territory for `now` and `scale`, seeded first if this state of the
 * code has none yet. The e2e run seeds the usual one (E2E_NOW, scale 1) once, in its global set-up
 * (demo-cache-setup.ts), before any file asks for it: files running side by side then never seed
 * the same territory twice. A seed appears whole or not at all (made aside, then renamed).
 */
export function demoCache(now = E2E_NOW, scale = 1): string {
  const cache = path.join(os.tmpdir(), 'csp-e2e-demo-cache', `${sourceDigest()}-${now.slice(0, 10)}-${scale}`);
  if (!fs.existsSync(path.join(cache, 'planner.db'))) {
    const fresh = makeTempDir('csp-e2e-seed-');
    seedDemoDatabase(path.join(fresh, 'planner.db'), now, scale);
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    try {
      fs.renameSync(fresh, cache);
    } catch {
      // Another run kept the same territory first: use its copy.
      removeTempDir(fresh);
    }
  }
  return cache;
}

export function createDemoDatabase(dir: string, now = E2E_NOW, scale = 1): string {
  const dbFile = path.join(dir, 'planner.db');
  const cache = demoCache(now, scale);
  for (const name of fs.readdirSync(cache)) {
    fs.copyFileSync(path.join(cache, name), path.join(dir, name));
    fs.chmodSync(path.join(dir, name), 0o600);
  }
  return dbFile;
}

function seedDemoDatabase(dbFile: string, now: string, scale: number): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'dist', 'test-cli', 'planner-cli.cjs'), '--db', dbFile, 'init', '--demo', '--now', now.slice(0, 10), '--scale', String(scale)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}
