/**
 * Several installations in one test: each its own database, clock, id prefix and signing key
 * (kept here so a test can sign as it, or as an attacker), and the bundles they exchange.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sequentialIds } from '../../electron/core/changelog/clock';
import { generateIdentityKeys, type IdentityKeys } from '../../electron/core/bundles/identity';
import type { MethodName, MethodRawInput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Role } from '../../shared/vocabulary';
import { openTestCore, snapshotTables, type TestCore } from './test-core';

export interface Installation extends TestCore {
  label: string;
  keys: IdentityKeys;
  installationId: string;
  fingerprint: string;
  call<M extends MethodName>(method: M, input: MethodRawInput<M>): Result<unknown>;
}

export interface InstallationOptions {
  role?: Role;
  /** The start of its ids (its label by default). */
  idPrefix?: string;
  now?: string;
  /** A folder to share with another installation (a restored copy, say). */
  dir?: string;
  keys?: IdentityKeys;
}

export function makeInstallation(label: string, opts: InstallationOptions = {}): Installation {
  const keys = opts.keys ?? generateIdentityKeys();
  const t = openTestCore({
    label,
    ...(opts.dir ? { dir: opts.dir } : {}),
    fileName: `${label}.db`,
    backupFolder: `${label}-backups`,
    ...(opts.now ? { now: opts.now } : {}),
    ids: sequentialIds(opts.idPrefix ?? label),
    profile: { name: label, userName: `User of ${label}`, role: opts.role ?? 'detachment' },
    keys,
  });
  const me = t.must('sync:whoami', {});
  return { ...t, label, keys, installationId: me.installationId, fingerprint: me.fingerprint, call: (method, input) => t.core.invoke(method, input) as Result<unknown> };
}

let fileCounter = 0;
/** A fresh bundle file name in the installation's directory. */
export function bundlePath(from: Pick<TestCore, 'dir'>, hint = 'bundle'): string {
  return path.join(from.dir, `${hint}-${++fileCounter}.planbundle`);
}

/** Exports to a peer (or a full bundle when `to` is null); unencrypted unless a passphrase is given. */
export function exportBundle(from: TestCore & { label?: string }, to: Installation | null, passphrase: string | null = null): string {
  const file = bundlePath(from, `${from.label ?? 'core'}-to-${to?.label ?? 'all'}`);
  from.must('bundles:export', {
    ...(to ? { to: to.installationId } : { full: true }),
    file,
    ...(passphrase === null ? { encrypt: false } : { passphrase }),
  });
  return file;
}

export function importBundle(into: TestCore, file: string, passphrase: string | null = null) {
  return into.must('bundles:import', { file, passphrase, trustNewSender: true, allCommunities: true });
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
export function databaseState(inst: TestCore): { tables: string; fileSha256: string } {
  inst.core.context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const walFile = `${inst.dbFile}-wal`;
  if (fs.existsSync(walFile) && fs.statSync(walFile).size !== 0) throw new Error('the WAL was not emptied by the checkpoint');
  return { tables: snapshotTables(inst.core), fileSha256: createHash('sha256').update(fs.readFileSync(inst.dbFile)).digest('hex') };
}

/** A plain sentence for a person: no stack, no exception names, no codes. */
export function isPlainSentence(message: string): boolean {
  return /^[A-Z"(].*[.!?)]$/s.test(message) && !/Error:|\n\s+at |ERR_|SQLITE|undefined|\[object|\{"/.test(message);
}
