#!/usr/bin/env -S npx tsx
/**
 * Load time of the roll-up's indicator trends view, at 1× and at 4× CPU slow-down (Chromium's
 * Emulation.setCPUThrottlingRate, an old laptop's pace), in the browser harness on the demo
 * territory:
 *   npx tsx scripts/bench-ui-trends.ts [--scale N] [--runs N] [--db FILE] [--hash '#/rollup/indicators']
 *
 * "Loaded" = after in-app navigation (a hash change, as a click on the tab does) the heading is
 * there, nothing is loading, at least one chart is drawn, and the browser has painted a frame.
 * Median of `runs` navigations after one warm-up pass. The older address (#/reports/indicators)
 * works before and after the roll-up got its tabs, so the same command measures both.
 * `benchTrends` is exported for an umbrella benchmark (scripts/bench-ui.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startPreviewServer } from '../electron/harness/preview-server';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2026-10-20T15:00:00.000Z';

export interface BenchTrendsOptions {
  /** Demo territory scale (1: the demo as shipped). */
  scale?: number;
  /** Navigations measured per CPU rate (median reported). */
  runs?: number;
  /** An existing database instead of a fresh demo. */
  dbFile?: string;
  /** The trends view's address. */
  hash?: string;
  log?: (line: string) => void;
}

/** Navigates in-app and resolves with the milliseconds until the view is drawn (page source text: tsx would wrap a function). */
const MEASURE = `(target) => new Promise((resolve, reject) => {
  const start = performance.now();
  const previous = document.querySelector('main h1');
  window.location.hash = target;
  const check = () => {
    const h1 = document.querySelector('main h1');
    if (h1 && h1 !== previous && document.querySelectorAll('main .loading').length === 0 && document.querySelector('main .recharts-surface')) {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - start, height: document.documentElement.scrollHeight, charts: document.querySelectorAll('main .recharts-surface').length })));
    } else if (performance.now() - start > 30000) reject(new Error(target + ' did not become ready'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

interface Measure {
  ms: number;
  height: number;
  charts: number;
}

async function timeNavigation(page: Page, hash: string): Promise<Measure> {
  await page.evaluate("window.location.hash = '#/no-such-screen'");
  await page.locator('main h1').waitFor();
  return (await page.evaluate(`(${MEASURE})(${JSON.stringify(hash)})`)) as Measure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchTrends(opts: BenchTrendsOptions = {}): Promise<{ at1x: number; at4x: number; pageHeight: number; chartsDrawn: number }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const runs = opts.runs ?? 5;
  const hash = opts.hash ?? '#/reports/indicators';
  let dbFile = opts.dbFile ?? '';
  let scratch: string | null = null;
  if (!dbFile) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-trends-'));
    dbFile = path.join(scratch, 'planner.db');
    execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'electron', 'cli', 'cli.ts'), '--db', dbFile, 'init', '--demo', '--now', NOW.slice(0, 10), '--scale', String(opts.scale ?? 1)], { stdio: 'ignore' });
  }
  const offset = Date.parse(NOW) - Date.now();
  const server = await startPreviewServer({ dbFile, port: 0, clock: { now: () => new Date(Date.now() + offset).toISOString() }, log: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const r = server.core.invoke('installation:update', { role: 'coordinator', scopeCommunityIds: [] });
    if (!r.ok) throw new Error(r.error.message);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(`${server.openingUrl()}#/`);
    await page.locator('main h1').waitFor();
    const cdp = await page.context().newCDPSession(page);
    const result = { at1x: 0, at4x: 0, pageHeight: 0, chartsDrawn: 0 };
    for (const rate of [1, 4] as const) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await timeNavigation(page, hash); // warm-up
      const measures: Measure[] = [];
      for (let i = 0; i < runs; i++) measures.push(await timeNavigation(page, hash));
      const ms = median(measures.map((m) => m.ms));
      if (rate === 1) result.at1x = ms;
      else result.at4x = ms;
      result.pageHeight = measures[0]!.height;
      result.chartsDrawn = measures[0]!.charts;
      log(`Indicator trends (${hash}) at ${rate}× CPU: median ${ms.toFixed(0)} ms over ${runs} loads (worst ${Math.max(...measures.map((m) => m.ms)).toFixed(0)} ms); page ${measures[0]!.height} px tall, ${measures[0]!.charts} charts drawn on load.`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return result;
  } finally {
    await browser.close();
    await server.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const scale = option('--scale');
  const runs = option('--runs');
  const dbFile = option('--db');
  const hash = option('--hash');
  const result = await benchTrends({ ...(scale ? { scale: Number(scale) } : {}), ...(runs ? { runs: Number(runs) } : {}), ...(dbFile ? { dbFile } : {}), ...(hash ? { hash } : {}) });
  console.log(JSON.stringify(result));
}
