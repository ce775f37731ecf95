/**
 * Reading the engagement log (issue 14 §1): a community's engagements with the people,
 * organisations, priorities and actions they name, and the roll-up's count per community and kind.
 */
import type { Engagement, EngagementCount, EngagementRef } from '../../../shared/domain';
import { fiscalQuarterOf, fiscalYearEnd, fiscalYearStart, type Quarter, quarterEnd, quarterStart } from '../../../shared/fiscal-calendar';
import type { CoreContext } from '../changelog/core-context';

/** An engagement as stored: the domain's fields without what is derived (names, fiscal year and quarter), with its removal mark. */
export type EngagementRow = Omit<Engagement, 'communityName' | 'fiscalYear' | 'quarter' | 'people' | 'organisations' | 'priorities' | 'actions'> & {
  deletedAt: string | null;
};

const COLUMNS = `id, community_id AS communityId, date, kind, summary, outcomes, follow_ups AS followUps,
  participant_person_ids AS participantPersonIds, participant_organisation_ids AS participantOrganisationIds,
  other_participants AS otherParticipants, priority_ids AS priorityIds, action_ids AS actionIds,
  recorded_by AS recordedBy, recorded_at AS recordedAt, deleted_at AS deletedAt`;

const ids = (text: unknown): string[] => {
  try {
    const parsed = JSON.parse(typeof text === 'string' ? text : '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

function toRow(raw: Record<string, unknown>): EngagementRow {
  return {
    ...(raw as unknown as EngagementRow),
    participantPersonIds: ids(raw.participantPersonIds),
    participantOrganisationIds: ids(raw.participantOrganisationIds),
    priorityIds: ids(raw.priorityIds),
    actionIds: ids(raw.actionIds),
  };
}

/** One engagement row by id, removed or not; undefined when it is not here. */
export function engagementRow(ctx: CoreContext, engagementId: string): EngagementRow | undefined {
  const raw = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM engagements WHERE id = ?`).get(engagementId) as Record<string, unknown> | undefined;
  return raw ? toRow(raw) : undefined;
}

/** A community's live engagements between two dates (inclusive; null: no bound), oldest first. */
export function engagementRows(ctx: CoreContext, communityId: string, from: string | null, to: string | null): EngagementRow[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM engagements WHERE community_id = ? AND deleted_at IS NULL AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?) ORDER BY date, recorded_at, id`,
    )
    .all(communityId, from, from, to, to) as Array<Record<string, unknown>>;
  return rows.map(toRow);
}

/** The dates a fiscal year (or one of its quarters) spans. */
export function periodOf(fiscalYear: number | undefined, quarter: Quarter | undefined): { from: string | null; to: string | null } {
  if (fiscalYear === undefined) return { from: null, to: null };
  if (quarter === undefined) return { from: fiscalYearStart(fiscalYear), to: fiscalYearEnd(fiscalYear) };
  return { from: quarterStart(fiscalYear, quarter), to: quarterEnd(fiscalYear, quarter) };
}

/**
 * Where each referenced row is: its name and community (null: territory-wide), for the ids given;
 * removed rows are included (a printed log still names them), rows not here are left out.
 */
export type ReferenceKind = 'people' | 'organisations' | 'priorities' | 'actions';
const PLACE_SQL: Record<ReferenceKind, string> = {
  people: 'SELECT id, name, community_id AS communityId, deleted_at AS deletedAt FROM people WHERE id IN',
  organisations: 'SELECT id, name, community_id AS communityId, deleted_at AS deletedAt FROM organisations WHERE id IN',
  priorities:
    'SELECT p.id AS id, p.title AS name, pl.community_id AS communityId, p.deleted_at AS deletedAt FROM priorities p JOIN plans pl ON pl.id = p.plan_id WHERE p.id IN',
  actions:
    'SELECT a.id AS id, a.title AS name, pl.community_id AS communityId, a.deleted_at AS deletedAt FROM actions a JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id WHERE a.id IN',
};

export interface ReferencePlace {
  id: string;
  name: string;
  communityId: string | null;
  deletedAt: string | null;
}

export function placesOf(ctx: CoreContext, kind: ReferenceKind, wanted: readonly string[]): Map<string, ReferencePlace> {
  const unique = [...new Set(wanted)];
  if (unique.length === 0) return new Map();
  const rows = ctx.sqlite.prepare(`${PLACE_SQL[kind]} (${unique.map(() => '?').join(', ')})`).all(...unique) as ReferencePlace[];
  return new Map(rows.map((r) => [r.id, r]));
}

function communityName(ctx: CoreContext, communityId: string): string {
  return (ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(communityId) as string | undefined) ?? communityId;
}

/** Engagements as the domain shows them, with every id named. */
export function toEngagements(ctx: CoreContext, rows: readonly EngagementRow[]): Engagement[] {
  const places = {
    people: placesOf(ctx, 'people', rows.flatMap((r) => r.participantPersonIds)),
    organisations: placesOf(ctx, 'organisations', rows.flatMap((r) => r.participantOrganisationIds)),
    priorities: placesOf(ctx, 'priorities', rows.flatMap((r) => r.priorityIds)),
    actions: placesOf(ctx, 'actions', rows.flatMap((r) => r.actionIds)),
  };
  const named = (kind: ReferenceKind, list: string[]): EngagementRef[] => list.map((id) => ({ id, name: places[kind].get(id)?.name ?? null }));
  const names = new Map<string, string>();
  return rows.map((r) => {
    if (!names.has(r.communityId)) names.set(r.communityId, communityName(ctx, r.communityId));
    const { fiscalYear, quarter } = fiscalQuarterOf(r.date);
    return {
      id: r.id,
      communityId: r.communityId,
      communityName: names.get(r.communityId)!,
      date: r.date,
      fiscalYear,
      quarter,
      kind: r.kind,
      summary: r.summary,
      outcomes: r.outcomes,
      followUps: r.followUps,
      participantPersonIds: r.participantPersonIds,
      participantOrganisationIds: r.participantOrganisationIds,
      otherParticipants: r.otherParticipants,
      priorityIds: r.priorityIds,
      actionIds: r.actionIds,
      people: named('people', r.participantPersonIds),
      organisations: named('organisations', r.participantOrganisationIds),
      priorities: named('priorities', r.priorityIds),
      actions: named('actions', r.actionIds),
      recordedBy: r.recordedBy,
      recordedAt: r.recordedAt,
    };
  });
}

/** The roll-up: live engagements of a fiscal year, per live community and kind (only pairs with at least one), by community name then kind. */
export function engagementCounts(ctx: CoreContext, fiscalYear: number): EngagementCount[] {
  return ctx.sqlite
    .prepare(
      `SELECT e.community_id AS communityId, c.name AS communityName, e.kind AS kind, COUNT(*) AS count
       FROM engagements e JOIN communities c ON c.id = e.community_id
       WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL AND e.date >= ? AND e.date <= ?
       GROUP BY e.community_id, e.kind ORDER BY c.name, e.kind`,
    )
    .all(fiscalYearStart(fiscalYear), fiscalYearEnd(fiscalYear)) as EngagementCount[];
}
