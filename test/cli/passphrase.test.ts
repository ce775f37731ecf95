import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, CliFailure } from '../../electron/cli/cli-io';
import { firstLine, passphraseForExport, readPassphraseFile } from '../../electron/cli/passphrase';
import { makeTempDir } from './run-cli';

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fakeIo(options: { stdin?: string; terminal?: string[] } = {}): CliIo & { errors: string[] } {
  const errors: string[] = [];
  const answers = [...(options.terminal ?? [])];
  return {
    errors,
    stdout: () => {},
    stderr: (text) => void errors.push(text),
    readStdin: () => options.stdin ?? '',
    env: {},
    today: () => '2026-11-24',
    canPrompt: () => options.terminal !== undefined,
    promptSecret: async () => answers.shift() ?? '',
  };
}

function file(name: string, text: string, mode = 0o600): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
  return f;
}

function refusal(fn: () => unknown): { message: string; exitCode: number } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliFailure);
    return { message: (error as CliFailure).message, exitCode: (error as CliFailure).exitCode };
  }
  throw new Error('accepted');
}

describe('cli: passphrase files', () => {
  it('takes the first line, without its line ending or a byte-order mark', () => {
    expect(firstLine('correct horse\n')).toBe('correct horse');
    expect(firstLine('\uFEFFcorrect horse\r\nsecond line\n')).toBe('correct horse');
    expect(firstLine(' spaces kept ')).toBe(' spaces kept ');
    const io = fakeIo();
    expect(readPassphraseFile(io, file('p1.txt', 'correct horse battery\n'))).toBe('correct horse battery');
    expect(io.errors).toEqual([]);
  });

  it('reads the first line of stdin for "-"', () => {
    expect(readPassphraseFile(fakeIo({ stdin: 'from a pipe\n' }), '-')).toBe('from a pipe');
  });

  it.skipIf(process.platform === 'win32')('warns, but goes on, when others may read the file', () => {
    const io = fakeIo();
    const f = file('p2.txt', 'correct horse battery\n', 0o644);
    expect(readPassphraseFile(io, f)).toBe('correct horse battery');
    expect(io.errors.join('')).toBe(`Warning: other users of this computer can read the passphrase file ${f}; make it private with "chmod 600 ${f}".\n`);
  });

  it('refuses, exit 2, a missing or empty file', () => {
    expect(refusal(() => readPassphraseFile(fakeIo(), path.join(dir, 'missing.txt')))).toEqual({ message: `There is no passphrase file at ${path.join(dir, 'missing.txt')}.`, exitCode: 2 });
    expect(refusal(() => readPassphraseFile(fakeIo(), file('empty.txt', '\nsecond line\n')))).toMatchObject({ message: expect.stringMatching(/is empty: its first line is the passphrase\.$/), exitCode: 2 });
    expect(refusal(() => readPassphraseFile(fakeIo(), dir))).toMatchObject({ message: expect.stringMatching(/is not a file\.$/), exitCode: 2 });
  });

  it('for export: a file, no encryption when asked, a prompt at a terminal, and otherwise a refusal', async () => {
    expect(await passphraseForExport(fakeIo(), { noEncryption: true })).toBeNull();
    expect(await passphraseForExport(fakeIo(), { passphraseFile: file('p3.txt', 'correct horse battery\n') })).toBe('correct horse battery');
    expect(await passphraseForExport(fakeIo({ terminal: ['typed twice', 'typed twice'] }), {})).toBe('typed twice');
    await expect(passphraseForExport(fakeIo({ terminal: ['one', 'another'] }), {})).rejects.toThrow('The two passphrases differ; no bundle was written.');
    await expect(passphraseForExport(fakeIo(), {})).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^Bundles are encrypted: give the passphrase in a file with --passphrase-file FILE/) });
  });
});
