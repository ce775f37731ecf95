import { and, asc, eq, isNull } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import type { Community, CommunitySummary, Detachment, Organisation, Person, Theme } from '../../../shared/domain';
import { fiscalYearOf } from '../../../shared/fiscal-calendar';
import { compareNames, matchesSearch } from '../../../shared/text-search';
import type { OrganisationKind, PlanStatus } from '../../../shared/vocabulary';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { notFound } from '../../../shared/domain-error';

function communityRows(ctx: CoreContext) {
  return ctx.db
    .select({
      id: schema.communities.id,
      name: schema.communities.name,
      region: schema.communities.region,
      hasDetachment: schema.communities.hasDetachment,
      servedByDetachmentId: schema.communities.servedByDetachmentId,
      servedByDetachmentName: schema.detachments.name,
    })
    .from(schema.communities)
    .leftJoin(schema.detachments, eq(schema.detachments.id, schema.communities.servedByDetachmentId))
    .where(isNull(schema.communities.deletedAt))
    .all();
}

export function listCommunities(ctx: CoreContext, input: MethodInput<'communities:list'>): CommunitySummary[] {
  const fy = input.fiscalYear ?? fiscalYearOf(today(ctx));
  const plans = new Map(
    ctx.db
      .select({ id: schema.plans.id, communityId: schema.plans.communityId, status: schema.plans.status })
      .from(schema.plans)
      .where(and(eq(schema.plans.fiscalYear, fy), isNull(schema.plans.deletedAt)))
      .all()
      .map((p) => [p.communityId, { id: p.id, status: p.status as PlanStatus }]),
  );
  const compare = compareNames(readProfile(ctx).locale);
  return communityRows(ctx)
    .filter((c) => (input.region ? c.region === input.region : true))
    .filter((c) => (input.search ? matchesSearch(c.name, input.search) : true))
    .sort((a, b) => compare(a.name, b.name))
    .map((c) => ({ ...c, plan: plans.get(c.id) ?? null }));
}

export function getCommunity(ctx: CoreContext, communityId: string): Community {
  const row = communityRows(ctx).find((c) => c.id === communityId);
  if (!row) throw notFound('community');
  return row;
}

export function listDetachments(ctx: CoreContext): Detachment[] {
  const compare = compareNames(readProfile(ctx).locale);
  return ctx.db
    .select({ id: schema.detachments.id, name: schema.detachments.name, communityId: schema.detachments.communityId })
    .from(schema.detachments)
    .where(isNull(schema.detachments.deletedAt))
    .all()
    .sort((a, b) => compare(a.name, b.name));
}

export function listOrganisations(ctx: CoreContext, input: MethodInput<'organisations:list'>): Organisation[] {
  const compare = compareNames(readProfile(ctx).locale);
  return ctx.db
    .select({ id: schema.organisations.id, name: schema.organisations.name, kind: schema.organisations.kind, communityId: schema.organisations.communityId })
    .from(schema.organisations)
    .where(isNull(schema.organisations.deletedAt))
    .all()
    .filter((o) => (input.communityId ? o.communityId === input.communityId || o.communityId === null : true))
    .map((o) => ({ ...o, kind: o.kind as OrganisationKind }))
    .sort((a, b) => compare(a.name, b.name));
}

export function createOrganisation(ctx: CoreContext, input: MethodInput<'organisations:create'>): Organisation {
  if (input.communityId) getCommunity(ctx, input.communityId);
  const row = { id: ctx.ids.newId(), name: input.name, kind: input.kind, communityId: input.communityId ?? null };
  change(ctx, 'organisations:create', (w) => w.insert('organisations', row));
  return row;
}

export function listPeople(ctx: CoreContext, input: MethodInput<'people:list'>): Person[] {
  const compare = compareNames(readProfile(ctx).locale);
  return ctx.db
    .select({
      id: schema.people.id,
      name: schema.people.name,
      title: schema.people.title,
      organisationId: schema.people.organisationId,
      communityId: schema.people.communityId,
    })
    .from(schema.people)
    .where(isNull(schema.people.deletedAt))
    .all()
    .filter((p) => (input.communityId ? p.communityId === input.communityId || p.communityId === null : true))
    .sort((a, b) => compare(a.name, b.name));
}

export function createPerson(ctx: CoreContext, input: MethodInput<'people:create'>): Person {
  if (input.communityId) getCommunity(ctx, input.communityId);
  if (input.organisationId) {
    const org = ctx.db.select().from(schema.organisations).where(eq(schema.organisations.id, input.organisationId)).get();
    if (!org || org.deletedAt) throw notFound('organisation');
  }
  const row = {
    id: ctx.ids.newId(),
    name: input.name,
    title: input.title ?? null,
    organisationId: input.organisationId ?? null,
    communityId: input.communityId ?? null,
  };
  change(ctx, 'people:create', (w) => w.insert('people', row));
  return row;
}

export function listThemes(ctx: CoreContext): Theme[] {
  return ctx.db
    .select({ id: schema.themes.id, code: schema.themes.code, nameEn: schema.themes.nameEn, nameFr: schema.themes.nameFr })
    .from(schema.themes)
    .where(isNull(schema.themes.deletedAt))
    .orderBy(asc(schema.themes.nameEn))
    .all();
}
