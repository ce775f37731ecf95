import { describe, expect, it } from 'vitest';
import { commandLineArguments, runCommandLine } from '../../electron/main/command-line-mode';

describe('the app started as a command line', () => {
  it('is a command line when the first argument is a command word or --db / --help', () => {
    expect(commandLineArguments(['/opt/Community Safety Planner/planner', 'call', 'themes:list'], false)).toEqual(['call', 'themes:list']);
    expect(commandLineArguments(['planner', '--db', 'territory.db', 'call', '--batch'], false)).toEqual(['--db', 'territory.db', 'call', '--batch']);
    expect(commandLineArguments(['planner', '--db=territory.db', 'whoami'], false)).toEqual(['--db=territory.db', 'whoami']);
    expect(commandLineArguments(['planner', '--help'], false)).toEqual(['--help']);
    expect(commandLineArguments(['electron', '.', 'methods'], true)).toEqual(['methods']);
  });

  it('is the app with no arguments, a double-clicked bundle, or Chromium switches', () => {
    expect(commandLineArguments(['planner'], false)).toBeNull();
    expect(commandLineArguments(['electron', '.'], true)).toBeNull();
    expect(commandLineArguments(['C:\\Program Files\\Community Safety Planner\\Community Safety Planner.exe', 'C:\\Users\\ana\\Downloads\\north.planbundle'], false)).toBeNull();
    expect(commandLineArguments(['planner', '/home/ana/north.planbundle'], false)).toBeNull();
    expect(commandLineArguments(['planner', '--no-sandbox'], false)).toBeNull();
    expect(commandLineArguments(['planner', '-psn_0_12345'], false)).toBeNull();
  });

  it('exits with the command\'s code, or 1 with a sentence when the bundle cannot be loaded', async () => {
    const exits: number[] = [];
    const errors: string[] = [];
    const host = { exit: (code: number) => exits.push(code), stderr: (text: string) => errors.push(text) };
    await runCommandLine(['whoami'], { ...host, load: () => ({ runCommandLine: async () => 2 }) });
    await runCommandLine(['whoami'], {
      ...host,
      load: () => {
        throw new Error("Cannot find module 'planner-cli.cjs'\nRequire stack: …");
      },
    });
    expect(exits).toEqual([2, 1]);
    expect(errors).toEqual(["The command line could not start: Cannot find module 'planner-cli.cjs'\n"]);
  });
});
