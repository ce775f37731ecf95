/**
 * Quick timing of a full import (issue 13 §3): the demo territory at a given scale, exported as a
 * full bundle encrypted to the receiver's key, imported into a fresh computer, imported again,
 * and the same rows loaded raw into the same schema in the same run (the floor an import cannot beat).
 *
 *   npx tsx scripts/bench-import.ts [--scale 10] [--keep]
 *
 * Figures, not assertions: compare the ratios within one run. The seeded demo database is kept in
 * the temporary folder between runs (seeding scale 10 takes a while).
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../electron/core/create-core';
import { memoryKeyStore } from '../electron/core/bundles/identity';
import { exportBundle } from '../electron/core/bundles/bundle-export';
import { demoCoreOptions, seedDemoTerritory } from '../electron/demo/demo-data';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const scale = arg('--scale', 1);
const seconds = (from: bigint) => +(Number(process.hrtime.bigint() - from) / 1e9).toFixed(3);
/** CPU seconds of this process, every thread (the signature workers too): steadier than the wall clock on a shared machine. */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const cpuSince = (from: number) => +(cpu() - from).toFixed(3);
const cpuFigures: Record<string, number> = {};
const now = '2026-11-24T17:00:00.000Z';

const cache = path.join(os.tmpdir(), `csp-bench-import-demo-s${scale}`);
const demoFile = path.join(cache, 'demo.db');
const demoKeys = memoryKeyStore();
fs.mkdirSync(cache, { recursive: true });
const keyFile = path.join(cache, 'demo.key.json');
if (!fs.existsSync(demoFile)) {
  const t = process.hrtime.bigint();
  const seeding = createCore({ dbFile: demoFile, keyStore: demoKeys, log: () => {}, ...demoCoreOptions({ scale, now }) });
  seedDemoTerritory(seeding, { scale, now });
  seeding.close();
  fs.writeFileSync(keyFile, JSON.stringify(demoKeys.load()));
  console.error(`seeded scale ${scale} in ${seconds(t)} s`);
} else {
  demoKeys.save(JSON.parse(fs.readFileSync(keyFile, 'utf8')));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-import-'));
fs.copyFileSync(demoFile, path.join(dir, 'source.db'));
const sender = createCore({ dbFile: path.join(dir, 'source.db'), keyStore: demoKeys, log: () => {} });

function fresh(name: string): Core {
  return createCore({ dbFile: path.join(dir, `${name}.db`), keyStore: memoryKeyStore(), initialProfile: { name, userName: `${name} user`, role: 'coordinator' }, log: () => {} });
}
const receiver = fresh('receiver');
const file = path.join(dir, 'full.planbundle');
let t = process.hrtime.bigint();
exportBundle(sender.context, { full: true, file, recipientKeys: [{ name: 'receiver', key: receiver.context.keys.encryptionPublicKey! }] });
const exportSeconds = seconds(t);

// --profile: a CPU profile of the first import alone (open it in Chrome's DevTools, or read its summary).
const profiling = process.argv.includes('--profile');
const session = profiling ? new inspector.Session() : null;
const post = (method: string, params?: object) => new Promise<unknown>((done, fail) => session!.post(method, params ?? {}, (error, value) => (error ? fail(error) : done(value))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
const sizeBefore = fs.statSync(path.join(dir, 'receiver.db')).size;
t = process.hrtime.bigint();
let c = cpu();
const result = receiver.invoke('bundles:import', { file, trustNewSender: true, allCommunities: true });
const importSeconds = seconds(t);
cpuFigures.import = cpuSince(c);
if (!result.ok) throw new Error(result.error.message);
if (session) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  fs.writeFileSync(path.join(os.tmpdir(), `bench-import-s${scale}.cpuprofile`), JSON.stringify(profile));
}
t = process.hrtime.bigint();
c = cpu();
const again = receiver.invoke('bundles:import', { file });
const reimportSeconds = seconds(t);
cpuFigures.reimport = cpuSince(c);
if (!again.ok) throw new Error(again.error.message);
// The same history without signed heads (a format-1 bundle, each changeset checked by its own signature), into another fresh computer.
const receiverOld = fresh('receiver-old');
const oldFile = path.join(dir, 'full-no-heads.planbundle');
exportBundle(sender.context, { full: true, file: oldFile, signedHeads: false, recipientKeys: [{ name: 'receiver-old', key: receiverOld.context.keys.encryptionPublicKey! }] });
t = process.hrtime.bigint();
c = cpu();
const oldResult = receiverOld.invoke('bundles:import', { file: oldFile, trustNewSender: true, allCommunities: true });
const importWithoutHeadsSeconds = seconds(t);
cpuFigures.importWithoutHeads = cpuSince(c);
if (!oldResult.ok) throw new Error(oldResult.error.message);
receiverOld.close();
const digestsEqual = JSON.stringify(receiver.invoke('sync:digest', {})) === JSON.stringify(sender.invoke('sync:digest', {}));

// Raw: every row of every table the import wrote, inserted into the same schema in one transaction.
const raw = new Database(path.join(dir, 'raw.db'));
raw.pragma('journal_mode = WAL');
raw.pragma('foreign_keys = OFF');
for (const migration of fs.readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).sort()) {
  raw.exec(fs.readFileSync(path.join('db', 'migrations', migration), 'utf8').replaceAll('--> statement-breakpoint', ''));
}
const tables = (receiver.context.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").pluck().all() as string[]);
const copies = tables.map((table) => {
  const rows = receiver.context.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
  const width = rows[0]?.length ?? 0;
  return { table, rows, insert: width ? raw.prepare(`INSERT OR REPLACE INTO "${table}" VALUES (${Array(width).fill('?').join(', ')})`) : null };
});
t = process.hrtime.bigint();
c = cpu();
raw.transaction(() => {
  for (const { rows, insert } of copies) for (const row of rows) insert!.run(...row);
})();
const rawSeconds = seconds(t);
cpuFigures.rawLoad = cpuSince(c);
raw.close();

console.log(JSON.stringify({
  scale,
  changesets: result.value.changesetCount,
  bundleBytes: fs.statSync(file).size,
  exportSeconds,
  rawLoadSeconds: rawSeconds,
  importSeconds,
  importToRaw: +(importSeconds / rawSeconds).toFixed(2),
  importWithoutHeadsSeconds,
  importWithoutHeadsToRaw: +(importWithoutHeadsSeconds / rawSeconds).toFixed(2),
  reimportSeconds,
  reimportToImport: +(reimportSeconds / importSeconds).toFixed(3),
  reimportBackup: again.value.backupFile,
  dbBytesBefore: sizeBefore,
  dbBytesAfter: fs.statSync(path.join(dir, 'receiver.db')).size,
  digestsEqual,
  cpuSeconds: cpuFigures,
  cpuImportToRaw: +(cpuFigures.import! / cpuFigures.rawLoad!).toFixed(2),
  cpuImportWithoutHeadsToRaw: +(cpuFigures.importWithoutHeads! / cpuFigures.rawLoad!).toFixed(2),
  cpuReimportToImport: +(cpuFigures.reimport! / cpuFigures.import!).toFixed(3),
}, null, 2));
sender.close();
receiver.close();
if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
