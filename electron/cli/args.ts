/** The command line, parsed: a command, its positionals and the few options there are. */

export const COMMANDS = ['init', 'call', 'methods', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedArgs {
  command: Command;
  /** True when help was asked for (--help, -h, help), as opposed to no command at all. */
  helpRequested: boolean;
  db?: string;
  positionals: string[];
  demo: boolean;
  seed?: number;
  scale?: number;
  now?: string;
  json: boolean;
}

/** A mistake in how the command was written: shown with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';

  /** Whether the whole usage text should follow (no or unknown command) or just a hint. */
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

const VALUE_OPTIONS = ['--db', '--seed', '--scale', '--now'] as const;
const FLAG_OPTIONS = ['--demo', '--json', '--help', '-h'] as const;
/** Which command each option belongs to (--db and --help go with any). */
const OPTION_COMMANDS: Record<string, readonly Command[]> = {
  '--demo': ['init'],
  '--seed': ['init'],
  '--scale': ['init'],
  '--now': ['init'],
  '--json': ['methods'],
};

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${option} needs a whole number from ${min} to ${max}, not "${text}".`);
  }
  return n;
}

export function parseArgs(argv: readonly string[], limits = { maxScale: 20 }): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (onlyPositionals || token === '-' || !token.startsWith('-')) {
      positionals.push(token);
      continue;
    }
    if (token === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.startsWith('--') && eq > 0 ? token.slice(0, eq) : token;
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = eq > 0 ? token.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      values.set(name, value);
    } else if ((FLAG_OPTIONS as readonly string[]).includes(name) && eq < 0) {
      flags.add(name);
    } else {
      throw new UsageError(`There is no option ${name}.`);
    }
  }

  const help = flags.has('--help') || flags.has('-h');
  const [first, ...rest] = positionals;
  if (help || first === 'help') return { command: 'help', helpRequested: true, positionals: [], demo: false, json: false };
  if (first === undefined) throw new UsageError('Which command? Choose one of: init, call, methods, help.', true);
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`There is no command "${first.slice(0, 60)}".`, true);
  const command = first as Command;
  for (const option of [...values.keys(), ...flags]) {
    const allowed = OPTION_COMMANDS[option];
    if (allowed && !allowed.includes(command)) throw new UsageError(`${option} goes with ${allowed.join(' or ')}, not with ${command}.`);
  }
  if (command === 'init' && !flags.has('--demo') && ['--seed', '--scale', '--now'].some((o) => values.has(o))) {
    throw new UsageError('--seed, --scale and --now only make sense with --demo.');
  }
  const maxPositionals: Record<Command, number> = { init: 0, call: 2, methods: 0, help: 0 };
  if (rest.length > maxPositionals[command]) throw new UsageError(`Too many arguments for ${command}: "${rest[maxPositionals[command]]!.slice(0, 60)}".`);
  if (command === 'call' && rest.length === 0) throw new UsageError('call needs the name of a method, e.g. call communities:list \'{}\'.');
  if (values.has('--now') && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(values.get('--now')!)) {
    throw new UsageError(`--now needs a date written as YYYY-MM-DD, not "${values.get('--now')}".`);
  }

  return {
    command,
    helpRequested: false,
    db: values.get('--db'),
    positionals: rest,
    demo: flags.has('--demo'),
    seed: values.has('--seed') ? wholeNumber('--seed', values.get('--seed')!, 0, 2 ** 32 - 1) : undefined,
    scale: values.has('--scale') ? wholeNumber('--scale', values.get('--scale')!, 1, limits.maxScale) : undefined,
    now: values.get('--now'),
    json: flags.has('--json'),
  };
}
