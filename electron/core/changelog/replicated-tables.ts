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
}

const entry = (table: ReplicatedTable['table'], fields: readonly string[], meaningful: readonly string[] = []): ReplicatedTable => ({
  table,
  fields: [...fields, 'deletedAt'],
  meaningful,
});

export const replicatedTables = {
  regions: entry(schema.regions, ['nameEn', 'nameFr', 'retiredAt']),
  detachments: entry(schema.detachments, ['name', 'nameFr', 'communityId', 'retiredAt']),
  communities: entry(schema.communities, ['name', 'otherNames', 'region', 'hasDetachment', 'servedByDetachmentId', 'retiredAt']),
  organisations: entry(schema.organisations, ['name', 'kind', 'communityId', 'retiredAt']),
  people: entry(schema.people, ['name', 'title', 'organisationId', 'communityId', 'retiredAt']),
  themes: entry(schema.themes, ['code', 'nameEn', 'nameFr', 'retiredAt']),
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
  reportSubmissions: entry(schema.reportSubmissions, ['planId', 'quarter', 'state', 'submittedBy', 'submittedAt'], ['state']),
  reportComments: entry(schema.reportComments, ['reportId', 'author', 'body', 'createdAt'], ['body']),
  progressAmendments: entry(schema.progressAmendments, ['progressEntryId', 'amendedBy', 'amendedAt', 'previousStatus', 'previousNarrative', 'previousNextSteps']),
  commitments: entry(
    schema.commitments,
    ['kind', 'number', 'title', 'titleFr', 'descriptionEn', 'descriptionFr', 'leadDepartment', 'priorityArea', 'status', 'relatedCommitmentIds'],
    ['title', 'status'],
  ),
  milestones: entry(schema.milestones, ['commitmentId', 'title', 'titleFr', 'dueDate', 'status'], ['status']),
} satisfies Record<string, ReplicatedTable>;

export type ReplicatedTableName = keyof typeof replicatedTables;

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
