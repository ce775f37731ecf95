/**
 * Why the database could not be opened (created, backed up, migrated, or its key read), classified
 * once for every adapter. Each adapter then words the failure its own way, in the person's
 * language: the desktop app in a dialog ("start the planner again"), the CLI on stderr (naming the
 * file and what to run) — the catalogue keys `open.app.<code>` and `open.cli.<code>` in
 * shared/core-messages-startup.ts.
 */
import path from 'node:path';
import type { CoreMessageKey, MessageRef } from '../../shared/core-messages';
import { isNoRoom, isSqliteCode } from './storage-failure';

export const OPEN_FAILURE_CODES = ['wrong_engine', 'file_refused', 'busy', 'damaged', 'not_a_database', 'not_allowed', 'disk_full', 'unknown'] as const;
export type OpenFailureCode = (typeof OPEN_FAILURE_CODES)[number];

export interface OpenFailure {
  code: OpenFailureCode;
  /** The error's own text: shown only for a refused file (its sentence says how to fix it) or, by the CLI, when nothing better is known. */
  text: string;
}

export type OpenFailureAdapter = 'app' | 'cli';

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function classifyOpenFailure(error: unknown): OpenFailure {
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  const failure = (kind: OpenFailureCode): OpenFailure => ({ code: kind, text });
  // The native SQLite module was compiled for plain Node (as the tests need) and not for Electron.
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(text)) return failure('wrong_engine');
  // A database or key file refused for who owns or may read it (db/private-files.ts).
  if (code === 'FILE_REFUSED') return failure('file_refused');
  // SQLite's extended codes (SQLITE_CANTOPEN_ISDIR, SQLITE_READONLY_DBMOVED…) count as their primary code.
  const sqlite = (primary: string) => isSqliteCode(code, primary);
  if (sqlite('SQLITE_BUSY') || sqlite('SQLITE_LOCKED')) return failure('busy');
  if (sqlite('SQLITE_CORRUPT')) return failure('damaged');
  if (sqlite('SQLITE_NOTADB')) return failure('not_a_database');
  if (code === 'EACCES' || code === 'EPERM' || sqlite('SQLITE_READONLY') || sqlite('SQLITE_CANTOPEN')) return failure('not_allowed');
  if (isNoRoom(code)) return failure('disk_full');
  return failure('unknown');
}

/**
 * The adapter's sentence for a failure, as a catalogue reference. `detail` is what the sentence
 * may quote of the error's own text (the CLI shortens it to its first line).
 */
export function openFailureMessage(failure: OpenFailure, adapter: OpenFailureAdapter, dbFile: string, detail = failure.text): MessageRef {
  const key = `open.${adapter}.${failure.code}` satisfies CoreMessageKey;
  return { key, params: { file: dbFile, folder: path.dirname(dbFile), detail } };
}
