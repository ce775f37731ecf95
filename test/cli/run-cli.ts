import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Built once per run by test/support/cli-bundle-setup.ts (the node and e2e projects' globalSetup). */
export const CLI = path.join(ROOT, 'dist', 'test-cli', 'planner-cli.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command line in a child process, as a person would: the bundle as it ships, with
 * plain Node. XDG_CONFIG_HOME points at a temp folder so that nothing can ever reach the desktop
 * app's own database.
 */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: cliEnv(options.env),
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, CSP_DEBUG: '', XDG_CONFIG_HOME: path.join(os.tmpdir(), 'csp-cli-test-config'), ...extra };
}

/** The same, without blocking: independent steps (three digests, two imports) can run side by side. */
export function runCliAsync(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'csp-cli-'));
}

/** The parsed envelope; fails when stdout holds anything but one JSON document. */
export function envelope(run: CliRun): { ok: true; value: any } | { ok: false; error: { code: string; message: string } } {
  return JSON.parse(run.stdout);
}
