import type { MethodInput } from '../../../shared/contract';
import type { Community, CommunitySummary, Detachment, Organisation, Person, Theme } from '../../../shared/domain';
import { fiscalYearOf } from '../../../shared/fiscal-calendar';
import { compareNames, matchesSearch } from '../../../shared/text-search';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { notFound } from '../../../shared/domain-error';
import { plansOfYear } from '../queries/plans';
import { liveCommunities, liveDetachments, liveOrganisations, livePeople, liveThemes, organisationExists } from '../queries/reference';

const byName = (ctx: CoreContext) => {
  const compare = compareNames(readProfile(ctx).locale);
  return (a: { name: string }, b: { name: string }) => compare(a.name, b.name);
};

/** Reference rows shared by every community, or those of one community and the shared ones. */
const ofCommunity = (communityId: string | undefined) => (row: { communityId: string | null }) =>
  communityId ? row.communityId === communityId || row.communityId === null : true;

export function listCommunities(ctx: CoreContext, input: MethodInput<'communities:list'>): CommunitySummary[] {
  const plans = plansOfYear(ctx, input.fiscalYear ?? fiscalYearOf(today(ctx)));
  return liveCommunities(ctx)
    .filter((c) => (input.region ? c.region === input.region : true))
    .filter((c) => (input.search ? matchesSearch(c.name, input.search) : true))
    .sort(byName(ctx))
    .map((c) => ({ ...c, plan: plans.get(c.id) ?? null }));
}

export function getCommunity(ctx: CoreContext, communityId: string): Community {
  const row = liveCommunities(ctx).find((c) => c.id === communityId);
  if (!row) throw notFound('community');
  return row;
}

export function listDetachments(ctx: CoreContext): Detachment[] {
  return liveDetachments(ctx).sort(byName(ctx));
}

export function listOrganisations(ctx: CoreContext, input: MethodInput<'organisations:list'>): Organisation[] {
  return liveOrganisations(ctx).filter(ofCommunity(input.communityId)).sort(byName(ctx));
}

export function createOrganisation(ctx: CoreContext, input: MethodInput<'organisations:create'>): Organisation {
  if (input.communityId) getCommunity(ctx, input.communityId);
  const row = { id: ctx.ids.newId(), name: input.name, kind: input.kind, communityId: input.communityId ?? null };
  change(ctx, 'organisations:create', (w) => w.insert('organisations', row));
  return { ...row, retired: false };
}

export function listPeople(ctx: CoreContext, input: MethodInput<'people:list'>): Person[] {
  return livePeople(ctx).filter(ofCommunity(input.communityId)).sort(byName(ctx));
}

export function createPerson(ctx: CoreContext, input: MethodInput<'people:create'>): Person {
  if (input.communityId) getCommunity(ctx, input.communityId);
  if (input.organisationId && !organisationExists(ctx, input.organisationId)) throw notFound('organisation');
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

export function listThemes(ctx: CoreContext): Theme[] {
  return liveThemes(ctx);
}
