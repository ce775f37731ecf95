/**
 * One side of scripts/bench-before.ts: with the code of the working directory it is run in (this
 * project, or an older commit of it checked out beside), seeds the demo territory at a scale once
 * (kept in the folder given), then times full exports and full imports of that history into fresh
 * computers. Prints one line of JSON. Uses only what every version since issue 12 has:
 * createCore, memoryKeyStore, the demo seeding and the bundles:export / bundles:import methods.
 *
 *   (cd <tree> && npx tsx <this file> <cache folder> <scale> <rounds>)
 */
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const { createCore } = await import(path.join(root, 'electron/core/create-core.ts'));
const { memoryKeyStore } = await import(path.join(root, 'electron/core/bundles/identity.ts'));
const { demoCoreOptions, seedDemoTerritory } = await import(path.join(root, 'electron/demo/demo-data.ts'));

const [cache, scaleText, roundsText] = process.argv.slice(2);
const scale = Number(scaleText ?? 10);
const rounds = Number(roundsText ?? 5);
const now = '2026-12-03';
fs.mkdirSync(cache!, { recursive: true });
const keys = memoryKeyStore();
const dbFile = path.join(cache!, 'demo.db');
if (!fs.existsSync(dbFile)) {
  const seeding = createCore({ dbFile, keyStore: keys, log: () => {}, ...demoCoreOptions({ seed: 1, scale, now }) });
  seedDemoTerritory(seeding, { seed: 1, scale, now });
  seeding.close();
  fs.writeFileSync(path.join(cache!, 'keys.json'), JSON.stringify(keys.load()));
} else keys.save(JSON.parse(fs.readFileSync(path.join(cache!, 'keys.json'), 'utf8')));

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const must = (r: { ok: boolean; error?: { message: string } }) => {
  if (!r.ok) throw new Error(r.error!.message);
};
const source = createCore({ dbFile, keyStore: keys, log: () => {} });
const changesets = source.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
const bundle = path.join(cache!, 'full.planbundle');
const exports: number[] = [];
for (let i = 0; i < rounds; i++) {
  const t = process.hrtime.bigint();
  must(source.invoke('bundles:export', { full: true, file: bundle, encrypt: false }));
  exports.push(seconds(t));
}
source.close();
const imports: number[] = [];
for (let i = 0; i < rounds; i++) {
  const file = path.join(cache!, `receiver-${i}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.rmSync(path.join(cache!, 'backups'), { recursive: true, force: true });
  const receiver = createCore({ dbFile: file, keyStore: memoryKeyStore(), initialProfile: { name: 'Receiver', userName: 'Bench', role: 'coordinator' }, log: () => {} });
  const t = process.hrtime.bigint();
  must(receiver.invoke('bundles:import', { file: bundle, trustNewSender: true, allCommunities: true }));
  imports.push(seconds(t));
  receiver.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
console.log(JSON.stringify({ root, changesets, bundleBytes: fs.statSync(bundle).size, exports, imports, exportMedian: median(exports), importMedian: median(imports) }));
