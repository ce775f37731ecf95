#!/usr/bin/env -S npx tsx
/**
 * Where one laptop stops (issue 13 §5): a synthetic territory 10× and 30× the demo, and for each
 * its database size, a full import on a fresh enrolled coordinator computer, the roll-up and the
 * completeness matrices in the core, and the roll-up's first render in the browser harness.
 *
 *   npm run bench:scale -- [--only 10x|30x] [--communities N --years N] [--planned-share S]
 *                          [--keep DIR] [--no-browser] [--runs N]
 *   npx tsx scripts/bench-scale.ts --phase generate|import|rollup|sizes|browser --dir DIR [--database source]
 *
 * 10× = 330 communities, 30× = 1 000, 12 fiscal years each (the demo at scale 10 has 33), with the
 * demo's share of communities in the planning program (12 of 33; `--planned-share 1`: all).
 * Everything goes through the core's public functions (core.invoke, as the CLI calls it), so the
 * figures measure whatever core is merged. Each phase runs in its own process, so the peak memory
 * (maxRSS) printed for the import and the roll-up is theirs alone. Figures, not assertions: the
 * machines are noisy, so read ratios, and the load average printed with them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { fixedClock } from '../electron/core/changelog/clock';
import { createCore, type Core } from '../electron/core/create-core';
import { DEMO_PLANNED_SHARE, seedScaleTerritory } from '../electron/demo/scale-territory';
import { seededUlids } from '../electron/demo/seeded-ids';
import { DEFAULT_DEMO_NOW } from '../electron/demo/demo-data';
import { startPreviewServer } from '../electron/harness/preview-server';
import { fiscalYearOf } from '../shared/fiscal-calendar';

const thisFile = fileURLToPath(import.meta.url);
const projectRoot = path.resolve(path.dirname(thisFile), '..');
const NOW = DEFAULT_DEMO_NOW;
const PASSPHRASE = 'scale benchmark enrolment';
const HISTORY_YEARS = 10;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
/** This process's CPU seconds (user + system) since `from`: steadier than the wall clock on a shared machine. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return +((used.user + used.system) / 1e6).toFixed(2);
};
const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);
const peakRssMb = () => +(process.resourceUsage().maxRSS / 1024).toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The database's bytes on disk: the file and its write-ahead log. */
function databaseBytes(dbFile: string): number {
  return [dbFile, `${dbFile}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isFile() ? fs.statSync(path.join(dir, e.name)).size : folderBytes(path.join(dir, e.name))), 0);
}

interface Files {
  dir: string;
  source: string;
  receiver: string;
  bundle: string;
}

const filesIn = (dir: string): Files => ({ dir, source: path.join(dir, 'source.db'), receiver: path.join(dir, 'receiver.db'), bundle: path.join(dir, 'history.planbundle') });
const receiverBackups = (files: Files) => path.join(files.dir, 'receiver-backups');
const freshReceiver = (files: Files) => path.join(files.dir, 'receiver-enrolled.db');

function openReceiver(files: Files): Core {
  return createCore({ dbFile: files.receiver, backupDir: receiverBackups(files), clock: fixedClock(NOW), log: () => {} });
}

/**
 * `--database source`: the read phases (rollup, sizes, browser) on the generating computer's own
 * database, which holds the same territory: the roll-up figures of a size whose import did not fit
 * the time at hand.
 */
function readFiles(files: Files): Files {
  return option('--database') === 'source' ? { ...files, receiver: files.source } : files;
}

// --- Phases, each in its own process ------------------------------------------------------------

/**
 * The generating computer starts a territory and enrols a second coordinator computer while the
 * territory is still empty (an enrolment bundle carries the new computer's read scope: for a
 * coordinator, everything), then writes the history and exports it all to that computer.
 */
function generate(files: Files, communities: number, years: number, plannedShare: number | undefined) {
  const clock = fixedClock(`${Number(NOW.slice(0, 4)) - years}-12-01T15:00:00.000Z`);
  const source = createCore({ dbFile: files.source, clock, ids: seededUlids(1, clock, 'scale-source'), log: () => {} });
  const started = must(source.invoke('territory:start', { territoryName: 'Scale territory', computerName: 'Justice HQ', userName: 'Territorial coordinator', locale: 'en' }));
  const receiver = openReceiver(files);
  must(receiver.invoke('territory:join', { computerName: 'Second coordinator computer', userName: 'Deputy coordinator' }));
  const requestFile = path.join(files.dir, 'receiver.enrolment-request.json');
  must(receiver.invoke('enrolment:writeRequest', { file: requestFile }));
  const request = must(source.invoke('enrolment:readRequest', { file: requestFile }));
  const enrolment = path.join(files.dir, 'enrolment.planbundle');
  must(source.invoke('enrolment:enrol', { requestId: request.requestId, role: 'coordinator', communityIds: null, file: enrolment, passphrase: PASSPHRASE }));
  must(receiver.invoke('enrolment:accept', { file: enrolment, passphrase: PASSPHRASE, territoryFingerprint: started.territory!.fingerprint }));
  const receiverId = must(receiver.invoke('sync:whoami', {})).installationId;
  receiver.close();
  // Kept as enrolled, so the import can be measured again (`--phase import --dir DIR` starts from it).
  for (const suffix of ['', '.identity-key']) fs.copyFileSync(`${files.receiver}${suffix}`, `${freshReceiver(files)}${suffix}`);

  let t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let lastPrinted = 0;
  const summary = seedScaleTerritory(source, {
    communities,
    years,
    ...(plannedShare === undefined ? {} : { plannedShare }),
    now: NOW,
    onProgress: (done, total) => {
      const elapsed = seconds(t);
      if (elapsed - lastPrinted < 10 && done < total) return;
      lastPrinted = elapsed;
      process.stderr.write(`  generating: ${done} of ${total} steps (${((done / total) * 100).toFixed(0)} %), ${elapsed.toFixed(0)} s, about ${((elapsed / done) * (total - done)).toFixed(0)} s to go\n`);
    },
  });
  const generateSeconds = seconds(t);
  const generateCpuSeconds = cpuSeconds(cpu);
  source.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const sourceBytes = databaseBytes(files.source);

  t = process.hrtime.bigint();
  const exported = must(source.invoke('bundles:export', { to: receiverId, file: files.bundle }));
  const exportSeconds = seconds(t);
  source.close();
  return { ...summary, generateSeconds, generateCpuSeconds, changesetsPerSecond: Math.round(summary.changesets / generateSeconds), sourceBytes, exportSeconds, bundleBytes: fs.statSync(files.bundle).size, exportedChangesets: exported.changesetCount, peakRssMb: peakRssMb() };
}

/** The full import on the fresh enrolled coordinator computer, then the same bundle again. */
function importPhase(files: Files) {
  if (fs.existsSync(freshReceiver(files))) {
    fs.rmSync(receiverBackups(files), { recursive: true, force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${files.receiver}${suffix}`, { force: true });
    for (const suffix of ['', '.identity-key']) fs.copyFileSync(`${freshReceiver(files)}${suffix}`, `${files.receiver}${suffix}`);
  }
  const receiver = openReceiver(files);
  let t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const first = receiver.invoke('bundles:import', { file: files.bundle });
  // A refusal is a figure too (at 30× the whole history unpacks past the 512 MB a bundle may hold).
  if (!first.ok) {
    receiver.close();
    return { refused: first.error.message, afterSeconds: seconds(t), peakRssMb: peakRssMb() };
  }
  const result = first.value;
  const importSeconds = seconds(t);
  const importCpuSeconds = cpuSeconds(cpu);
  const rssAfterImport = peakRssMb();
  t = process.hrtime.bigint();
  must(receiver.invoke('bundles:import', { file: files.bundle }));
  const reimportSeconds = seconds(t);
  receiver.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const digest = must(receiver.invoke('sync:digest', {})).digest;
  receiver.close();
  return { importedChangesets: result.changesetCount, importSeconds, importCpuSeconds, importChangesetsPerSecond: Math.round(result.changesetCount / importSeconds), reimportSeconds, receiverBytes: databaseBytes(files.receiver), backupBytes: folderBytes(receiverBackups(files)), digest, peakRssMb: rssAfterImport };
}

/** The calls the roll-up screen and the 10-year matrix make, in the core: on a freshly opened core (cold), then the median of the next runs. */
function rollupPhase(files: Files, runs: number) {
  const fiscalYear = fiscalYearOf(NOW);
  const years = Array.from({ length: HISTORY_YEARS }, (_, i) => fiscalYear - HISTORY_YEARS + 1 + i);
  const timed = (work: () => unknown) => {
    const t = process.hrtime.bigint();
    work();
    return seconds(t) * 1000;
  };
  const cpuMs = (work: () => unknown) => {
    const c = process.cpuUsage();
    work();
    return cpuSeconds(c) * 1000;
  };
  const cold = openReceiver(files);
  const rollup = () => must(cold.invoke('rollup:get', { fiscalYear }));
  const matrices = () => years.map((y) => must(cold.invoke('completeness:matrix', { fiscalYear: y })));
  const coldRollupMs = timed(rollup);
  const coldMatricesMs = timed(matrices);
  const rollupMs: number[] = [];
  const matricesMs: number[] = [];
  const rollupCpuMs: number[] = [];
  const matricesCpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    rollupMs.push(timed(rollup));
    matricesMs.push(timed(matrices));
    rollupCpuMs.push(cpuMs(rollup));
    matricesCpuMs.push(cpuMs(matrices));
  }
  const counts = cold.context.sqlite
    .prepare('SELECT (SELECT count(*) FROM communities) AS communities, (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM actions) AS actions, (SELECT count(*) FROM progress_entries) AS progressEntries, (SELECT count(*) FROM changesets) AS changesets')
    .get() as Record<string, number>;
  cold.close();
  return { fiscalYear, counts, coldRollupMs, coldMatricesMs, rollupMs: median(rollupMs), matricesMs: median(matricesMs), rollupCpuMs: median(rollupCpuMs), matricesCpuMs: median(matricesCpuMs), peakRssMb: peakRssMb() };
}

/** Which tables hold the bytes (SQLite's dbstat), grouped: the change log against the domain's rows. */
function sizesPhase(files: Files) {
  const core = openReceiver(files);
  try {
    const rows = core.context.sqlite.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC").all() as Array<{ name: string; bytes: number }>;
    const tables = core.context.sqlite.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')").all() as Array<{ name: string; tbl_name: string }>;
    const tableOf = new Map(tables.map((t) => [t.name, t.tbl_name]));
    const byTable = new Map<string, number>();
    for (const r of rows) {
      const table = tableOf.get(r.name) ?? r.name;
      byTable.set(table, (byTable.get(table) ?? 0) + r.bytes);
    }
    return Object.fromEntries([...byTable].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, b]) => [t, mb(b)]));
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  } finally {
    core.close();
  }
}

// --- The browser harness ------------------------------------------------------------------------

/** Navigates in-app and resolves with the milliseconds until a table or chart of the screen is drawn (page source text: tsx would wrap a function). */
const MEASURE = `(target) => new Promise((resolve, reject) => {
  const start = performance.now();
  const previous = document.querySelector('main h1');
  window.location.hash = target;
  const check = () => {
    const h1 = document.querySelector('main h1');
    const drawn = document.querySelector('main table, main [role="table"], main [role="grid"], main .recharts-surface');
    if (h1 && h1 !== previous && drawn && document.querySelectorAll('main .loading').length === 0) {
      requestAnimationFrame(() => resolve(performance.now() - start));
    } else if (performance.now() - start > 300000) reject(new Error(target + ' did not draw within five minutes'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

async function timeNavigation(page: Page, hash: string): Promise<number> {
  await page.evaluate("window.location.hash = '#/no-such-screen'");
  await page.locator('main h1').waitFor({ timeout: 300_000 });
  return (await page.evaluate(`(${MEASURE})(${JSON.stringify(hash)})`)) as number;
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

/** The page's main-thread busy time (Chromium's TaskDuration) spent on one navigation: less sensitive to a shared machine than the wall clock. */
async function busyDuring(cdp: Cdp, work: () => Promise<number>): Promise<{ ms: number; busyMs: number }> {
  const busy = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const before = await busy();
  const ms = await work();
  return { ms, busyMs: (await busy()) - before };
}

async function browserPhase(files: Files, runs: number) {
  const offset = Date.parse(NOW) - Date.now();
  const server = await startPreviewServer({ dbFile: files.receiver, port: 0, clock: { now: () => new Date(Date.now() + offset).toISOString() }, log: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.setDefaultTimeout(300_000);
    await page.clock.setFixedTime(new Date(NOW));
    const homeStart = Date.now();
    await page.goto(`${server.openingUrl()}#/`);
    await page.locator('main h1').waitFor();
    // Not waitForFunction with a string: the page's security policy forbids evaluating strings (no 'unsafe-eval').
    await page.locator('main .loading').first().waitFor({ state: 'detached' });
    const homeMs = Date.now() - homeStart;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const out: Record<string, number> = { homeMs };
    for (const [name, hash] of [['rollup', '#/rollup/completeness'], ['history', '#/coordinator/history']] as const) {
      out[`${name}FirstMs`] = await timeNavigation(page, hash);
      for (const rate of [1, 4] as const) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        const times: Array<{ ms: number; busyMs: number }> = [];
        for (let i = 0; i < runs; i++) times.push(await busyDuring(cdp, () => timeNavigation(page, hash)));
        out[`${name}At${rate}xMs`] = median(times.map((x) => x.ms));
        out[`${name}At${rate}xBusyMs`] = median(times.map((x) => x.busyMs));
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
  } finally {
    await browser.close();
    await server.close();
  }
}

// --- The run ------------------------------------------------------------------------------------

interface Scale {
  name: string;
  communities: number;
  years: number;
}

function runPhase(phase: string, files: Files, extra: string[] = []): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), thisFile, '--phase', phase, '--dir', files.dir, ...extra], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  }).toString();
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const phase = option('--phase');
  const runs = Number(option('--runs') ?? '3');
  if (phase) {
    const files = filesIn(option('--dir')!);
    const share = option('--planned-share');
    const result =
      phase === 'generate'
        ? generate(files, Number(option('--communities')), Number(option('--years')), share === undefined ? undefined : Number(share))
        : phase === 'import'
          ? importPhase(files)
          : phase === 'rollup'
            ? rollupPhase(readFiles(files), runs)
            : phase === 'sizes'
              ? sizesPhase(readFiles(files))
              : await browserPhase(readFiles(files), runs);
    console.log(JSON.stringify(result));
    return;
  }

  const only = option('--only');
  const communities = option('--communities');
  const years = Number(option('--years') ?? '12');
  const scales: Scale[] = communities
    ? [{ name: `${communities} communities`, communities: Number(communities), years }]
    : [
        { name: '10×', communities: 330, years },
        { name: '30×', communities: 1000, years },
      ].filter((s) => !only || s.name === only.replace('x', '×'));
  const share = option('--planned-share');
  const keep = option('--keep');
  const browser = !process.argv.includes('--no-browser');
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${mb(os.totalmem())} MB memory, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the start.`);

  const results: Array<Record<string, unknown>> = [];
  for (const scale of scales) {
    const dir = keep ? path.join(keep, scale.name.replace('×', 'x').replace(/\s+/g, '-')) : fs.mkdtempSync(path.join(os.tmpdir(), 'csp-scale-'));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const files = filesIn(dir);
    console.log(`\n${scale.name}: ${scale.communities} communities, ${scale.years} fiscal years (in ${dir})`);
    // From the 1× and 10× runs of 3 December 2026 (docs/scale.md): about 69 changesets per planned
    // community-year, 8.4 KB of database and 1.75 ms of generating CPU each.
    const planned = Math.max(1, Math.round(scale.communities * (share ? Number(share) : DEMO_PLANNED_SHARE)));
    const expected = planned * scale.years * 69;
    console.log(`  expect about ${expected.toLocaleString('en')} changesets, ${mb(expected * 8400)} MB, ${Math.round((expected * 1.75) / 1000 / 60)} min of CPU to generate (more on a busy machine)`);
    const generated = runPhase('generate', files, ['--communities', String(scale.communities), '--years', String(scale.years), ...(share ? ['--planned-share', share] : [])]);
    console.log(`  generated ${generated.changesets} changesets (${generated.plans} plans of ${generated.plannedCommunities} communities) in ${(generated.generateSeconds as number).toFixed(0)} s (${generated.generateCpuSeconds} s of CPU); database ${mb(generated.sourceBytes as number)} MB; exported in ${(generated.exportSeconds as number).toFixed(1)} s to a ${mb(generated.bundleBytes as number)} MB bundle`);
    const imported = runPhase('import', files);
    // Refused: the read phases run on the generating computer's own database (the same territory).
    const read = imported.refused === undefined ? [] : ['--database', 'source'];
    if (imported.refused !== undefined) console.log(`  import REFUSED after ${(imported.afterSeconds as number).toFixed(1)} s (peak RSS ${imported.peakRssMb} MB): ${String(imported.refused)} The read phases below use the generating computer's database.`);
    else console.log(`  imported in ${(imported.importSeconds as number).toFixed(1)} s (${imported.importCpuSeconds} s of CPU, ${imported.importChangesetsPerSecond} changesets/s, peak RSS ${imported.peakRssMb} MB); again in ${(imported.reimportSeconds as number).toFixed(1)} s; database ${mb(imported.receiverBytes as number)} MB, backups ${mb(imported.backupBytes as number)} MB`);
    const rollup = runPhase('rollup', files, read);
    console.log(`  roll-up in the core: ${(rollup.coldRollupMs as number).toFixed(0)} ms cold, ${(rollup.rollupMs as number).toFixed(0)} ms warm (${(rollup.rollupCpuMs as number).toFixed(0)} ms of CPU); ${HISTORY_YEARS} completeness matrices: ${(rollup.coldMatricesMs as number).toFixed(0)} ms cold, ${(rollup.matricesMs as number).toFixed(0)} ms warm (${(rollup.matricesCpuMs as number).toFixed(0)} ms of CPU) (peak RSS ${rollup.peakRssMb} MB)`);
    const sizes = runPhase('sizes', files, read);
    console.log(`  largest tables (MB, with their indexes): ${JSON.stringify(sizes)}`);
    const page = browser ? runPhase('browser', files, read) : null;
    if (page) console.log(`  in the harness: home ${page.homeMs} ms; roll-up first drawn ${page.rollupFirstMs} ms, then ${page.rollupAt1xMs} ms at 1× and ${page.rollupAt4xMs} ms at 4× CPU slow-down (page busy ${page.rollupAt1xBusyMs} / ${page.rollupAt4xBusyMs} ms); 10-year matrix ${page.historyFirstMs} / ${page.historyAt1xMs} / ${page.historyAt4xMs} ms (busy ${page.historyAt1xBusyMs} / ${page.historyAt4xBusyMs} ms)`);
    results.push({ scale: scale.name, communities: scale.communities, years: scale.years, generated, imported, rollup, sizes, page, loadAverage: os.loadavg().map((l) => +l.toFixed(1)) });
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${JSON.stringify(results, null, 2)}`);
}

await main();
