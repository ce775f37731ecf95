/**
 * The export wizard's reads (issue 11 §4): the computers a bundle can be written for, by name from
 * their certificates (never this one, never a revoked one), and what a bundle for them would hold
 * per community, the territory-wide lists apart, with whether it is encrypted to their own keys or
 * needs a passphrase.
 * The changesets' partitions are the recorder's (changelog/partitions.ts): a plan in its
 * community's, the communities and the enrolments in the territory's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vectorKey } from '../../electron/core/changelog/partitions';
import { isPlainSentence, refusalOf } from '../support';
import { startTerritory, type Territory } from './support/territory';

let territory: Territory;
let ids: { coordinator: string; detachment: string; office: string };

beforeAll(() => {
  territory = startTerritory('q-');
  const { coordinator, detachment, office, communities } = territory;
  ids = {
    coordinator: coordinator.must('sync:whoami', {}).installationId,
    detachment: detachment.must('sync:whoami', {}).installationId,
    office: office.must('sync:whoami', {}).installationId,
  };
  coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
  coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2025 });
  coordinator.must('plans:create', { communityId: communities.behchoko, fiscalYear: 2026 });
  coordinator.must('plans:create', { communityId: communities.gameti, fiscalYear: 2025 });
});

afterAll(() => {
  for (const c of [territory.coordinator, territory.detachment, territory.office]) c.core.close();
});

const territoryCount = () => territory.coordinator.core.context.sqlite.prepare("SELECT count(*) FROM changesets WHERE partition = 'territory'").pluck().get() as number;

describe('the computers a bundle can be written for', () => {
  it('are the enrolled computers by name, user, role and communities, never this computer', () => {
    const recipients = territory.coordinator.must('bundles:exportRecipients', {});
    expect(recipients.map((r) => r.installationId).sort()).toEqual([ids.detachment, ids.office].sort());
    const detachment = recipients.find((r) => r.installationId === ids.detachment)!;
    expect(detachment).toMatchObject({ name: 'q-det computer', userName: 'User of q-det', role: 'detachment', communityIds: [territory.communities.lutselke], communityNames: ['Łutselk’e'], enrolled: true });
    const office = recipients.find((r) => r.installationId === ids.office)!;
    expect(office).toMatchObject({ role: 'liaison', communityNames: ['Behchokǫ̀'], enrolled: true });
  });

  it('on an enrolled computer, list the coordinator it exchanges with, with every community', () => {
    const recipients = territory.detachment.must('bundles:exportRecipients', {});
    const coordinator = recipients.find((r) => r.installationId === ids.coordinator);
    expect(coordinator).toMatchObject({ name: 'Justice HQ', role: 'coordinator', communityIds: null, communityNames: null, enrolled: true });
    expect(recipients.some((r) => r.installationId === ids.detachment)).toBe(false);
  });
});

describe('what a bundle would hold', () => {
  it('for a detachment: its community and the territory-wide lists, nothing of the other communities', () => {
    const contents = territory.coordinator.must('bundles:exportContents', { to: ids.detachment });
    expect(contents.parts).toEqual([
      { partition: territory.communities.lutselke, kind: 'community', communityId: territory.communities.lutselke, communityName: 'Łutselk’e', changesets: 1 },
      { partition: 'territory', kind: 'territory', communityId: null, communityName: null, changesets: territoryCount() },
    ]);
    expect(contents.changesetCount).toBe(1 + territoryCount());
  });

  it('for a community office: its community (two changes) and the territory-wide lists', () => {
    const contents = territory.coordinator.must('bundles:exportContents', { to: ids.office });
    expect(contents.parts.map((p) => [p.communityName ?? p.kind, p.changesets])).toEqual([
      ['Behchokǫ̀', 2],
      ['territory', territoryCount()],
    ]);
  });

  it('for a full bundle: every community, and the changes made before partitions; a passphrase is needed', () => {
    const sqlite = territory.coordinator.core.context.sqlite;
    const legacy = sqlite.prepare("SELECT rowid FROM changesets WHERE partition = 'territory' ORDER BY rowid LIMIT 1").pluck().get() as number;
    sqlite.prepare("UPDATE changesets SET partition = '*' WHERE rowid = ?").run(legacy);
    try {
      const contents = territory.coordinator.must('bundles:exportContents', { full: true });
      expect(contents.parts.map((p) => p.communityName ?? p.kind)).toEqual(['Behchokǫ̀', 'Gamètì', 'Łutselk’e', 'territory', 'legacy']);
      expect(contents.encryption).toBe('passphrase');
      // Changes from before partitions go only to computers that read everything.
      expect(territory.coordinator.must('bundles:exportContents', { to: ids.detachment }).parts.some((p) => p.kind === 'legacy')).toBe(false);
    } finally {
      sqlite.prepare("UPDATE changesets SET partition = 'territory' WHERE rowid = ?").run(legacy);
    }
  });

  it('for two recipients: only what both may read', () => {
    const contents = territory.coordinator.must('bundles:exportContents', { to: ids.detachment, alsoTo: [ids.office] });
    expect(contents.parts.map((p) => p.kind)).toEqual(['territory']);
  });

  it('only what the recipient has not acknowledged', () => {
    const sqlite = territory.coordinator.core.context.sqlite;
    const own = ids.coordinator;
    const top = sqlite.prepare("SELECT max(seq) FROM changesets WHERE origin = ? AND partition = 'territory'").pluck().get(own) as number;
    sqlite.prepare('UPDATE peers SET acknowledged = ? WHERE installation_id = ?').run(JSON.stringify({ [vectorKey(own, 'territory')]: top }), ids.detachment);
    try {
      const contents = territory.coordinator.must('bundles:exportContents', { to: ids.detachment });
      expect(contents.parts.map((p) => [p.communityName, p.changesets])).toEqual([['Łutselk’e', 1]]);
    } finally {
      sqlite.prepare("UPDATE peers SET acknowledged = '{}' WHERE installation_id = ?").run(ids.detachment);
    }
  });

  it('is encrypted to the recipients’ own keys only when every certificate names one', () => {
    const before = territory.coordinator.must('bundles:exportContents', { to: ids.detachment, alsoTo: [ids.office] });
    expect(before).toMatchObject({ encryption: 'recipients', withoutKey: [] });
    const sqlite = territory.coordinator.core.context.sqlite;
    const rows = sqlite.prepare('SELECT serial, body FROM certificates WHERE installation_id = ?').all(ids.detachment) as Array<{ serial: string; body: string }>;
    const give = sqlite.prepare('UPDATE certificates SET body = ? WHERE serial = ?');
    // A certificate issued before encryption keys (here: the detachment's key taken out of it).
    for (const r of rows) give.run(JSON.stringify({ ...JSON.parse(r.body), encryptionKey: undefined }), r.serial);
    try {
      expect(territory.coordinator.must('bundles:exportRecipients', {}).find((r) => r.installationId === ids.detachment)?.hasEncryptionKey).toBe(false);
      expect(territory.coordinator.must('bundles:exportContents', { to: ids.office })).toMatchObject({ encryption: 'recipients', withoutKey: [] });
      const mixed = territory.coordinator.must('bundles:exportContents', { to: ids.detachment, alsoTo: [ids.office] });
      expect(mixed).toMatchObject({ encryption: 'passphrase', withoutKey: ['q-det computer'] });
    } finally {
      for (const r of rows) give.run(r.body, r.serial);
    }
  });

  it('refuses with a sentence: no recipient, both, an unknown one, the same one twice', () => {
    const cases = [
      territory.coordinator.call('bundles:exportContents', {}),
      territory.coordinator.call('bundles:exportContents', { to: ids.detachment, full: true }),
      territory.coordinator.call('bundles:exportContents', { to: 'nobody-here' }),
      territory.coordinator.call('bundles:exportContents', { to: ids.detachment, alsoTo: [ids.detachment] }),
    ].map(refusalOf);
    expect(cases.map((c) => c.code)).toEqual(['invalid_input', 'invalid_input', 'not_found', 'invalid_input']);
    for (const c of cases) expect(isPlainSentence(c.message)).toBe(true);
    expect(cases[2]!.message).toContain('nobody-here');
  });
});

describe('after a computer is revoked', () => {
  it('is no longer offered, and a bundle for it is refused by name', () => {
    territory.coordinator.must('enrolment:revoke', { installationId: ids.office, reason: 'Laptop lost' });
    expect(territory.coordinator.must('bundles:exportRecipients', {}).map((r) => r.installationId)).toEqual([ids.detachment]);
    const refused = refusalOf(territory.coordinator.call('bundles:exportContents', { to: ids.office }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe('"q-office computer" was revoked: no bundle is written for it any more.');
  });
});
