import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, exportBundle, importBundle, type Installation, makeInstallation } from '../support';

/**
 * Issue 8, part 6: the coordinator restores its own automatic backup and keeps working. Today
 * every peer then refuses it for ever (`seq_reused`). The restored database must never reuse a
 * sequence number it gave out after the backup; exchange with peers must keep working, and the
 * changes lost with the restore come back from peers.
 */

let C: Installation;
let F: Installation;
let planId: string;
const cleanup: Installation[] = [];

beforeEach(() => {
  C = makeInstallation('coord', { idPrefix: 'c' });
  F = makeInstallation('field', { idPrefix: 'f' });
  const dettah = addCommunity(C, 'Dettah');
  planId = agreedPlan(C, dettah, 2025, ['Patrols']).plan.id;
  C.must('plans:openRevision', { planId, reason: 'Mid-year review' });
  importBundle(F, exportBundle(C, null));
  importBundle(C, exportBundle(F, null));
  cleanup.push(C, F);
});

afterEach(() => {
  for (const inst of cleanup.splice(0)) {
    inst.core.close();
    fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

/** Closes C and puts its newest automatic backup in place of its database, as a person would. */
function restoreNewestBackup(inst: Installation, idPrefix = 'r'): Installation {
  const backups = inst.core.context.backupDir;
  const newest = fs.readdirSync(backups).filter((f) => f.endsWith('.db')).sort().at(-1);
  if (!newest) throw new Error('no backup was made');
  inst.core.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${inst.dbFile}${suffix}`, { force: true });
  fs.copyFileSync(`${backups}/${newest}`, inst.dbFile);
  const restored = makeInstallation(inst.label, { dir: inst.dir, keys: inst.keys, idPrefix });
  cleanup.splice(cleanup.indexOf(inst), 1, restored);
  return restored;
}

describe('a coordinator restored from its own backup', () => {
  let formerId: string;
  beforeEach(() => {
    formerId = C.installationId;
    // F's change arrives: the coordinator's import makes a backup first.
    F.must('plans:update', { planId, summary: 'From the field' });
    importBundle(C, exportBundle(F, C));
    // Work done after that backup, already sent to F: it is lost with the restore.
    C.must('plans:update', { planId, summary: 'Lost with the restore' });
    importBundle(F, exportBundle(C, F));
    C = restoreNewestBackup(C);
  });

  it('continues under a new id with the same key, keeping its earlier id as its own', () => {
    const me = C.must('sync:whoami', {});
    expect(me.installationId).not.toBe(formerId);
    const own = C.core.context.sqlite.prepare('SELECT former_installation_ids FROM installation').pluck().get();
    expect(JSON.parse(own as string)).toEqual([formerId]);
    expect(me.fingerprint).toBe(F.must('peers:list', {}).find((p) => p.name === 'coord')!.fingerprint);
  });

  it('keeps exchanging with a peer both ways, recovers what it had lost, and converges', () => {
    C.must('plans:update', { planId, summary: 'After the restore' });
    const fromC = F.call('bundles:import', { file: exportBundle(C, F), passphrase: null });
    expect(fromC.ok ? 'imported' : fromC.error.message).toBe('imported');
    expect(F.must('plans:get', { planId }).summary).toBe('After the restore');
    // F sees one computer, not two, and still trusts it as before.
    const listed = F.must('peers:list', {}).filter((p) => p.name === 'coord');
    expect(listed).toHaveLength(1);
    // Listed by its newest id, and not as "introduced by" its own earlier id.
    expect(listed[0]).toMatchObject({ installationId: C.must('sync:whoami', {}).installationId, introducedBy: null });

    F.must('plans:update', { planId, summary: 'Field again' });
    const fromF = C.call('bundles:import', { file: exportBundle(F, C), passphrase: null });
    expect(fromF.ok ? 'imported' : fromF.error.message).toBe('imported');
    expect(C.must('plans:get', { planId }).summary).toBe('Field again');
    // The change lost with the restore came back from F as C's own history.
    const history = C.core.context.sqlite.prepare("SELECT count(*) FROM changesets WHERE changeset_body(body) LIKE '%Lost with the restore%'").pluck().get();
    expect(history).toBe(1);
    expect(C.must('sync:digest', {}).digest).toBe(F.must('sync:digest', {}).digest);

    // And once more, so both directions keep working after the recovery.
    C.must('plans:update', { planId, summary: 'Steady again' });
    importBundle(F, exportBundle(C, F));
    expect(F.must('sync:digest', {}).digest).toBe(C.must('sync:digest', {}).digest);
  });

  it('revoking the coordinator on F revokes it under both ids', () => {
    const fingerprint = C.must('sync:whoami', {}).fingerprint;
    importBundle(F, exportBundle(C, F));
    F.must('peers:revoke', { fingerprint });
    C.must('plans:update', { planId, summary: 'After being revoked' });
    const refused = F.call('bundles:import', { file: exportBundle(C, F), passphrase: null });
    expect(refused.ok ? 'imported' : (refused.error.details as { reason?: string }).reason).toBe('revoked');
  });
});

describe('the same backup restored twice', () => {
  it('takes back, as its own, the changes it made under the id of its first restore', () => {
    F.must('plans:update', { planId, summary: 'From the field' });
    importBundle(C, exportBundle(F, C));
    const backups = C.core.context.backupDir;
    const newest = fs.readdirSync(backups).filter((f) => f.endsWith('.db')).sort().at(-1)!;
    const keep = `${C.dir}/kept-backup.db`;
    fs.copyFileSync(`${backups}/${newest}`, keep);
    C = restoreNewestBackup(C);
    const firstRestoredId = C.must('sync:whoami', {}).installationId;
    C.must('plans:update', { planId, summary: 'Made under the first restored id' });
    importBundle(F, exportBundle(C, F));
    // The same backup again: the first restored id is not among the ids it remembers.
    fs.copyFileSync(keep, `${backups}/${newest}`);
    C = restoreNewestBackup(C, 's');
    expect(C.must('sync:whoami', {}).installationId).not.toBe(firstRestoredId);
    F.must('plans:update', { planId, summary: 'Field after both restores' });
    const result = C.call('bundles:import', { file: exportBundle(F, null), passphrase: null });
    expect(result.ok ? 'imported' : result.error.message).toBe('imported');
    expect(C.must('peers:list', {}).map((p) => p.installationId)).not.toContain(firstRestoredId);
    const own = JSON.parse(C.core.context.sqlite.prepare('SELECT former_installation_ids FROM installation').pluck().get() as string) as string[];
    expect(own).toContain(firstRestoredId);
    expect(C.must('sync:digest', {}).digest).toBe(F.must('sync:digest', {}).digest);
  });
});

describe('a database copied by hand (no backup mark) that falls behind its peers', () => {
  it('takes its own lost changes back from a peer and numbers new ones after them', () => {
    const copy = `${C.dbFile}.copy`;
    C.core.context.sqlite.prepare('VACUUM INTO ?').run(copy);
    C.must('plans:update', { planId, summary: 'Lost with the copy' });
    importBundle(F, exportBundle(C, F));
    C.core.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${C.dbFile}${suffix}`, { force: true });
    fs.renameSync(copy, C.dbFile);
    const restored = makeInstallation(C.label, { dir: C.dir, keys: C.keys, idPrefix: 'r' });
    cleanup.splice(cleanup.indexOf(C), 1, restored);
    C = restored;
    F.must('plans:update', { planId, summary: 'Field news' });
    importBundle(C, exportBundle(F, null));
    C.must('plans:update', { planId, summary: 'Numbered after the recovered one' });
    const result = F.call('bundles:import', { file: exportBundle(C, F), passphrase: null });
    expect(result.ok ? 'imported' : result.error.message).toBe('imported');
    expect(F.must('sync:digest', {}).digest).toBe(C.must('sync:digest', {}).digest);
  });
});
