/**
 * Where a bundle's passphrase comes from on the command line: a file (always; scripts and CI have
 * no terminal), "-" for the first line of standard input, or, when a person is at a terminal and
 * gave neither, a prompt that does not echo. Never an argument: those end up in shell history and
 * in the process list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CliIo, CliFailure } from './cli-io';

/** More than any passphrase: a larger file is the wrong file. */
const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

/** The first line of a passphrase text: a byte-order mark and the line ending are not part of it. */
export function firstLine(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.replace(/\r$/, '');
}

/**
 * Reads the passphrase file's first line. A file others may read is used, with a warning: the
 * person may have reasons (a shared service account), but should know.
 */
export function readPassphraseFile(io: CliIo, file: string, platform: NodeJS.Platform = process.platform): string {
  if (file === '-') {
    const passphrase = firstLine(io.readStdin());
    if (passphrase === '') throw new CliFailure('The passphrase on standard input is empty: its first line is the passphrase.', 2);
    return passphrase;
  }
  const shown = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliFailure(`There is no passphrase file at ${shown}.`, 2);
  }
  if (!stat.isFile()) throw new CliFailure(`The passphrase file ${shown} is not a file.`, 2);
  if (stat.size > MAX_PASSPHRASE_FILE_BYTES) throw new CliFailure(`${shown} is too large to be a passphrase file: its first line should be the passphrase and nothing else.`, 2);
  if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    io.stderr(`Warning: other users of this computer can read the passphrase file ${shown}; make it private with "chmod 600 ${shown}".\n`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliFailure(`The passphrase file ${shown} cannot be read: check that you may read it.`, 2);
  }
  const passphrase = firstLine(text);
  if (passphrase === '') throw new CliFailure(`The passphrase file ${shown} is empty: its first line is the passphrase.`, 2);
  return passphrase;
}

/** For export: the passphrase to encrypt with, or null when the person chose --no-encryption. */
export async function passphraseForExport(io: CliIo, options: { passphraseFile?: string; noEncryption?: boolean }): Promise<string | null> {
  if (options.noEncryption) return null;
  if (options.passphraseFile !== undefined) return readPassphraseFile(io, options.passphraseFile);
  if (io.canPrompt()) {
    const first = await io.promptSecret('Passphrase for the bundle (at least 8 characters; it is not shown): ');
    const again = await io.promptSecret('The same passphrase again: ');
    if (first !== again) throw new CliFailure('The two passphrases differ; no bundle was written.', 2);
    return first;
  }
  throw new CliFailure(
    'Bundles are encrypted: give the passphrase in a file with --passphrase-file FILE (its first line is the passphrase), or choose --no-encryption to write a bundle anyone who gets the file can read.',
    2,
  );
}
