/** The command line, parsed: a command, its positionals and the few options there are. */

export const COMMANDS = ['init', 'call', 'methods', 'export', 'import', 'inspect', 'digest', 'conflicts', 'peers', 'whoami', 'help'] as const;
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
  /** export: the peer's installation id (or fingerprint), or a full bundle. */
  to?: string;
  /** More recipients of an export (each peer's id or fingerprint), beside --to. */
  alsoTo?: string[];
  full?: boolean;
  out?: string;
  passphraseFile?: string;
  noEncryption?: boolean;
  /** import */
  dryRun?: boolean;
  trustNewSender?: boolean;
  /** conflicts resolve */
  pick?: string;
  value?: string;
  /** peers trust: every --scope, in order (each may hold several ids separated by commas). */
  scope?: string[];
  /** peers trust / import --trust-new-sender: every community, said explicitly. */
  allCommunities?: boolean;
  name?: string;
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

const VALUE_OPTIONS = ['--db', '--seed', '--scale', '--now', '--to', '--also-to', '--out', '--passphrase-file', '--pick', '--value', '--scope', '--name'] as const;
const FLAG_OPTIONS = ['--demo', '--json', '--help', '-h', '--full', '--no-encryption', '--dry-run', '--trust-new-sender', '--all-communities'] as const;
/** Options that may be given more than once, each adding to the list. */
const REPEATABLE_OPTIONS = ['--scope', '--also-to'] as const;
/** Which command each option belongs to (--db and --help go with any). */
const OPTION_COMMANDS: Record<string, readonly Command[]> = {
  '--demo': ['init'],
  '--seed': ['init'],
  '--scale': ['init'],
  '--now': ['init'],
  '--json': ['methods', 'call', 'export', 'import', 'inspect', 'digest', 'conflicts', 'peers', 'whoami'],
  '--to': ['export'],
  '--also-to': ['export'],
  '--full': ['export'],
  '--out': ['export'],
  '--no-encryption': ['export'],
  '--passphrase-file': ['export', 'import', 'inspect'],
  '--dry-run': ['import'],
  '--trust-new-sender': ['import'],
  '--pick': ['conflicts'],
  '--value': ['conflicts'],
  '--scope': ['peers', 'import'],
  '--all-communities': ['peers', 'import'],
  '--name': ['peers'],
};
/** The subcommands of conflicts and peers; the first is the default. */
const SUBCOMMANDS: Partial<Record<Command, readonly string[]>> = {
  conflicts: ['list', 'resolve'],
  peers: ['list', 'trust', 'revoke'],
};
/** Options that go with one subcommand only. */
const OPTION_SUBCOMMANDS: Record<string, string> = { '--pick': 'resolve', '--value': 'resolve', '--scope': 'trust', '--name': 'trust', '--all-communities': 'trust' };
const COMMAND_LIST = 'init, call, methods, export, import, inspect, digest, conflicts, peers, whoami, help';

/** One argument of a command line, as the command parsers of the CLI read them. */
export type ScannedArg =
  | { kind: 'value'; name: string; value: string | undefined }
  | { kind: 'flag'; name: string }
  | { kind: 'otherOption'; arg: string }
  | { kind: 'word'; arg: string };

/**
 * Reads a command line into options with a value (`--name value` or `--name=value`; `value`
 * undefined when the line ends first), flags, other options and plain words, in order.
 */
export function* scanArgs(argv: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): Generator<ScannedArg> {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (valueOptions.includes(name)) yield { kind: 'value', name, value: inline ?? argv[++i] };
    else if (flagOptions.includes(name)) yield { kind: 'flag', name };
    else if (arg.startsWith('-')) yield { kind: 'otherOption', arg };
    else yield { kind: 'word', arg };
  }
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${option} needs a whole number from ${min} to ${max}, not "${text}".`);
  }
  return n;
}

export function parseArgs(argv: readonly string[], limits = { maxScale: 20 }): ParsedArgs {
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
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
      if ((REPEATABLE_OPTIONS as readonly string[]).includes(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    } else if ((FLAG_OPTIONS as readonly string[]).includes(name) && eq < 0) {
      flags.add(name);
    } else {
      throw new UsageError(`There is no option ${name}.`);
    }
  }

  const help = flags.has('--help') || flags.has('-h');
  const [first, ...rest] = positionals;
  if (help || first === 'help') return { command: 'help', helpRequested: true, positionals: [], demo: false, json: false };
  if (first === undefined) throw new UsageError(`Which command? Choose one of: ${COMMAND_LIST}.`, true);
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`There is no command "${first.slice(0, 60)}".`, true);
  const command = first as Command;
  for (const option of [...values.keys(), ...flags]) {
    const allowed = OPTION_COMMANDS[option];
    if (allowed && !allowed.includes(command)) {
      throw new UsageError(allowed.length > 3 ? `${option} does not go with ${command}.` : `${option} goes with ${allowed.join(' or ')}, not with ${command}.`);
    }
  }
  if (command === 'init' && !flags.has('--demo') && ['--seed', '--scale', '--now'].some((o) => values.has(o))) {
    throw new UsageError('--seed, --scale and --now only make sense with --demo.');
  }
  const maxPositionals: Record<Command, number> = {
    init: 0,
    call: 2,
    methods: 0,
    export: 0,
    import: 1,
    inspect: 1,
    digest: 0,
    conflicts: 2,
    peers: 2,
    whoami: 0,
    help: 0,
  };
  if (rest.length > maxPositionals[command]) throw new UsageError(`Too many arguments for ${command}: "${rest[maxPositionals[command]]!.slice(0, 60)}".`);
  if (command === 'call' && rest.length === 0) throw new UsageError('call needs the name of a method, e.g. call communities:list \'{}\'.');
  checkSyncCommand(command, rest, values, flags);
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
    to: values.get('--to'),
    alsoTo: repeated.has('--also-to') ? repeated.get('--also-to')!.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') : undefined,
    full: flags.has('--full'),
    out: values.get('--out'),
    passphraseFile: values.get('--passphrase-file'),
    noEncryption: flags.has('--no-encryption'),
    dryRun: flags.has('--dry-run'),
    trustNewSender: flags.has('--trust-new-sender'),
    pick: values.get('--pick'),
    value: values.get('--value'),
    scope: repeated.has('--scope') ? repeated.get('--scope')!.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') : undefined,
    allCommunities: flags.has('--all-communities'),
    name: values.get('--name'),
  };
}

/** The rules of the bundle, conflict and peer commands that can be checked without the database. */
function checkSyncCommand(command: Command, rest: string[], values: Map<string, string>, flags: Set<string>): void {
  const subcommands = SUBCOMMANDS[command];
  if (subcommands) {
    const sub = rest[0] ?? subcommands[0]!;
    if (!subcommands.includes(sub)) throw new UsageError(`There is no "${command} ${sub.slice(0, 40)}": choose ${subcommands.join(', ')}.`);
    if (rest[0] === undefined) rest.push(sub);
    for (const option of [...values.keys()]) {
      const wanted = OPTION_SUBCOMMANDS[option];
      if (wanted && wanted !== sub) throw new UsageError(`${option} goes with ${command} ${wanted}, not with ${command} ${sub}.`);
    }
    if (sub === 'list' && rest.length > 1) throw new UsageError(`Too many arguments for ${command} list: "${rest[1]!.slice(0, 60)}".`);
  }
  switch (command) {
    case 'export':
      if (values.has('--to') === flags.has('--full')) throw new UsageError('export needs either --to PEER (what that peer has not seen yet) or --full (everything), one of the two.');
      if (!values.has('--out')) throw new UsageError('export needs --out FILE, the bundle to write (its name ending in .planbundle).');
      if (values.has('--passphrase-file') && flags.has('--no-encryption')) throw new UsageError('Give either --passphrase-file or --no-encryption, not both.');
      return;
    case 'import':
    case 'inspect':
      if (rest.length === 0) throw new UsageError(`${command} needs the bundle file, e.g. ${command} territory.planbundle.`);
      return;
    case 'conflicts':
      if (rest[0] === 'resolve') {
        if (rest.length < 2) throw new UsageError('conflicts resolve needs the id of the conflict (see "conflicts list").');
        if (values.has('--pick') === values.has('--value')) throw new UsageError('conflicts resolve needs --pick OP_ID (keep one version) or --value TEXT (a merged value), one of the two.');
      }
      return;
    case 'peers':
      if ((rest[0] === 'trust' || rest[0] === 'revoke') && rest.length < 2) throw new UsageError(`peers ${rest[0]} needs the fingerprint of the peer (see "peers list").`);
      return;
    default:
      return;
  }
}
