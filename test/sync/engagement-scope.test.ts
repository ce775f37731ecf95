/**
 * Issue 14 §1 "Done when": an engagement reaches only its community's computers; it converges
 * like any record; and a changeset naming another community's action from an engagement is
 * refused on import, the database unchanged.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangesetBody, serialiseChangeset } from '../../electron/core/changelog/changeset-body';
import { signText } from '../../electron/core/bundles/identity';
import { bundlePath, databaseState, readParts, refusalOf, writeParts } from '../support';
import { type Computer, startTerritory } from './support/territory';

const open: Computer[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.core.close();
});

const idOf = (c: Computer) => c.must('sync:whoami', {}).installationId;
function send(from: Computer, to: Computer): string {
  const file = bundlePath(from, `${from.label}-to-${to.label}`);
  from.must('bundles:export', { to: idOf(to), file, encrypt: false });
  to.must('bundles:import', { file });
  return file;
}
const engagementCommunities = (c: Computer) => new Set(c.core.context.sqlite.prepare('SELECT DISTINCT community_id FROM engagements').pluck().all() as string[]);

describe('engagements travel within their community’s partition', () => {
  it('reach only the computers of their community, converge after concurrent edits; a forged reference to another community, or an engagement outside the origin’s certificate, is refused whole', () => {
    const { coordinator, detachment, office, communities } = startTerritory('en');
    open.push(coordinator, detachment, office);
    const lutselkePlan = coordinator.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    const lutselkePriority = coordinator.must('priorities:add', { planId: lutselkePlan.id, title: 'Safer homes', zone: 'prevention' });
    const lutselkeAction = coordinator.must('actions:add', { priorityId: lutselkePriority.id, title: 'Home visits', owner: 'joint', plannedQuarters: [2] });
    const atLutselke = coordinator.must('engagements:create', {
      communityId: communities.lutselke,
      date: '2025-05-20',
      kind: 'council_workshop',
      summary: 'Workshop with council.',
      priorityIds: [lutselkePriority.id],
      actionIds: [lutselkeAction.id],
    });
    coordinator.must('engagements:create', { communityId: communities.behchoko, date: '2025-05-21', kind: 'focus_group', summary: 'Behchokǫ̀ youth focus group.' });

    send(coordinator, detachment);
    send(coordinator, office);
    expect(engagementCommunities(detachment)).toEqual(new Set([communities.lutselke]));
    expect(engagementCommunities(office)).toEqual(new Set([communities.behchoko]));
    expect(detachment.must('engagements:get', { engagementId: atLutselke.id })).toMatchObject({ priorities: [{ name: 'Safer homes' }], actions: [{ name: 'Home visits' }] });

    // The detachment records one of its own; it reaches the coordinator, never the Behchokǫ̀ office.
    const fromDetachment = detachment.must('engagements:create', { communityId: communities.lutselke, date: '2025-06-02', kind: 'monthly_feedback', summary: 'May figures to chief and council.' });
    send(detachment, coordinator);
    send(coordinator, office);
    expect(coordinator.must('engagements:list', { communityId: communities.lutselke, fiscalYear: 2025 }).map((e) => e.id)).toEqual([atLutselke.id, fromDetachment.id]);
    expect(engagementCommunities(office)).toEqual(new Set([communities.behchoko]));

    // Concurrent edits of one engagement converge on both computers.
    coordinator.must('engagements:update', { engagementId: atLutselke.id, outcomes: 'Home visits first.' });
    detachment.clock.advance(60_000);
    detachment.must('engagements:update', { engagementId: atLutselke.id, followUps: 'Report back in June.' });
    send(coordinator, detachment);
    send(detachment, coordinator);
    const [onCoordinator, onDetachment] = [coordinator, detachment].map((c) => c.must('engagements:get', { engagementId: atLutselke.id }));
    expect(onCoordinator).toEqual(onDetachment);
    expect(onCoordinator).toMatchObject({ outcomes: 'Home visits first.', followUps: 'Report back in June.' });
    // The same summary changed on both: one conflict, named by the engagement and its community.
    coordinator.must('engagements:update', { engagementId: atLutselke.id, summary: 'Workshop with chief and council.' });
    detachment.must('engagements:update', { engagementId: atLutselke.id, summary: 'Workshop with council and elders.' });
    send(detachment, coordinator);
    const records = coordinator.must('conflicts:records', {}).records.filter((r) => r.table === 'engagements');
    expect(records.map((r) => [r.communityName, r.label, r.conflicts.map((c) => c.field)])).toEqual([['Łutselk’e', expect.stringMatching(/^Workshop with /), ['summary']]]);

    // Forged, validly signed by the office: its Behchokǫ̀ engagement naming Łutselk’e's action.
    const officeEngagement = office.must('engagements:create', { communityId: communities.behchoko, date: '2025-06-10', kind: 'town_hall', summary: 'Town hall.' });
    const file = bundlePath(office, 'office-to-coord');
    office.must('bundles:export', { to: idOf(coordinator), file, encrypt: false });
    const bundle = readParts(file);
    const me = idOf(office);
    const keys = office.core.context.keys as { privateKey: string };
    const seq = (office.must('sync:status', {}).versionVector[`${me} ${communities.behchoko}`] ?? 0) + 1;
    const body: ChangesetBody = {
      v: 2,
      id: 'forged-reference',
      origin: me,
      partition: communities.behchoko,
      seq,
      hlc: '2099-01-01T00:00:00.000Z-0000-x',
      schemaVersion: 4,
      actor: 'X',
      method: 'engagements:update',
      createdAt: '2025-06-10T12:00:00.000Z',
      ops: [{ opId: 'forged-reference.0', table: 'engagements', rowId: officeEngagement.id, field: 'actionIds', value: [lutselkeAction.id], pred: [] }],
    };
    const text = serialiseChangeset(body);
    bundle.changesets.push({ type: 'changeset', body: text, signature: signText(keys.privateKey, text) });
    const forged = writeParts(bundle, path.join(office.dir, 'forged.planbundle'), keys.privateKey);
    const before = databaseState(coordinator);
    const refused = refusalOf(coordinator.call('bundles:import', { file: forged }));
    expect(refused.message).toMatch(/Behchokǫ̀/);
    expect(refused.message).toMatch(/Nothing was imported\.$/);
    expect(databaseState(coordinator)).toEqual(before);

    // Forged, validly signed by the Łutselk’e detachment: an engagement of Behchokǫ̀, outside its certificate.
    const detachmentId = idOf(detachment);
    const detachmentKeys = detachment.core.context.keys as { privateKey: string };
    const outside: ChangesetBody = {
      v: 2,
      id: 'forged-outside',
      origin: detachmentId,
      partition: communities.behchoko,
      seq: 1,
      hlc: '2099-01-01T00:00:00.000Z-0000-y',
      schemaVersion: 4,
      actor: 'User of endet',
      method: 'engagements:create',
      createdAt: '2025-06-10T12:00:00.000Z',
      ops: Object.entries({ communityId: communities.behchoko, date: '2025-06-11', kind: 'town_hall', summary: 'Not ours.', recordedBy: 'User of endet', recordedAt: '2025-06-10T12:00:00.000Z' }).map(
        ([field, value], i) => ({ opId: `forged-outside.${i}`, table: 'engagements', rowId: 'FORGED_ENGAGEMENT', field, value, pred: [] }),
      ),
    };
    const detachmentFile = bundlePath(detachment, 'det-to-coord');
    detachment.must('bundles:export', { to: idOf(coordinator), file: detachmentFile, encrypt: false });
    const detachmentBundle = readParts(detachmentFile);
    const outsideText = serialiseChangeset(outside);
    detachmentBundle.changesets.push({ type: 'changeset', body: outsideText, signature: signText(detachmentKeys.privateKey, outsideText) });
    const forgedOutside = writeParts(detachmentBundle, path.join(detachment.dir, 'outside.planbundle'), detachmentKeys.privateKey);
    const beforeOutside = databaseState(coordinator);
    const outsideRefusal = refusalOf(coordinator.call('bundles:import', { file: forgedOutside })).message;
    expect(outsideRefusal).toMatch(/^This bundle changes Behchokǫ̀'s data, which its author is not trusted to change here\. Nothing was imported\./);
    expect(databaseState(coordinator)).toEqual(beforeOutside);
    expect(engagementCommunities(coordinator).has(communities.behchoko)).toBe(true);
    expect(coordinator.core.context.sqlite.prepare("SELECT count(*) FROM engagements WHERE id = 'FORGED_ENGAGEMENT'").pluck().get()).toBe(0);
  });
});
