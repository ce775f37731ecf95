/**
 * Migration 0006 (issue 13): the change log stores each fact once. A database written in the layout
 * before it (bodies as text, `change_ops` with values, preds and clocks, `field_heads`) is carried
 * over without loss: the same history, digest, conflicts and signed bytes; its bodies deflated at
 * opening; and a bundle it writes afterwards is accepted by a peer that then holds the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups, pruneBackups } from '../../db/backups';
import { resolveMigrationsFolder } from '../../db/migrations-folder';
import { changesetText, registerChangesetFunctions, storedChangesetBody } from '../../db/changeset-text';
import { replicatedDigest } from '../../electron/core/changelog/digest';
import { exportBundle, importBundle, makeInstallation, makeTestDir, type Installation } from '../support';
import { AUGUST, closeAfterEach, inuvikTerritory } from '../sync/support/inuvik';

closeAfterEach();

/** The tables of the change log exactly as migrations 0000–0004 left them. */
const OLD_LAYOUT = `
CREATE TABLE \`changesets\` (
	\`id\` text PRIMARY KEY NOT NULL, \`origin\` text NOT NULL, \`seq\` integer NOT NULL, \`hlc\` text NOT NULL, \`actor\` text NOT NULL,
	\`method\` text NOT NULL, \`schema_version\` integer NOT NULL, \`created_at\` text NOT NULL, \`body\` text NOT NULL,
	\`signature\` text NOT NULL, \`received_at\` text NOT NULL, \`partition\` text DEFAULT '*' NOT NULL);
CREATE UNIQUE INDEX \`changesets_origin_partition_seq\` ON \`changesets\` (\`origin\`,\`partition\`,\`seq\`);
CREATE TABLE \`change_ops\` (
	\`op_id\` text PRIMARY KEY NOT NULL, \`changeset_id\` text NOT NULL, \`position\` integer NOT NULL, \`table_name\` text NOT NULL,
	\`row_id\` text NOT NULL, \`field\` text NOT NULL, \`value\` text NOT NULL, \`pred\` text DEFAULT '[]' NOT NULL, \`hlc\` text NOT NULL,
	FOREIGN KEY (\`changeset_id\`) REFERENCES \`changesets\`(\`id\`) ON UPDATE no action ON DELETE no action);
CREATE INDEX \`change_ops_row\` ON \`change_ops\` (\`table_name\`,\`row_id\`,\`field\`);
CREATE INDEX \`change_ops_changeset\` ON \`change_ops\` (\`changeset_id\`);
CREATE TABLE \`field_heads\` (
	\`table_name\` text NOT NULL, \`row_id\` text NOT NULL, \`field\` text NOT NULL, \`op_id\` text NOT NULL,
	PRIMARY KEY(\`table_name\`, \`row_id\`, \`field\`, \`op_id\`));
`;

/**
 * What the migrations after 0006 added, undone (their tables and added columns dropped, their
 * records removed), so the database is as a planner of issue 12 left it and every migration from
 * 0006 on runs again when it opens. Read from the migration files, so a new migration needs no edit here.
 */
function undoMigrationsAfter0006(db: Database.Database): void {
  const folder = resolveMigrationsFolder();
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ idx: number; tag: string; when: number }> };
  const later = journal.entries.filter((e) => e.idx > 6).reverse();
  for (const entry of later) {
    const text = fs.readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8');
    for (const [, name] of text.matchAll(/CREATE (?:UNIQUE )?INDEX `(\w+)`/g)) db.exec(`DROP INDEX IF EXISTS "${name}"`);
    for (const [, table, column] of text.matchAll(/ALTER TABLE `(\w+)` ADD `(\w+)`/g)) db.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    for (const [, table] of text.matchAll(/CREATE TABLE `(\w+)`/g)) db.exec(`DROP TABLE IF EXISTS "${table}"`);
    db.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(entry.when);
  }
}

/** Rewrites a closed database into the layout before migration 0006, as a planner of issue 12 left it. */
function toLayoutBefore0006(file: string): void {
  const db = new Database(file);
  registerChangesetFunctions(db);
  undoMigrationsAfter0006(db);
  db.exec('DROP VIEW change_ops; DROP VIEW field_heads; DROP INDEX changesets_origin_partition_seq; DROP INDEX changesets_id; ALTER TABLE changesets RENAME TO cs_new;');
  db.exec(OLD_LAYOUT);
  db.exec(`
    INSERT INTO changesets (id, origin, seq, hlc, actor, method, schema_version, created_at, body, signature, received_at, partition)
      SELECT id, origin, seq, hlc, actor, method, schema_version, created_at, changeset_body(body), signature, received_at, partition FROM cs_new ORDER BY n;
    INSERT INTO change_ops (op_id, changeset_id, position, table_name, row_id, field, value, pred, hlc)
      SELECT c.id || '.' || o.position, c.id, o.position, f.table_name, o.row_id, f.field, o.value,
             (SELECT json_group_array(pred_op_id) FROM (SELECT pred_op_id FROM op_preds WHERE op_id = c.id || '.' || o.position ORDER BY pred_op_id)), c.hlc
        FROM ops o JOIN cs_new c ON c.n = o.cs JOIN op_fields f ON f.k = o.field_key ORDER BY c.n, o.position;
    INSERT INTO field_heads (table_name, row_id, field, op_id)
      SELECT f.table_name, o.row_id, f.field, c.id || '.' || o.position FROM ops o JOIN cs_new c ON c.n = o.cs JOIN op_fields f ON f.k = o.field_key WHERE o.head = 1;
    DROP TABLE ops; DROP TABLE op_fields; DROP TABLE cs_new;
    DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
  `);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function observe(i: Installation) {
  const sqlite = i.core.context.sqlite;
  return {
    digest: replicatedDigest(i.core.context),
    history: i.must('history:recent', { limit: 500 }),
    conflicts: i.must('conflicts:list', {}),
    bodies: sqlite.prepare('SELECT id, changeset_body(body) AS text, signature FROM changesets ORDER BY rowid').all() as Array<{ id: string; text: string; signature: string }>,
    heads: sqlite.prepare('SELECT table_name, row_id, field, op_id FROM field_heads ORDER BY 1, 2, 3, 4').all(),
  };
}

describe('the change log stored once (migration 0006)', () => {
  it('gives back the exact signed text of any body, stored deflated, and text an older planner stored as it is', () => {
    const text = '{"v":2,"id":"x","ops":[{"opId":"x.0","table":"plans","value":"Ł’ǫ̀ — “quoted”"}]}';
    const stored = storedChangesetBody(text);
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(changesetText(stored)).toBe(text);
    expect(changesetText(text)).toBe(text);
    expect(() => changesetText(Buffer.from([9, 1, 2]))).toThrow(/unknown format/);
  });

  it('carries an older database over without loss: same history, digest, conflicts and signed bytes, then exchanges as before', () => {
    const { detachment, liaison, actions } = inuvikTerritory();
    const patrols = actions[0]!;
    detachment.must('progress:record', { actionId: patrols.id, quarter: 1, status: 'on_track', narrative: 'Weekly foot patrols downtown.' });
    liaison.must('progress:record', { actionId: patrols.id, quarter: 1, status: 'delayed', narrative: 'The June patrols were cancelled during the flood.' });
    importBundle(liaison, exportBundle(detachment, null));
    const before = observe(liaison);
    expect(before.conflicts.length).toBeGreaterThan(0);
    expect(before.bodies.length).toBeGreaterThan(10);

    liaison.core.close();
    toLayoutBefore0006(liaison.dbFile);
    const old = new Database(liaison.dbFile, { readonly: true });
    expect(old.prepare("SELECT count(*) FROM changesets WHERE typeof(body) <> 'text'").pluck().get()).toBe(0);
    expect(old.prepare('SELECT count(*) FROM field_heads').pluck().get()).toBe(before.heads.length);
    old.close();

    const reopened = makeInstallation('Inuvik office', { role: 'liaison', dir: liaison.dir, keys: liaison.keys, idPrefix: 'l2-', now: AUGUST });
    try {
      expect(observe(reopened)).toEqual(before);
      const sqlite = reopened.core.context.sqlite;
      expect(sqlite.prepare("SELECT count(*) FROM changesets WHERE typeof(body) <> 'blob'").pluck().get()).toBe(0);
      expect(sqlite.prepare('SELECT sum(length(body)) FROM changesets').pluck().get() as number).toBeLessThan(
        before.bodies.reduce((sum, b) => sum + Buffer.byteLength(b.text), 0) / 2,
      );

      // It still writes, resolves and exchanges: the detachment accepts its bundle and then holds the same data.
      const [conflict] = reopened.must('conflicts:list', {});
      reopened.must('conflicts:resolve', { conflictId: conflict!.id, pickOpId: conflict!.heads[0]!.opId });
      importBundle(detachment, exportBundle(reopened, null));
      expect(replicatedDigest(detachment.core.context)).toBe(replicatedDigest(reopened.core.context));
    } finally {
      reopened.core.close();
    }
  });
});

describe('the backup policy', () => {
  const MB = 1024 * 1024;
  function folderWith(sizesNewestFirst: number[]): { dir: string; db: string } {
    const dir = makeTestDir();
    sizesNewestFirst.forEach((size, i) => {
      const minute = String(59 - i).padStart(2, '0');
      fs.writeFileSync(path.join(dir, `planner-backup-2026-12-03T10-${minute}-00-000Z-before-import.db`), Buffer.alloc(size));
    });
    fs.writeFileSync(path.join(dir, 'other-backup-2026-12-03T09-00-00-000Z-manual.db'), Buffer.alloc(3 * MB)); // another database's: never touched
    return { dir, db: path.join(dir, 'planner.db') };
  }
  const kept = (dir: string, db: string) => listBackups(dir, db).map((b) => b.bytes / MB);

  it('keeps the newest backups while they fit both the count and the total size, and deletes the older ones', () => {
    const { dir, db } = folderWith([4 * MB, 4 * MB, 4 * MB, 1 * MB, 1 * MB]);
    expect(pruneBackups(dir, db, 10, 9 * MB)).toHaveLength(3); // 4 + 4 fit; the third 4 would make 12
    expect(kept(dir, db)).toEqual([4, 4]);
    expect(pruneBackups(dir, db, 1, 100 * MB)).toHaveLength(1);
    expect(kept(dir, db)).toEqual([4]);
    expect(fs.existsSync(path.join(dir, 'other-backup-2026-12-03T09-00-00-000Z-manual.db'))).toBe(true);
  });

  it('never deletes the newest, even when it alone is larger than the budget', () => {
    const { dir, db } = folderWith([8 * MB, 1 * MB]);
    pruneBackups(dir, db, 5, 2 * MB);
    expect(kept(dir, db)).toEqual([8]);
  });
});
