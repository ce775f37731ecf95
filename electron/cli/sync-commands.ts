/**
 * The plan-bundle commands: export, import, inspect, digest, conflicts, peers and whoami. Each is
 * a thin layer over the sync methods of the contract (shared/contract-sync.ts): the core decides
 * and refuses; the command line reads passphrase files, words the answer for people, or prints
 * the value as JSON with --json. A refusal prints the core's sentence (and, with --json, the error
 * as JSON on stdout) and ends with exit code 2.
 */
import { bundleRefusalReason } from '../../shared/bundle-refusals';
import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { AppErrorBody } from '../../shared/result';
import type { Core } from '../core/create-core';
import type { ParsedArgs } from './args';
import { exitCodeOf } from './call-command';
import { type CliIo, CliFailure, sentence } from './cli-io';
import { CommunityNotMatched, findCommunity } from './community-match';
import { openCore } from './open-core';
import { passphraseForExport, readPassphraseFile } from './passphrase';
import * as text from './sync-text';
import { refusalText } from './terminal-text';

export type SyncCommand = 'export' | 'import' | 'inspect' | 'digest' | 'conflicts' | 'peers' | 'whoami';

/** A contract call the core refused (or failed): its error, and a line telling what to do next. */
class CallRefused extends Error {
  constructor(
    readonly error: AppErrorBody,
    readonly hint?: string,
  ) {
    super(error.message);
    this.name = 'CallRefused';
  }
}

interface Run {
  io: CliIo;
  args: ParsedArgs;
  core: Core;
  /** The value as JSON with --json; otherwise the lines for people. */
  emit(value: unknown, human: () => string): void;
  /** Calls a method; a refusal becomes a CallRefused, with the hint a refusal reason calls for. */
  must<M extends MethodName>(method: M, input: MethodRawInput<M>, hint?: (error: AppErrorBody) => string | undefined): MethodOutput<M>;
}

export async function syncCommand(io: CliIo, dbFile: string, command: SyncCommand, args: ParsedArgs): Promise<number> {
  try {
    return await runSyncCommand(io, dbFile, command, args);
  } catch (error) {
    // A failure before the core answered (a passphrase file, the database): with --json, scripts
    // still find one JSON document on stdout; the sentence and exit code follow as usual.
    if (error instanceof CliFailure && args.json) io.stdout(`${JSON.stringify({ error: { message: sentence(error.message) } }, null, 2)}\n`);
    throw error;
  }
}

async function runSyncCommand(io: CliIo, dbFile: string, command: SyncCommand, args: ParsedArgs): Promise<number> {
  // Everything that can be refused without the database is refused before it is opened.
  const passphrase = await passphraseBeforeOpening(io, command, args);
  const core = openCore(io, dbFile, { mustExist: true });
  const run: Run = {
    io,
    args,
    core,
    emit(value, human) {
      io.stdout(args.json ? `${JSON.stringify(value, null, 2)}\n` : human());
    },
    must(method, input, hint) {
      const result = core.invoke(method, input);
      if (!result.ok) throw new CallRefused(result.error, hint?.(result.error));
      return result.value;
    },
  };
  try {
    await dispatch(run, command, passphrase);
    return 0;
  } catch (error) {
    if (!(error instanceof CallRefused)) throw error;
    const refusal = { code: error.error.code, message: error.error.message, ...(error.error.details === undefined ? {} : { details: error.error.details }) };
    if (args.json) io.stdout(`${JSON.stringify(error.hint ? { error: refusal, hint: error.hint } : { error: refusal }, null, 2)}\n`);
    io.stderr(`${refusalText(error.error)}\n${error.hint ? `${error.hint}\n` : ''}`);
    return exitCodeOf({ ok: false, error: error.error });
  } finally {
    core.close();
  }
}

/** The passphrase from its file, or for export the refusal to write without one. */
async function passphraseBeforeOpening(io: CliIo, command: SyncCommand, args: ParsedArgs): Promise<string | null | undefined> {
  // Export: a passphrase only when given or refused for; a bundle to enrolled computers needs none.
  if (command === 'export') return args.noEncryption || args.passphraseFile !== undefined ? passphraseForExport(io, args) : undefined;
  if ((command === 'import' || command === 'inspect') && args.passphraseFile !== undefined) return readPassphraseFile(io, args.passphraseFile);
  return undefined;
}

async function dispatch(run: Run, command: SyncCommand, passphrase: string | null | undefined): Promise<void> {
  const { args } = run;
  switch (command) {
    case 'export':
      return exportCommand(run, passphrase);
    case 'import':
      return importCommand(run, args.positionals[0]!, passphrase ?? (await promptedPassphrase(run, args.positionals[0]!)));
    case 'inspect':
      return inspectCommand(run, args.positionals[0]!, passphrase ?? null);
    case 'digest': {
      const value = run.must('sync:digest', {});
      // The first line is everything held; then one line per partition: its digest and its id.
      return run.emit(value, () => `${value.digest}\n${Object.entries(value.partitions).map(([partition, digest]) => `${digest}  ${partition}\n`).join('')}`);
    }
    case 'whoami': {
      const me = run.must('sync:whoami', {});
      return run.emit(me, () => text.identity(me));
    }
    case 'conflicts':
      return args.positionals[0] === 'resolve' ? resolveCommand(run, args.positionals[1]!) : listConflictsCommand(run);
    case 'peers':
      if (args.positionals[0] === 'trust') return trustCommand(run, args.positionals[1]!);
      if (args.positionals[0] === 'revoke') return revokeCommand(run, args.positionals[1]!);
      return listPeersCommand(run);
  }
}

/** The command line a person would type, for hints: the script, --db when one was given, then the rest. */
function commandLine(args: ParsedArgs, rest: string[]): string {
  return ['npm', 'run', '-s', 'cli', '--', ...(args.db !== undefined ? ['--db', args.db] : []), ...rest].map(shellQuote).join(' ');
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Peer fingerprints are read aloud and typed back; accept lower case and spaces for dashes. */
function normaliseFingerprint(value: string): string {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{32}$/.test(compact) ? compact.match(/.{4}/g)!.join('-') : value;
}

/** Messages by which export says a passphrase is needed (no recipient key known). */
const PASSPHRASE_NEEDED = new Set(['export.passphraseNeeded', 'export.fullNeedsPassphrase']);

/**
 * Encrypted to the recipients' keys when every one is known (no passphrase asked); otherwise the
 * core asks for a passphrase, and the person at the terminal is asked for it (or told to give a file).
 */
async function exportCommand(run: Run, given: string | null | undefined): Promise<void> {
  const { args, io } = run;
  // --to and --also-to take a peer's installation id, or its fingerprint as "peers list" shows it.
  const peers = args.to !== undefined || args.alsoTo !== undefined ? run.must('peers:list', {}) : [];
  const peerId = (value: string) => {
    const fingerprint = normaliseFingerprint(value);
    return peers.find((p) => p.fingerprint === fingerprint || p.installationId === value)?.installationId ?? value;
  };
  const to = args.to !== undefined ? peerId(args.to) : undefined;
  const input = {
    ...(to !== undefined ? { to } : { full: true }),
    ...(args.alsoTo !== undefined ? { alsoTo: args.alsoTo.map(peerId) } : {}),
    file: args.out!,
  };
  const withPassphrase = (passphrase: string | null) => run.must('bundles:export', { ...input, ...(passphrase === null ? { encrypt: false } : { passphrase }) });
  let result;
  if (given !== undefined) result = withPassphrase(given);
  else {
    const attempt = run.core.invoke('bundles:export', input);
    if (attempt.ok) result = attempt.value;
    else if (PASSPHRASE_NEEDED.has(String((attempt.error.details as { messageKey?: unknown } | undefined)?.messageKey))) {
      if (io.canPrompt()) io.stderr(`${attempt.error.message}\n`);
      result = withPassphrase(await passphraseForExport(io, {}));
    } else throw new CallRefused(attempt.error);
  }
  if (!result.encrypted) io.stderr('Warning: this bundle is not encrypted; anyone who gets the file can read the plans in it.\n');
  run.emit(result, () => text.exported(result));
}

/** An encrypted bundle and nobody gave a passphrase: ask the person at the terminal, if there is one. */
async function promptedPassphrase(run: Run, file: string): Promise<string | null> {
  if (!run.io.canPrompt()) return null;
  const header = run.core.invoke('bundles:inspect', { file });
  if (!header.ok || !header.value.passphraseNeeded) return null;
  return run.io.promptSecret('Passphrase of the bundle (it is not shown): ');
}

function importCommand(run: Run, file: string, passphrase: string | null): void {
  const { args } = run;
  const again = (...extra: string[]) =>
    commandLine(args, ['import', file, ...extra, ...(args.passphraseFile !== undefined ? ['--passphrase-file', args.passphraseFile] : passphrase !== null ? ['--passphrase-file', 'FILE'] : [])]);
  const hint = (error: AppErrorBody) =>
    text.importRefusalHint(bundleRefusalReason(error.details), {
      trustingSender: again('--trust-new-sender'),
      withPassphraseFile: commandLine(args, ['import', file, '--passphrase-file', 'FILE']),
      peersList: commandLine(args, ['peers', 'list']),
    });
  if (args.dryRun) {
    const preview = run.must('bundles:preview', { file, passphrase }, hint);
    const trust = args.trustNewSender || preview.sender.trust === 'unknown' ? ['--trust-new-sender'] : [];
    return run.emit(preview, () => text.preview(preview, { trustNewSender: args.trustNewSender === true, importCommand: again(...trust) }));
  }
  const scopeCommunityIds = args.trustNewSender && args.scope !== undefined ? scopeIds(run, args.scope) : undefined;
  const result = run.must(
    'bundles:import',
    { file, passphrase, trustNewSender: args.trustNewSender === true, ...(scopeCommunityIds ? { scopeCommunityIds } : {}), ...(args.allCommunities ? { allCommunities: true } : {}) },
    hint,
  );
  run.emit(result, () => text.imported(result, commandLine(args, ['peers', 'trust', result.sender.fingerprint, '--scope', 'COMMUNITY_ID'])));
}

function inspectCommand(run: Run, file: string, passphrase: string | null): void {
  const inspection = run.must('bundles:inspect', { file, passphrase });
  run.emit(inspection, () => {
    const sender = inspection.manifest?.sender;
    const trust = sender ? senderTrust(run, sender) : null;
    return text.inspection(inspection, trust, commandLine(run.args, ['inspect', file, '--passphrase-file', 'FILE']));
  });
}

/**
 * What this installation knows of the sender the manifest names, in a few words. inspect does not
 * check signatures (import --dry-run does), so this is about the claimed key, not proof.
 */
function senderTrust(run: Run, sender: { installationId: string; fingerprint: string }): string {
  if (sender.installationId === run.must('sync:whoami', {}).installationId) return 'this computer';
  const peer = run.must('peers:list', {}).find((p) => p.installationId === sender.installationId);
  if (!peer || peer.trustedAt === null) return 'not trusted here yet';
  if (peer.fingerprint !== sender.fingerprint) return `a DIFFERENT key than the one trusted here for this sender (${peer.fingerprint}): import will refuse it`;
  if (peer.revokedAt !== null) return 'no longer trusted here: import will refuse it';
  return 'the key trusted here for this sender';
}

function listConflictsCommand(run: Run): void {
  const conflicts = run.must('conflicts:list', {});
  run.emit(conflicts, () => text.conflicts(conflicts, commandLine(run.args, ['conflicts', 'resolve', 'ID', '--pick', 'OP_ID'])));
}

/** A unique prefix of an id stands for it, as people copy ids from a narrow terminal. */
function byPrefix<T>(items: readonly T[], idOf: (item: T) => string, given: string): T | undefined {
  const exact = items.find((item) => idOf(item) === given);
  if (exact) return exact;
  const matches = items.filter((item) => idOf(item).startsWith(given));
  return matches.length === 1 ? matches[0] : undefined;
}

function resolveCommand(run: Run, conflictId: string): void {
  const { args } = run;
  const conflict = byPrefix(run.must('conflicts:list', {}), (c) => c.id, conflictId);
  const pickOpId = args.pick !== undefined && conflict ? (byPrefix(conflict.heads, (h) => h.opId, args.pick)?.opId ?? args.pick) : args.pick;
  const value = args.value === '-' ? run.io.readStdin().replace(/\r?\n$/, '') : args.value;
  const remaining = run.must('conflicts:resolve', {
    conflictId: conflict?.id ?? conflictId,
    ...(pickOpId !== undefined ? { pickOpId } : {}),
    ...(value !== undefined ? { value } : {}),
  });
  run.emit(remaining, () => text.resolved(conflict?.id ?? conflictId, remaining.length, commandLine(args, ['export', '--to', 'PEER', '--out', 'FILE.planbundle', '--passphrase-file', 'FILE'])));
}

function listPeersCommand(run: Run): void {
  const peers = run.must('peers:list', {});
  const names = communityNames(run);
  run.emit(peers, () => text.peers(peers, names));
}

function communityNames(run: Run): Map<string, string> {
  return new Map(run.must('communities:list', {}).map((c) => [c.id, c.name]));
}

/** --scope takes community ids or names, found as "report --community" finds them (community-match.ts). */
function scopeIds(run: Run, given: string[]): string[] {
  const communities = run.must('communities:list', {});
  return given.map((g) => {
    try {
      return findCommunity(communities, g).id;
    } catch (error) {
      if (!(error instanceof CommunityNotMatched)) throw error;
      const candidates = error.candidates.map((c) => ({ id: c.id, name: c.name }));
      throw new CallRefused(
        candidates.length > 1 ? { code: 'invalid_input', message: error.message, details: { reason: 'ambiguous_community', candidates } } : { code: 'not_found', message: error.message },
        `See the communities and their ids with: ${commandLine(run.args, ['call', 'communities:list'])}`,
      );
    }
  });
}

function trustCommand(run: Run, fingerprintArg: string): void {
  const { args } = run;
  const fingerprint = normaliseFingerprint(fingerprintArg);
  let scopeCommunityIds: string[] | undefined;
  if (args.scope !== undefined) {
    scopeCommunityIds = scopeIds(run, args.scope);
  }
  // Renaming alone keeps the scope; otherwise the communities are named, or --all-communities said: never all by default.
  const peer = run.must('peers:trust', {
    fingerprint,
    ...(scopeCommunityIds !== undefined ? { scopeCommunityIds } : {}),
    ...(args.allCommunities ? { allCommunities: true } : {}),
    ...(args.name !== undefined ? { name: args.name } : {}),
  });
  const names = communityNames(run);
  run.emit(peer, () => text.trusted(peer, names));
}

function revokeCommand(run: Run, fingerprintArg: string): void {
  const peer = run.must('peers:revoke', { fingerprint: normaliseFingerprint(fingerprintArg) });
  const scope = (peer.scopeCommunityIds ?? []).flatMap((id) => ['--scope', id]);
  run.emit(peer, () => text.revoked(peer, commandLine(run.args, ['peers', 'trust', peer.fingerprint, ...scope])));
}
