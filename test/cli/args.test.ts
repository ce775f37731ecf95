import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../electron/cli/args';

describe('cli arguments', () => {
  it('reads the command, --db anywhere, and the positionals', () => {
    expect(parseArgs(['--db', 'a.db', 'call', 'plans:get', '{"planId":"x"}'])).toMatchObject({ command: 'call', db: 'a.db', positionals: ['plans:get', '{"planId":"x"}'] });
    expect(parseArgs(['call', 'plans:get', '-', '--db=b.db'])).toMatchObject({ command: 'call', db: 'b.db', positionals: ['plans:get', '-'] });
    expect(parseArgs(['init', '--demo', '--seed', '7', '--scale=3', '--now', '2026-02-01'])).toMatchObject({ command: 'init', demo: true, seed: 7, scale: 3, now: '2026-02-01' });
    expect(parseArgs(['methods', '--json'])).toMatchObject({ command: 'methods', json: true });
  });

  it('treats everything after -- as positionals', () => {
    expect(parseArgs(['call', '--', 'x:y', '--not-an-option']).positionals).toEqual(['x:y', '--not-an-option']);
  });

  it('reads the bundle, conflict and peer commands with their options', () => {
    expect(parseArgs(['export', '--full', '--out', 'a.planbundle', '--passphrase-file', 'p.txt'])).toMatchObject({ command: 'export', full: true, out: 'a.planbundle', passphraseFile: 'p.txt' });
    expect(parseArgs(['export', '--to', 'X1', '--out=a.planbundle', '--no-encryption', '--json'])).toMatchObject({ to: 'X1', full: false, noEncryption: true, json: true });
    expect(parseArgs(['import', 'a.planbundle', '--dry-run', '--trust-new-sender'])).toMatchObject({ command: 'import', positionals: ['a.planbundle'], dryRun: true, trustNewSender: true });
    expect(parseArgs(['conflicts'])).toMatchObject({ command: 'conflicts', positionals: ['list'] });
    expect(parseArgs(['conflicts', 'resolve', 'cf_1', '--value', '-'])).toMatchObject({ positionals: ['resolve', 'cf_1'], value: '-' });
    expect(parseArgs(['peers', 'trust', 'FP', '--scope', 'c1', '--scope', 'c2, c3', '--name', 'Inuvik'])).toMatchObject({ positionals: ['trust', 'FP'], scope: ['c1', 'c2', 'c3'], name: 'Inuvik' });
    expect(parseArgs(['peers'])).toMatchObject({ positionals: ['list'], scope: undefined });
  });

  it('asks for help with --help, -h or help', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['call', '--help']]) expect(parseArgs(argv)).toMatchObject({ command: 'help', helpRequested: true });
  });

  it('refuses mistakes with a sentence; no or an unknown command with the usage', () => {
    const refusal = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return { message: (error as UsageError).message, usage: (error as UsageError).showUsage };
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refusal([])).toEqual({ message: 'Which command? Choose one of: init, call, methods, export, import, inspect, digest, conflicts, peers, whoami, help.', usage: true });
    expect(refusal(['launch'])).toEqual({ message: 'There is no command "launch".', usage: true });
    expect(refusal(['call'])).toMatchObject({ usage: false, message: expect.stringMatching(/^call needs the name of a method/) });
    expect(refusal(['call', 'a:b', '{}', 'extra']).message).toBe('Too many arguments for call: "extra".');
    expect(refusal(['init', '--verbose']).message).toBe('There is no option --verbose.');
    expect(refusal(['--db']).message).toBe('--db needs a value.');
    expect(refusal(['init', '--demo', '--scale', '0']).message).toBe('--scale needs a whole number from 1 to 20, not "0".');
    expect(refusal(['init', '--demo', '--seed', '1.5']).message).toBe('--seed needs a whole number from 0 to 4294967295, not "1.5".');
    expect(refusal(['init', '--seed', '3']).message).toBe('--seed, --scale and --now only make sense with --demo.');
    expect(refusal(['call', 'a:b', '--demo']).message).toBe('--demo goes with init, not with call.');
    expect(refusal(['init', '--demo', '--now', 'tomorrow']).message).toBe('--now needs a date written as YYYY-MM-DD, not "tomorrow".');
  });

  it('refuses bundle, conflict and peer commands written wrong', () => {
    const message = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as UsageError).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(message(['export', '--out', 'a.planbundle'])).toMatch(/^export needs either --to PEER .* or --full/);
    expect(message(['export', '--full', '--to', 'X', '--out', 'a.planbundle'])).toMatch(/^export needs either --to PEER/);
    expect(message(['export', '--full'])).toMatch(/^export needs --out FILE/);
    expect(message(['export', '--full', '--out', 'a.planbundle', '--no-encryption', '--passphrase-file', 'p'])).toBe('Give either --passphrase-file or --no-encryption, not both.');
    expect(message(['import'])).toMatch(/^import needs the bundle file/);
    expect(message(['import', 'a.planbundle', '--full'])).toBe('--full goes with export, not with import.');
    expect(message(['init', '--json'])).toBe('--json does not go with init.');
    expect(message(['conflicts', 'drop'])).toBe('There is no "conflicts drop": choose list, resolve.');
    expect(message(['conflicts', 'resolve', 'cf_1'])).toMatch(/^conflicts resolve needs --pick OP_ID .* or --value TEXT/);
    expect(message(['conflicts', 'resolve', 'cf_1', '--pick', 'x', '--value', 'y'])).toMatch(/^conflicts resolve needs --pick/);
    expect(message(['conflicts', 'list', '--pick', 'x'])).toBe('--pick goes with conflicts resolve, not with conflicts list.');
    expect(message(['peers', 'trust'])).toMatch(/^peers trust needs the fingerprint/);
    expect(message(['peers', 'revoke', 'FP', '--scope', 'c1'])).toBe('--scope goes with peers trust, not with peers revoke.');
    expect(message(['peers', 'list', 'extra'])).toBe('Too many arguments for peers list: "extra".');
    expect(message(['digest', 'extra'])).toBe('Too many arguments for digest: "extra".');
  });
});
