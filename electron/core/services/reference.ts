/**
 * The territory's reference data: lists for new work (retired records left out unless asked for)
 * and the coordinator's create, update and retire of regions, communities, detachments, themes,
 * organisations and people. Every write is one recorded change (change()).
 */
import type { MethodInput } from '../../../shared/contract';
import type { Community, CommunitySummary, Detachment, Organisation, Person, Region, StandardTheme, Theme } from '../../../shared/domain';
import { msg } from '../../../shared/core-messages';
import { DomainError, notFound } from '../../../shared/domain-error';
import { fiscalYearOf } from '../../../shared/fiscal-calendar';
import { communityMatches, compareNames, foldForSearch } from '../../../shared/text-search';
import { naturalIds } from '../changelog/deterministic-id';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { plansOfYear } from '../queries/plans';
import {
  liveCommunities,
  liveCommunityById,
  liveDetachments,
  liveOrganisations,
  livePeople,
  liveThemes,
  regionById,
  regionRows,
} from '../queries/reference';
import { STANDARD_THEMES } from '../../../shared/standard-themes';

const byName = (ctx: CoreContext) => {
  const compare = compareNames(readProfile(ctx).locale);
  return (a: { name: string }, b: { name: string }) => compare(a.name, b.name);
};

/** Reference rows shared by every community, or those of one community and the shared ones. */
const ofCommunity = (communityId: string | undefined) => (row: { communityId: string | null }) =>
  communityId ? row.communityId === communityId || row.communityId === null : true;

const forNewWork = (includeRetired: boolean | undefined) => (row: { retired: boolean }) => includeRetired === true || !row.retired;

const retiredAt = (ctx: CoreContext, retired: boolean) => (retired ? ctx.clock.now() : null);

const refuseRetired = (name: string) => new DomainError('conflict', msg('reference.retired', { name }));

// --- Regions ---------------------------------------------------------------------------------

export function listRegions(ctx: CoreContext, input: MethodInput<'regions:list'>): Region[] {
  return regionRows(ctx).filter(forNewWork(input.includeRetired)).sort(byName(ctx));
}

function liveRegion(ctx: CoreContext, regionId: string): Region {
  const region = regionRows(ctx).find((r) => r.id === regionId);
  if (!region) throw notFound('region record');
  return region;
}

function refuseDuplicateRegion(ctx: CoreContext, names: string[], exceptId?: string): void {
  const folded = new Set(names.map(foldForSearch));
  const clash = regionRows(ctx).find((r) => r.id !== exceptId && (folded.has(foldForSearch(r.nameEn)) || folded.has(foldForSearch(r.nameFr))));
  if (clash) throw new DomainError('conflict', msg('reference.regionExists', { name: clash.nameEn }));
}

export function createRegion(ctx: CoreContext, input: MethodInput<'regions:create'>): Region {
  refuseDuplicateRegion(ctx, [input.nameEn, input.nameFr]);
  const id = ctx.ids.newId();
  change(ctx, 'regions:create', (w) => w.insert('regions', { id, nameEn: input.nameEn, nameFr: input.nameFr }));
  return liveRegion(ctx, id);
}

export function updateRegion(ctx: CoreContext, input: MethodInput<'regions:update'>): Region {
  const region = liveRegion(ctx, input.regionId);
  refuseDuplicateRegion(ctx, [input.nameEn ?? region.nameEn, input.nameFr ?? region.nameFr], region.id);
  change(ctx, 'regions:update', (w) => w.update('regions', region.id, { nameEn: input.nameEn, nameFr: input.nameFr }));
  return liveRegion(ctx, region.id);
}

export function retireRegion(ctx: CoreContext, input: MethodInput<'regions:retire'>): Region {
  const region = liveRegion(ctx, input.regionId);
  if (region.retired !== input.retired) change(ctx, 'regions:retire', (w) => w.update('regions', region.id, { retiredAt: retiredAt(ctx, input.retired) }));
  return liveRegion(ctx, region.id);
}

// --- Communities -----------------------------------------------------------------------------

export function listCommunities(ctx: CoreContext, input: MethodInput<'communities:list'>): CommunitySummary[] {
  const plans = plansOfYear(ctx, input.fiscalYear ?? fiscalYearOf(today(ctx)));
  const region = input.region;
  return liveCommunities(ctx)
    .filter(forNewWork(input.includeRetired))
    .filter((c) => (region ? c.regionId === region || c.regionNameEn === region || c.regionNameFr === region : true))
    .filter((c) => (input.search ? communityMatches(c, input.search) : true))
    .sort(byName(ctx))
    .map((c) => ({ ...c, plan: plans.get(c.id) ?? null }));
}

/** A community by id, retired or not (old plans name it). */
export function getCommunity(ctx: CoreContext, communityId: string): Community {
  const row = liveCommunityById(ctx, communityId);
  if (!row) throw notFound('community');
  return row;
}

/** A community that new work may name: there and not retired. */
export function communityForNewWork(ctx: CoreContext, communityId: string): Community {
  const community = getCommunity(ctx, communityId);
  if (community.retired) throw refuseRetired(community.name);
  return community;
}

function refuseDuplicateCommunity(ctx: CoreContext, names: string[], exceptId?: string): void {
  const folded = new Set(names.map(foldForSearch));
  for (const c of liveCommunities(ctx)) {
    if (c.id === exceptId) continue;
    const clash = [c.name, ...c.otherNames].find((n) => folded.has(foldForSearch(n)));
    if (clash !== undefined) throw new DomainError('conflict', msg('reference.communityExists', { name: clash }));
  }
}

function regionForNewWork(ctx: CoreContext, regionId: string): void {
  const region = regionById(ctx, regionId);
  if (!region || region.deletedAt) throw notFound('region record');
  if (region.retiredAt) throw refuseRetired(region.nameEn);
}

function detachmentForNewWork(ctx: CoreContext, detachmentId: string): Detachment {
  const detachment = liveDetachments(ctx).find((d) => d.id === detachmentId);
  if (!detachment) throw notFound('detachment');
  if (detachment.retired) throw refuseRetired(detachment.name);
  return detachment;
}

const distinctNames = (names: readonly string[] | undefined, official: string): string[] => {
  const seen = new Set([foldForSearch(official)]);
  const out: string[] = [];
  for (const name of names ?? []) {
    const key = foldForSearch(name);
    if (!seen.has(key)) out.push(name);
    seen.add(key);
  }
  return out;
};

export function createCommunity(ctx: CoreContext, input: MethodInput<'communities:create'>): Community {
  const otherNames = distinctNames(input.otherNames, input.name);
  refuseDuplicateCommunity(ctx, [input.name, ...otherNames]);
  regionForNewWork(ctx, input.regionId);
  if (input.servedByDetachmentId) detachmentForNewWork(ctx, input.servedByDetachmentId);
  const id = ctx.ids.newId();
  change(ctx, 'communities:create', (w) =>
    w.insert('communities', {
      id,
      name: input.name,
      otherNames,
      region: input.regionId,
      hasDetachment: input.hasDetachment,
      servedByDetachmentId: input.servedByDetachmentId ?? null,
    }),
  );
  return getCommunity(ctx, id);
}

export function updateCommunity(ctx: CoreContext, input: MethodInput<'communities:update'>): Community {
  const community = getCommunity(ctx, input.communityId);
  const name = input.name ?? community.name;
  const otherNames = input.otherNames === undefined && input.name === undefined ? community.otherNames : distinctNames(input.otherNames ?? community.otherNames, name);
  refuseDuplicateCommunity(ctx, [name, ...otherNames], community.id);
  if (input.regionId !== undefined && input.regionId !== community.regionId) regionForNewWork(ctx, input.regionId);
  if (input.servedByDetachmentId && input.servedByDetachmentId !== community.servedByDetachmentId) detachmentForNewWork(ctx, input.servedByDetachmentId);
  change(ctx, 'communities:update', (w) =>
    w.update('communities', community.id, {
      name,
      otherNames,
      region: input.regionId,
      hasDetachment: input.hasDetachment,
      servedByDetachmentId: input.servedByDetachmentId,
    }),
  );
  return getCommunity(ctx, community.id);
}

export function retireCommunity(ctx: CoreContext, input: MethodInput<'communities:retire'>): Community {
  const community = getCommunity(ctx, input.communityId);
  if (community.retired !== input.retired) {
    change(ctx, 'communities:retire', (w) => w.update('communities', community.id, { retiredAt: retiredAt(ctx, input.retired) }));
  }
  return getCommunity(ctx, community.id);
}

// --- Detachments -----------------------------------------------------------------------------

export function listDetachments(ctx: CoreContext, input: MethodInput<'detachments:list'> = {}): Detachment[] {
  return liveDetachments(ctx).filter(forNewWork(input.includeRetired)).sort(byName(ctx));
}

function getDetachment(ctx: CoreContext, detachmentId: string): Detachment {
  const detachment = liveDetachments(ctx).find((d) => d.id === detachmentId);
  if (!detachment) throw notFound('detachment');
  return detachment;
}

function refuseDuplicateDetachment(ctx: CoreContext, names: string[], exceptId?: string): void {
  const folded = new Set(names.map(foldForSearch));
  const clash = liveDetachments(ctx).find((d) => d.id !== exceptId && (folded.has(foldForSearch(d.nameEn)) || (d.nameFr !== null && folded.has(foldForSearch(d.nameFr)))));
  if (clash) throw new DomainError('conflict', msg('reference.detachmentExists', { name: clash.nameEn }));
}

/** The French name, or null when it is the English one. */
const frenchForm = (en: string, fr: string | null | undefined) => (fr && fr !== en ? fr : null);

export function createDetachment(ctx: CoreContext, input: MethodInput<'detachments:create'>): Detachment {
  const nameFr = frenchForm(input.name, input.nameFr);
  refuseDuplicateDetachment(ctx, [input.name, ...(nameFr ? [nameFr] : [])]);
  if (input.communityId) communityForNewWork(ctx, input.communityId);
  const served = [...new Set(input.servesCommunityIds ?? [])];
  for (const communityId of served) communityForNewWork(ctx, communityId);
  const id = ctx.ids.newId();
  change(ctx, 'detachments:create', (w) => {
    w.insert('detachments', { id, name: input.name, nameFr, communityId: input.communityId ?? null });
    for (const communityId of served) w.update('communities', communityId, { servedByDetachmentId: id });
  });
  return getDetachment(ctx, id);
}

export function updateDetachment(ctx: CoreContext, input: MethodInput<'detachments:update'>): Detachment {
  const detachment = getDetachment(ctx, input.detachmentId);
  const name = input.name ?? detachment.nameEn;
  const nameFr = input.nameFr === undefined ? detachment.nameFr : frenchForm(name, input.nameFr);
  refuseDuplicateDetachment(ctx, [name, ...(nameFr ? [nameFr] : [])], detachment.id);
  if (input.communityId && input.communityId !== detachment.communityId) communityForNewWork(ctx, input.communityId);
  const served = input.servesCommunityIds === undefined ? undefined : [...new Set(input.servesCommunityIds)];
  for (const communityId of served ?? []) if (!detachment.servedCommunityIds.includes(communityId)) communityForNewWork(ctx, communityId);
  change(ctx, 'detachments:update', (w) => {
    w.update('detachments', detachment.id, { name, nameFr, communityId: input.communityId });
    if (served === undefined) return;
    for (const communityId of served) w.update('communities', communityId, { servedByDetachmentId: detachment.id });
    for (const communityId of detachment.servedCommunityIds) if (!served.includes(communityId)) w.update('communities', communityId, { servedByDetachmentId: null });
  });
  return getDetachment(ctx, detachment.id);
}

export function retireDetachment(ctx: CoreContext, input: MethodInput<'detachments:retire'>): Detachment {
  const detachment = getDetachment(ctx, input.detachmentId);
  if (detachment.retired !== input.retired) {
    change(ctx, 'detachments:retire', (w) => w.update('detachments', detachment.id, { retiredAt: retiredAt(ctx, input.retired) }));
  }
  return getDetachment(ctx, detachment.id);
}

// --- Themes ----------------------------------------------------------------------------------

export function listThemes(ctx: CoreContext, input: MethodInput<'themes:list'> = {}): Theme[] {
  return liveThemes(ctx).filter(forNewWork(input.includeRetired));
}

export function standardThemes(): StandardTheme[] {
  return STANDARD_THEMES.map((t) => ({ ...t }));
}

function getTheme(ctx: CoreContext, themeId: string): Theme {
  const theme = liveThemes(ctx).find((t) => t.id === themeId);
  if (!theme) throw notFound('theme');
  return theme;
}

function refuseDuplicateTheme(ctx: CoreContext, code: string, exceptId?: string): void {
  const clash = liveThemes(ctx).find((t) => t.id !== exceptId && foldForSearch(t.code) === foldForSearch(code));
  if (clash) throw new DomainError('conflict', msg('reference.themeExists', { code: clash.code }));
}

export function createTheme(ctx: CoreContext, input: MethodInput<'themes:create'>): Theme {
  refuseDuplicateTheme(ctx, input.code);
  // The id follows the code, so two computers adding the same theme meet on one row; a removed
  // theme with this code comes back.
  const id = naturalIds.theme(input.code);
  change(ctx, 'themes:create', (w) => w.upsert('themes', { id, code: input.code, nameEn: input.nameEn, nameFr: input.nameFr, retiredAt: null }));
  return getTheme(ctx, id);
}

export function updateTheme(ctx: CoreContext, input: MethodInput<'themes:update'>): Theme {
  const theme = getTheme(ctx, input.themeId);
  if (input.code !== undefined) refuseDuplicateTheme(ctx, input.code, theme.id);
  change(ctx, 'themes:update', (w) => w.update('themes', theme.id, { code: input.code, nameEn: input.nameEn, nameFr: input.nameFr }));
  return getTheme(ctx, theme.id);
}

export function retireTheme(ctx: CoreContext, input: MethodInput<'themes:retire'>): Theme {
  const theme = getTheme(ctx, input.themeId);
  if (theme.retired !== input.retired) change(ctx, 'themes:retire', (w) => w.update('themes', theme.id, { retiredAt: retiredAt(ctx, input.retired) }));
  return getTheme(ctx, theme.id);
}

// --- Organisations and people ----------------------------------------------------------------

export function listOrganisations(ctx: CoreContext, input: MethodInput<'organisations:list'>): Organisation[] {
  return liveOrganisations(ctx).filter(forNewWork(input.includeRetired)).filter(ofCommunity(input.communityId)).sort(byName(ctx));
}

function getOrganisation(ctx: CoreContext, organisationId: string): Organisation {
  const row = liveOrganisations(ctx).find((o) => o.id === organisationId);
  if (!row) throw notFound('organisation');
  return row;
}

export function createOrganisation(ctx: CoreContext, input: MethodInput<'organisations:create'>): Organisation {
  if (input.communityId) communityForNewWork(ctx, input.communityId);
  const row = { id: ctx.ids.newId(), name: input.name, kind: input.kind, communityId: input.communityId ?? null };
  change(ctx, 'organisations:create', (w) => w.insert('organisations', row));
  return { ...row, retired: false };
}

export function updateOrganisation(ctx: CoreContext, input: MethodInput<'organisations:update'>): Organisation {
  const organisation = getOrganisation(ctx, input.organisationId);
  if (input.communityId && input.communityId !== organisation.communityId) communityForNewWork(ctx, input.communityId);
  change(ctx, 'organisations:update', (w) => w.update('organisations', organisation.id, { name: input.name, kind: input.kind, communityId: input.communityId }));
  return getOrganisation(ctx, organisation.id);
}

export function retireOrganisation(ctx: CoreContext, input: MethodInput<'organisations:retire'>): Organisation {
  const organisation = getOrganisation(ctx, input.organisationId);
  if (organisation.retired !== input.retired) {
    change(ctx, 'organisations:retire', (w) => w.update('organisations', organisation.id, { retiredAt: retiredAt(ctx, input.retired) }));
  }
  return getOrganisation(ctx, organisation.id);
}

export function listPeople(ctx: CoreContext, input: MethodInput<'people:list'>): Person[] {
  return livePeople(ctx).filter(forNewWork(input.includeRetired)).filter(ofCommunity(input.communityId)).sort(byName(ctx));
}

function getPerson(ctx: CoreContext, personId: string): Person {
  const row = livePeople(ctx).find((p) => p.id === personId);
  if (!row) throw notFound('person');
  return row;
}

function organisationForNewWork(ctx: CoreContext, organisationId: string): void {
  const organisation = getOrganisation(ctx, organisationId);
  if (organisation.retired) throw refuseRetired(organisation.name);
}

export function createPerson(ctx: CoreContext, input: MethodInput<'people:create'>): Person {
  if (input.communityId) communityForNewWork(ctx, input.communityId);
  if (input.organisationId) organisationForNewWork(ctx, input.organisationId);
  const row = {
    id: ctx.ids.newId(),
    name: input.name,
    title: input.title ?? null,
    organisationId: input.organisationId ?? null,
    communityId: input.communityId ?? null,
  };
  change(ctx, 'people:create', (w) => w.insert('people', row));
  return { ...row, retired: false };
}

export function updatePerson(ctx: CoreContext, input: MethodInput<'people:update'>): Person {
  const person = getPerson(ctx, input.personId);
  if (input.communityId && input.communityId !== person.communityId) communityForNewWork(ctx, input.communityId);
  if (input.organisationId && input.organisationId !== person.organisationId) organisationForNewWork(ctx, input.organisationId);
  change(ctx, 'people:update', (w) =>
    w.update('people', person.id, { name: input.name, title: input.title, organisationId: input.organisationId, communityId: input.communityId }),
  );
  return getPerson(ctx, person.id);
}

export function retirePerson(ctx: CoreContext, input: MethodInput<'people:retire'>): Person {
  const person = getPerson(ctx, input.personId);
  if (person.retired !== input.retired) change(ctx, 'people:retire', (w) => w.update('people', person.id, { retiredAt: retiredAt(ctx, input.retired) }));
  return getPerson(ctx, person.id);
}
