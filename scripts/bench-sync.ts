/**
 * Benchmark for plan bundles (issue 4): export and import of a territory-sized history, next to
 * the raw better-sqlite3 insert rate of the same rows measured in the same run, and bundle sizes.
 *
 *   npx tsx scripts/bench-sync.ts [--changesets 50000]
 *
 * Figures, not assertions: the machines are noisy, so compare the ratios within one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../electron/core/create-core';
import { fixedClock, sequentialIds } from '../electron/core/changelog/clock';
import { change } from '../electron/core/changelog/core-context';
import { deterministicId } from '../electron/core/changelog/deterministic-id';
import { memoryKeyStore } from '../electron/core/bundles/identity';
import { exportBundle } from '../electron/core/bundles/bundle-export';
import { decodeBundle, encodeBundle, encodeBundleV1 } from '../electron/core/bundles/bundle-format';

const argIndex = process.argv.indexOf('--changesets');
const target = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 50_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function installation(name: string, prefix: string): Core {
  return createCore({
    dbFile: path.join(dir, `${prefix}.db`),
    clock: fixedClock('2026-01-10T12:00:00.000Z'),
    ids: sequentialIds(prefix),
    keyStore: memoryKeyStore(),
    initialProfile: { name, userName: `${name} user`, role: 'coordinator' },
    log: () => {},
  });
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

// 1. A history: 33 communities, plans with actions, then quarterly progress edits until `target` changesets.
const source = installation('Coordinator', 's');
const communities: string[] = [];
change(source.context, 'bench:seed', (w) => {
  for (let i = 0; i < 33; i++) {
    const id = deterministicId('community', `c${i}`);
    communities.push(id);
    w.insert('communities', { id, name: `Community ${i}`, region: 'North', hasDetachment: i % 3 !== 0, servedByDetachmentId: null });
  }
});
const actions: string[] = [];
for (const [i, communityId] of communities.entries()) {
  for (const fiscalYear of [2024, 2025]) {
    const plan = must(source.invoke('plans:create', { communityId, fiscalYear }));
    for (let p = 0; p < 4; p++) {
      const priority = must(source.invoke('priorities:add', { planId: plan.id, title: `Priority ${p} of ${i}`, zone: 'prevention' }));
      for (let a = 0; a < 3; a++) actions.push(must(source.invoke('actions:add', { priorityId: priority.id, title: `Action ${a}`, owner: 'joint' })).id);
    }
    must(source.invoke('plans:agree', { planId: plan.id, communitySignatory: 'Chief', communitySignedOn: `${fiscalYear}-03-01`, detachmentSignatory: 'Sgt', detachmentSignedOn: `${fiscalYear}-03-02` }));
  }
}
let made = source.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number;
const narrative = 'Foot patrols held weekly; two community meetings; youth night attendance up. Next: checkstops during the spring carnival.';
const startEdits = process.hrtime.bigint();
for (let n = 0; made < target; n++, made++) {
  must(source.invoke('progress:record', { actionId: actions[n % actions.length]!, quarter: ((n >> 4) % 4) + 1, status: 'on_track', narrative: `${narrative} (${n})` }));
}
const editSeconds = seconds(startEdits);

// 2. Export a full bundle (encrypted and not).
let t = process.hrtime.bigint();
const plainFile = path.join(dir, 'full-plain.planbundle');
must(source.invoke('bundles:export', { full: true, file: plainFile, encrypt: false }));
const exportPlainSeconds = seconds(t);
t = process.hrtime.bigint();
const encryptedFile = path.join(dir, 'full.planbundle');
must(source.invoke('bundles:export', { full: true, file: encryptedFile, passphrase: 'correct horse battery staple' }));
const exportEncryptedSeconds = seconds(t);
// Encrypted to a recipient's X25519 key (format 2, no passphrase): the receiver's own key, given
// directly since these benchmark installations are not enrolled (no certificates).
const receiver = installation('Detachment', 'r');
const receiverKey = receiver.context.keys.encryptionPublicKey!;
t = process.hrtime.bigint();
const recipientFile = path.join(dir, 'full-recipient.planbundle');
exportBundle(source.context, { full: true, file: recipientFile, recipientKeys: [{ name: 'Detachment', key: receiverKey }] });
const exportRecipientSeconds = seconds(t);

// 3. Import into fresh installations: the passphrase bundle, and the one encrypted to the receiver's key.
t = process.hrtime.bigint();
const imported = must(receiver.invoke('bundles:import', { file: encryptedFile, passphrase: 'correct horse battery staple', trustNewSender: true, allCommunities: true }));
const importSeconds = seconds(t);
const equal = must(receiver.invoke('sync:digest', {})).digest === must(source.invoke('sync:digest', {})).digest;
const receiver2 = installation('Office', 'r2');
const recipientFile2 = path.join(dir, 'full-recipient-2.planbundle');
exportBundle(source.context, { full: true, file: recipientFile2, recipientKeys: [{ name: 'Office', key: receiver2.context.keys.encryptionPublicKey! }] });
t = process.hrtime.bigint();
must(receiver2.invoke('bundles:import', { file: recipientFile2, trustNewSender: true, allCommunities: true }));
const importRecipientSeconds = seconds(t);
const equal2 = must(receiver2.invoke('sync:digest', {})).digest === must(source.invoke('sync:digest', {})).digest;

// 3b. The container alone on the same lines: format 1 (today's one passphrase, one AES-GCM) against
//     format 2 with a passphrase and with 1 or 3 recipients (chunked AES-GCM): encode and decode.
const lines = decodeBundle(fs.readFileSync(plainFile), null).lines;
const timed = (work: () => unknown) => {
  const start = process.hrtime.bigint();
  work();
  return +seconds(start).toFixed(3);
};
const receiverPrivate = receiver.context.keys.encryptionPrivateKey!;
const v1 = encodeBundleV1(lines, 'correct horse battery staple');
const v2p = encodeBundle(lines, 'correct horse battery staple');
const v2r = encodeBundle(lines, { recipients: [receiverKey] });
const container = {
  encodeSeconds: {
    format1Passphrase: timed(() => encodeBundleV1(lines, 'correct horse battery staple')),
    format2Passphrase: timed(() => encodeBundle(lines, 'correct horse battery staple')),
    format2OneRecipient: timed(() => encodeBundle(lines, { recipients: [receiverKey] })),
    format2ThreeRecipients: timed(() => encodeBundle(lines, { recipients: [receiverKey, receiverKey, receiverKey] })),
  },
  decodeSeconds: {
    format1Passphrase: timed(() => decodeBundle(v1, 'correct horse battery staple')),
    format2Passphrase: timed(() => decodeBundle(v2p, 'correct horse battery staple')),
    format2OneRecipient: timed(() => decodeBundle(v2r, { encryptionPrivateKey: receiverPrivate })),
  },
  bytes: { format1Passphrase: v1.length, format2Passphrase: v2p.length, format2OneRecipient: v2r.length },
};

// 4. Raw better-sqlite3: every row the import wrote (log, registers, data), inserted straight into
//    the same schema in one transaction with prepared statements: the floor an import cannot beat.
const raw = new Database(path.join(dir, 'raw.db'));
raw.pragma('journal_mode = WAL');
// Every migration in order (the schema the import wrote into).
for (const migration of fs.readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).sort()) {
  raw.exec(fs.readFileSync(path.join('db', 'migrations', migration), 'utf8').replaceAll('--> statement-breakpoint', ''));
}
const written = ['changesets', 'change_ops', 'op_preds', 'field_heads', 'pending_rows', 'communities', 'plans', 'priorities', 'actions', 'progress_entries'];
const rowsByTable = written.map((table) => {
  const rows = receiver.context.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
  const width = rows[0]?.length ?? 0;
  return { table, rows, insert: width ? raw.prepare(`INSERT INTO "${table}" VALUES (${Array(width).fill('?').join(', ')})`) : null };
});
const ops = rowsByTable.find((r) => r.table === 'change_ops')!.rows;
t = process.hrtime.bigint();
raw.transaction(() => {
  for (const { rows, insert } of rowsByTable) for (const row of rows) insert!.run(...row);
})();
const rawSeconds = seconds(t);
const rawRows = rowsByTable.reduce((n, r) => n + r.rows.length, 0);

// 5. A quarter's update for one community, sent to a peer that has everything else.
const detachmentPeer = must(receiver.invoke('sync:whoami', {})).installationId;
must(source.invoke('bundles:import', { file: (() => { const f = path.join(dir, 'ack.planbundle'); must(receiver.invoke('bundles:export', { full: true, file: f, encrypt: false })); return f; })(), trustNewSender: true, allCommunities: true }));
const oneCommunityActions = actions.slice(0, 12);
for (const actionId of oneCommunityActions) must(source.invoke('progress:record', { actionId, quarter: 3, status: 'at_risk', narrative: `${narrative} Quarter 3 update.` }));
const quarterFile = path.join(dir, 'quarter.planbundle');
const quarter = must(source.invoke('bundles:export', { to: detachmentPeer, file: quarterFile, passphrase: 'correct horse battery staple' }));
// The same lines encrypted to the receiver's key (the peer here is trusted by fingerprint, without a certificate, so export itself would ask for a passphrase).
const quarterRecipient = { bytes: encodeBundle(decodeBundle(fs.readFileSync(quarterFile), 'correct horse battery staple').lines, { recipients: [receiverKey] }).length };

const count = imported.changesetCount;
const bytes = fs.statSync(encryptedFile).size;
console.log(JSON.stringify({
  changesets: count,
  ops: ops.length,
  rowsWrittenByImport: rawRows,
  localEditsPerSecond: Math.round((made - 0) / editSeconds),
  exportSeconds: { plain: +exportPlainSeconds.toFixed(2), passphrase: +exportEncryptedSeconds.toFixed(2), recipient: +exportRecipientSeconds.toFixed(2) },
  importSeconds: +importSeconds.toFixed(2),
  importRecipientSeconds: +importRecipientSeconds.toFixed(2),
  container,
  importChangesetsPerSecond: Math.round(count / importSeconds),
  rawInsertChangesetsPerSecond: Math.round(count / rawSeconds),
  importToRawRatio: +((count / importSeconds) / (count / rawSeconds)).toFixed(3),
  bundleBytes: bytes,
  bytesPer1000Changesets: Math.round((bytes / count) * 1000),
  quarterUpdateForOneCommunity: { changesets: quarter.changesetCount, bytes: quarter.bytes, bytesToRecipient: quarterRecipient.bytes },
  digestsEqual: equal && equal2,
}, null, 2));
source.close();
receiver.close();
receiver2.close();
raw.close();
fs.rmSync(dir, { recursive: true, force: true });
