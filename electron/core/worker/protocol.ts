/**
 * The messages between an adapter (Electron main, the browser harness) and the core's worker
 * threads (worker-core.ts ↔ core-worker.ts). Plain data only: everything crosses by structured clone.
 */
import type { ProgressEvent } from '../../../shared/contract-operations';
import type { Result } from '../../../shared/result';
import type { Locale, Role } from '../../../shared/vocabulary';
import type { IdentityKeys } from '../bundles/identity';

/** What a worker is for: 'long' runs imports, exports, report exports, backups; 'short' everything else. */
export type WorkerRole = 'long' | 'short';

/** CoreOptions that can cross to a thread (no functions). */
export interface WorkerCoreOptions {
  dbFile: string;
  backupDir?: string;
  migrationsFolder?: string;
  busyTimeoutMs?: number;
  /** The core's clock runs this many milliseconds ahead of the system's (tests pin "today"). */
  clockOffsetMs?: number;
  initialProfile?: { name: string; userName: string; role: Role; isDemo?: boolean };
  schemaVersion?: number;
}

/**
 * The signing key as the adapter's key store gave it (Electron's safeStorage exists only in main):
 * `keys` as loaded for an existing database, `refusedIfNew` the sentence the store refused it with
 * for a database that has no installation yet (a key file planted beside a new database).
 */
export interface RelayedKeys {
  keys: IdentityKeys | null;
  refusedIfNew: string | null;
}

export interface WorkerData {
  role: WorkerRole;
  options: WorkerCoreOptions;
  /** Int32Array[1]: set to 1 by the parent to cancel the running long operation. */
  cancel: SharedArrayBuffer;
  /** Int32Array[1]: a suspended worker (its connection closed while a backup is restored) waits until it is 1. */
  gate: SharedArrayBuffer;
  /** Absent: the worker keeps the key in the default file beside the database, as the CLI does. */
  relayedKeys?: RelayedKeys;
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown }
  /** Close the connection and wait on the gate (a backup is being restored by the other worker). */
  | { type: 'suspend' }
  /** The other worker made or completed this installation's keys: work with them too. */
  | { type: 'keys'; keys: IdentityKeys }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; locale: Locale }
  | { type: 'failed'; message: string; stack: string | null }
  | { type: 'result'; id: number; result: Result<unknown>; locale: Locale }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'keys'; keys: IdentityKeys }
  | { type: 'suspended' }
  | { type: 'log'; message: string; error: string | null }
  | { type: 'closed' };
