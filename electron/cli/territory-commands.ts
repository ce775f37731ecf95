/**
 * First start and enrolment on the command line (issue 10, §2–3):
 *   init --start-territory NAME --computer NAME --user NAME [--lang en|fr]
 *   init --join --computer NAME --user NAME --request-out FILE [--lang en|fr]
 *   init --computer NAME --user NAME            (an unenrolled scratch database)
 *   enrol request --out FILE | enrol read FILE | enrol list
 *   enrol issue REQUEST_ID --role R --community C… --out FILE (--passphrase-file F | --no-encryption)
 *   enrol reenrol REQUEST_ID --replaces SERIAL --out FILE (--passphrase-file F | --no-encryption)
 *   enrol accept FILE --territory-fingerprint FP [--passphrase-file F]
 *   enrol revoke SERIAL --reason TEXT
 *   territory recovery --out FILE | territory recover FILE --code CODE | territory rotate-key
 * Refusals of the core exit 2 with its sentence.
 */
import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { Core } from '../core/create-core';
import { scanArgs, UsageError } from './args';
import { type CliIo, CliFailure, sentence } from './cli-io';
import { findCommunity } from './community-match';
import { openCore } from './open-core';
import { passphraseForExport, readPassphraseFile } from './passphrase';
import { inert } from './terminal-text';

export type TerritoryCommand = 'init' | 'enrol' | 'territory';

export interface TerritoryArgs {
  command: TerritoryCommand;
  sub: string | null;
  db?: string;
  positionals: string[];
  values: Record<string, string>;
  communities: string[];
  flags: Set<string>;
}

const VALUE_OPTIONS = ['--db', '--start-territory', '--computer', '--user', '--request-out', '--lang', '--out', '--role', '--community', '--territory-fingerprint', '--passphrase-file', '--reason', '--replaces', '--code'];
const FLAGS = ['--join', '--json', '--no-encryption'];
/** Options of `init` that make it this module's (plain init and init --demo stay with init-command.ts). */
const SETUP_OPTIONS = ['--start-territory', '--join', '--computer', '--user', '--request-out', '--lang'];

const ALLOWED: Record<string, string[]> = {
  init: ['--db', '--start-territory', '--join', '--computer', '--user', '--request-out', '--lang', '--json'],
  'enrol request': ['--db', '--out', '--json'],
  'enrol read': ['--db', '--json'],
  'enrol list': ['--db', '--json'],
  'enrol issue': ['--db', '--role', '--community', '--out', '--passphrase-file', '--no-encryption', '--json'],
  'enrol reenrol': ['--db', '--replaces', '--out', '--passphrase-file', '--no-encryption', '--json'],
  'enrol accept': ['--db', '--territory-fingerprint', '--passphrase-file', '--json'],
  'enrol revoke': ['--db', '--reason', '--json'],
  'territory recovery': ['--db', '--out', '--json'],
  'territory recover': ['--db', '--code', '--json'],
  'territory rotate-key': ['--db', '--json'],
};
const SUBCOMMANDS: Record<'enrol' | 'territory', string[]> = {
  enrol: ['request', 'read', 'list', 'issue', 'reenrol', 'accept', 'revoke'],
  territory: ['recovery', 'recover', 'rotate-key'],
};

/** The arguments when they are a command of this module; null otherwise (another parser takes them). */
export function parseTerritoryArgs(argv: readonly string[]): TerritoryArgs | null {
  let command: TerritoryCommand | null = null;
  let sub: string | null = null;
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const communities: string[] = [];
  const flags = new Set<string>();
  const seen: string[] = [];
  for (const scanned of scanArgs(argv, VALUE_OPTIONS, FLAGS)) {
    if (scanned.kind === 'value') {
      if (scanned.value === undefined) {
        if (command) throw new UsageError(`${scanned.name} needs a value.`);
        return null;
      }
      if (scanned.name === '--community') communities.push(...scanned.value.split(',').map((v) => v.trim()).filter(Boolean));
      else values[scanned.name] = scanned.value;
      seen.push(scanned.name);
    } else if (scanned.kind === 'flag') {
      flags.add(scanned.name);
      seen.push(scanned.name);
    } else if (scanned.kind === 'otherOption') {
      if (command && command !== 'init') throw new UsageError(`"${scanned.arg}" is not an option of ${command}.`);
      return null;
    } else if (command === null) {
      if (!['init', 'enrol', 'territory'].includes(scanned.arg)) return null;
      command = scanned.arg as TerritoryCommand;
    } else if (command !== 'init' && sub === null) {
      if (!SUBCOMMANDS[command].includes(scanned.arg)) throw new UsageError(`${command} has no subcommand "${inert(scanned.arg.slice(0, 40))}": use ${SUBCOMMANDS[command].join(', ')}.`);
      sub = scanned.arg;
    } else positionals.push(scanned.arg);
  }
  if (!command) return null;
  if (command === 'init' && !seen.some((o) => SETUP_OPTIONS.includes(o))) return null;
  if (command !== 'init' && sub === null) throw new UsageError(`Say what to do: ${command} ${SUBCOMMANDS[command].join(' | ')}.`);
  const key = command === 'init' ? 'init' : `${command} ${sub}`;
  for (const option of seen) if (!ALLOWED[key]!.includes(option)) throw new UsageError(`${option} does not go with ${key}.`);
  return { command, sub, db: values['--db'], positionals, values, communities, flags };
}

function need(args: TerritoryArgs, option: string, what: string): string {
  const value = args.values[option];
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} ${what} is needed.`);
  return value;
}

function onePositional(args: TerritoryArgs, what: string): string {
  if (args.positionals.length !== 1) throw new UsageError(`Give ${what}.`);
  return args.positionals[0]!;
}

export async function territoryCommand(io: CliIo, dbFile: string, args: TerritoryArgs): Promise<number> {
  // Passphrases are read before the database is opened, so a missing one changes nothing.
  let passphrase: string | null | undefined;
  // A request names its computer's encryption key: the bundle is encrypted to it and needs no passphrase.
  // Only for a request from an older planner does the core ask for --passphrase-file or --no-encryption.
  if (args.sub === 'issue' || args.sub === 'reenrol') {
    const passphraseFile = args.values['--passphrase-file'];
    passphrase = args.flags.has('--no-encryption') ? null : passphraseFile !== undefined ? await passphraseForExport(io, { passphraseFile }) : undefined;
  }
  if (args.sub === 'accept' && args.values['--passphrase-file'] !== undefined) passphrase = readPassphraseFile(io, args.values['--passphrase-file']);
  // init --computer NAME --user NAME alone: an unenrolled scratch database, named by the person (never by default).
  const scratch = args.command === 'init' && args.values['--start-territory'] === undefined && !args.flags.has('--join');
  const scratchProfile = scratch && args.values['--computer'] && args.values['--user'] ? { name: args.values['--computer'], userName: args.values['--user'], role: 'coordinator' as const } : undefined;
  const core = openCore(io, dbFile, { mustExist: args.command !== 'init', ...(scratchProfile ? { core: { initialProfile: scratchProfile } } : {}) });
  try {
    const json = args.flags.has('--json');
    const call = <M extends MethodName>(method: M, input: MethodRawInput<M>): MethodOutput<M> => {
      const result = core.invoke(method, input);
      if (!result.ok) throw new CliFailure(result.error.message, 2);
      return result.value;
    };
    const answer = (value: unknown, text: string) => io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
    await run(core, args, call, answer, passphrase);
    return 0;
  } finally {
    core.close();
  }
}

type Call = <M extends MethodName>(method: M, input: MethodRawInput<M>) => MethodOutput<M>;

async function run(core: Core, args: TerritoryArgs, call: Call, answer: (value: unknown, text: string) => void, passphrase: string | null | undefined): Promise<void> {
  const lang = args.values['--lang'];
  if (lang !== undefined && lang !== 'en' && lang !== 'fr') throw new UsageError(`--lang is en or fr, not "${inert(lang.slice(0, 20))}".`);
  const locale = lang as 'en' | 'fr' | undefined;
  const key = args.command === 'init' ? 'init' : `${args.command} ${args.sub}`;
  switch (key) {
    case 'init': {
      const computerName = need(args, '--computer', "NAME (this computer's name)");
      const userName = need(args, '--user', "NAME (its user's name)");
      if (args.values['--start-territory'] !== undefined) {
        if (args.flags.has('--join')) throw new UsageError('Choose --start-territory or --join, not both.');
        const state = call('territory:start', { territoryName: args.values['--start-territory'], computerName, userName, ...(locale ? { locale } : {}) });
        answer(state, `Started the territory "${inert(state.territory!.name)}" on this computer (${inert(computerName)}), its coordinator. Territory fingerprint: ${state.territory!.fingerprint} — every computer that joins checks it with you by phone. Write a recovery file now: territory recovery --out FILE.`);
        return;
      }
      if (args.flags.has('--join')) {
        const out = need(args, '--request-out', 'FILE (where to write the enrolment request)');
        call('territory:join', { computerName, userName, ...(locale ? { locale } : {}) });
        const written = call('enrolment:writeRequest', { file: out });
        answer(written, `This computer is ready to join a territory. Wrote its enrolment request to ${inert(written.file)}: give it to the coordinator. This computer's fingerprint: ${written.fingerprint}. Then: enrol accept BUNDLE --territory-fingerprint FP.`);
        return;
      }
      if (args.values['--request-out'] !== undefined) throw new UsageError('--request-out goes with --join.');
      // An unenrolled scratch database (today's behaviour), opened with the person's names.
      const me = call('installation:get', {});
      if (locale) call('installation:update', { locale });
      answer({ state: 'ready', enrolled: false, installationId: me.installationId }, `The database is set up for ${inert(me.name)} (${inert(me.userName)}), unenrolled: it belongs to no territory, and trusts other computers only by fingerprint, for the communities you name.`);
      return;
    }
    case 'enrol request': {
      const written = call('enrolment:writeRequest', { file: need(args, '--out', 'FILE') });
      answer(written, `Wrote the enrolment request to ${inert(written.file)}: give it to the coordinator. This computer's fingerprint: ${written.fingerprint}.`);
      return;
    }
    case 'enrol read': {
      const info = call('enrolment:readRequest', { file: onePositional(args, 'the request file') });
      answer(info, `Request ${info.requestId}: "${inert(info.computerName)}" used by ${inert(info.userName)}, key fingerprint ${info.fingerprint}. Enrol it with: enrol issue ${info.requestId} --role detachment|community-office|coordinator --community NAME --out FILE.`);
      return;
    }
    case 'enrol list': {
      const list = call('enrolment:list', {});
      const lines = [
        ...list.requests.map((r) => `request ${r.requestId}  ${inert(r.computerName)} (${inert(r.userName)})  ${r.certificateSerial ? `enrolled: ${r.certificateSerial}` : 'waiting'}`),
        ...list.certificates.map(
          (c) =>
            `certificate ${c.serial}  ${inert(c.name)}  ${c.role}  ${c.communityNames === null ? 'all communities' : c.communityNames.map(inert).join(', ')}  issued ${c.issuedAt.slice(0, 10)}${c.revoked ? `  REVOKED ${c.revoked.at.slice(0, 10)}: ${inert(c.revoked.reason)}` : ''}`,
        ),
      ];
      answer(list, lines.length > 0 ? lines.join('\n') : 'No enrolment requests or certificates yet.');
      return;
    }
    case 'enrol issue': {
      // "community-office" is what people call it; "liaison" is the stored code.
      const typed = need(args, '--role', 'detachment, community-office or coordinator');
      const role = typed === 'community-office' || typed === 'community_office' ? 'liaison' : typed;
      if (!['detachment', 'liaison', 'coordinator'].includes(role)) throw new UsageError(`--role is detachment, community-office (or liaison) or coordinator, not "${inert(typed.slice(0, 20))}".`);
      const all = call('communities:list', {}).map((c) => ({ id: c.id, name: c.name }));
      const communityIds = args.communities.map((c) => findCommunity(all, c).id);
      const issued = call('enrolment:enrol', {
        requestId: onePositional(args, 'the request id (from enrol read)'),
        role: role as 'detachment',
        communityIds,
        file: need(args, '--out', 'FILE'),
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
      answer(issued, `Enrolled "${inert(issued.certificate.name)}" as ${issued.certificate.role} for ${issued.certificate.communityNames?.map(inert).join(', ') ?? 'all communities'} (certificate ${issued.certificate.serial}). Wrote the enrolment bundle to ${inert(issued.file)}${issued.encrypted ? ' (encrypted)' : ''}.`);
      return;
    }
    case 'enrol reenrol': {
      const issued = call('enrolment:reenrol', {
        requestId: onePositional(args, 'the request id of the replacement computer'),
        replacesSerial: need(args, '--replaces', 'SERIAL (the certificate it replaces)'),
        file: need(args, '--out', 'FILE'),
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
      answer(issued, `Enrolled "${inert(issued.certificate.name)}" in place of certificate ${issued.certificate.replacesSerial}, with the same role and communities. Wrote the enrolment bundle to ${inert(issued.file)}.`);
      return;
    }
    case 'enrol accept': {
      const accepted = call('enrolment:accept', {
        file: onePositional(args, 'the enrolment bundle'),
        territoryFingerprint: need(args, '--territory-fingerprint', 'FP (read it back with the coordinator by phone)'),
        ...(passphrase ? { passphrase } : {}),
      });
      const s = accepted.setup;
      answer(accepted, `This computer now belongs to the territory "${inert(s.territory!.name)}" as ${s.role}${s.communities ? ` for ${s.communities.map((c) => inert(c.name)).join(', ')}` : ''}; imported ${accepted.newChangesetCount} changes.`);
      return;
    }
    case 'enrol revoke': {
      const revoked = call('enrolment:revoke', { serial: onePositional(args, 'the certificate serial (see enrol list)'), reason: need(args, '--reason', 'TEXT') });
      answer(revoked, `Revoked the certificate of "${inert(revoked.name)}": its changes after number ${revoked.acceptedUpTo} will be refused everywhere once the revocation has travelled in your next bundles.`);
      return;
    }
    case 'territory recovery': {
      const written = call('territory:exportRecovery', { file: need(args, '--out', 'FILE') });
      answer(written, `Wrote the territory key's recovery file to ${inert(written.file)}. Recovery code (print it and keep it apart from the file; it is not shown again):\n\n    ${written.recoveryCode}\n`);
      return;
    }
    case 'territory recover': {
      const state = call('territory:recover', { file: onePositional(args, 'the recovery file'), recoveryCode: need(args, '--code', 'CODE') });
      answer(state, `The territory key of "${inert(state.territory!.name)}" is on this computer again; it is the coordinator.`);
      return;
    }
    case 'territory rotate-key': {
      const rotated = call('territory:rotateKey', {});
      answer(rotated, `The territory has a new key: ${rotated.fingerprint} (was ${rotated.formerFingerprint}). Other computers accept it from your next bundle. Write a new recovery file: territory recovery --out FILE.`);
      return;
    }
  }
}

export function territoryUsage(): string {
  return sentence('See --help for init, enrol and territory.');
}
