/** The command line's dispatcher: parses the arguments, runs one command, returns the exit code. */
import { MAX_DEMO_SCALE } from '../demo/demo-data';
import { parseArgs, UsageError } from './args';
import { backupCommand, parseBackupArgs } from './backup-commands';
import { batchCallCommand, callCommand, parseBatchArgs } from './call-command';
import { type CliIo, CliFailure, debugText, isDebug, sentence } from './cli-io';
import { defaultDatabaseFile } from './default-db-path';
import { helpText } from './help-text';
import { initCommand } from './init-command';
import { describeMethods, formatMethods } from './method-catalogue';
import { syncCommand } from './sync-commands';
import { parseReportArgs, reportCommand } from './report-commands';
import { inert, inertLines } from './terminal-text';
import { parseTerritoryArgs, territoryCommand } from './territory-commands';

export async function runCli(argv: readonly string[], outerIo: CliIo): Promise<number> {
  const io = inertOutput(outerIo);
  const defaultDb = defaultDatabaseFile();
  try {
    const batch = parseBatchArgs(argv);
    if (batch) return await batchCallCommand(io, batch.db ?? defaultDb);
    const setup = parseTerritoryArgs(argv);
    if (setup) return await territoryCommand(io, setup.db ?? defaultDb, setup);
    const backup = parseBackupArgs(argv);
    if (backup) return await backupCommand(io, backup.db ?? defaultDb, backup);
    const report = parseReportArgs(argv);
    if (report) return await reportCommand(io, report.db ?? defaultDb, report);
    const args = parseArgs(argv, { maxScale: MAX_DEMO_SCALE });
    const dbFile = args.db ?? defaultDb;
    switch (args.command) {
      case 'help':
        io.stdout(helpText(defaultDb, MAX_DEMO_SCALE));
        return 0;
      case 'methods':
        io.stdout(args.json ? `${JSON.stringify(describeMethods(), null, 2)}\n` : formatMethods(describeMethods()));
        return 0;
      case 'init':
        return initCommand(io, dbFile, { demo: args.demo, seed: args.seed, scale: args.scale, now: args.now });
      case 'call':
        return await callCommand(io, dbFile, args.positionals[0]!, args.positionals[1]);
      case 'export':
      case 'import':
      case 'inspect':
      case 'digest':
      case 'conflicts':
      case 'peers':
      case 'whoami':
        return await syncCommand(io, dbFile, args.command, args);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.showUsage ? `${sentence(error.message)}\n\n${helpText(defaultDb, MAX_DEMO_SCALE)}` : `${sentence(error.message)} Run with --help to see how the commands are written.\n`);
      return 2;
    }
    if (error instanceof CliFailure) {
      io.stderr(`${sentence(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr(`${unexpected(error)}\n`);
    if (isDebug(io)) io.stderr(`${debugText(error)}\n`);
    return 1;
  }
}

/**
 * Every line the command line prints passes through inertLines: whatever text from outside a
 * command failed to make inert itself cannot act on the terminal (JSON stays JSON: the escapes
 * are JSON's own). Values are made inert where they are put in a line (terminal-text.ts).
 */
function inertOutput(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(inertLines(text)), stderr: (text) => io.stderr(inertLines(text)) };
}

export function unexpected(error: unknown): string {
  const message = inert(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  return sentence(`Something unexpected went wrong: ${message.slice(0, 300)}`) + ' Run again with CSP_DEBUG=1 to see the details.';
}
