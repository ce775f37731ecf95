import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli';

/**
 * The command line as it ships: scripts/build-electron.mjs bundles it into one file
 * (planner-cli.cjs, beside the migrations), run with plain Node: no tsx, no TypeScript at run time.
 * `npm run cli` and the installed `planner` command run this same file; the other CLI tests run it
 * too (built once per run into dist/test-cli/). This one checks what the file needs, and
 * `call --batch`, one process for many calls.
 */
let scratch: string;
let cli: string;
let db: string;

function runBundle(args: string[], input = '') {
  const result = spawnSync(process.execPath, [cli, '--db', db, ...args], {
    cwd: scratch,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', XDG_CONFIG_HOME: path.join(scratch, 'config') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const batchLines = (calls: Array<{ method: string; input?: unknown }>) => calls.map((call) => JSON.stringify(call)).join('\n');

beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, 'test', 'output'), { recursive: true });
  scratch = fs.mkdtempSync(path.join(ROOT, 'test', 'output', 'cli-bundle-'));
  const outDir = path.join(scratch, 'dist', 'electron');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', `--out-dir=${outDir}`], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  cli = path.join(outDir, 'planner-cli.cjs');
  db = path.join(scratch, 'demo.db');
  const init = runBundle(['init', '--demo', '--now', '2026-11-24']);
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
}, 90_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the bundled command line', () => {
  it('is one file that needs neither tsx nor the TypeScript sources', () => {
    const source = fs.readFileSync(cli, 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Its only run-time requires are Node's own modules, better-sqlite3 and, for `report --pdf` in a checkout, the harness loader's.
    const required = new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!).filter((name) => !name.startsWith('node:')));
    expect([...required].filter((name) => !['better-sqlite3', 'tsx/esm/api', 'playwright-core'].includes(name) && !/^[a-z_]+$/.test(name))).toEqual([]);
    expect(source).not.toMatch(/electron\/cli\/[a-z-]+\.ts/);
    const run = runBundle(['call', 'communities:list', '{}']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).value).toHaveLength(33);
  });

  it('answers 33 communities × 4 quarters in one batch: one compact envelope per line, in order', () => {
    const communities = JSON.parse(runBundle(['call', 'communities:list', '{}']).stdout).value as Array<{ id: string }>;
    const plans = JSON.parse(runBundle(['call', 'plans:list', '{}']).stdout).value as Array<{ id: string; communityId: string }>;
    const calls = communities.flatMap((community) =>
      [1, 2, 3, 4].map((quarter) => {
        const plan = plans.find((p) => p.communityId === community.id);
        return plan ? { method: 'progress:get', input: { planId: plan.id, quarter } } : { method: 'communities:get', input: { communityId: community.id } };
      }),
    );
    expect(calls).toHaveLength(132);
    const run = runBundle(['call', '--batch'], `${batchLines(calls)}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(132);
    expect(lines.every((line) => JSON.parse(line).ok === true)).toBe(true);
    // The same answer as a call of its own.
    const single = runBundle(['call', calls[5]!.method, JSON.stringify(calls[5]!.input)]);
    expect(JSON.parse(lines[5]!)).toEqual(JSON.parse(single.stdout));
  });

  it('answers a line that is not a call with a refusal in its place and goes on; exit code 2', () => {
    const input = ['{"method": "themes:list"}', '', 'not json', '{"method": "plans:explode", "input": {}}', '{"method": "progress:get", "input": {"planId": "p", "quarter": 5}}', '["themes:list"]', '{"method": "detachments:list", "input": {}}'].join('\n');
    const run = runBundle(['call', '--batch'], input);
    expect(run.code).toBe(2);
    const codes = run.stdout.trimEnd().split('\n').map((line) => {
      const envelope = JSON.parse(line) as { ok: boolean; error?: { code: string } };
      return envelope.ok ? 'ok' : envelope.error!.code;
    });
    expect(codes).toEqual(['ok', 'invalid_input', 'unknown_method', 'invalid_input', 'invalid_input', 'ok']);
  });

  it('refuses a method named on the command line with --batch, before opening the database', () => {
    const run = runBundle(['call', '--batch', 'plans:list']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^call --batch takes its calls from standard input/);
  });
});
