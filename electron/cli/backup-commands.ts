/**
 * Backups from the command line (issue 12, §6):
 *   backup                      make a backup now and print where it went
 *   backups [list]              the backups, newest first, with why each was made
 *   restore FILE [--yes]        without --yes: what the backup holds and what a restore does,
 *                               nothing changed; with --yes: restore it (after a backup of now)
 * Each takes --db and --json. Parsed here (like report-commands.ts) and dispatched from run-cli.ts.
 */
import path from 'node:path';
import type { BackupEntry, BackupPreview, BackupReason } from '../../shared/domain';
import { fiscalYearLabel } from '../../shared/fiscal-calendar';
import { scanArgs, UsageError } from './args';
import { type CliIo, CliFailure } from './cli-io';
import { openCore } from './open-core';
import { inert, refusalText } from './terminal-text';

export const BACKUP_COMMANDS = ['backup', 'backups', 'restore'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export interface BackupArgs {
  command: BackupCommand;
  db?: string;
  file?: string;
  yes: boolean;
  json: boolean;
}

/** The backup command this command line names, parsed; null when it names another command. */
export function parseBackupArgs(argv: readonly string[]): BackupArgs | null {
  let command: BackupCommand | null = null;
  const words: string[] = [];
  let db: string | undefined;
  const flags = new Set<string>();
  for (const scanned of scanArgs(argv, ['--db'], ['--yes', '--json'])) {
    if (scanned.kind === 'value') {
      if (scanned.value === undefined) {
        if (command) throw new UsageError('--db needs a value.');
        return null;
      }
      db = scanned.value;
    } else if (scanned.kind === 'flag') flags.add(scanned.name);
    else if (scanned.kind === 'otherOption') {
      if (command) throw new UsageError(`"${scanned.arg}" is not an option of ${command}.`);
      return null;
    } else if (command === null) {
      if (!(BACKUP_COMMANDS as readonly string[]).includes(scanned.arg)) return null;
      command = scanned.arg as BackupCommand;
    } else words.push(scanned.arg);
  }
  if (!command) return null;
  const args: BackupArgs = { command, db, yes: flags.has('--yes'), json: flags.has('--json') };
  if (args.yes && command !== 'restore') throw new UsageError(`--yes does not go with ${command}.`);
  if (command === 'backup' && words.length) throw new UsageError(`Unexpected "${words[0]}".`);
  if (command === 'backups') {
    if (words.length > 1 || (words.length === 1 && words[0] !== 'list')) throw new UsageError(`Unexpected "${words.at(-1)}": the command is "backups list".`);
  }
  if (command === 'restore') {
    if (words.length !== 1) throw new UsageError(words.length === 0 ? 'Say which backup to restore: restore FILE (see "backups list").' : `Unexpected "${words[1]}".`);
    args.file = path.resolve(words[0]!);
  }
  return args;
}

const REASONS: Record<BackupReason, string> = {
  manual: 'made by hand',
  'on-exit': 'made when the planner closed',
  'before-import': 'made before importing a plan bundle',
  'before-migration': 'made before an update of the planner',
  'before-restore': 'made before restoring another backup',
  other: 'made for another reason',
};

const counted = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function previewText(p: BackupPreview): string {
  const years = p.plansByYear.length ? p.plansByYear.map((y) => `${fiscalYearLabel(y.fiscalYear, 'en')}: ${y.plans}`).join(', ') : 'none';
  return [
    `Backup: ${inert(p.file)} (${size(p.bytes)})`,
    `Taken: ${when(p.createdAt)}, ${REASONS[p.reason]}`,
    `Computer: ${inert(p.installationName)}${p.territoryName ? `, territory ${inert(p.territoryName)}` : ''}`,
    `Holds: ${counted(p.communities, 'community', 'communities')}; plans per fiscal year: ${years}; ${counted(p.changesets, 'changeset', 'changesets')}`,
    ...(p.olderVersion ? ['Made by an older version of the planner: it is brought up to date when restored.'] : []),
    '',
    `Restoring it replaces this computer's data with the backup's. A backup of the data as it is now is made first.`,
    p.changesetsSince > 0
      ? `This computer holds ${counted(p.changesetsSince, 'change', 'changes')} made or received since the backup: those already sent to other computers come back with their next plan bundles; changes never sent anywhere are only in the backup made first.`
      : 'Nothing was changed here since the backup.',
  ].join('\n');
}

function entryLine(b: BackupEntry): string {
  return `${when(b.createdAt)}  ${size(b.bytes).padStart(8)}  ${REASONS[b.reason].padEnd(38)}  ${inert(b.file)}`;
}

export async function backupCommand(io: CliIo, dbFile: string, args: BackupArgs): Promise<number> {
  const core = openCore(io, dbFile, { mustExist: true });
  const out = (value: unknown, text: string) => io.stdout(args.json ? `${JSON.stringify(value)}\n` : `${text}\n`);
  try {
    if (args.command === 'backup') {
      const made = core.invoke('backups:make', {});
      if (!made.ok) throw new CliFailure(refusalText(made.error), 2);
      const fell = made.value.fellBackFrom ? `The backup folder ${inert(made.value.fellBackFrom)} cannot be found (is the USB stick plugged in?), so the backup went to the default folder.\n` : '';
      out(made.value, `${fell}Backup made: ${inert(made.value.file)} (${size(made.value.bytes)}).`);
      return 0;
    }
    if (args.command === 'backups') {
      const list = core.invoke('backups:list', {});
      if (!list.ok) throw new CliFailure(refusalText(list.error), 2);
      const { backups, settings } = list.value;
      const where = settings.folder
        ? settings.folderAvailable
          ? `Backup folder: ${inert(settings.folder)} (default: ${inert(settings.defaultFolder)})`
          : `Backup folder: ${inert(settings.folder)} — cannot be found now; backups go to ${inert(settings.defaultFolder)}`
        : `Backup folder: ${inert(settings.defaultFolder)}`;
      const lines = backups.length ? backups.map(entryLine) : ['No backups yet. Make one with: backup'];
      out(list.value, [where, `On exit: ${settings.onExit ? 'a backup when something changed' : 'off'}; keeps ${settings.keep}.`, '', ...lines].join('\n'));
      return 0;
    }
    const preview = core.invoke('backups:preview', { file: args.file! });
    if (!preview.ok) throw new CliFailure(refusalText(preview.error), 2);
    if (!args.yes) {
      out({ preview: preview.value, restored: false }, `${previewText(preview.value)}\n\nNothing was changed. To restore this backup, run the same command with --yes.`);
      return 0;
    }
    const restored = core.invoke('backups:restore', { file: args.file! });
    if (!restored.ok) throw new CliFailure(refusalText(restored.error), restored.error.code === 'internal' ? 1 : 2);
    const r = restored.value;
    out(r, [
      `Restored ${inert(r.restored.file)} (taken ${when(r.restored.createdAt)}).`,
      `The data as it was just before: ${inert(r.preRestoreBackup)}`,
      ...(r.migrated.length ? [`Brought up to date: ${r.migrated.join(', ')}.`] : []),
      'Changes made since the backup that other computers have come back with their next plan bundles.',
    ].join('\n'));
    return 0;
  } finally {
    core.close();
  }
}
