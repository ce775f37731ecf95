/**
 * Files the command line writes where the person said (--out): reports, workbooks, CSV folders.
 * Each is written beside its destination and renamed into place, and every way the disk can
 * refuse is a sentence that names the folder and says what to do. They are owner-only (0600, new
 * folders 0700), like everything the planner writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateFolder, openNewPrivateFile } from '../../db/private-files';
import { CliFailure } from './cli-io';

/** The sentence for a failed write of `target`, with its exit code (1 for a full disk, 2 for a place that cannot be written). */
export function writeFailure(error: unknown, target: string): CliFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = path.dirname(target);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new CliFailure(`The disk is full: free space on ${folder} and try again. Nothing was written.`, 1);
    case 'EROFS':
      return new CliFailure(`${target} could not be written: the folder ${folder} is on a read-only disk. Choose another folder with --out.`, 2);
    case 'EACCES':
    case 'EPERM':
      return new CliFailure(`${target} could not be written: you may not write in the folder ${folder}. Choose another folder with --out.`, 2);
    case 'ENOENT':
      return new CliFailure(`${target} could not be written: the folder ${folder} does not exist. Create it, or choose another folder with --out.`, 2);
    case 'ENOTDIR':
      return new CliFailure(`${target} could not be written: part of the path ${folder} is a file, not a folder. Choose another folder with --out.`, 2);
    case 'EISDIR':
      return new CliFailure(`${target} is a folder: give a file name with --out.`, 2);
    default:
      return new CliFailure(`${target} could not be written (${code ?? (error instanceof Error ? error.message : String(error))}). Choose another folder with --out.`, 1);
  }
}

export interface ReservedOutput {
  write(data: string | Uint8Array): void;
  abandon(): void;
}

/**
 * Reserves the destination before the work that fills it (printing a PDF takes a while): the
 * temporary file is created now, so an unwritable place is refused at once.
 */
export function reserveOutput(file: string): ReservedOutput {
  const target = path.resolve(file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw writeFailure(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), target);
  const temporary = `${target}.part-${process.pid}`;
  let fd: number;
  try {
    fd = openNewPrivateFile(temporary);
  } catch (error) {
    throw writeFailure(error, target);
  }
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  /** Removes the reserved file unless it was written (harmless after write). */
  const abandon = () => {
    if (!open) return;
    close();
    fs.rmSync(temporary, { force: true });
  };
  return {
    abandon,
    write(data) {
      try {
        try {
          fs.writeFileSync(fd, data);
        } finally {
          close();
        }
        fs.renameSync(temporary, target);
      } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw writeFailure(error, target);
      }
    },
  };
}

/** Writes one file in one step. */
export function writeOutput(file: string, data: string | Uint8Array): void {
  reserveOutput(file).write(data);
}

/** Creates the folder for --out DIR. */
export function outputFolder(dir: string): string {
  const folder = path.resolve(dir);
  try {
    makePrivateFolder(folder);
  } catch (error) {
    throw writeFailure(error, folder);
  }
  return folder;
}
