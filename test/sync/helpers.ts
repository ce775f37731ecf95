import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock, sequentialIds } from '../../electron/core/changelog/clock';
import { createCore } from '../../electron/core/create-core';
import { decodeBundle, encodeBundle, hashLines } from '../../electron/core/bundles/bundle-format';
import { generateIdentityKeys, type IdentityKeys, memoryKeyStore, signText } from '../../electron/core/bundles/identity';
import type { MethodName, MethodRawInput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { makeTestDir, snapshotTables, type TestCore } from '../core/builders';

/**
 * Several installations in one test: each its own database, clock, id prefix and signing key
 * (kept here so a test can sign as it, or as an attacker).
 */
export interface Installation extends TestCore {
  label: string;
  keys: IdentityKeys;
  installationId: string;
  fingerprint: string;
  call<M extends MethodName>(method: M, input: MethodRawInput<M>): Result<unknown>;
}

export function makeInstallation(label: string, opts: { idPrefix?: string; now?: string; dir?: string; keys?: IdentityKeys } = {}): Installation {
  const dir = opts.dir ?? makeTestDir();
  const dbFile = path.join(dir, `${label}.db`);
  const clock = fixedClock(opts.now ?? '2025-05-15T12:00:00.000Z');
  const keys = opts.keys ?? generateIdentityKeys();
  const core = createCore({
    dbFile,
    backupDir: path.join(dir, `${label}-backups`),
    clock,
    ids: sequentialIds(opts.idPrefix ?? label),
    initialProfile: { name: label, userName: `User of ${label}`, role: 'detachment' },
    log: () => {},
    keyStore: memoryKeyStore(keys),
  });
  const must: TestCore['must'] = (method, input) => {
    const result = core.invoke(method, input);
    if (!result.ok) throw new Error(`${label}: ${method} refused: ${result.error.message}`);
    return result.value;
  };
  const me = must('sync:whoami', {});
  return {
    label,
    core,
    clock,
    dir,
    dbFile,
    must,
    keys,
    installationId: me.installationId,
    fingerprint: me.fingerprint,
    call: (method, input) => core.invoke(method, input) as Result<unknown>,
  };
}

let fileCounter = 0;
/** A fresh bundle file name in the installation's directory. */
export function bundlePath(from: Installation, hint = 'bundle'): string {
  return path.join(from.dir, `${hint}-${++fileCounter}.planbundle`);
}

/** Exports to a peer (or a full bundle when `to` is null); unencrypted unless a passphrase is given. */
export function exportBundle(from: Installation, to: Installation | null, passphrase: string | null = null): string {
  const file = bundlePath(from, `${from.label}-to-${to?.label ?? 'all'}`);
  from.must('bundles:export', {
    ...(to ? { to: to.installationId } : { full: true }),
    file,
    ...(passphrase === null ? { encrypt: false } : { passphrase }),
  });
  return file;
}

export function importBundle(into: Installation, file: string, passphrase: string | null = null) {
  return into.must('bundles:import', { file, passphrase, trustNewSender: true });
}

/** The refusal of a call: code, sentence and reason; fails if the call succeeded. */
export function refusalOf(result: Result<unknown>): { code: string; message: string; reason: string | undefined } {
  if (result.ok) throw new Error(`expected a refusal, but the call succeeded: ${JSON.stringify(result.value).slice(0, 300)}`);
  const details = result.error.details as { reason?: string } | undefined;
  return { code: result.error.code, message: result.error.message, reason: details?.reason };
}

/**
 * Everything a refused import must leave alone: every row of every table, and the bytes of the
 * database file once the write-ahead log has been folded into it.
 */
export function databaseState(inst: Installation): { tables: string; fileSha256: string } {
  inst.core.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const walFile = `${inst.dbFile}-wal`;
  if (fs.existsSync(walFile) && fs.statSync(walFile).size !== 0) throw new Error('the WAL was not emptied by the checkpoint');
  return { tables: snapshotTables(inst.core), fileSha256: createHash('sha256').update(fs.readFileSync(inst.dbFile)).digest('hex') };
}

// --- Taking bundles apart and putting them back together, for hostile variants ---------------

export interface BundleParts {
  manifest: Record<string, unknown> & { sender: { installationId: string; name: string; publicKey: string }; keys: Record<string, string>; changesetCount: number };
  changesets: Array<{ type: 'changeset'; body: string; signature: string }>;
  trailer: { type: 'trailer'; count: number; digest: string; signature: string };
}

export function readParts(file: string, passphrase: string | null = null): BundleParts {
  const lines = decodeBundle(fs.readFileSync(file), passphrase).lines;
  return {
    manifest: JSON.parse(lines[0]!),
    changesets: lines.slice(1, -1).map((l) => JSON.parse(l)),
    trailer: JSON.parse(lines.at(-1)!),
  };
}

/**
 * Writes the parts as a bundle, with a trailer signed by `signerPrivateKey` (the sender's own key
 * for an inside attacker, or an attacker's key together with a matching manifest key).
 */
export function writeParts(parts: BundleParts, file: string, signerPrivateKey: string, passphrase: string | null = null): string {
  const manifest = { ...parts.manifest, changesetCount: parts.changesets.length };
  const lines = [JSON.stringify(manifest), ...parts.changesets.map((c) => JSON.stringify(c))];
  const digest = hashLines(lines);
  lines.push(JSON.stringify({ type: 'trailer', count: parts.changesets.length, digest, signature: signText(signerPrivateKey, digest) }));
  fs.writeFileSync(file, encodeBundle(lines, passphrase));
  return file;
}

/** A plain sentence for a person: no stack, no exception names, no codes. */
export function isPlainSentence(message: string): boolean {
  return /^[A-Z"(].*[.!?)]$/s.test(message) && !/Error:|\n\s+at |ERR_|SQLITE|undefined|\[object|\{"/.test(message);
}
