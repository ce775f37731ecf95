/**
 * Issue 12, §6: backups the person can use — made, listed, previewed, restored (after a backup of
 * the current state), refused when damaged, of another program or of another computer (database
 * unchanged), a chosen folder with a fallback when it is gone, and the backup on exit.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, databaseState, type Installation, isPlainSentence, makeInstallation, refusalOf } from '../support';
import { renderMessage } from '../../shared/core-messages';
import { createCore, type Core } from '../../electron/core/create-core';
import { memoryKeyStore } from '../../electron/core/bundles/identity';
import { resolveMigrationsFolder } from '../../db/migrations-folder';

const made: Installation[] = [];
function installation(label: string, opts: Parameters<typeof makeInstallation>[1] = {}): Installation {
  const inst = makeInstallation(label, { role: 'coordinator', ...opts });
  made.push(inst);
  return inst;
}

afterEach(() => {
  for (const inst of made.splice(0)) {
    inst.core.close();
    fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

function actionTitles(inst: Installation, planId: string): string[] {
  const plan = inst.must('plans:get', { planId });
  return plan.priorities.flatMap((p) => p.actions.map((a) => a.title));
}

describe('restoring a backup', () => {
  it('previews what it holds, restores it after a backup of the current state, and brings the data back', () => {
    const C = installation('coord');
    const dettah = addCommunity(C, 'Dettah');
    const { plan } = agreedPlan(C, dettah, 2025, ['Patrols']);
    C.must('plans:openRevision', { planId: plan.id, reason: 'Mid-year review' });
    C.clock.advance(60_000);
    const backup = C.must('backups:make', {});
    expect(backup).toMatchObject({ reason: 'manual', place: 'default', fellBackFrom: null });
    expect(fs.existsSync(backup.file)).toBe(true);

    // After the backup: a second community, and the plan's summary changed.
    C.clock.advance(60_000);
    addCommunity(C, 'Ndilǫ');
    C.must('plans:update', { planId: plan.id, summary: 'Changed after the backup' });

    const preview = C.must('backups:preview', { file: backup.file });
    expect(preview).toMatchObject({ reason: 'manual', communities: 1, plansByYear: [{ fiscalYear: 2025, plans: 1 }], installationName: 'coord', olderVersion: false });
    expect(preview.changesets).toBeGreaterThan(0);
    expect(preview.changesetsSince).toBeGreaterThan(0);
    expect(preview.createdAt).toBe(backup.createdAt);
    // A preview changes nothing and leaves no copy behind.
    expect(fs.existsSync(`${C.dbFile}.restoring`)).toBe(false);

    const before = C.installationId;
    const result = C.must('backups:restore', { file: backup.file });
    expect(C.must('communities:list', {}).map((c) => c.name)).toEqual(['Dettah']);
    expect(C.must('plans:get', { planId: plan.id }).summary).not.toBe('Changed after the backup');
    expect(actionTitles(C, plan.id)).toEqual(['Patrols']);
    // The state just before the restore is kept, and can itself be restored.
    expect(fs.existsSync(result.preRestoreBackup)).toBe(true);
    expect(path.basename(result.preRestoreBackup)).toMatch(/-before-restore\.db$/);
    // Gone back in time: it continues under a new id, signed with the same key.
    expect(result.installationId).not.toBe(before);
    expect(C.must('sync:whoami', {}).fingerprint).toBe(C.fingerprint);
    expect(C.must('database:integrityCheck', {}).ok).toBe(true);
    expect(fs.existsSync(`${C.dbFile}.before-restore`)).toBe(false);

    // It keeps working, and the pre-restore backup brings the later changes back.
    C.clock.advance(60_000);
    C.must('plans:update', { planId: plan.id, summary: 'After the restore' });
    C.must('backups:restore', { file: result.preRestoreBackup });
    expect(C.must('communities:list', {}).map((c) => c.name).sort()).toEqual(['Dettah', 'Ndilǫ']);
    expect(C.must('plans:get', { planId: plan.id }).summary).toBe('Changed after the backup');
    // The backups list names why each was made.
    const reasons = C.must('backups:list', {}).backups.map((b) => b.reason);
    expect(reasons).toEqual(expect.arrayContaining(['manual', 'before-restore']));
  });

  it('brings an older backup up to date, and refuses one made by a newer planner', () => {
    const C = installation('coord');
    addCommunity(C, 'Dettah');
    const older = C.must('backups:make', {});
    C.core.close();
    // The planner is updated: one more migration.
    const newer = createCore({
      dbFile: C.dbFile,
      backupDir: C.core.context.backupDir,
      migrationsFolder: migrationsWithExtra(C.dir),
      clock: C.clock,
      keyStore: memoryKeyStore(C.keys),
      log: () => {},
    });
    try {
      addCommunityThrough(newer, 'Ndilǫ');
      const preview = newer.invoke('backups:preview', { file: older.file });
      expect(preview.ok && preview.value.olderVersion).toBe(true);
      const restored = newer.invoke('backups:restore', { file: older.file });
      if (!restored.ok) throw new Error(restored.error.message);
      expect(restored.value.migrated).toEqual([expect.stringMatching(/_test_extra$/)]);
      const names = newer.invoke('communities:list', {});
      expect(names.ok && names.value.map((c) => c.name)).toEqual(['Dettah']);
      expect(newer.context.sqlite.prepare('SELECT count(*) FROM test_extra').pluck().get()).toBe(0);
      C.clock.advance(1000);
      const fromNewer = newer.invoke('backups:make', {});
      if (!fromNewer.ok) throw new Error(fromNewer.error.message);
      // The older planner (the committed migrations) cannot take the newer planner's backup.
      const old = createCore({ dbFile: path.join(C.dir, 'old-planner.db'), clock: C.clock, keyStore: memoryKeyStore(C.keys), initialProfile: { name: 'coord', userName: 'U', role: 'coordinator' }, log: () => {} });
      try {
        const refusal = refusalOf(old.invoke('backups:preview', { file: fromNewer.value.file }));
        expect(refusal.message).toMatch(/newer version of the planner/);
      } finally {
        old.close();
      }
    } finally {
      newer.close();
    }
    // Back to the committed migrations for the clean-up's close().
    made.splice(made.indexOf(C), 1);
    fs.rmSync(C.dir, { recursive: true, force: true });
  });

  it('puts the database back exactly as it was when the restored copy cannot be opened', () => {
    const C = installation('coord');
    addCommunity(C, 'Dettah');
    const backup = C.must('backups:make', {});
    addCommunity(C, 'Ndilǫ');
    // A copy whose migration journal lost its last entry: reopening re-runs that migration, which fails.
    const copy = new Database(backup.file);
    const last = copy.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').pluck().get();
    copy.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(last);
    copy.close();
    const before = databaseState(C);
    const refusal = refusalOf(C.call('backups:restore', { file: backup.file }));
    expect(refusal.message).toMatch(/put back exactly as it was/);
    expect(isPlainSentence(refusal.message)).toBe(true);
    expect(databaseState(C).tables).toEqual(before.tables);
    expect(C.must('communities:list', {}).map((c) => c.name).sort()).toEqual(['Dettah', 'Ndilǫ']);
    expect(fs.existsSync(`${C.dbFile}.before-restore`)).toBe(false);
    expect(fs.existsSync(`${C.dbFile}.restoring`)).toBe(false);
    // The database keeps working after the failed restore.
    addCommunity(C, 'Łutselk’e');
    expect(C.must('database:integrityCheck', {}).ok).toBe(true);
  });
});

/** A copy of the committed migrations plus one that adds a table: a newer planner. */
function migrationsWithExtra(dir: string): string {
  const folder = path.join(dir, 'newer-migrations');
  fs.cpSync(resolveMigrationsFolder(), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  const tag = `${String(journal.entries.length).padStart(4, '0')}_test_extra`;
  journal.entries.push({ ...last, idx: journal.entries.length, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), 'CREATE TABLE `test_extra` (`id` text PRIMARY KEY NOT NULL);');
  return folder;
}

function addCommunityThrough(core: Core, name: string): void {
  addCommunity({ core } as Parameters<typeof addCommunity>[0], name);
}

describe('backups that are refused, the database unchanged', () => {
  function expectRefusedUnchanged(C: Installation, file: string, words: RegExp) {
    const before = databaseState(C);
    const backupsBefore = C.must('backups:list', {}).backups.length;
    for (const method of ['backups:preview', 'backups:restore'] as const) {
      const refusal = refusalOf(C.call(method, { file }));
      expect(refusal.message).toMatch(words);
      expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
    }
    expect(databaseState(C)).toEqual(before);
    // Refused before anything was done: no pre-restore backup, no copy left beside the database.
    expect(C.must('backups:list', {}).backups.length).toBe(backupsBefore);
    expect(fs.existsSync(`${C.dbFile}.restoring`)).toBe(false);
  }

  it('a damaged file, a text file and another program’s database', () => {
    const C = installation('coord');
    addCommunity(C, 'Dettah');
    const backup = C.must('backups:make', {});
    const damaged = path.join(C.dir, 'damaged.db');
    const bytes = fs.readFileSync(backup.file);
    // Keep the header, scribble over the pages.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0x5a;
    fs.writeFileSync(damaged, bytes);
    expectRefusedUnchanged(C, damaged, /damaged/);

    const text = path.join(C.dir, 'notes.db');
    fs.writeFileSync(text, 'These are my notes, not a database.');
    expectRefusedUnchanged(C, text, /not a database file/);

    const other = path.join(C.dir, 'other-app.db');
    const db = new Database(other);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    expectRefusedUnchanged(C, other, /another program/);

    expectRefusedUnchanged(C, path.join(C.dir, 'gone.db'), /no backup at/);
    expectRefusedUnchanged(C, C.dbFile, /database in use/);
  });

  it('a backup made on another computer (another key), in French too', () => {
    const C = installation('coord');
    const F = installation('field');
    addCommunity(F, 'Dettah');
    const foreign = F.must('backups:make', {});
    expectRefusedUnchanged(C, foreign.file, /another computer \(field\).*private key/);
    const refusal = C.call('backups:restore', { file: foreign.file });
    if (refusal.ok) throw new Error('restored');
    const details = refusal.error.details as { messageKey: string; params: Record<string, string> };
    expect(renderMessage({ key: details.messageKey as never, params: details.params }, 'fr')).toMatch(/autre ordinateur \(field\)/);
  });
});

describe('backups of another territory or of the demo', () => {
  it('are refused with a sentence, the database unchanged', () => {
    const C = installation('coord');
    addCommunity(C, 'Dettah');
    // This computer belongs to a territory (set directly: enrolment is not what is tested here).
    C.core.context.sqlite.prepare("UPDATE installation SET territory_id = 'territory-nwt' WHERE key = 1").run();
    const backup = C.must('backups:make', {});
    const edited = (name: string, sql: string) => {
      const file = path.join(C.dir, name);
      fs.copyFileSync(backup.file, file);
      const copy = new Database(file);
      copy.exec(sql);
      copy.close();
      return file;
    };
    const other = edited('other-territory.db', "UPDATE installation SET territory_id = 'territory-yukon' WHERE key = 1");
    const demo = edited('demo.db', 'UPDATE installation SET is_demo = 1 WHERE key = 1');
    const before = databaseState(C);
    expect(refusalOf(C.call('backups:restore', { file: other })).message).toMatch(/another territory/);
    expect(refusalOf(C.call('backups:restore', { file: demo })).message).toMatch(/demo cannot replace real data/);
    expect(databaseState(C)).toEqual(before);
    // The sound one of the same territory restores.
    expect(C.call('backups:restore', { file: backup.file }).ok).toBe(true);
  });
});

describe('the backup folder and the backup on exit', () => {
  it('uses the chosen folder, falls back to the default one when it is gone, and says so', () => {
    const C = installation('coord');
    const stick = path.join(C.dir, 'stick');
    const missing = refusalOf(C.call('backups:updateSettings', { folder: stick }));
    expect(missing.message).toMatch(/cannot be found.*USB stick/);
    fs.mkdirSync(stick);
    const settings = C.must('backups:updateSettings', { folder: stick, keep: 3 });
    expect(settings).toMatchObject({ folder: stick, folderAvailable: true, keep: 3 });
    const onStick = C.must('backups:make', {});
    expect(path.dirname(onStick.file)).toBe(stick);
    expect(onStick.place).toBe('chosen');
    // Kept on this computer, not in the database: a file beside it.
    expect(JSON.parse(fs.readFileSync(`${C.dbFile}.backup-settings.json`, 'utf8')).folder).toBe(stick);
    // Keeps at most `keep` in the chosen folder.
    for (let i = 0; i < 4; i++) {
      C.clock.advance(1000);
      C.must('backups:make', {});
    }
    expect(fs.readdirSync(stick).filter((f) => f.endsWith('.db'))).toHaveLength(3);

    fs.rmSync(stick, { recursive: true });
    expect(C.must('backups:settings', {}).folderAvailable).toBe(false);
    const fallback = C.must('backups:make', {});
    expect(fallback).toMatchObject({ place: 'default', fellBackFrom: stick });
    expect(path.dirname(fallback.file)).toBe(C.core.context.backupDir);
  });

  it('backs up on exit only when something changed, and not when turned off', () => {
    const C = installation('coord');
    const first = C.must('backups:onExit', {});
    expect(first.made?.reason).toBe('on-exit');
    expect(C.must('backups:onExit', {})).toEqual({ made: null, skipped: 'unchanged' });
    addCommunity(C, 'Dettah');
    C.clock.advance(1000);
    expect(C.must('backups:onExit', {}).made).not.toBeNull();
    C.must('backups:updateSettings', { onExit: false });
    addCommunity(C, 'Ndilǫ');
    expect(C.must('backups:onExit', {})).toEqual({ made: null, skipped: 'off' });
  });
});
