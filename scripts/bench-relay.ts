/**
 * Benchmark for the core off the main thread (issue 13 §1): the latency of a trivial call
 * (installation:get) relayed to the core's worker while a full import of the demo territory runs
 * in its other worker. Target: ≤ 50 ms.
 *
 *   npx tsx scripts/bench-relay.ts [--scale 10]
 *
 * `benchRelay()` is exported so another benchmark (bench-sync) can print the same figures. The
 * demo territory is seeded by the real command line once per scale and date, and kept in the
 * system's temporary folder (like the end-to-end tests' copy). Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../electron/core/create-core';
import { startWorkerCore } from '../electron/core/worker/worker-core';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RelayFigures {
  scale: number;
  changesets: number;
  importSeconds: number;
  /** Trivial calls answered while the import ran, and their latency. */
  callsDuringImport: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The same call with nothing else running, for comparison. */
  idleMedianMs: number;
}

function demoDatabase(scale: number): string {
  const cache = path.join(os.tmpdir(), 'csp-bench-relay', `scale-${scale}`);
  const file = path.join(cache, 'planner.db');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cache, { recursive: true });
    execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'electron', 'cli', 'cli.ts'), '--db', file, 'init', '--demo', '--scale', String(scale)], { stdio: 'inherit' });
  }
  return file;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export async function benchRelay(scale = 1): Promise<RelayFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-relay-'));
  try {
    const source = createCore({ dbFile: demoDatabase(scale), log: () => {} });
    const bundle = path.join(dir, 'territory.planbundle');
    let changesets = 0;
    try {
      const exported = source.invoke('bundles:export', { full: true, file: bundle, encrypt: false });
      if (!exported.ok) throw new Error(exported.error.message);
      changesets = exported.value.changesetCount;
    } finally {
      source.close();
    }
    const core = await startWorkerCore({ dbFile: path.join(dir, 'receiver.db'), initialProfile: { name: 'Receiver', userName: 'Receiver', role: 'coordinator' }, log: () => {} });
    try {
      const idle: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await core.call('installation:get', {});
        idle.push(performance.now() - t);
      }
      const during: number[] = [];
      let running = true;
      const started = performance.now();
      const importing = core.call('bundles:import', { file: bundle, trustNewSender: true, allCommunities: true }).finally(() => (running = false));
      // One call after another for as long as the import runs (only those answered before it ended count).
      while (running) {
        const t = performance.now();
        await core.call('installation:get', {});
        if (running) during.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const imported = await importing;
      if (!imported.ok) throw new Error(imported.error.message);
      const importSeconds = (performance.now() - started) / 1000;
      const sorted = [...during].sort((a, b) => a - b);
      const idleSorted = [...idle].sort((a, b) => a - b);
      return {
        scale,
        changesets,
        importSeconds: +importSeconds.toFixed(2),
        callsDuringImport: during.length,
        medianMs: +quantile(sorted, 0.5).toFixed(1),
        p95Ms: +quantile(sorted, 0.95).toFixed(1),
        maxMs: +(sorted.at(-1) ?? NaN).toFixed(1),
        idleMedianMs: +quantile(idleSorted, 0.5).toFixed(1),
      };
    } finally {
      await core.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const isEntryPoint = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const scaleIndex = process.argv.indexOf('--scale');
  const scale = scaleIndex > 0 ? Number(process.argv[scaleIndex + 1]) : 1;
  const figures = await benchRelay(scale);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`Relay latency of installation:get during a ${figures.changesets}-changeset import: median ${figures.medianMs} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms (target ≤ 50 ms; idle ${figures.idleMedianMs} ms).`);
}
