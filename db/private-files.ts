/**
 * Files only their owner can read. The planner's database, its WAL and SHM files, its backups, the
 * signing key file and the files it exports hold progress narratives and an identity: on a shared
 * Linux or macOS computer another user must not read them. Files are created 0600 and folders
 * 0700 whatever the process umask (the mode is set again with chmod after creation, since the
 * umask can only remove bits). SQLite creates the -wal and -shm files with the database file's own
 * mode, so a database file that is 0600 before SQLite opens it gets owner-only companions.
 *
 * Windows is left alone: there the planner's data lives in the user's own AppData folder, which
 * other users cannot open, and POSIX modes and owners do not apply.
 */
import fs from 'node:fs';
import path from 'node:path';

export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_FOLDER = 0o700;

/** Whether modes and owners are checked and set here (everywhere but Windows). */
export const ownerOnlyApplies = process.platform !== 'win32';

/** A file the planner will not use (who owns it, who may read it, where it came from); the message says how to fix it. */
export class FileRefused extends Error {
  readonly code = 'FILE_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'FileRefused';
  }
}

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

function belongsToSomeoneElse(stat: fs.Stats): boolean {
  return typeof process.getuid === 'function' && stat.uid !== process.getuid();
}

function notOursMessage(what: string, file: string): string {
  return `The ${what} ${file} belongs to another user of this computer, so the planner will not use it. Move it away (or ask an administrator to), then start again.`;
}

/**
 * Creates `folder` and any missing parents as 0700. Folders that already exist are left as they
 * are (the database may sit in a folder the person chose), unless `tighten` says the folder is the
 * planner's own (its backups folder).
 */
export function makePrivateFolder(folder: string, { tighten = false }: { tighten?: boolean } = {}): void {
  const target = path.resolve(folder);
  const firstCreated = fs.mkdirSync(target, { recursive: true, mode: OWNER_ONLY_FOLDER });
  if (!ownerOnlyApplies) return;
  if (firstCreated === undefined) {
    if (tighten && !belongsToSomeoneElse(fs.statSync(target))) fs.chmodSync(target, OWNER_ONLY_FOLDER);
    return;
  }
  for (let level = target; ; level = path.dirname(level)) {
    fs.chmodSync(level, OWNER_ONLY_FOLDER);
    if (level === path.resolve(firstCreated) || level === path.dirname(level)) break;
  }
}

/**
 * Creates `file` new and empty, owner-only; a leftover at that name is removed first, and a link
 * planted there is never followed (the file is opened with O_EXCL).
 */
export function openNewPrivateFile(file: string): number {
  fs.rmSync(file, { force: true });
  const fd = fs.openSync(file, 'wx', OWNER_ONLY_FILE);
  try {
    if (ownerOnlyApplies) fs.fchmodSync(fd, OWNER_ONLY_FILE);
    return fd;
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** An empty owner-only file for SQLite to fill: a new database, or the target of VACUUM INTO. */
export function createEmptyPrivateFile(file: string): void {
  fs.closeSync(openNewPrivateFile(file));
}

/** Writes `data` into a new owner-only file at `file` (replacing any file there). */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const fd = openNewPrivateFile(file);
  try {
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes an export (a bundle, a workbook, a PDF) owner-only under a temporary name beside `target`
 * and renames it into place, so a full disk or a pulled USB stick never leaves half a file under
 * the real name. The temporary file is removed when anything fails, and the error is rethrown.
 */
export function replaceWithPrivateFile(target: string, data: string | Uint8Array): void {
  const temp = `${target}.partial-${process.pid}`;
  try {
    writePrivateFile(temp, data);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * For a file the planner made (its database and companions, a backup): refuses one that belongs
 * to another user, and makes one of ours that an older version left readable by others 0600.
 * Nothing happens when the file does not exist.
 */
export function tightenOwnFile(file: string, what: string): void {
  if (!ownerOnlyApplies) return;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (belongsToSomeoneElse(stat)) throw new FileRefused(notOursMessage(what, file));
  if ((stat.mode & 0o777) !== OWNER_ONLY_FILE) fs.chmodSync(file, OWNER_ONLY_FILE);
}

/**
 * For a secret the planner did not necessarily make (a signing key file): refuses one that belongs
 * to another user or that others may read or change, and never changes it, since a key that others
 * could read may already have been copied and the person must decide.
 */
export function assertPrivateFile(file: string, what: string): void {
  if (!ownerOnlyApplies) return;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (belongsToSomeoneElse(stat)) throw new FileRefused(notOursMessage(what, file));
  if ((stat.mode & 0o077) !== 0) {
    throw new FileRefused(
      `The ${what} ${file} can be read or changed by other users of this computer (mode ${octal(stat.mode)}), so the planner will not use it. ` +
        `Make it private with: chmod 600 "${file}", then start again.`,
    );
  }
}
