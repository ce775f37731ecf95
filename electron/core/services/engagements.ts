/**
 * The engagement log (issue 14 §1): record, change, remove and restore a community's engagements.
 * Who may is the permission table's (as the community's plans: electron/core/permissions.ts); what
 * an engagement may name is checked here, with a sentence: only live people, organisations,
 * priorities and actions of its own community (people and organisations of the whole territory
 * too). The change recorder holds the same line for every write (PARTITION_REFERENCES).
 */
import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { Engagement, EngagementCount } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { change, type CoreContext, readProfile } from '../changelog/core-context';
import { engagementCounts, engagementRow, engagementRows, periodOf, placesOf, type ReferenceKind, toEngagements } from '../queries/engagements';
import { communityForNewWork, getCommunity } from './reference';


type References = Partial<Pick<MethodInput<'engagements:create'>, 'participantPersonIds' | 'participantOrganisationIds' | 'priorityIds' | 'actionIds'>>;

const unique = (list: string[] | undefined) => (list ? [...new Set(list)] : undefined);

/** Refuses ids that are not here (or removed), and ids of another community's rows. */
function checkReferences(ctx: CoreContext, communityId: string, communityName: string, refs: References): void {
  const lists: Array<[ReferenceKind, string[] | undefined]> = [
    ['people', refs.participantPersonIds],
    ['organisations', refs.participantOrganisationIds],
    ['priorities', refs.priorityIds],
    ['actions', refs.actionIds],
  ];
  const missing: string[] = [];
  const elsewhere: string[] = [];
  for (const [kind, list] of lists) {
    if (!list || list.length === 0) continue;
    const places = placesOf(ctx, kind, list);
    for (const id of list) {
      const place = places.get(id);
      if (!place || place.deletedAt !== null) missing.push(id);
      else if (place.communityId !== communityId && !(place.communityId === null && (kind === 'people' || kind === 'organisations'))) elsewhere.push(place.name);
    }
  }
  if (elsewhere.length > 0) throw new DomainError('invalid_input', msg('engagement.otherCommunity', { community: communityName, names: elsewhere.join(', ') }));
  if (missing.length > 0) throw new DomainError('not_found', msg('engagement.missing', { ids: missing.join(', ') }));
}

function liveEngagement(ctx: CoreContext, engagementId: string, { includeRemoved = false } = {}) {
  const row = engagementRow(ctx, engagementId);
  if (!row || (!includeRemoved && row.deletedAt !== null)) throw new DomainError('not_found', msg('engagement.notFound'));
  return row;
}

function loadEngagement(ctx: CoreContext, engagementId: string): Engagement {
  return toEngagements(ctx, [liveEngagement(ctx, engagementId)])[0]!;
}

const blankToNull = (text: string | null | undefined) => (text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim());

export function listEngagements(ctx: CoreContext, input: MethodInput<'engagements:list'>): Engagement[] {
  getCommunity(ctx, input.communityId);
  const { from, to } = periodOf(input.fiscalYear, input.quarter);
  return toEngagements(ctx, engagementRows(ctx, input.communityId, from, to));
}

export function getEngagement(ctx: CoreContext, input: MethodInput<'engagements:get'>): Engagement {
  return loadEngagement(ctx, input.engagementId);
}

export function createEngagement(ctx: CoreContext, input: MethodInput<'engagements:create'>): Engagement {
  const community = communityForNewWork(ctx, input.communityId);
  const refs = {
    participantPersonIds: unique(input.participantPersonIds) ?? [],
    participantOrganisationIds: unique(input.participantOrganisationIds) ?? [],
    priorityIds: unique(input.priorityIds) ?? [],
    actionIds: unique(input.actionIds) ?? [],
  };
  checkReferences(ctx, community.id, community.name, refs);
  const id = ctx.ids.newId();
  change(ctx, 'engagements:create', (w) =>
    w.insert('engagements', {
      id,
      communityId: community.id,
      date: input.date,
      kind: input.kind,
      summary: input.summary.trim(),
      outcomes: blankToNull(input.outcomes) ?? null,
      followUps: blankToNull(input.followUps) ?? null,
      otherParticipants: blankToNull(input.otherParticipants) ?? null,
      ...refs,
      recordedBy: readProfile(ctx).userName,
      recordedAt: ctx.clock.now(),
    }),
  );
  return loadEngagement(ctx, id);
}

export function updateEngagement(ctx: CoreContext, input: MethodInput<'engagements:update'>): Engagement {
  const row = liveEngagement(ctx, input.engagementId);
  const community = getCommunity(ctx, row.communityId);
  const refs = {
    participantPersonIds: unique(input.participantPersonIds),
    participantOrganisationIds: unique(input.participantOrganisationIds),
    priorityIds: unique(input.priorityIds),
    actionIds: unique(input.actionIds),
  };
  checkReferences(ctx, community.id, community.name, refs);
  const patch = {
    date: input.date,
    kind: input.kind,
    summary: input.summary?.trim(),
    outcomes: blankToNull(input.outcomes),
    followUps: blankToNull(input.followUps),
    otherParticipants: blankToNull(input.otherParticipants),
    ...refs,
  };
  // Only what changes is written: saving an unchanged dialog records nothing.
  const changed = Object.fromEntries(
    Object.entries(patch).filter(([field, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify((row as unknown as Record<string, unknown>)[field])),
  );
  if (Object.keys(changed).length > 0) change(ctx, 'engagements:update', (w) => w.update('engagements', row.id, changed));
  return loadEngagement(ctx, row.id);
}

export function removeEngagement(ctx: CoreContext, input: MethodInput<'engagements:remove'>): { removed: true } {
  const row = liveEngagement(ctx, input.engagementId);
  change(ctx, 'engagements:remove', (w) => w.remove('engagements', row.id));
  return { removed: true };
}

export function restoreEngagement(ctx: CoreContext, input: MethodInput<'engagements:restore'>): Engagement {
  const row = liveEngagement(ctx, input.engagementId, { includeRemoved: true });
  if (row.deletedAt === null) throw new DomainError('conflict', msg('engagement.notRemoved'));
  change(ctx, 'engagements:restore', (w) => w.restore('engagements', row.id));
  return loadEngagement(ctx, row.id);
}

/** The roll-up's table: engagements per community and kind in a fiscal year. */
export function rollupEngagements(ctx: CoreContext, input: MethodInput<'rollup:engagements'>): EngagementCount[] {
  return engagementCounts(ctx, input.fiscalYear);
}
