import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Starts a bundled main.cjs under plain Node with the stand-in for 'electron'
 * (fixtures/fake-electron.cjs) and returns the JSON lines the stand-in printed about what main did.
 * `appPath` is what app.getAppPath() answers: a project folder, or an unpacked app.asar.
 */
export const FAKE_ELECTRON = path.resolve(import.meta.dirname, '..', 'fixtures', 'fake-electron.cjs');

export type MainLine = { kind: string; [key: string]: any };

export interface MainRun {
  status: number | null;
  lines: MainLine[];
  stderr: string;
}

export function runBundledMain(mainFile: string, options: { cwd: string; env: Record<string, string>; args?: string[]; input?: string }): MainRun {
  const result = spawnSync(process.execPath, ['--require', FAKE_ELECTRON, mainFile, ...(options.args ?? [])], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as MainLine);
  return { status: result.status, lines, stderr: result.stderr };
}

export const linesOf = (lines: MainLine[], kind: string) => lines.filter((l) => l.kind === kind);
