import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Conflict, ImportPreview, Peer } from '../../shared/domain';
import { digestOfFile } from './table-digest';
import { type CliRun, makeTempDir, runCliAsync } from './run-cli';

/**
 * The plan-bundle commands through the real command line: the "done when" (a
 * coordinator's full bundle, two installations editing the same narrative offline, exchanges by
 * file in varying orders, relayed, equal digests, one conflict until resolved), the refusals, and
 * trust on first use. Each CLI start costs about a second, so independent steps run side by side.
 */

const NOW = '2026-11-24';
const FISCAL_YEAR = 2026;
const PASSPHRASE = 'correct horse battery staple';

let root: string;
let passFile: string;
let coordDb: string;
/** A fresh installation made with "init", copied (with its key file) for the tests that need one. */
let emptyDb: string;
let fullBundle: string;
let coordFingerprint: string;
let planId: string;
let actionIds: string[];

const cli = (db: string, ...args: string[]) => runCliAsync(['--db', db, ...args]);

/** stdout of a run that must succeed; otherwise the failure with its stderr. */
function out(run: CliRun, what: string): string {
  if (run.code !== 0) throw new Error(`${what}: exit ${run.code}: ${run.stderr}${run.stdout}`);
  return run.stdout;
}
async function must(db: string, ...args: string[]): Promise<string> {
  return out(await cli(db, ...args), `${path.basename(db)} ${args.join(' ')}`);
}
async function mustJson<T = any>(db: string, ...args: string[]): Promise<T> {
  return JSON.parse(await must(db, ...args, '--json')) as T;
}
const call = <T = any>(db: string, method: string, input: unknown) => must(db, 'call', method, JSON.stringify(input)).then((s) => (JSON.parse(s) as { value: T }).value);

/** A copy of an installation (database and key file) in a folder of its own, so backups do not mix. */
function copyInstallation(fromDb: string, name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  const to = path.join(dir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm', '.identity-key']) {
    if (fs.existsSync(fromDb + suffix)) fs.copyFileSync(fromDb + suffix, to + suffix);
  }
  return to;
}

/** Files beside a database other than SQLite's own journal files: a refusal adds none (no backup). */
function filesBeside(db: string): string[] {
  const dir = path.dirname(db);
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !/-(wal|shm)$/.test(f)).sort();
}

beforeAll(async () => {
  root = makeTempDir();
  passFile = path.join(root, 'passphrase.txt');
  fs.writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  for (const dir of ['coord', 'empty']) fs.mkdirSync(path.join(root, dir));
  coordDb = path.join(root, 'coord', 'coord.db');
  emptyDb = path.join(root, 'empty', 'empty.db');
  fullBundle = path.join(root, 'coord.planbundle');

  const [demo, init] = await Promise.all([cli(coordDb, 'init', '--demo', '--now', NOW), cli(emptyDb, 'init', '--computer', 'Test computer', '--user', 'Tester')]);
  out(demo, 'init --demo');
  out(init, 'init');
  const [exported, plans, me] = await Promise.all([
    must(coordDb, 'export', '--full', '--out', fullBundle, '--passphrase-file', passFile),
    call<Array<{ id: string; status: string; actionCount: number }>>(coordDb, 'plans:list', { fiscalYear: FISCAL_YEAR }),
    mustJson<{ fingerprint: string }>(coordDb, 'whoami'),
  ]);
  if (!/^Wrote .*coord\.planbundle: 2,\d{3} changes, .* a full bundle, encrypted with a passphrase\./.test(exported)) throw new Error(`unexpected export output: ${exported}`);
  coordFingerprint = me.fingerprint;
  // A plan of the current fiscal year that is agreed or active: progress can be recorded on it.
  const plan = plans.find((p) => (p.status === 'agreed' || p.status === 'active') && p.actionCount >= 3);
  if (!plan) throw new Error('the demo has no agreed or active plan with three actions this year');
  planId = plan.id;
  const detail = await call<{ priorities: Array<{ actions: Array<{ id: string }> }> }>(coordDb, 'plans:get', { planId });
  actionIds = detail.priorities.flatMap((p) => p.actions.map((a) => a.id)).slice(0, 3);
}, 90_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe.concurrent('cli: plan bundles', () => {
  it('sets up two installations from a full bundle; after offline edits and relayed exchanges in varying orders all digests match, and the narrative both edited is one conflict until resolved', async ({ expect }) => {
    const [a, b] = ['a', 'b'].map((name) => {
      fs.mkdirSync(path.join(root, name));
      return path.join(root, name, `${name}.db`);
    }) as [string, string];
    const c = coordDb;
    const file = (name: string) => path.join(root, `${name}.planbundle`);
    const pass = ['--passphrase-file', passFile];

    // Two new, empty installations take in the coordinator's full bundle, trusting it on first use.
    await Promise.all([must(a, 'init', '--computer', 'Test computer', '--user', 'Tester'), must(b, 'init', '--computer', 'Test computer', '--user', 'Tester')]);
    const imports = await Promise.all([a, b].map((db) => must(db, 'import', fullBundle, ...pass, '--trust-new-sender', '--all-communities')));
    for (const text of imports) expect(text).toMatch(/^Imported 2,\d{3} new changes from "Territorial coordinator \(demo data\)".*\nFingerprint of the sender's key: [A-Z2-9-]{39}\nTrusted the new sender for every community/);
    const [digestLines, meA, meB, meC] = await Promise.all([
      Promise.all([c, a, b].map((db) => must(db, 'digest'))),
      mustJson<{ installationId: string }>(a, 'whoami'),
      mustJson<{ installationId: string }>(b, 'whoami'),
      mustJson<{ installationId: string }>(c, 'whoami'),
    ]);
    // Everything held, then one line per partition held (territory, each community).
    expect(digestLines[0]).toMatch(/^[0-9a-f]{64}\n([0-9a-f]{64} {2}[0-9A-Za-z_-]+\n)+$/);
    expect(new Set(digestLines).size).toBe(1);

    // Offline: both edit the same narrative, each edits something else, the coordinator comments.
    const [shared, onlyA, onlyB] = actionIds as [string, string, string];
    const narrativeA = 'Weekly foot patrols downtown, with the band council.';
    const narrativeB = 'Patrols were missed for three weeks in October: the road was closed.';
    const record = (db: string, actionId: string, narrative: string) => call(db, 'progress:record', { actionId, quarter: 3, status: 'on_track', narrative });
    await Promise.all([
      record(a, shared, narrativeA),
      record(b, shared, narrativeB),
      call(c, 'reports:comment', { planId, quarter: 1, body: 'Thank you, received at the territorial office.' }),
    ]);
    await Promise.all([record(a, onlyA, 'Youth nights every Friday.'), record(b, onlyB, 'School visits held twice a month.')]);

    // First contact needs full bundles (a peer is known once one of its bundles was imported);
    // after that, --to sends only what the peer has not acknowledged. Round 1: a → coord → b → a.
    await must(a, 'export', '--full', '--out', file('a1'), ...pass);
    expect(await must(c, 'import', file('a1'), ...pass, '--trust-new-sender', '--all-communities')).toMatch(/^Imported \d+ new changes? from "Test computer"/);
    await must(c, 'export', '--full', '--out', file('c1'), ...pass);
    expect(await must(b, 'import', file('c1'), ...pass)).toMatch(/New conflicts: 1\. See them with "conflicts list"\./);
    // b has never had a bundle from a, but a was vouched for by the coordinator: --to works.
    expect(await must(b, 'export', '--to', meA.installationId, '--out', file('b1'), ...pass)).toMatch(/^Wrote .*b1\.planbundle: .*, for "Computer introduced by/);
    await must(a, 'import', file('b1'), ...pass, '--trust-new-sender', '--all-communities');
    expect(await must(a, 'import', file('b1'), ...pass)).toBe('Already imported: nothing changed.\n');

    // Round 2, the other way round and relayed: b → coord → a. The coordinator meets b for the first time.
    await must(b, 'export', '--to', meC.installationId, '--out', file('b2'), ...pass);
    await must(c, 'import', file('b2'), ...pass, '--trust-new-sender', '--all-communities');
    await must(c, 'export', '--to', meA.installationId, '--out', file('c2'), ...pass);
    await must(a, 'import', file('c2'), ...pass);

    const [digests, conflictsA, conflictsB, conflictsC, humanList] = await Promise.all([
      Promise.all([c, a, b].map((db) => must(db, 'digest'))),
      mustJson<Conflict[]>(a, 'conflicts', 'list'),
      mustJson<Conflict[]>(b, 'conflicts', 'list'),
      mustJson<Conflict[]>(c, 'conflicts', 'list'),
      must(b, 'conflicts', 'list'),
    ]);
    expect(new Set(digests).size).toBe(1);
    expect(digests[0]).not.toBe(digestLines[0]);
    expect(conflictsA).toHaveLength(1);
    const [conflict] = conflictsA as [Conflict];
    expect(conflict).toMatchObject({ kind: 'concurrent_edit', table: 'progressEntries', field: 'narrative' });
    expect(conflict.heads.map((h) => h.value).sort()).toEqual([narrativeB, narrativeA].sort());
    expect(conflictsB).toEqual(conflictsA.map((x) => ({ ...x, heads: x.heads.map((h) => ({ ...h, originName: expect.any(String) })) })));
    expect(conflictsC.map((x) => x.id)).toEqual([conflict.id]);
    const headA = conflict.heads.find((h) => h.value === narrativeA)!;
    expect(humanList).toContain(`1 conflict:\n${conflict.id}  ${conflict.label} — progressEntries.narrative, edited on more than one computer\n`);
    expect(humanList).toContain(`  ${headA.opId}  by ${headA.actor} on "Computer introduced by`);
    expect(humanList).toContain('"Weekly foot patrols downtown, with the band council."');

    // Resolved on b (keeping a's version), then one more round clears it everywhere: b → coord → a.
    expect(await must(b, 'conflicts', 'resolve', conflict.id, '--pick', headA.opId)).toMatch(new RegExp(`^Resolved ${conflict.id}; no conflicts left\\.`));
    await must(b, 'export', '--to', meC.installationId, '--out', file('b3'), ...pass);
    await must(c, 'import', file('b3'), ...pass);
    await must(c, 'export', '--to', meA.installationId, '--out', file('c3'), ...pass);
    await must(a, 'import', file('c3'), ...pass);
    const [finalDigests, finalConflicts, progress] = await Promise.all([
      Promise.all([c, a, b].map((db) => must(db, 'digest'))),
      Promise.all([c, a, b].map((db) => mustJson<Conflict[]>(db, 'conflicts', 'list'))),
      call<{ rows: Array<{ action: { id: string }; entry: { narrative: string } | null }> }>(a, 'progress:get', { planId, quarter: 3 }),
    ]);
    expect(new Set(finalDigests).size).toBe(1);
    expect(finalConflicts).toEqual([[], [], []]);
    expect(progress.rows.find((r) => r.action.id === shared)?.entry?.narrative).toBe(narrativeA);
  }, 180_000);

  it('refuses a wrong passphrase, a truncated file, an unknown sender and an unencrypted export without being told, changing nothing', async ({ expect }) => {
    const db = copyInstallation(emptyDb, 'refusals');
    const before = digestOfFile(db);
    const filesBefore = filesBeside(db);
    const wrongPass = path.join(root, 'wrong-passphrase.txt');
    fs.writeFileSync(wrongPass, 'not the right passphrase\n', { mode: 0o600 });
    const truncated = path.join(root, 'truncated.planbundle');
    const bytes = fs.readFileSync(fullBundle);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const refusals: Array<{ args: string[]; stderr: RegExp | string[] }> = [
      { args: ['import', fullBundle, '--passphrase-file', wrongPass, '--trust-new-sender'], stderr: /^The passphrase is wrong, or the file was damaged or changed on the way\. / },
      { args: ['import', truncated, '--passphrase-file', passFile, '--trust-new-sender'], stderr: /damaged/ },
      { args: ['import', fullBundle, '--passphrase-file', passFile], stderr: [coordFingerprint, 'trust-new-sender', `import ${fullBundle} --trust-new-sender --passphrase-file ${passFile}`] },
      { args: ['export', '--full', '--out', path.join(root, 'never.planbundle')], stderr: /^Bundles are encrypted: give the passphrase in a file with --passphrase-file FILE/ },
    ];
    for (const refusal of refusals) {
      const run = await cli(db, ...refusal.args);
      expect(run.code, refusal.args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      if (Array.isArray(refusal.stderr)) for (const part of refusal.stderr) expect(run.stderr).toContain(part);
      else expect(run.stderr).toMatch(refusal.stderr);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(digestOfFile(db)).toBe(before);
      expect(filesBeside(db)).toEqual(filesBefore);
    }
    expect(fs.existsSync(path.join(root, 'never.planbundle'))).toBe(false);

    // With --json the refusal is also on stdout, with its reason and the fingerprint, for scripts.
    const json = await cli(db, 'import', fullBundle, '--passphrase-file', passFile, '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'forbidden', details: { reason: 'untrusted_sender', fingerprint: coordFingerprint } }, hint: expect.stringContaining('--trust-new-sender') });
    expect(digestOfFile(db)).toBe(before);
  }, 90_000);

  it('shows who this is, previews and inspects a bundle, trusts its sender on first use for every community, and narrows that with peers trust --scope', async ({ expect }) => {
    const db = copyInstallation(emptyDb, 'tofu');
    const before = digestOfFile(db);
    const [me, preview, header, manifest] = await Promise.all([
      mustJson<{ installationId: string; name: string; fingerprint: string }>(db, 'whoami'),
      mustJson<ImportPreview>(db, 'import', fullBundle, '--dry-run', '--passphrase-file', passFile),
      must(db, 'inspect', fullBundle),
      mustJson<{ encrypted: boolean; manifest: { sender: { fingerprint: string }; full: boolean; origins: Array<{ changesets: number }> } }>(db, 'inspect', fullBundle, '--passphrase-file', passFile),
    ]);
    expect(me).toMatchObject({ installationId: expect.stringMatching(/^\w+$/), name: 'Test computer', fingerprint: expect.stringMatching(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){7}$/) });
    expect(me.fingerprint).not.toBe(coordFingerprint);
    expect(preview).toMatchObject({ sender: { fingerprint: coordFingerprint, trust: 'unknown' }, alreadyImported: false, newConflicts: [], gaps: [] });
    expect(preview.changesPerPlan.length).toBeGreaterThan(10);
    expect(digestOfFile(db)).toBe(before);
    expect(header).toMatch(/^Plan bundle, format 2, \d+ KB\.\nEncrypted with a passphrase: aes-256-gcm, key from the passphrase by scrypt \(N=32768, r=8, p=1\)\.\nThe contents are encrypted\. To see who sent it/);
    expect(manifest).toMatchObject({ encrypted: true, manifest: { sender: { fingerprint: coordFingerprint }, full: true } });
    expect(manifest.manifest.origins.reduce((n, o) => n + o.changesets, 0)).toBe(preview.changesetCount);

    expect(await must(db, 'import', fullBundle, '--passphrase-file', passFile, '--trust-new-sender', '--all-communities')).toContain(`\nFingerprint of the sender's key: ${coordFingerprint}\n`);
    const [peers, communities] = await Promise.all([mustJson<Peer[]>(db, 'peers', 'list'), call<Array<{ id: string; name: string }>>(db, 'communities:list', {})]);
    expect(peers).toEqual([expect.objectContaining({ name: 'Territorial coordinator (demo data)', fingerprint: coordFingerprint, scopeCommunityIds: null, revokedAt: null })]);

    const community = communities[0]!;
    // Fingerprints are read out by phone: lower case and spaces are accepted.
    const typed = coordFingerprint.toLowerCase().replace(/-/g, ' ');
    const narrowed = await mustJson<Peer>(db, 'peers', 'trust', typed, '--scope', community.id);
    expect(narrowed).toMatchObject({ fingerprint: coordFingerprint, scopeCommunityIds: [community.id] });
    expect(await must(db, 'peers', 'list')).toContain(`may change: ${community.name}\n`);
  }, 90_000);
});
