#!/usr/bin/env -S npx tsx
/**
 * Time to interactive per screen, in the browser harness on a demo territory:
 *   npx tsx scripts/bench-ui.ts [--scale N] [--runs N] [--db FILE] [--screens-only]
 *
 * Then (unless --screens-only) the two figures issue 12 asks for, in the same run: typing latency
 * in the progress form with 60 actions at 1× and 4× CPU slow-down (scripts/bench-ui-typing.ts,
 * budget 16 ms per character at 4×) and the load time of the roll-up's indicator trends at 1× and
 * 4× (scripts/bench-ui-trends.ts).
 *
 * "Interactive" = after in-app navigation (a hash change, as a click does), the screen's heading
 * is there, nothing is still loading, and the browser has painted a frame. The budget is 300 ms.
 * Measured in Debian's Chromium at 1366×768; figures are printed as a table (median and worst).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startPreviewServer } from '../electron/harness/preview-server';
import { benchTrends } from './bench-ui-trends';
import { benchTyping, TYPING_BUDGET_MS } from './bench-ui-typing';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2026-10-20T15:00:00.000Z';
const BUDGET_MS = 300;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const scale = Number(option('--scale', '1'));
const runs = Number(option('--runs', '7'));
let dbFile = option('--db', '');
let scratch: string | null = null;
if (!dbFile) {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
  dbFile = path.join(scratch, 'planner.db');
  const started = Date.now();
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'electron', 'cli', 'cli.ts'), '--db', dbFile, 'init', '--demo', '--now', NOW.slice(0, 10), '--scale', String(scale)], { stdio: 'ignore' });
  console.log(`Demo territory at scale ${scale} seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const offset = Date.parse(NOW) - Date.now();
const server = await startPreviewServer({ dbFile, port: 0, clock: { now: () => new Date(Date.now() + offset).toISOString() }, log: () => {} });
const core = server.core;
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const matrix = must(core.invoke('completeness:matrix', { fiscalYear: 2026 }));
const active = matrix.rows.find((r) => r.planStatus === 'active')!;
const biggest = must(core.invoke('plans:list', {})).sort((a, b) => b.actionCount - a.actionCount)[0]!;
const commitment = must(core.invoke('commitments:list', {}))[0]!;
const counts = core.context.sqlite.prepare("SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM actions) AS actions, (SELECT count(*) FROM progress_entries) AS entries, (SELECT count(*) FROM changesets) AS changesets").get() as Record<string, number>;

// A plan far larger than any real one (10 priorities × 30 actions), to see long tables and forms.
const unplanned = matrix.rows.find((r) => r.planId === null)!;
const big = must(core.invoke('plans:create', { communityId: unplanned.communityId, fiscalYear: 2026 }));
for (let p = 1; p <= 10; p++) {
  const priority = must(core.invoke('priorities:add', { planId: big.id, title: `Stress priority ${p}`, zone: 'prevention' }));
  for (let a = 1; a <= 30; a++) must(core.invoke('actions:add', { priorityId: priority.id, title: `Action ${p}.${a} with a title of ordinary length`, owner: 'joint', plannedQuarters: [1, 2, 3, 4] }));
  must(core.invoke('indicators:add', { priorityId: priority.id, name: `Indicator ${p}`, unit: 'events', baseline: 1, target: 2, direction: 'increase' }));
}
must(core.invoke('plans:agree', { planId: big.id, communitySignatory: 'A', communitySignedOn: '2026-04-01', detachmentSignatory: 'B', detachmentSignedOn: '2026-04-01' }));

const screens: Array<[string, string]> = [
  ['Home (coordinator)', '#/'],
  ['Communities', '#/communities'],
  ['Community', `#/communities/${active.communityId}`],
  [`Plan editor (${biggest.actionCount} actions)`, `#/plans/${biggest.id}`],
  ['Quarterly progress', `#/plans/${active.planId}/progress/2`],
  ['Quarterly report', `#/plans/${active.planId}/report/1`],
  ['Territorial roll-up', '#/rollup/completeness'],
  ['Roll-up, 10 years (33 × 40 quarters)', '#/coordinator/history'],
  ['Commitments', '#/commitments'],
  ['Commitment detail', `#/commitments/${commitment.id}`],
  ['Settings', '#/settings'],
  ['Plan editor, 300 actions', `#/plans/${big.id}`],
  ['Quarterly progress, 300 actions', `#/plans/${big.id}/progress/2`],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.clock.setFixedTime(new Date(NOW));

/**
 * Navigates in-app and resolves with the milliseconds until the screen is interactive. Written as
 * page source text: tsx would otherwise wrap the function with a helper the page does not have.
 */
const MEASURE = `(target) => new Promise((resolve, reject) => {
  const start = performance.now();
  const previous = document.querySelector('main h1');
  window.location.hash = target;
  const check = () => {
    const h1 = document.querySelector('main h1');
    if (h1 && h1 !== previous && document.querySelectorAll('main .loading').length === 0) {
      requestAnimationFrame(() => resolve(performance.now() - start));
    } else if (performance.now() - start > 10000) reject(new Error(target + ' did not become ready'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

function timeNavigation(p: Page, hash: string): Promise<number> {
  return p.evaluate(`(${MEASURE})(${JSON.stringify(hash)})`) as Promise<number>;
}

const coldStart = Date.now();
await page.goto(`${server.openingUrl()}#/`);
await page.locator('main h1').waitFor();
await page.waitForFunction("document.querySelectorAll('main .loading').length === 0");
const cold = Date.now() - coldStart;

// One pass first, so the figures are for a warmed-up app (the JIT, SQLite's page cache), as a person sees it after the first minute.
for (const [, hash] of screens) {
  await page.evaluate("window.location.hash = '#/no-such-screen'");
  await page.locator('main h1').waitFor();
  await timeNavigation(page, hash);
}

const results: Array<{ screen: string; median: number; worst: number }> = [];
for (const [name, hash] of screens) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate("window.location.hash = '#/no-such-screen'");
    await page.locator('main h1').waitFor();
    times.push(await timeNavigation(page, hash));
  }
  times.sort((a, b) => a - b);
  results.push({ screen: name, median: times[Math.floor(times.length / 2)]!, worst: times[times.length - 1]! });
}

await browser.close();
await server.close();
if (scratch) fs.rmSync(scratch, { recursive: true, force: true });

console.log(`\nDemo territory: scale ${scale}, ${counts.plans} plans, ${counts.actions} actions, ${counts.entries} progress entries, ${counts.changesets} changesets.`);
console.log(`First load of the app (page load to interactive home): ${cold} ms\n`);
console.log('| Screen | median ms | worst ms | within 300 ms |');
console.log('|---|---:|---:|---|');
for (const r of results) console.log(`| ${r.screen} | ${r.median.toFixed(0)} | ${r.worst.toFixed(0)} | ${r.worst <= BUDGET_MS ? 'yes' : 'NO'} |`);
let withinBudget = results.every((r) => r.worst <= BUDGET_MS);

if (!process.argv.includes('--screens-only')) {
  const typing = await benchTyping({});
  console.log(`\nTyping in the progress form (${typing.actions} actions): ${typing.at1x.toFixed(1)} ms per character at 1×, ${typing.at4x.toFixed(1)} ms at 4× CPU slow-down (90th percentile ${typing.p90at1x.toFixed(1)} / ${typing.p90at4x.toFixed(1)} ms; budget ${TYPING_BUDGET_MS} ms at 4×: ${typing.at4x <= TYPING_BUDGET_MS ? 'met' : 'NOT met'}).`);
  const trends = await benchTrends({ log: () => {} });
  console.log(`Indicator trends: loaded in ${trends.at1x.toFixed(0)} ms at 1×, ${trends.at4x.toFixed(0)} ms at 4× CPU slow-down (page ${trends.pageHeight} px high, ${trends.chartsDrawn} charts drawn on load).`);
  withinBudget &&= typing.at4x <= TYPING_BUDGET_MS;
}
process.exitCode = withinBudget ? 0 : 1;
