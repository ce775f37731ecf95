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
    expect(refusal([])).toEqual({ message: 'Which command? Choose one of: init, call, methods, help.', usage: true });
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
});
