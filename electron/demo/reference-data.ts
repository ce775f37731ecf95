/**
 * Reference data of the demo territory, written through the coordinator's reference methods
 * (regions:create, communities:create, detachments:create, themes:create, commitments:create,
 * milestones:create, organisations:create, people:create), as a real territory's would be.
 */
import { fiscalYearEnd } from '../../shared/fiscal-calendar';
import type { OrganisationKind } from '../../shared/vocabulary';
import type { Core } from '../core/create-core';
import { naturalIds } from '../core/changelog/deterministic-id';
import { Keyboard, must } from './acting';
import { NamePool } from './names';
import type { LeadRole, PartnerRole } from './priority-catalogue';
import type { Random } from './prng';
import { COMMITMENTS, COMMUNITIES, type DemoCommunity, REGION_NAMES_FR, REGIONS, SERGEANT_DETACHMENTS, TERRITORIAL_ORGANISATIONS, THEMES, type ThemeCode } from './territory';

export interface DemoPerson {
  id: string;
  name: string;
  /** How they sign: "Chief Mary Adams", "Sgt. Paul Reid". */
  signature: string;
}

export interface CommunityDirectory {
  id: string;
  name: string;
  region: string;
  ownDetachment: boolean;
  /** The detachment that serves the community (its own or a neighbour's). */
  detachmentName: string;
  leader: DemoPerson;
  liaison: DemoPerson;
  nurse: DemoPerson;
  principal: DemoPerson;
  commander: DemoPerson;
  constable: DemoPerson;
  organisations: Record<PartnerRole, string>;
}

export interface TerritoryDirectory {
  communities: CommunityDirectory[];
  themeIds: Record<ThemeCode, string>;
  commitmentIds: Record<string, string>;
  coordinator: DemoPerson;
  detachmentCount: number;
}

const commitmentId = (kind: string, number: string) => naturalIds.commitment(kind, number);

export function leadPerson(c: CommunityDirectory, role: LeadRole, random: Random): DemoPerson {
  switch (role) {
    case 'police':
      return random.chance(0.7) ? c.commander : c.constable;
    case 'liaison':
      return c.liaison;
    case 'health':
      return c.nurse;
    case 'school':
      return c.principal;
    case 'leader':
      return c.leader;
  }
}

/** The territory's reference data, written as the coordinator would: through the reference methods. Returns the communities' ids by name. */
function insertReferenceRows(core: Core, years: { first: number; current: number }): Map<string, string> {
  const regionIds = new Map(REGIONS.map((name) => [name, must(core, 'regions:create', { nameEn: name, nameFr: REGION_NAMES_FR[name] }).id]));
  const communityIds = new Map<string, string>();
  const pendingRelations: Array<{ id: string; related: string[] }> = [];
  for (const community of COMMUNITIES) {
    const created = must(core, 'communities:create', {
      name: community.name,
      otherNames: [...community.otherNames],
      regionId: regionIds.get(community.region)!,
      hasDetachment: community.ownDetachment,
    });
    communityIds.set(community.name, created.id);
  }
  for (const community of COMMUNITIES.filter((x) => x.ownDetachment)) {
    const served = COMMUNITIES.filter((c) => (c.servedBy ?? c.name) === community.name).map((c) => communityIds.get(c.name)!);
    must(core, 'detachments:create', {
      name: `${community.name} detachment`,
      nameFr: `Détachement de ${community.name}`,
      communityId: communityIds.get(community.name)!,
      servesCommunityIds: served,
    });
  }
  for (const theme of THEMES) must(core, 'themes:create', { ...theme });
  for (const commitment of COMMITMENTS) {
    const related = commitment.related.map((n) => {
      const target = COMMITMENTS.find((x) => x.number === n)!;
      return commitmentId(target.kind, target.number);
    });
    const id = must(core, 'commitments:create', {
      kind: commitment.kind,
      number: commitment.number,
      title: commitment.title,
      titleFr: commitment.titleFr,
      leadDepartment: commitment.leadDepartment,
      priorityArea: commitment.priorityArea,
      status: commitment.status,
    }).id;
    for (const milestone of commitment.milestones) {
      must(core, 'milestones:create', {
        commitmentId: id,
        title: milestone.title,
        titleFr: milestone.titleFr,
        dueDate: fiscalYearEnd(milestone.due === 'first' ? years.first : years.current),
        status: milestone.status,
      });
    }
    // Related commitments may be listed before they exist: named once all are created.
    if (related.length > 0) pendingRelations.push({ id, related });
  }
  for (const { id, related } of pendingRelations.splice(0)) must(core, 'commitments:edit', { commitmentId: id, relatedCommitmentIds: related });
  return communityIds;
}

function organisation(core: Core, name: string, kind: OrganisationKind, communityId: string | null): string {
  return must(core, 'organisations:create', { name, kind, communityId }).id;
}

function person(core: Core, name: string, title: string, signature: string, organisationId: string | null, communityId: string | null): DemoPerson {
  const id = must(core, 'people:create', { name, title, organisationId, communityId }).id;
  return { id, name, signature };
}

/** Writes the territory's reference data and returns who is who, for the plans. */
export function seedReference(core: Core, random: Random, keyboard: Keyboard, years: { first: number; current: number }): TerritoryDirectory {
  const communityIds = insertReferenceRows(core, years);
  const communityId = (c: Pick<DemoCommunity, 'name'>) => communityIds.get(c.name)!;
  const names = new NamePool(random);
  const coordinatorName = names.next();
  keyboard.as(`${coordinatorName}, territorial coordinator`);

  const territorial = Object.fromEntries(TERRITORIAL_ORGANISATIONS.map((o) => [o.key, organisation(core, o.name, o.kind, null)])) as Record<
    (typeof TERRITORIAL_ORGANISATIONS)[number]['key'],
    string
  >;
  const coordinator = person(core, coordinatorName, 'Territorial policing and community safety coordinator', coordinatorName, territorial.justice, null);

  // Detachments first: their staff sign the plans of the communities they serve. A detachment
  // serves several communities, so it and its staff are territory-wide: a community's plan may
  // refer only to its own community's organisations and people or territory-wide ones (issue 11).
  const detachmentStaff = new Map<string, { police: string; commander: DemoPerson; constable: DemoPerson }>();
  for (const community of COMMUNITIES.filter((c) => c.ownDetachment)) {
    const police = organisation(core, `${community.name} RCMP detachment`, 'police', null);
    const rank = SERGEANT_DETACHMENTS.has(community.name) ? 'Sgt.' : 'Cpl.';
    const commanderName = names.next();
    const constableName = names.next();
    detachmentStaff.set(community.name, {
      police,
      commander: person(core, commanderName, 'Detachment commander', `${rank} ${commanderName}`, police, null),
      constable: person(core, constableName, 'Constable', `Cst. ${constableName}`, police, null),
    });
  }

  const communities = COMMUNITIES.map((community): CommunityDirectory => {
    const cid = communityId(community);
    const serving = community.servedBy ?? community.name;
    const staff = detachmentStaff.get(serving)!;
    const council = organisation(core, community.leader === 'Chief' ? `${community.name} Chief and Council` : `${community.name} Council`, 'chief_and_council', cid);
    const health = organisation(core, `${community.name} Health Centre`, 'health', cid);
    const school = organisation(core, `${community.name} Community School`, 'education', cid);
    const justiceCommittee = organisation(core, `${community.name} Community Justice Committee`, 'justice', cid);
    const leaderName = names.next();
    const liaisonName = names.next();
    const nurseName = names.next();
    const principalName = names.next();
    return {
      id: cid,
      name: community.name,
      region: community.region,
      ownDetachment: community.ownDetachment,
      detachmentName: `${serving} detachment`,
      leader: person(core, leaderName, community.leader, `${community.leader} ${leaderName}`, council, cid),
      liaison: person(core, liaisonName, 'Community justice coordinator', liaisonName, justiceCommittee, cid),
      nurse: person(core, nurseName, 'Nurse in charge', nurseName, health, cid),
      principal: person(core, principalName, 'Principal', principalName, school, cid),
      commander: staff.commander,
      constable: staff.constable,
      organisations: {
        council,
        health,
        school,
        justice_committee: justiceCommittee,
        police: staff.police,
        victim_services: territorial.victim_services,
        housing: territorial.housing,
        territorial_health: territorial.health,
      },
    };
  });

  return {
    communities,
    themeIds: Object.fromEntries(THEMES.map((t) => [t.code, naturalIds.theme(t.code)])) as Record<ThemeCode, string>,
    commitmentIds: Object.fromEntries(COMMITMENTS.map((c) => [c.number, commitmentId(c.kind, c.number)])),
    coordinator,
    detachmentCount: detachmentStaff.size,
  };
}
