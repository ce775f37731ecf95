import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';

/**
 * The fixed registry of synchronised tables and fields. Only these may be written through the
 * change recorder, and (for the sync issue) only these may be named by an op in a bundle: table
 * and field names never go from bundle text into SQL. `meaningful` fields are the ones whose
 * concurrent edits must be shown to people as conflicts.
 */
export interface ReplicatedTable {
  table: SQLiteTable & { id: unknown };
  fields: readonly string[];
  meaningful: readonly string[];
  /**
   * The changeset schema version that introduced each field (changeset-body.ts); a field not named
   * here came with the first version. A planner built for an earlier version does not know it: it
   * keeps ops on it as they came and materialises them once upgraded (docs/architecture.md,
   * "Versions and compatibility").
   */
  since: Readonly<Record<string, number>>;
}

/** The schema versions the registry's history names (a field not listed in `since` came with the first). */
export const SCHEMA_V1 = 1;
/** Issue 10's territory: regions, progress amendments, French names, other names, retirement. */
export const SCHEMA_V2 = 2;
/** Issue 12's comments on one action, edited until read: report comments' action, author's role, edit and read marks (migration 0004). */
export const SCHEMA_V3 = 3;
/** Issue 14: quarter review (accept/return), engagement log, promising practices, evidence files (migrations 0007–0010). */
export const SCHEMA_V4 = 4;

const entry = (
  table: ReplicatedTable['table'],
  fields: readonly string[],
  meaningful: readonly string[] = [],
  since: Readonly<Record<string, number>> = {},
): ReplicatedTable => ({
  table,
  fields: [...fields, 'deletedAt'],
  meaningful,
  since,
});
/** Every field of a table introduced by the same version (a table that version added). */
const all = (fields: readonly string[], version: number) => Object.fromEntries([...fields, 'deletedAt'].map((f) => [f, version]));

const PRACTICE_CONTENT = ['title', 'whatWasDone', 'challenge', 'themeIds', 'zone', 'communityIds', 'fiscalYear', 'quarter', 'triedFrom', 'triedTo', 'outcome', 'indicatorIds', 'contactPersonId', 'contactText', 'status'] as const;
const PRACTICE_PROPOSAL_FIELDS = ['communityId', 'actionId', ...PRACTICE_CONTENT, 'proposedBy', 'proposedAt', 'decision', 'declineReason', 'decidedBy', 'decidedAt', 'practiceId'] as const;
const PRACTICE_FIELDS = [...PRACTICE_CONTENT, 'proposalId', 'publishedBy', 'publishedAt', 'updatedAt'] as const;

/** Issue 14 §1: the engagement log (migration 0009). */
const ENGAGEMENT_FIELDS = [
  'communityId',
  'date',
  'kind',
  'summary',
  'outcomes',
  'followUps',
  'participantPersonIds',
  'participantOrganisationIds',
  'otherParticipants',
  'priorityIds',
  'actionIds',
  'recordedBy',
  'recordedAt',
];

export const replicatedTables = {
  regions: entry(schema.regions, ['nameEn', 'nameFr', 'retiredAt'], [], all(['nameEn', 'nameFr', 'retiredAt'], SCHEMA_V2)),
  detachments: entry(schema.detachments, ['name', 'nameFr', 'communityId', 'retiredAt'], [], { nameFr: SCHEMA_V2, retiredAt: SCHEMA_V2 }),
  communities: entry(schema.communities, ['name', 'otherNames', 'region', 'hasDetachment', 'servedByDetachmentId', 'retiredAt'], [], { otherNames: SCHEMA_V2, retiredAt: SCHEMA_V2 }),
  organisations: entry(schema.organisations, ['name', 'kind', 'communityId', 'retiredAt'], [], { retiredAt: SCHEMA_V2 }),
  people: entry(schema.people, ['name', 'title', 'organisationId', 'communityId', 'retiredAt'], [], { retiredAt: SCHEMA_V2 }),
  themes: entry(schema.themes, ['code', 'nameEn', 'nameFr', 'retiredAt'], [], { retiredAt: SCHEMA_V2 }),
  plans: entry(
    schema.plans,
    ['communityId', 'fiscalYear', 'title', 'summary', 'status', 'communitySignatory', 'communitySignedOn', 'detachmentSignatory', 'detachmentSignedOn', 'copiedFromPlanId'],
    ['title', 'summary', 'status'],
  ),
  planRevisions: entry(schema.planRevisions, ['planId', 'reason', 'openedBy', 'openedAt', 'closedBy', 'closedAt'], ['reason']),
  priorities: entry(
    schema.priorities,
    ['planId', 'rank', 'title', 'description', 'themeIds', 'zone', 'continuesPriorityId'],
    ['title', 'description', 'themeIds', 'zone'],
  ),
  actions: entry(
    schema.actions,
    ['priorityId', 'rank', 'title', 'description', 'owner', 'leadPersonId', 'leadName', 'partnerOrganisationIds', 'plannedQuarters', 'commitmentIds', 'continuesActionId'],
    ['title', 'description', 'owner', 'leadPersonId', 'leadName', 'plannedQuarters'],
  ),
  indicators: entry(
    schema.indicators,
    ['priorityId', 'name', 'unit', 'baseline', 'target', 'direction', 'source', 'continuesIndicatorId'],
    ['name', 'unit', 'baseline', 'target', 'direction'],
  ),
  indicatorValues: entry(schema.indicatorValues, ['indicatorId', 'fiscalYear', 'quarter', 'value', 'note'], ['value', 'note']),
  progressEntries: entry(
    schema.progressEntries,
    ['actionId', 'fiscalYear', 'quarter', 'status', 'narrative', 'nextSteps', 'author', 'updatedAt'],
    ['status', 'narrative', 'nextSteps'],
  ),
  reportSubmissions: entry(schema.reportSubmissions, ['planId', 'quarter', 'state', 'submittedBy', 'submittedAt', 'resubmittedBy', 'resubmittedAt', 'resubmittedAfter'], ['state'], { resubmittedBy: SCHEMA_V4, resubmittedAt: SCHEMA_V4, resubmittedAfter: SCHEMA_V4 }),
  reportComments: entry(
    schema.reportComments,
    ['reportId', 'author', 'body', 'createdAt', 'actionId', 'authorRole', 'editedAt', 'readAt', 'readBy'],
    ['body'],
    { actionId: SCHEMA_V3, authorRole: SCHEMA_V3, editedAt: SCHEMA_V3, readAt: SCHEMA_V3, readBy: SCHEMA_V3 },
  ),
  progressAmendments: entry(
    schema.progressAmendments,
    ['progressEntryId', 'amendedBy', 'amendedAt', 'previousStatus', 'previousNarrative', 'previousNextSteps'],
    [],
    all(['progressEntryId', 'amendedBy', 'amendedAt', 'previousStatus', 'previousNarrative', 'previousNextSteps'], SCHEMA_V2),
  ),
  commitments: entry(
    schema.commitments,
    ['kind', 'number', 'title', 'titleFr', 'descriptionEn', 'descriptionFr', 'leadDepartment', 'priorityArea', 'status', 'relatedCommitmentIds'],
    ['title', 'status'],
    { titleFr: SCHEMA_V2, descriptionEn: SCHEMA_V2, descriptionFr: SCHEMA_V2 },
  ),
  milestones: entry(schema.milestones, ['commitmentId', 'title', 'titleFr', 'dueDate', 'status'], ['status'], { titleFr: SCHEMA_V2 }),
  attachments: entry(
    schema.attachments,
    ['communityId', 'recordKind', 'recordId', 'hash', 'fileName', 'size', 'type', 'addedBy', 'addedAt'],
    ['fileName'],
    all(['communityId', 'recordKind', 'recordId', 'hash', 'fileName', 'size', 'type', 'addedBy', 'addedAt'], SCHEMA_V4),
  ),

  // Issue 14 §2: promising practices (a community's proposals; the territory's published library).
  practiceProposals: entry(schema.practiceProposals, PRACTICE_PROPOSAL_FIELDS, ['title', 'whatWasDone', 'decision'], all(PRACTICE_PROPOSAL_FIELDS, SCHEMA_V4)),
  practices: entry(schema.practices, PRACTICE_FIELDS, ['title', 'whatWasDone', 'outcome', 'status'], all(PRACTICE_FIELDS, SCHEMA_V4)),

  engagements: entry(schema.engagements, ENGAGEMENT_FIELDS, ['date', 'kind', 'summary', 'outcomes', 'followUps'], all(ENGAGEMENT_FIELDS, SCHEMA_V4)),

  reportReviews: entry(schema.reportReviews, ['reportId', 'decision', 'reason', 'reviewedBy', 'reviewedAt'], [], all(['reportId', 'decision', 'reason', 'reviewedBy', 'reviewedAt'], SCHEMA_V4)),
} satisfies Record<string, ReplicatedTable>;

export type ReplicatedTableName = keyof typeof replicatedTables;

/** Whether the registry names this table at all (whatever the version). */
export function isReplicatedTable(table: string): table is ReplicatedTableName {
  return Object.prototype.hasOwnProperty.call(replicatedTables, table);
}

/**
 * Whether a planner built for `schemaVersion` knows this field: the registry names it and the
 * version that introduced it is not later. `id` is never a field an op may set.
 */
export function fieldKnownAt(table: string, field: string, schemaVersion: number): boolean {
  if (!isReplicatedTable(table) || field === 'id') return false;
  const entry: ReplicatedTable = replicatedTables[table];
  return entry.fields.includes(field) && (entry.since[field] ?? SCHEMA_V1) <= schemaVersion;
}

/** Whether a planner built for `schemaVersion` knows this table (its first field does not come later). */
export function tableKnownAt(table: string, schemaVersion: number): table is ReplicatedTableName {
  return isReplicatedTable(table) && replicatedTables[table].fields.some((field) => fieldKnownAt(table, field, schemaVersion));
}

/** The fields of a table a planner built for `schemaVersion` knows, in registry order. */
export function fieldsKnownAt(table: ReplicatedTableName, schemaVersion: number): readonly string[] {
  return replicatedTables[table].fields.filter((field) => fieldKnownAt(table, field, schemaVersion));
}

/** The SQL name of a replicated table, from the Drizzle schema (never derived from bundle text). */
export function sqlTableName(table: ReplicatedTableName): string {
  return getTableName(replicatedTables[table].table);
}

/** The SQL name of a field's column, from the Drizzle schema. */
export function sqlColumnName(table: ReplicatedTableName, field: string): string {
  const column = (getTableColumns(replicatedTables[table].table) as Record<string, { name: string }>)[field];
  if (!column) throw new Error(`${table}.${field} is not a column of the schema.`);
  return column.name;
}
