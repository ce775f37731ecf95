/**
 * A fresh demo territory for an end-to-end run, made by the real command line
 * (`cli --db FILE init --demo --now DATE`) so the tests exercise what a person would run.
 */
import { execFileSync } from 'node:child_process';
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

export function createDemoDatabase(dir: string, now = E2E_NOW, scale = 1): string {
  const dbFile = path.join(dir, 'planner.db');
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'electron', 'cli', 'cli.ts'), '--db', dbFile, 'init', '--demo', '--now', now.slice(0, 10), '--scale', String(scale)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return dbFile;
}
