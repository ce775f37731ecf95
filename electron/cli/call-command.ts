/**
 * `call <method> [JSON | -]`: one contract call, its envelope printed as JSON on stdout. The
 * method name and the JSON are checked before the database is opened, so a typo changes nothing.
 */
import { isMethodName } from '../../shared/contract';
import { err, isRefusal, type Result } from '../../shared/result';
import { type CliIo, sentence } from './cli-io';
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
