/**
 * `call <method> [JSON | -]`: one contract call, its envelope printed as JSON on stdout. The
 * method name and the JSON are checked before the database is opened, so a typo changes nothing.
 * `call --batch`: many calls, one per line (see batchCallCommand).
 */
import { isMethodName, type MethodName } from '../../shared/contract';
import { err, isRefusal, type Result } from '../../shared/result';
import { type CliIo, sentence } from './cli-io';
import { UsageError } from './args';
import { openCore } from './open-core';

export function exitCodeOf(result: Result<unknown>): 0 | 1 | 2 {
  if (result.ok) return 0;
  return isRefusal(result.error.code) ? 2 : 1;
}

function print(io: CliIo, result: Result<unknown>): 0 | 1 | 2 {
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return exitCodeOf(result);
}

/** Parses the input text; a refusal envelope when it is not JSON. */
export function parseInput(text: string): { ok: true; input: unknown } | { ok: false; result: Result<never> } {
  if (text.trim() === '') return { ok: false, result: err('invalid_input', 'The input is not valid JSON: it is empty. Give an object such as {}.') };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, result: err('invalid_input', sentence(`The input is not valid JSON: ${reason}`)) };
  }
}

export async function callCommand(io: CliIo, dbFile: string, method: string, inputArg: string | undefined): Promise<number> {
  if (!isMethodName(method)) {
    return print(io, err('unknown_method', `There is no method called "${method.slice(0, 80)}". Run "methods" to list them.`));
  }
  const text = inputArg === undefined ? '{}' : inputArg === '-' ? io.readStdin() : inputArg;
  const parsed = parseInput(text);
  if (!parsed.ok) return print(io, parsed.result);
  const core = openCore(io, dbFile, { mustExist: true });
  try {
    return print(io, await core.call(method, parsed.input));
  } finally {
    core.close();
  }
}

/**
 * `call --batch`: many calls in one process, for scripts. Standard input holds one call per line,
 * `{"method": "plans:get", "input": {...}}` ("input" may be left out for {}); standard output gets
 * one compact envelope per call, on one line, in the same order. Blank lines are skipped. A line
 * that is not a call answers a refusal envelope in its place and the batch goes on.
 *
 * Exit code: 0 when every call succeeded, 1 when any failed, else 2 when any was refused.
 *
 * Recognised here rather than in args.ts because `call --batch` takes no method: the only other
 * option is --db (and --json, which changes nothing: the output is always JSON).
 */
export function parseBatchArgs(argv: readonly string[]): { db?: string } | null {
  if (!argv.includes('--batch') || argv.includes('--help') || argv.includes('-h')) return null;
  let db: string | undefined;
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--batch' || token === '--json') continue;
    if (token === '--db' || token.startsWith('--db=')) {
      db = token === '--db' ? argv[++i] : token.slice('--db='.length);
      if (!db) throw new UsageError('--db needs a value.');
    } else if (token.startsWith('-')) {
      throw new UsageError(`${token} does not go with call --batch.`);
    } else positionals.push(token);
  }
  if (positionals[0] !== 'call') throw new UsageError(`--batch goes with call, not with ${positionals[0] ?? 'nothing'}: call --batch reads one call per line from standard input.`);
  if (positionals.length > 1) {
    throw new UsageError(`call --batch takes its calls from standard input, one per line such as {"method": "communities:list", "input": {}}, not "${positionals[1]!.slice(0, 60)}" on the command line.`);
  }
  return db === undefined ? {} : { db };
}

/** One line of a batch: the call it asks for, or the refusal to print in its place. */
export function parseBatchLine(line: string): { ok: true; method: MethodName; input: unknown } | { ok: false; result: Result<never> } {
  const parsed = parseInput(line);
  if (!parsed.ok) return parsed;
  const call = parsed.input as { method?: unknown; input?: unknown } | null;
  if (typeof call !== 'object' || call === null || Array.isArray(call) || typeof call.method !== 'string' || Object.keys(call).some((key) => key !== 'method' && key !== 'input')) {
    return { ok: false, result: err('invalid_input', 'A batch line is one JSON object with "method" and, if the method takes any, "input", e.g. {"method": "plans:list", "input": {"fiscalYear": 2026}}.') };
  }
  if (!isMethodName(call.method)) {
    return { ok: false, result: err('unknown_method', `There is no method called "${call.method.slice(0, 80)}". Run "methods" to list them.`) };
  }
  return { ok: true, method: call.method, input: call.input ?? {} };
}

export async function batchCallCommand(io: CliIo, dbFile: string): Promise<number> {
  const lines = io.readStdin().split(/\r?\n/).filter((line) => line.trim() !== '');
  const core = openCore(io, dbFile, { mustExist: true });
  let failed = false;
  let refused = false;
  try {
    for (const line of lines) {
      const call = parseBatchLine(line);
      const result = call.ok ? await core.call(call.method, call.input) : call.result;
      io.stdout(`${JSON.stringify(result)}\n`);
      const code = exitCodeOf(result);
      failed ||= code === 1;
      refused ||= code === 2;
    }
  } finally {
    core.close();
  }
  return failed ? 1 : refused ? 2 : 0;
}
