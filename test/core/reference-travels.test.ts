/** Reference data made with the new methods travels in a bundle and is accepted by the field rules of the receiving computer. */
import { afterEach, expect, it } from 'vitest';
import { exportBundle, importBundle, makeInstallation, type Installation } from '../support';

const opened: Installation[] = [];
afterEach(() => {
  for (const i of opened.splice(0)) i.core.close();
});

it('regions, communities with other names, detachments with French names, themes, retirements and commitments arrive whole', () => {
  const coordinator = makeInstallation('coord', { role: 'coordinator' });
  const detachment = makeInstallation('det');
  opened.push(coordinator, detachment);
  const region = coordinator.must('regions:create', { nameEn: 'North Slave', nameFr: 'Slave Nord' });
  const community = coordinator.must('communities:create', { name: "Łutselk'e", otherNames: ['Snowdrift'], regionId: region.id, hasDetachment: true });
  coordinator.must('detachments:create', { name: "Łutselk'e detachment", nameFr: "Détachement de Łutselk'e", communityId: community.id, servesCommunityIds: [community.id] });
  const theme = coordinator.must('themes:create', { code: 'youth', nameEn: 'Youth', nameFr: 'Jeunesse' });
  coordinator.must('themes:retire', { themeId: theme.id, retired: true });
  const commitment = coordinator.must('commitments:create', { kind: 'commitment', number: '4.4.2', title: 'Plans', titleFr: 'Plans d’action', leadDepartment: 'Justice', status: 'underway_on_track' });
  coordinator.must('milestones:create', { commitmentId: commitment.id, title: 'Guide', titleFr: 'Guide', status: 'pending' });

  const result = importBundle(detachment, exportBundle(coordinator, null));
  expect(result.imported).toBe(true);
  expect(detachment.must('sync:digest', {})).toEqual(coordinator.must('sync:digest', {}));
  expect(detachment.must('communities:list', { search: 'snowdrift' })[0]).toMatchObject({ name: "Łutselk'e", regionNameFr: 'Slave Nord', servedByDetachmentName: "Łutselk'e detachment" });
  expect(detachment.must('themes:list', {})).toEqual([]);
  expect(detachment.must('commitments:get', { commitmentId: commitment.id }).titleFr).toBe('Plans d’action');
});
