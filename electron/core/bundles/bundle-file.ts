import fs from 'node:fs';
import path from 'node:path';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import { BUNDLE_EXTENSION, LIMITS } from './bundle-format';
import { refuse } from './bundle-refusal';

/** Reads a bundle file after checking its name and size: nothing larger than the cap is read. */
export function readFileCapped(file: string): Buffer {
  if (!file.toLowerCase().endsWith(BUNDLE_EXTENSION)) refuse('not_a_bundle', msg('import.onlyExtension', { extension: BUNDLE_EXTENSION }));
  // Opened without blocking and checked on the open file itself: a FIFO (which would wait for a
  // writer) or a device (which never ends) is refused before a byte is read, even if the path is
  // swapped between a check and the read.
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') refuse('not_a_bundle', msg('import.folder'));
    throw new DomainError('not_found', msg('import.fileNotFound', { file: path.basename(file) }));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) refuse('not_a_bundle', msg('import.folder'));
    if (!stat.isFile()) refuse('not_a_bundle', msg('import.notAFile'));
    if (stat.size > LIMITS.fileBytes) refuse('too_large', msg('bundle.tooLarge', { megabytes: LIMITS.fileBytes / 1024 / 1024 }));
    // Read no more than the cap even if the file grows meanwhile; one byte more tells that it did.
    const buffer = Buffer.alloc(Math.min(stat.size, LIMITS.fileBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > LIMITS.fileBytes) refuse('too_large', msg('bundle.tooLarge', { megabytes: LIMITS.fileBytes / 1024 / 1024 }));
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}
