/**
 * Reads of the reference data: regions, communities, detachments, organisations, people, themes.
 * Rows are "live" when not removed; a retired row is live (old plans and reports still name it) and
 * says `retired: true`, so the lists for new work can leave it out. Names with two language forms
 * come in both, and in the installation's language.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import type { Community, Detachment, Organisation, Person, Region, Theme } from '../../../shared/domain';
import type { ThemeRef } from '../../../shared/reports';
import type { Locale, OrganisationKind } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { isLive, isLiveRow } from './live';

export type CommunityRow = Community;

/** The installation's language, English before it has a profile. */
export function localeOf(ctx: Pick<CoreContext, 'db'>): Locale {
  const row = ctx.db.select({ locale: schema.installation.locale }).from(schema.installation).where(eq(schema.installation.key, 1)).get();
  return row?.locale === 'fr' ? 'fr' : 'en';
}

/** The form of a two-language name for a language: the French one when there is one. */
export function inLocale(locale: Locale, en: string, fr: string | null | undefined): string {
  return locale === 'fr' && fr ? fr : en;
}

export function regionRows(ctx: CoreContext): Region[] {
  const locale = localeOf(ctx);
  const { regions } = schema;
  return ctx.db
    .select()
    .from(regions)
    .where(isLive(regions))
    .all()
    .map((r) => ({ id: r.id, nameEn: r.nameEn, nameFr: r.nameFr, name: inLocale(locale, r.nameEn, r.nameFr), retired: r.retiredAt !== null }));
}

/** A region by id, removed or not. */
export function regionById(ctx: CoreContext, regionId: string): (typeof schema.regions.$inferSelect) | undefined {
  return ctx.db.select().from(schema.regions).where(eq(schema.regions.id, regionId)).get();
}

function communitiesWhere(ctx: CoreContext, where: ReturnType<typeof isLive>): CommunityRow[] {
  const locale = localeOf(ctx);
  const { communities, detachments, regions } = schema;
  return ctx.db
    .select({
      id: communities.id,
      name: communities.name,
      otherNames: communities.otherNames,
      regionId: communities.region,
      regionNameEn: regions.nameEn,
      regionNameFr: regions.nameFr,
      hasDetachment: communities.hasDetachment,
      servedByDetachmentId: communities.servedByDetachmentId,
      detachmentNameEn: detachments.name,
      detachmentNameFr: detachments.nameFr,
      retiredAt: communities.retiredAt,
    })
    .from(communities)
    .leftJoin(detachments, eq(detachments.id, communities.servedByDetachmentId))
    .leftJoin(regions, eq(regions.id, communities.region))
    .where(where)
    .all()
    .map((c) => {
      // A community recorded before regions were records names its region in English.
      const regionNameEn = c.regionNameEn ?? c.regionId;
      const regionNameFr = c.regionNameFr ?? c.regionId;
      return {
        id: c.id,
        name: c.name,
        otherNames: c.otherNames ?? [],
        region: inLocale(locale, regionNameEn, regionNameFr),
        regionId: c.regionId,
        regionNameEn,
        regionNameFr,
        hasDetachment: c.hasDetachment,
        servedByDetachmentId: c.servedByDetachmentId,
        servedByDetachmentName: c.detachmentNameEn === null ? null : inLocale(locale, c.detachmentNameEn, c.detachmentNameFr),
        retired: c.retiredAt !== null,
      };
    });
}

/** Every live community (retired ones included, marked), with its region and the detachment that serves it. */
export function liveCommunities(ctx: CoreContext): CommunityRow[] {
  return communitiesWhere(ctx, isLive(schema.communities));
}

/** One live community by id (retired or not). */
export function liveCommunityById(ctx: CoreContext, communityId: string): CommunityRow | undefined {
  return communitiesWhere(ctx, and(eq(schema.communities.id, communityId), isLive(schema.communities))!)[0];
}

/** One community by id, removed or not (a printed plan still names its community). */
export function communityById(ctx: CoreContext, communityId: string): CommunityRow | undefined {
  return communitiesWhere(ctx, eq(schema.communities.id, communityId))[0];
}

/** Every live detachment (retired ones included, marked), with the communities it serves. */
export function liveDetachments(ctx: CoreContext): Detachment[] {
  const locale = localeOf(ctx);
  const { communities, detachments } = schema;
  const served = new Map<string, string[]>();
  for (const c of ctx.db
    .select({ id: communities.id, by: communities.servedByDetachmentId })
    .from(communities)
    .where(and(isLive(communities), isNotNull(communities.servedByDetachmentId)))
    .all()) {
    served.set(c.by!, [...(served.get(c.by!) ?? []), c.id]);
  }
  return ctx.db
    .select()
    .from(detachments)
    .where(isLive(detachments))
    .all()
    .map((d) => ({
      id: d.id,
      name: inLocale(locale, d.name, d.nameFr),
      nameEn: d.name,
      nameFr: d.nameFr,
      communityId: d.communityId,
      servedCommunityIds: served.get(d.id) ?? [],
      retired: d.retiredAt !== null,
    }));
}

export function liveOrganisations(ctx: CoreContext): Organisation[] {
  const { organisations } = schema;
  return ctx.db
    .select()
    .from(organisations)
    .where(isLive(organisations))
    .all()
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind as OrganisationKind, communityId: o.communityId, retired: o.retiredAt !== null }));
}

export function organisationExists(ctx: CoreContext, organisationId: string): boolean {
  return isLiveRow(ctx.db.select().from(schema.organisations).where(eq(schema.organisations.id, organisationId)).get());
}

export function livePeople(ctx: CoreContext): Person[] {
  const { people } = schema;
  return ctx.db
    .select()
    .from(people)
    .where(isLive(people))
    .all()
    .map((p) => ({ id: p.id, name: p.name, title: p.title, organisationId: p.organisationId, communityId: p.communityId, retired: p.retiredAt !== null }));
}

/** The live themes (retired ones included, marked), by English name (`byCode`: by code). */
export function liveThemes(ctx: CoreContext, order: 'byName' | 'byCode' = 'byName'): Theme[] & ThemeRef[] {
  const { themes } = schema;
  return ctx.db
    .select({ id: themes.id, code: themes.code, nameEn: themes.nameEn, nameFr: themes.nameFr, retiredAt: themes.retiredAt })
    .from(themes)
    .where(isLive(themes))
    .orderBy(asc(order === 'byCode' ? themes.code : themes.nameEn))
    .all()
    .map(({ retiredAt, ...t }) => ({ ...t, retired: retiredAt !== null }));
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

/** Which of these ids name a retired row of a reference table (retired rows cannot be chosen for new work). */
export function retiredIds(ctx: CoreContext, table: 'themes' | 'organisations' | 'people' | 'communities' | 'detachments' | 'regions', ids: string[]): string[] {
  if (ids.length === 0) return [];
  const rows = ctx.sqlite
    .prepare(`SELECT id FROM ${table} WHERE retired_at IS NOT NULL AND id IN (${ids.map(() => '?').join(', ')})`)
    .pluck()
    .all(...ids) as string[];
  return rows;
}

/**
 * Rows of a reference table by id, removed and retired ones included (documents name what a plan
 * names). Commitments carry their French title as `titleFr`.
 */
export function namesById(ctx: CoreContext, table: 'organisations' | 'themes' | 'commitments'): Map<string, Record<string, string>> {
  const columns =
    table === 'themes' ? 'id, code, name_en AS nameEn, name_fr AS nameFr' : table === 'commitments' ? 'id, number, title, title_fr AS titleFr' : 'id, name';
  const rows = ctx.sqlite.prepare(`SELECT ${columns} FROM ${table}`).all() as Array<Record<string, string>>;
  return new Map(rows.map((r) => [r.id!, r]));
}
