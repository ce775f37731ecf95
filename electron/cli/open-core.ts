/**
 * Opens the planner database for the command line with the same createCore the desktop app uses,
 * turning every way it can fail into one sentence. Nothing is written to stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { type CliIo, CliFailure, debugText, isDebug, sentence } from './cli-io';

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

export function describeOpenFailure(error: unknown, file: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return `The database path ${file} is a folder, not a file.`;
  // A file refused for who owns or may read it: its sentence already says how to fix it.
  if (code === 'FILE_REFUSED') return firstLine(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return `The database at ${file} cannot be opened: check that the folder exists and that you may read and write it.`;
  }
  if (code === 'SQLITE_NOTADB') return `${file} is not a planner database (it is not an SQLite file).`;
  if (code === 'SQLITE_CORRUPT') return `The database at ${file} is damaged. Restore a backup from the backups folder beside it.`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `The disk is full: free space on ${path.dirname(file)} and try again.`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return `The database at ${file} is busy: another program is writing to it. Try again in a moment.`;
  return sentence(`The database at ${file} could not be opened: ${firstLine(error)}`);
}

export interface OpenOptions {
  /** Refuse when the file does not exist yet (every command but init). */
  mustExist: boolean;
  core?: Partial<Omit<CoreOptions, 'dbFile' | 'log'>>;
}

export function openCore(io: CliIo, dbFile: string, options: OpenOptions): Core {
  const file = path.resolve(dbFile);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new CliFailure(`The database path ${file} is a folder, not a file.`, 1);
  if (options.mustExist && !fs.existsSync(file)) {
    throw new CliFailure(`There is no database at ${file}. Create it with "init" (add --demo for a demo territory), or give another file with --db.`, 1);
  }
  try {
    return createCore({
      ...options.core,
      dbFile: file,
      log: (message, error) => {
        io.stderr(`${sentence(message)}\n`);
        if (isDebug(io)) io.stderr(`${debugText(error)}\n`);
      },
    });
  } catch (error) {
    if (isDebug(io)) io.stderr(`${debugText(error)}\n`);
    throw new CliFailure(describeOpenFailure(error, file), 1);
  }
}
