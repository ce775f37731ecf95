/**
 * Benchmark for plan bundles and storage (issue 13, §2 and §3): for the demo territory at scale 1
 * and scale 10, in ONE run, so the ratios compare like with like on a noisy machine:
 *
 * - raw SQL load: the receiving database after its import, dumped to SQL text and loaded into a
 *   fresh file in one transaction (better-sqlite3 `exec`, in this process), and by the sqlite3
 *   shell (`sqlite3 new.db < dump.sql`, process start included) when it is installed;
 * - export of the whole history as one bundle ('bundles:export', full, unencrypted);
 * - full import of that bundle into a fresh computer ('bundles:import': every changeset's origin and
 *   integrity proven, as a real import does), then re-import of the same bundle (median of 3);
 * - database size before and after import (main file after a checkpoint), the source's size, and
 *   the largest tables and indexes after import (SQLite's dbstat);
 * - a backup of the imported database: VACUUM INTO (what the planner does) and better-sqlite3's
 *   online backup, size and time;
 * - the latency of a trivial call relayed to the core's worker during an import (bench-relay.ts).
 *
 *   npm run bench:sync              (scales 1 and 10)
 *   npx tsx scripts/bench-sync.ts --scales 1
 *   npx tsx scripts/bench-sync.ts --cached   (the demo databases scripts/bench-import.ts keeps, when there)
 *
 * It calls the core's own export and import, so it measures whatever they do when it is run.
 * Figures, not assertions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupDatabase } from '../db/backups';
import { registerChangesetFunctions } from '../db/changeset-text';
import { createCore, type Core } from '../electron/core/create-core';
import { memoryKeyStore } from '../electron/core/bundles/identity';
import { demoCoreOptions, seedDemoTerritory } from '../electron/demo/demo-data';
import { benchRelay } from './bench-relay';

const NOW = '2026-12-03';
const argIndex = process.argv.indexOf('--scales');
const scales = argIndex > 0 ? process.argv[argIndex + 1]!.split(',').map(Number) : [1, 10];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-sync-'));
const useCache = process.argv.includes('--cached');
const shell = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0 ? 'sqlite3' : null;

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
function timed<T>(work: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = work();
  return [value, seconds(start)];
}
async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, seconds(start)];
}
const MB = (bytes: number) => +(bytes / 1e6).toFixed(2);

/** The database's size on disk once its write-ahead log is folded in. */
function fileBytes(core: Core, file: string): number {
  core.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(file).size;
}

/** The largest tables and indexes (dbstat), in MB. */
function largest(sqlite: Database.Database, n = 6): Record<string, number> {
  try {
    const rows = sqlite.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT ?').all(n) as Array<{ name: string; bytes: number }>;
    return Object.fromEntries(rows.map((r) => [r.name, MB(r.bytes)]));
  } catch {
    return {};
  }
}

/** The whole database as SQL text, as the sqlite3 shell's .dump writes it: tables with their rows, then indexes and views. */
function dumpSql(sqlite: Database.Database): string {
  const objects = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")
    .all() as Array<{ type: string; name: string; sql: string }>;
  const out: string[] = ['PRAGMA foreign_keys=OFF;']; // as .dump writes it: rows before the tables they refer to
  for (const o of objects) {
    out.push(`${o.sql};`);
    if (o.type !== 'table') continue;
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(o.name) as string[]).map((c) => `quote("${c}")`);
    const rows = sqlite.prepare(`SELECT 'INSERT INTO "${o.name}" VALUES(' || ${columns.join(" || ',' || ")} || ');' FROM "${o.name}"`).pluck().all() as string[];
    out.push(...rows);
  }
  return out.join('\n');
}

function coordinator(file: string): Core {
  return createCore({
    dbFile: file,
    keyStore: memoryKeyStore(),
    initialProfile: { name: 'Receiving coordinator', userName: 'Bench', role: 'coordinator' },
    log: () => {},
  });
}

interface Figures {
  scale: number;
  changesets: number;
  ops: number;
  /** Null when the seeded database came from the cache (--cached). */
  seedSeconds: number | null;
  sourceMB: number;
  exportSeconds: number;
  /** Median of 3 exports, interleaved with 3 from the same data stored as before migration 0006. */
  exportMedianSeconds: number;
  exportTextStorageMedianSeconds: number;
  bundleMB: number;
  emptyMB: number;
  importSeconds: number;
  importedMB: number;
  reimportSeconds: number;
  reimportWroteOnlyTheRecord: boolean;
  rawLoadSeconds: number;
  rawLoadShellSeconds: number | null;
  dumpMB: number;
  vacuumIntoSeconds: number;
  vacuumIntoMB: number;
  onlineBackupSeconds: number;
  onlineBackupMB: number;
  digestsEqual: boolean;
  largestAfterImport: Record<string, number>;
}

async function run(scale: number): Promise<Figures> {
  const sourceFile = path.join(dir, `source-${scale}.db`);
  const sourceKeys = memoryKeyStore();
  // --cached: the demo database bench-import.ts keeps between runs (seeded once; seeding scale 10 on a loaded machine takes many minutes).
  const cached = path.join(os.tmpdir(), `csp-bench-import-demo-s${scale}`);
  let source: Core;
  let seedSeconds: number | null = null;
  if (useCache && fs.existsSync(path.join(cached, 'demo.db'))) {
    fs.copyFileSync(path.join(cached, 'demo.db'), sourceFile);
    sourceKeys.save(JSON.parse(fs.readFileSync(path.join(cached, 'demo.key.json'), 'utf8')));
    source = createCore({ dbFile: sourceFile, keyStore: sourceKeys, log: () => {} });
  } else {
    source = createCore({ dbFile: sourceFile, ...demoCoreOptions({ seed: 1, scale, now: NOW }), keyStore: sourceKeys, log: () => {} });
    seedSeconds = timed(() => seedDemoTerritory(source, { seed: 1, scale, now: NOW }))[1];
  }
  const changesets = source.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
  const ops = source.context.sqlite.prepare('SELECT count(*) FROM change_ops').pluck().get() as number;
  const sourceMB = MB(fileBytes(source, sourceFile));

  const bundle = path.join(dir, `full-${scale}.planbundle`);
  const [, exportSeconds] = timed(() => must(source.invoke('bundles:export', { full: true, file: bundle, encrypt: false })));

  // Export against the storage before migration 0006 (bodies kept as text, nothing to inflate), in
  // one interleaved run: a copy of the source whose bodies are turned back into text once opened.
  const textFile = path.join(dir, `source-text-${scale}.db`);
  source.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(sourceFile, textFile);
  const textSource = createCore({ dbFile: textFile, keyStore: memoryKeyStore(sourceKeys.load()), log: () => {} });
  textSource.context.sqlite.exec('UPDATE changesets SET body = changeset_body(body)');
  const exportRounds: { deflated: number[]; text: number[] } = { deflated: [exportSeconds], text: [] };
  for (let round = 0; round < 3; round++) {
    exportRounds.text.push(timed(() => must(textSource.invoke('bundles:export', { full: true, file: path.join(dir, `text-${scale}.planbundle`), encrypt: false })))[1]);
    if (round < 2) exportRounds.deflated.push(timed(() => must(source.invoke('bundles:export', { full: true, file: path.join(dir, `again-${scale}.planbundle`), encrypt: false })))[1]);
  }
  textSource.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const receiverFile = path.join(dir, `receiver-${scale}.db`);
  const receiver = coordinator(receiverFile);
  const emptyMB = MB(fileBytes(receiver, receiverFile));
  const importInput = { file: bundle, passphrase: null, trustNewSender: true, allCommunities: true };
  const [first, importSeconds] = timed(() => must(receiver.invoke('bundles:import', importInput)));
  if (first.newChangesetCount !== changesets) throw new Error(`The import took ${first.newChangesetCount} of ${changesets} changesets.`);
  const importedMB = MB(fileBytes(receiver, receiverFile));
  const countsOf = () => receiver.context.sqlite.prepare("SELECT (SELECT count(*) FROM changesets) || '/' || (SELECT count(*) FROM change_ops) || '/' || (SELECT count(*) FROM exchanges)").pluck().get() as string;
  // The re-import, three times (it is short, so one run is at the mercy of a burst of load): the median, and each must write only its exchange record.
  const reimports: number[] = [];
  let reimportWroteOnlyTheRecord = true;
  for (let round = 0; round < 3; round++) {
    const [cs, op, ex] = countsOf().split('/').map(Number);
    const [again, seconds] = timed(() => must(receiver.invoke('bundles:import', importInput)));
    reimports.push(seconds);
    reimportWroteOnlyTheRecord &&= again.newChangesetCount === 0 && again.backupFile === null && countsOf() === `${cs}/${op}/${ex! + 1}`;
  }
  const reimportSeconds = [...reimports].sort((a, b) => a - b)[1]!;
  const digestsEqual = must(receiver.invoke('sync:digest', {})).digest === must(source.invoke('sync:digest', {})).digest;

  // Raw SQL load of the same database, in this process and by the sqlite3 shell.
  const dump = dumpSql(receiver.context.sqlite);
  const dumpFile = path.join(dir, `dump-${scale}.sql`);
  fs.writeFileSync(dumpFile, dump);
  const rawFile = path.join(dir, `raw-${scale}.db`);
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  registerChangesetFunctions(raw);
  const [, rawLoadSeconds] = timed(() => raw.exec(dump.replace('PRAGMA foreign_keys=OFF;', 'PRAGMA foreign_keys=OFF;\nBEGIN;') + '\nCOMMIT;'));
  raw.close();
  let rawLoadShellSeconds: number | null = null;
  if (shell) {
    const shellFile = path.join(dir, `raw-shell-${scale}.db`);
    const script = `PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; BEGIN;\n.read ${dumpFile}\nCOMMIT;\n`;
    [, rawLoadShellSeconds] = timed(() => execFileSync(shell, [shellFile], { input: script, stdio: ['pipe', 'ignore', 'inherit'] }));
  }

  // Backups of the imported database: VACUUM INTO (the planner's) and the online backup API.
  const backups = path.join(dir, `backups-${scale}`);
  const [made, vacuumIntoSeconds] = timed(() => backupDatabase(receiver.context.sqlite, backups, 'manual'));
  const online = path.join(dir, `online-${scale}.db`);
  const [, onlineBackupSeconds] = await timedAsync(() => receiver.context.sqlite.backup(online));

  const figures: Figures = {
    scale,
    changesets,
    ops,
    seedSeconds,
    sourceMB,
    exportSeconds,
    exportMedianSeconds: median(exportRounds.deflated),
    exportTextStorageMedianSeconds: median(exportRounds.text),
    bundleMB: MB(fs.statSync(bundle).size),
    emptyMB,
    importSeconds,
    importedMB,
    reimportSeconds,
    reimportWroteOnlyTheRecord,
    rawLoadSeconds,
    rawLoadShellSeconds,
    dumpMB: MB(Buffer.byteLength(dump)),
    vacuumIntoSeconds,
    vacuumIntoMB: MB(made.bytes),
    onlineBackupSeconds,
    onlineBackupMB: MB(fs.statSync(online).size),
    digestsEqual,
    largestAfterImport: largest(receiver.context.sqlite),
  };
  source.close();
  receiver.close();
  return figures;
}

const results: Figures[] = [];
for (const scale of scales) {
  process.stderr.write(`scale ${scale}: seeding, exporting, importing…\n`);
  results.push(await run(scale));
}
fs.rmSync(dir, { recursive: true, force: true });

const s = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const rows: Array<[string, (f: Figures) => string]> = [
  ['changesets / ops', (f) => `${f.changesets} / ${f.ops}`],
  ['seed the demo (s)', (f) => s(f.seedSeconds)],
  ['source database (MB)', (f) => String(f.sourceMB)],
  ['raw SQL load, better-sqlite3 exec (s)', (f) => s(f.rawLoadSeconds)],
  [`raw SQL load, sqlite3 shell (s)`, (f) => s(f.rawLoadShellSeconds)],
  ['SQL dump (MB)', (f) => String(f.dumpMB)],
  ['export, full bundle (s)', (f) => s(f.exportSeconds)],
  ['export, median of 3 (s)', (f) => s(f.exportMedianSeconds)],
  ['export, bodies stored as text (before 0006), median of 3 interleaved (s)', (f) => s(f.exportTextStorageMedianSeconds)],
  ['bundle (MB)', (f) => String(f.bundleMB)],
  ['import into a fresh computer (s)', (f) => s(f.importSeconds)],
  ['re-import of the same bundle, median of 3 (s)', (f) => s(f.reimportSeconds)],
  ['re-import wrote only the exchange record', (f) => String(f.reimportWroteOnlyTheRecord)],
  ['database before import (MB)', (f) => String(f.emptyMB)],
  ['database after import (MB)', (f) => String(f.importedMB)],
  ['backup, VACUUM INTO (s)', (f) => s(f.vacuumIntoSeconds)],
  ['backup, VACUUM INTO (MB)', (f) => String(f.vacuumIntoMB)],
  ['backup, online backup API (s)', (f) => s(f.onlineBackupSeconds)],
  ['backup, online backup API (MB)', (f) => String(f.onlineBackupMB)],
  ['digests equal after import', (f) => String(f.digestsEqual)],
  ['RATIO import ÷ raw load (exec)', (f) => (f.importSeconds / f.rawLoadSeconds).toFixed(2)],
  ['RATIO import ÷ raw load (shell)', (f) => (f.rawLoadShellSeconds === null ? '—' : (f.importSeconds / f.rawLoadShellSeconds).toFixed(2))],
  ['RATIO export ÷ export before 0006', (f) => (f.exportMedianSeconds / f.exportTextStorageMedianSeconds).toFixed(2)],
  ['RATIO re-import ÷ import', (f) => (f.reimportSeconds / f.importSeconds).toFixed(3)],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${'figure'.padEnd(width)}  ${results.map((r) => `scale ${r.scale}`.padStart(14)).join('')}`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${results.map((r) => value(r).padStart(14)).join('')}`);
for (const r of results) console.log(`largest after import, scale ${r.scale} (MB): ${JSON.stringify(r.largestAfterImport)}`);
console.log(`targets: import ≤ 1.5× raw load; re-import ≤ 10% of import; scale-10 database ≤ 25 MB (raw load by ${shell ? 'better-sqlite3 exec and the sqlite3 shell' : 'better-sqlite3 exec; no sqlite3 shell here'}).`);

// The core off the main thread (§1): a trivial call relayed to the core's worker while a full
// import of the same demo territory runs in its other worker.
for (const scale of scales) {
  process.stderr.write(`scale ${scale}: relay latency during an import…\n`);
  const r = await benchRelay(scale);
  console.log(`relay, scale ${scale}: import of ${r.changesets} changesets in the worker ${r.importSeconds.toFixed(2)} s; ${r.callsDuringImport} installation:get calls answered meanwhile: median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms (idle median ${r.idleMedianMs.toFixed(1)} ms; target ≤ 50 ms)`);
}
