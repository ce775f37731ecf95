/** Reads of the reference data: communities, detachments, organisations, people, themes. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import type { Community, Detachment, Organisation, Person, Theme } from '../../../shared/domain';
import type { ThemeRef } from '../../../shared/reports';
import type { OrganisationKind } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { isLive, isLiveRow } from './live';

export type CommunityRow = Community;

function communitiesWhere(ctx: CoreContext, where: ReturnType<typeof isLive>): CommunityRow[] {
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
    .where(where)
    .all();
}

/** Every live community, with the detachment that serves it. */
export function liveCommunities(ctx: CoreContext): CommunityRow[] {
  return communitiesWhere(ctx, isLive(schema.communities));
}

/** One community by id, removed or not (a printed plan still names its community). */
export function communityById(ctx: CoreContext, communityId: string): CommunityRow | undefined {
  return communitiesWhere(ctx, eq(schema.communities.id, communityId))[0];
}

export function liveDetachments(ctx: CoreContext): Detachment[] {
  const { detachments } = schema;
  return ctx.db.select({ id: detachments.id, name: detachments.name, communityId: detachments.communityId }).from(detachments).where(isLive(detachments)).all();
}

export function liveOrganisations(ctx: CoreContext): Organisation[] {
  const { organisations } = schema;
  return ctx.db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, communityId: organisations.communityId })
    .from(organisations)
    .where(isLive(organisations))
    .all()
    .map((o) => ({ ...o, kind: o.kind as OrganisationKind }));
}

export function organisationExists(ctx: CoreContext, organisationId: string): boolean {
  return isLiveRow(ctx.db.select().from(schema.organisations).where(eq(schema.organisations.id, organisationId)).get());
}

export function livePeople(ctx: CoreContext): Person[] {
  const { people } = schema;
  return ctx.db
    .select({ id: people.id, name: people.name, title: people.title, organisationId: people.organisationId, communityId: people.communityId })
    .from(people)
    .where(isLive(people))
    .all();
}

/** The live themes, by English name (`byCode`: by code). */
export function liveThemes(ctx: CoreContext, order: 'byName' | 'byCode' = 'byName'): Theme[] & ThemeRef[] {
  const { themes } = schema;
  return ctx.db
    .select({ id: themes.id, code: themes.code, nameEn: themes.nameEn, nameFr: themes.nameFr })
    .from(themes)
    .where(isLive(themes))
    .orderBy(asc(order === 'byCode' ? themes.code : themes.nameEn))
    .all();
}

/** Which of these ids name no live row of a reference table. */
export function missingIds(ctx: CoreContext, table: SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn }, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  const found = new Set(
    ctx.db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, unique), isLive(table)))
      .all()
      .map((r) => r.id as string),
  );
  return unique.filter((id) => !found.has(id));
}

/** Rows of a reference table by id, removed ones included (documents name what a plan names). */
export function namesById(ctx: CoreContext, table: 'organisations' | 'themes' | 'commitments'): Map<string, Record<string, string>> {
  const columns = table === 'themes' ? 'id, code, name_en AS nameEn, name_fr AS nameFr' : table === 'commitments' ? 'id, number' : 'id, name';
  const rows = ctx.sqlite.prepare(`SELECT ${columns} FROM ${table}`).all() as Array<Record<string, string>>;
  return new Map(rows.map((r) => [r.id!, r]));
}
