#!/usr/bin/env node
/**
 * The headless command line: `npm run -s cli -- --help`. An adapter over the same createCore as
 * the desktop app. Errors are sentences on stderr; CSP_DEBUG=1 adds stack traces.
 *
 * Bundled by scripts/build-electron.mjs into dist/electron/planner-cli.cjs, which `npm run cli`
 * runs with Node and the installed app runs for `planner …` (electron/main/command-line-mode.ts,
 * through runCommandLine); tests also run this file from source with tsx.
 *
 * The rest is imported here, inside the try, so that even a failure to load a module (say
 * better-sqlite3 built for Electron rather than Node) ends with a sentence, not a stack trace.
 */
import { processIo } from './cli-io';

/** Runs one command with these arguments (without the program's own); resolves to the exit code. */
export async function runCommandLine(argv: readonly string[]): Promise<number> {
  const io = processIo();
  try {
    const { runCli } = await import('./run-cli');
    return await runCli(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const hint = /NODE_MODULE_VERSION|better[-_]sqlite3/.test(message) ? ' The SQLite module may be built for Electron; run "npm rebuild better-sqlite3" to use it from Node.' : '';
    io.stderr(`The command line could not start: ${message.slice(0, 300)}.${hint}\n`);
    if (io.env.CSP_DEBUG === '1') io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}

// Run when started as a program (tsx runs this file as an ES module; Node runs the bundle as its
// main module), not when the app's main process loads the bundle to call runCommandLine itself.
const loadedByAnotherModule = typeof require !== 'undefined' && require.main !== module;
if (!loadedByAnotherModule) {
  void runCommandLine(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
