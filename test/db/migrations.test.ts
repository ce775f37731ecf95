import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_MARK_TABLE, listBackups } from '../../db/backups';
import { checkIntegrity, openDatabase } from '../../db/open-database';
import { resolveMigrationsFolder } from '../../db/migrations-folder';
import { makeTestDir } from '../support';

/** A copy of the committed migrations plus one extra, to exercise "migrate an existing database". */
function migrationsWithExtra(dir: string, sqlText: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(resolveMigrationsFolder(), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  const tag = `${String(journal.entries.length).padStart(4, '0')}_test_extra`;
  journal.entries.push({ ...last, idx: journal.entries.length, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sqlText);
  return folder;
}

describe('opening and migrating the database', () => {
  it('creates every table from the committed migrations, with WAL and foreign keys on', () => {
    const dir = makeTestDir();
    const opened = openDatabase(path.join(dir, 'new.db'));
    const tables = (opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['actions', 'changesets', 'commitments', 'communities', 'detachments', 'indicator_values', 'indicators', 'installation', 'milestones', 'organisations', 'people', 'plan_revisions', 'plans', 'priorities', 'progress_entries', 'report_comments', 'report_submissions', 'themes', 'ops', 'op_fields', 'op_preds']),
    );
    // The change log's layout before migration 0006 stays readable as views over `ops`.
    const views = opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='view' ORDER BY name").pluck().all();
    expect(views).toEqual(['change_ops', 'field_heads']);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(checkIntegrity(opened.sqlite)).toEqual({ ok: true, problems: [] });
    expect(listBackups(opened.backupDir, opened.file)).toEqual([]); // nothing to protect on a new database
    opened.sqlite.close();
  });

  it('does nothing (and makes no backup) when reopening an up-to-date database', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'a.db');
    openDatabase(file).sqlite.close();
    const again = openDatabase(file);
    expect(again.appliedMigrations).toEqual([]);
    expect(listBackups(again.backupDir, again.file)).toEqual([]);
    again.sqlite.close();
  });

  it('backs up an existing database before migrating it, and keeps its data through a migration that moves data', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'old.db');
    const old = openDatabase(file);
    old.sqlite.prepare("INSERT INTO themes (id, code, name_en, name_fr) VALUES ('t1', 'youth', 'Youth', 'Jeunesse')").run();
    old.sqlite.close();

    const folder = migrationsWithExtra(
      dir,
      'ALTER TABLE `themes` ADD `label` text;\n--> statement-breakpoint\nUPDATE `themes` SET `label` = `name_en` || \' / \' || `name_fr`;',
    );
    const migrated = openDatabase(file, { migrationsFolder: folder });
    expect(migrated.appliedMigrations).toHaveLength(1);
    expect(migrated.appliedMigrations[0]).toMatch(/^\d{4}_test_extra$/);
    expect(migrated.sqlite.prepare('SELECT label FROM themes').get()).toEqual({ label: 'Youth / Jeunesse' });
    const [backup] = listBackups(migrated.backupDir, file);
    expect(backup).toBeDefined();
    migrated.sqlite.close();

    // The backup is the database as it was before the migration, and is itself sound; it carries
    // the mark of a copy (even made under the old schema), so a restore of it is known as one.
    const restored = openDatabase(backup!.file);
    expect(restored.sqlite.prepare(`SELECT count(*) FROM "${BACKUP_MARK_TABLE}"`).pluck().get()).toBe(1);
    expect(restored.sqlite.prepare('SELECT code FROM themes').all()).toEqual([{ code: 'youth' }]);
    expect(checkIntegrity(restored.sqlite).ok).toBe(true);
    restored.sqlite.close();
  });

  it('leaves the database as it was when a migration fails', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'old.db');
    const old = openDatabase(file);
    old.sqlite.prepare("INSERT INTO themes (id, code, name_en, name_fr) VALUES ('t1', 'youth', 'Youth', 'Jeunesse')").run();
    old.sqlite.close();
    const folder = migrationsWithExtra(dir, 'ALTER TABLE `themes` ADD `x` text;\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    expect(() => openDatabase(file, { migrationsFolder: folder })).toThrow();
    const reopened = openDatabase(file);
    expect(reopened.appliedMigrations).toEqual([]);
    const columns = (reopened.sqlite.prepare('PRAGMA table_info(themes)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('x');
    reopened.sqlite.close();
  });
});
