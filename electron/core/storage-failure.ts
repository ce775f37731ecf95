/**
 * The failures of the storage under the core that a person can act on: the database held by
 * another writer (a long import in another window or command), and a full disk. createCore turns
 * them into envelopes with their own codes and sentences instead of "something went wrong".
 */
import path from 'node:path';
import { type MessageRef, msg } from '../../shared/core-messages';

export type StorageFailure = { code: 'busy'; ref: MessageRef } | { code: 'disk_full'; ref: MessageRef };

/** SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CANTOPEN_ISDIR…) start with the primary one. */
export const isSqliteCode = (code: unknown, primary: string) => typeof code === 'string' && (code === primary || code.startsWith(`${primary}_`));

/** A quota or a full disk: the system's words for "no room left". */
export const isNoRoom = (code: unknown) => code === 'ENOSPC' || code === 'EDQUOT' || isSqliteCode(code, 'SQLITE_FULL');

/** What the error is to a person, or null when it is not a storage failure. `dbFile` names the folder of a full database. */
export function storageFailure(error: unknown, dbFile: string): StorageFailure | null {
  const { code, path: where } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (isSqliteCode(code, 'SQLITE_BUSY') || isSqliteCode(code, 'SQLITE_LOCKED')) return { code: 'busy', ref: msg('core.busy') };
  // SQLite names no file; a full disk named by the system is where it says.
  if (isNoRoom(code)) return { code: 'disk_full', ref: msg('core.diskFull', { folder: typeof where === 'string' ? path.dirname(path.resolve(where)) : path.dirname(dbFile) }) };
  return null;
}

/** Waits without returning to the event loop: the core's calls are synchronous. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
