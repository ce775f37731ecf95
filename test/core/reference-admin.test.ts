/**
 * The coordinator administers the territory's reference data: create, change and retire each kind
 * of record; retired records stay on old plans and reports and leave the lists for new work; names
 * with a French form are French in a French installation's printed report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCoordinatorCore, snapshotTables, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

function territory() {
  t = makeCoordinatorCore();
  const north = t.must('regions:create', { nameEn: 'North Slave', nameFr: 'Slave Nord' });
  const behchoko = t.must('communities:create', { name: 'Behchokǫ̀', otherNames: ['Rae-Edzo', 'Rae'], regionId: north.id, hasDetachment: true });
  const wekweeti = t.must('communities:create', { name: 'Wekweètì', otherNames: ['Snare Lake'], regionId: north.id, hasDetachment: false });
  const detachment = t.must('detachments:create', {
    name: 'Behchokǫ̀ detachment',
    nameFr: 'Détachement de Behchokǫ̀',
    communityId: behchoko.id,
    servesCommunityIds: [behchoko.id, wekweeti.id],
  });
  return { north, behchoko, wekweeti, detachment };
}

describe('regions, communities and detachments', () => {
  it('creates them with both language forms, and the detachment serves the communities it names', () => {
    const { north, behchoko, wekweeti, detachment } = territory();
    expect(t.must('regions:list', {})).toEqual([{ id: north.id, nameEn: 'North Slave', nameFr: 'Slave Nord', name: 'North Slave', retired: false }]);
    const wek = t.must('communities:get', { communityId: wekweeti.id });
    expect(wek).toMatchObject({ region: 'North Slave', regionId: north.id, regionNameFr: 'Slave Nord', servedByDetachmentId: detachment.id, servedByDetachmentName: 'Behchokǫ̀ detachment', otherNames: ['Snare Lake'], retired: false });
    expect(detachment).toMatchObject({ nameEn: 'Behchokǫ̀ detachment', nameFr: 'Détachement de Behchokǫ̀', communityId: behchoko.id, retired: false });
    expect([...detachment.servedCommunityIds].sort()).toEqual([behchoko.id, wekweeti.id].sort());

    // In French, the names that have a French form are French.
    t.must('installation:update', { locale: 'fr' });
    expect(t.must('communities:get', { communityId: wekweeti.id })).toMatchObject({ region: 'Slave Nord', servedByDetachmentName: 'Détachement de Behchokǫ̀' });
    expect(t.must('detachments:list', {})[0]!.name).toBe('Détachement de Behchokǫ̀');
    expect(t.must('regions:list', {})[0]!.name).toBe('Slave Nord');
  });

  it('changes a community: names, other names, region and detachment', () => {
    const { behchoko, wekweeti } = territory();
    const south = t.must('regions:create', { nameEn: 'South Slave', nameFr: 'Slave Sud' });
    const changed = t.must('communities:update', { communityId: wekweeti.id, otherNames: ['Snare Lake', 'Wekweeti'], regionId: south.id, servedByDetachmentId: null });
    expect(changed).toMatchObject({ region: 'South Slave', servedByDetachmentId: null, otherNames: ['Snare Lake'] }); // "Wekweeti" is the official name folded
    const renamed = t.must('regions:update', { regionId: south.id, nameFr: 'Région du Slave Sud' });
    expect(renamed.nameFr).toBe('Région du Slave Sud');
    expect(t.must('communities:get', { communityId: behchoko.id }).otherNames).toEqual(['Rae-Edzo', 'Rae']);
  });

  it('refuses a community whose name (or other name) another community already has, in a sentence, changing nothing', () => {
    const { north } = territory();
    const before = snapshotTables(t.core);
    for (const name of ['Behchoko', 'rae edzo']) {
      const result = t.core.invoke('communities:create', { name, regionId: north.id, hasDetachment: false });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^There is already a community called "(Behchokǫ̀|Rae-Edzo)"/);
    }
    const other = t.core.invoke('communities:create', { name: 'Whatì', otherNames: ['Snare Lake'], regionId: north.id, hasDetachment: false });
    expect(other.ok).toBe(false);
    expect(snapshotTables(t.core)).toBe(before);
  });

  it('retires a community: off the lists for new work and refused for a new plan, still on its old plan and findable with includeRetired', () => {
    const { behchoko, wekweeti } = territory();
    const plan = t.must('plans:create', { communityId: wekweeti.id, fiscalYear: 2025 });
    const retired = t.must('communities:retire', { communityId: wekweeti.id, retired: true });
    expect(retired.retired).toBe(true);
    expect(t.must('communities:list', {}).map((c) => c.id)).toEqual([behchoko.id]);
    expect(t.must('communities:list', { includeRetired: true }).map((c) => c.id).sort()).toEqual([behchoko.id, wekweeti.id].sort());
    // The old plan still names it, and its printed document too.
    expect(t.must('plans:get', { planId: plan.id }).communityId).toBe(wekweeti.id);
    expect(t.must('reports:annual', { planId: plan.id }).plan.communityName).toBe('Wekweètì');
    // The coordinator's matrix keeps it in the year it had a plan, and leaves it out of the others.
    expect(t.must('completeness:matrix', { fiscalYear: 2025 }).rows.map((r) => r.communityName).sort()).toEqual(['Behchokǫ̀', 'Wekweètì']);
    expect(t.must('completeness:matrix', { fiscalYear: 2026 }).rows.map((r) => r.communityName)).toEqual(['Behchokǫ̀']);
    expect(t.must('rollup:get', { fiscalYear: 2026 }).communityCount).toBe(1);
    // New work cannot name it.
    expect(t.core.invoke('plans:create', { communityId: wekweeti.id, fiscalYear: 2026 }).ok).toBe(false);
    const refused = t.core.invoke('organisations:create', { name: 'Wekweètì Council', kind: 'chief_and_council', communityId: wekweeti.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Wekweètì is retired and cannot be chosen for new work. Bring it back first if it is needed again.');
    // Brought back, it is on the lists again.
    t.must('communities:retire', { communityId: wekweeti.id, retired: false });
    expect(t.must('communities:list', {}).map((c) => c.id).sort()).toEqual([behchoko.id, wekweeti.id].sort());
  });

  it('moves a detachment\'s communities when it is told which ones it serves, and retires it', () => {
    const { behchoko, wekweeti, detachment } = territory();
    const updated = t.must('detachments:update', { detachmentId: detachment.id, servesCommunityIds: [behchoko.id] });
    expect(updated.servedCommunityIds).toEqual([behchoko.id]);
    expect(t.must('communities:get', { communityId: wekweeti.id }).servedByDetachmentId).toBeNull();
    t.must('detachments:retire', { detachmentId: detachment.id, retired: true });
    expect(t.must('detachments:list', {})).toEqual([]);
    expect(t.must('detachments:list', { includeRetired: true })[0]!.retired).toBe(true);
    // Its community still names it (old plans and reports read it).
    expect(t.must('communities:get', { communityId: behchoko.id }).servedByDetachmentName).toBe('Behchokǫ̀ detachment');
    const refused = t.core.invoke('communities:update', { communityId: wekweeti.id, servedByDetachmentId: detachment.id });
    expect(refused.ok).toBe(false);
  });

  it('retires a region: off the list, and a new community cannot be put in it', () => {
    const { north } = territory();
    t.must('regions:retire', { regionId: north.id, retired: true });
    expect(t.must('regions:list', {})).toEqual([]);
    expect(t.core.invoke('communities:create', { name: 'Whatì', regionId: north.id, hasDetachment: false }).ok).toBe(false);
  });
});

describe('themes', () => {
  it('offers the standard list in English and French, creates, changes and retires themes', () => {
    t = makeCoordinatorCore();
    const standard = t.must('themes:standard', {});
    expect(standard.length).toBeGreaterThanOrEqual(10);
    for (const s of standard) expect(s.nameFr).not.toBe(s.nameEn);
    for (const s of standard) t.must('themes:create', s);
    expect(t.must('themes:list', {})).toHaveLength(standard.length);
    const youth = t.must('themes:list', {}).find((th) => th.code === 'youth')!;
    expect(t.must('themes:update', { themeId: youth.id, nameFr: 'Jeunes' }).nameFr).toBe('Jeunes');
    expect(t.core.invoke('themes:create', { code: 'youth', nameEn: 'Youth again', nameFr: 'Jeunesse' }).ok).toBe(false);
    t.must('themes:retire', { themeId: youth.id, retired: true });
    expect(t.must('themes:list', {}).some((th) => th.id === youth.id)).toBe(false);
    expect(t.must('themes:list', { includeRetired: true }).find((th) => th.id === youth.id)!.retired).toBe(true);
  });
});

describe('organisations and people', () => {
  it('changes and retires them, territory-wide or of one community', () => {
    const { behchoko } = territory();
    const org = t.must('organisations:create', { name: 'Health Centre', kind: 'health', communityId: behchoko.id });
    const renamed = t.must('organisations:update', { organisationId: org.id, name: 'Behchokǫ̀ Health Centre' });
    expect(renamed).toMatchObject({ name: 'Behchokǫ̀ Health Centre', communityId: behchoko.id, retired: false });
    // A record stays in the partition it was created in (issue 11): it cannot be made territory-wide later.
    const moved = t.core.invoke('organisations:update', { organisationId: org.id, communityId: null });
    expect(moved.ok ? null : moved.error.message).toMatch(/^This record belongs to Behchokǫ̀ and cannot be moved to the territory/);
    const territorial = t.must('organisations:create', { name: 'Territorial Health Authority', kind: 'health', communityId: null });
    expect(territorial).toMatchObject({ communityId: null, retired: false });
    const person = t.must('people:create', { name: 'Mary Kodakin', title: 'Nurse', organisationId: org.id, communityId: behchoko.id });
    expect(t.must('people:update', { personId: person.id, title: 'Nurse in charge' })).toMatchObject({ title: 'Nurse in charge', communityId: behchoko.id });
    expect(t.core.invoke('people:update', { personId: person.id, communityId: null }).ok).toBe(false);
    t.must('people:retire', { personId: person.id, retired: true });
    expect(t.must('people:list', {})).toEqual([]);
    t.must('organisations:retire', { organisationId: org.id, retired: true });
    t.must('organisations:retire', { organisationId: territorial.id, retired: true });
    expect(t.must('organisations:list', {})).toEqual([]);
    expect(t.must('organisations:list', { includeRetired: true })).toHaveLength(2);
    // A retired organisation cannot be a new person's.
    expect(t.core.invoke('people:create', { name: 'Paul Reid', organisationId: org.id }).ok).toBe(false);
  });
});

describe('commitments and milestones', () => {
  it('creates and edits a commitment in English and French, with milestones and related commitments', () => {
    t = makeCoordinatorCore();
    const a = t.must('commitments:create', {
      kind: 'commitment',
      number: '4.4.2',
      title: 'Policing action plans in each community',
      titleFr: 'Plans d’action policiers dans chaque collectivité',
      descriptionEn: 'Support police and communities.',
      descriptionFr: 'Soutenir la police et les collectivités.',
      leadDepartment: 'Justice',
      priorityArea: 'Safe communities',
      status: 'underway_on_track',
    });
    const b = t.must('commitments:create', { kind: 'commitment', number: '4.4.1', title: 'Police visibility', leadDepartment: 'Justice', status: 'underway_on_track', relatedCommitmentIds: [a.id] });
    expect(b.relatedCommitmentIds).toEqual([a.id]);
    expect(t.core.invoke('commitments:create', { kind: 'commitment', number: '4.4.2', title: 'Again', leadDepartment: 'Justice', status: 'completed' }).ok).toBe(false);
    const edited = t.must('commitments:edit', { commitmentId: a.id, status: 'completed', relatedCommitmentIds: [b.id], descriptionFr: null });
    expect(edited).toMatchObject({ status: 'completed', relatedCommitmentIds: [b.id], descriptionFr: null, titleFr: 'Plans d’action policiers dans chaque collectivité' });
    expect(t.core.invoke('commitments:edit', { commitmentId: a.id, relatedCommitmentIds: [a.id] }).ok).toBe(false);
    const m = t.must('milestones:create', { commitmentId: a.id, title: 'Guide shared', titleFr: 'Guide remis', dueDate: '2026-03-31', status: 'pending' });
    expect(t.must('milestones:update', { milestoneId: m.id, status: 'achieved' })).toMatchObject({ status: 'achieved', titleFr: 'Guide remis' });
    t.must('installation:update', { locale: 'fr' });
    const fr = t.must('commitments:get', { commitmentId: a.id });
    expect(fr.title).toBe('Plans d’action policiers dans chaque collectivité');
    expect(fr.milestones[0]!.title).toBe('Guide remis');
  });
});

describe('a French printed report', () => {
  it('names the region and the detachment in French', () => {
    const { wekweeti } = territory();
    const plan = t.must('plans:create', { communityId: wekweeti.id, fiscalYear: 2025 });
    t.must('installation:update', { locale: 'fr' });
    const doc = t.must('reports:annual', { planId: plan.id });
    expect(doc.plan.region).toBe('Slave Nord');
    expect(doc.plan.detachmentName).toBe('Détachement de Behchokǫ̀');
  });

  it('composes a generated plan title in the reader\'s language; a typed title stays as typed', () => {
    const { wekweeti, behchoko } = territory();
    const generated = t.must('plans:create', { communityId: wekweeti.id, fiscalYear: 2025 });
    const typed = t.must('plans:create', { communityId: behchoko.id, fiscalYear: 2025, title: 'Plan communautaire de Behchokǫ̀' });
    expect(generated.title).toBe('Wekweètì policing priorities action plan FY 2025–26');
    t.must('installation:update', { locale: 'fr' });
    expect(t.must('plans:get', { planId: generated.id }).title).toBe('Wekweètì — plan d’action des priorités policières EF 2025-2026');
    expect(t.must('reports:annual', { planId: generated.id }).plan.title).toBe('Wekweètì — plan d’action des priorités policières EF 2025-2026');
    expect(t.must('plans:list', { fiscalYear: 2025 }).map((p) => p.title).sort()).toEqual(['Plan communautaire de Behchokǫ̀', 'Wekweètì — plan d’action des priorités policières EF 2025-2026']);
    expect(t.must('plans:get', { planId: typed.id }).title).toBe('Plan communautaire de Behchokǫ̀');
  });
});
