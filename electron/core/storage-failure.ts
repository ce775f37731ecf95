/**
 * The failures of the storage under the core that a person can act on: the database held by
 * another writer (a long import in another window or command), and a full disk. createCore turns
 * them into envelopes with their own codes and sentences instead of "something went wrong".
 */
import path from 'node:path';
import { type MessageRef, msg } from '../../shared/core-messages';

export type StorageFailure = { code: 'busy'; ref: MessageRef } | { code: 'disk_full'; ref: MessageRef };

/** SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE…) start with the primary one. */
const isCode = (code: unknown, primary: string) => typeof code === 'string' && (code === primary || code.startsWith(`${primary}_`));

/** What the error is to a person, or null when it is not a storage failure. `dbFile` names the folder of a full database. */
export function storageFailure(error: unknown, dbFile: string): StorageFailure | null {
  const { code, path: where } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (isCode(code, 'SQLITE_BUSY') || isCode(code, 'SQLITE_LOCKED')) return { code: 'busy', ref: msg('core.busy') };
  if (isCode(code, 'SQLITE_FULL')) return { code: 'disk_full', ref: msg('core.diskFull', { folder: path.dirname(dbFile) }) };
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { code: 'disk_full', ref: msg('core.diskFull', { folder: typeof where === 'string' ? path.dirname(path.resolve(where)) : path.dirname(dbFile) }) };
  }
  return null;
}

/** Waits without returning to the event loop: the core's calls are synchronous. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
