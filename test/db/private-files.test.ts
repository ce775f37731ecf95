/**
 * Another user of the same computer must not read the planner's data: the database, its WAL and
 * SHM files and its backups are owner-only (0600, folders 0700) whatever the umask, existing loose
 * files of ours are tightened on open, and a database that belongs to another user is refused.
 * (Windows keeps the data in the per-user AppData folder instead; these checks are POSIX only.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, listBackups } from '../../db/backups';
import { openDatabase } from '../../db/open-database';
import { makeTestDir } from '../support';

const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;

function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

describe.runIf(posix)('files only their owner can read', () => {
  it('creates the database, its WAL and SHM files 0600 in a new folder made 0700', () => {
    const dir = path.join(makeTestDir(), 'new-folder', 'inner');
    const file = path.join(dir, 'planner.db');
    const opened = openDatabase(file);
    try {
      opened.sqlite.exec("CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('a progress narrative')");
      expect(modeOf(file)).toBe('600');
      expect(modeOf(`${file}-wal`)).toBe('600');
      expect(modeOf(`${file}-shm`)).toBe('600');
      expect(modeOf(dir)).toBe('700');
      expect(modeOf(path.dirname(dir))).toBe('700');
    } finally {
      opened.sqlite.close();
    }
  });

  it('writes backups 0600 into a backups folder made 0700', () => {
    const dir = makeTestDir();
    const opened = openDatabase(path.join(dir, 'planner.db'));
    try {
      const backup = backupDatabase(opened.sqlite, opened.backupDir, 'manual');
      expect(modeOf(backup.file)).toBe('600');
      expect(modeOf(opened.backupDir)).toBe('700');
    } finally {
      opened.sqlite.close();
    }
  });

  it('tightens its own database, WAL, SHM and backups made readable by an older version when it opens them', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'planner.db');
    const first = openDatabase(file);
    first.sqlite.exec('CREATE TABLE note (text TEXT)');
    const backup = backupDatabase(first.sqlite, first.backupDir, 'manual');
    // Left open, so the WAL and SHM files stay on disk as after a crash.
    for (const loose of [file, `${file}-wal`, `${file}-shm`, backup.file]) fs.chmodSync(loose, 0o644);
    fs.chmodSync(first.backupDir, 0o755);

    const again = openDatabase(file);
    try {
      for (const tight of [file, `${file}-wal`, `${file}-shm`, backup.file]) expect(modeOf(tight)).toBe('600');
      expect(modeOf(first.backupDir)).toBe('700');
      expect(listBackups(first.backupDir, file)).toHaveLength(1);
    } finally {
      again.sqlite.close();
      first.sqlite.close();
    }
  });

  // Changing a file's owner needs root; elsewhere the comparison with process.getuid() is the same code.
  it.runIf(isRoot)('refuses a database that belongs to another user, saying so, and leaves it as it is', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'planner.db');
    openDatabase(file).sqlite.close();
    fs.chownSync(file, 4242, 4242);
    expect(() => openDatabase(file)).toThrow(/belongs to another user of this computer/);
    expect(fs.statSync(file).uid).toBe(4242);
    expect(modeOf(file)).toBe('600');
  });
});
