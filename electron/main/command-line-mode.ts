/**
 * The installed app is also the planner's command line: `planner call communities:list` (Linux,
 * where the executable is `planner`), `planner.cmd …` beside the executable on Windows, or the
 * app's executable itself on macOS. When the first argument is a command word, main runs the
 * bundled CLI (dist/electron/planner-cli.cjs, the file `npm run cli` runs) with Electron's own
 * Node and the better-sqlite3 built for it, then exits with the CLI's code: no window, no
 * single-instance lock, so it also runs while the app is open. The runAsNode fuse stays off.
 *
 * The rule needs no list of commands (that list lives with the CLI): a command is a bare word
 * (`call`, `init`, `help`…) or one of the options that can come before it (`--db`, `--help`, `-h`).
 * The system never passes such an argument: opening a file passes its absolute path, and
 * Chromium's switches start with `--` and are not among these.
 */
export const COMMAND_LINE_BUNDLE = 'planner-cli.cjs';

/** The CLI's arguments when this start is a command line, otherwise null (start the app). */
export function commandLineArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  // Packaged: [executable, …arguments]. Unpackaged (`electron .`, `electron main.cjs`): [electron, app, …arguments].
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args[0];
  if (first === undefined) return null;
  const isCommand = /^[a-z][a-z-]*$/.test(first) || first === '--db' || first.startsWith('--db=') || first === '--help' || first === '-h';
  return isCommand ? args : null;
}

export interface CommandLineModule {
  runCommandLine(argv: readonly string[]): Promise<number>;
}

export interface CommandLineHost {
  /** Loads the CLI bundle beside main.cjs. */
  load(): CommandLineModule;
  /** Ends the process with this code once everything written to stdout and stderr is out. */
  exit(code: number): void;
  stderr(text: string): void;
}

export async function runCommandLine(args: readonly string[], host: CommandLineHost): Promise<void> {
  let code: number;
  try {
    code = await host.load().runCommandLine(args);
  } catch (error) {
    host.stderr(`The command line could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    code = 1;
  }
  host.exit(code);
}
