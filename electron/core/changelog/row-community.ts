import type Database from 'better-sqlite3';
import type { CoreContext } from './core-context';
import { naturalIds } from './deterministic-id';
import { type ReplicatedTableName, sqlColumnName, sqlTableName } from './replicated-tables';

/** How each kind of row belongs to a community: directly, through its parent, or not at all. */
export const OWNERSHIP: Record<ReplicatedTableName, { via: 'self' } | { via: 'field'; field: string; parent: ReplicatedTableName | 'community' } | { via: 'territory' }> = {
  communities: { via: 'self' },
  plans: { via: 'field', field: 'communityId', parent: 'community' },
  organisations: { via: 'field', field: 'communityId', parent: 'community' },
  people: { via: 'field', field: 'communityId', parent: 'community' },
  planRevisions: { via: 'field', field: 'planId', parent: 'plans' },
  priorities: { via: 'field', field: 'planId', parent: 'plans' },
  reportSubmissions: { via: 'field', field: 'planId', parent: 'plans' },
  actions: { via: 'field', field: 'priorityId', parent: 'priorities' },
  indicators: { via: 'field', field: 'priorityId', parent: 'priorities' },
  indicatorValues: { via: 'field', field: 'indicatorId', parent: 'indicators' },
  progressEntries: { via: 'field', field: 'actionId', parent: 'actions' },
  reportComments: { via: 'field', field: 'reportId', parent: 'reportSubmissions' },
  progressAmendments: { via: 'field', field: 'progressEntryId', parent: 'progressEntries' },
  regions: { via: 'territory' },
  detachments: { via: 'territory' },
  themes: { via: 'territory' },
  commitments: { via: 'territory' },
  milestones: { via: 'territory' },
  attachments: { via: 'field', field: 'communityId', parent: 'community' },

  practiceProposals: { via: 'field', field: 'communityId', parent: 'community' },
  practices: { via: 'territory' },

  engagements: { via: 'field', field: 'communityId', parent: 'community' },

  reportReviews: { via: 'field', field: 'reportId', parent: 'reportSubmissions' },
};

/** A field's value as this database holds it: its winning op, else the stored row. */
export type FieldLookup = (table: ReplicatedTableName, rowId: string, field: string) => unknown;

export function storedFieldLookup(ctx: Pick<CoreContext, 'sqlite' | 'recorder'>): FieldLookup {
  return registerFieldLookup(ctx.sqlite, ctx.recorder.register);
}

/** storedFieldLookup, from the database and the field registers alone (the change recorder's own view). */
export function registerFieldLookup(sqlite: Database.Database, register: Pick<CoreContext['recorder']['register'], 'headsOf'>): FieldLookup {
  const rowStatements = new Map<string, Database.Statement>();
  return (table, rowId, field) => {
    // The winning op is the truth; the table may lag behind it for a row waiting for its parent.
    // The winner is chosen by the very comparison materialising uses (compareHeads, in JavaScript):
    // an ORDER BY in SQL compares UTF-8 bytes, not UTF-16 units, and a clock is text a peer picks.
    const value = register.headsOf(table, rowId, field)[0]?.value;
    if (value !== undefined) return JSON.parse(value) as unknown;
    const sql = `SELECT "${sqlColumnName(table, field)}" AS v FROM "${sqlTableName(table)}" WHERE id = ?`;
    let statement = rowStatements.get(sql);
    if (!statement) rowStatements.set(sql, (statement = sqlite.prepare(sql)));
    const row = statement.get(rowId) as { v: unknown } | undefined;
    return row ? row.v : undefined;
  };
}

/**
 * The community a row belongs to; null for territory-wide reference data; undefined when it
 * cannot be told (a parent neither stored here nor in the bundle).
 */
export function communityOfRow(lookup: FieldLookup, table: ReplicatedTableName, rowId: string, depth = 0): string | null | undefined {
  if (depth > 8) return undefined;
  // A kind of record only a newer planner has (kept, not materialised): its place cannot be told here.
  const rule = Object.prototype.hasOwnProperty.call(OWNERSHIP, table) ? OWNERSHIP[table] : undefined;
  if (!rule) return undefined;
  if (rule.via === 'self') return rowId;
  if (rule.via === 'territory') return null;
  const value = lookup(table, rowId, rule.field);
  if (value === null) return rule.parent === 'community' ? null : undefined;
  if (typeof value !== 'string') return undefined;
  if (rule.parent === 'community') return value;
  return communityOfRow(lookup, rule.parent, value, depth + 1);
}

/** The plan a row belongs to, for the preview's "changes per plan". */
export function planOfRow(lookup: FieldLookup, table: ReplicatedTableName, rowId: string, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (table === 'plans') return rowId;
  const rule = Object.prototype.hasOwnProperty.call(OWNERSHIP, table) ? OWNERSHIP[table] : undefined;
  if (!rule || rule.via !== 'field' || rule.parent === 'community') return undefined;
  const value = lookup(table, rowId, rule.field);
  return typeof value === 'string' ? planOfRow(lookup, rule.parent, value, depth + 1) : undefined;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * Rows with a natural key must carry the id their key gives (deterministic-id.ts): the Q3 report
 * of a plan is found by that id alone, so a row created under another plan's (action's,
 * indicator's, community's) natural id but hung under a parent of the author's choosing would
 * stand in for it. Returns null for a table without a natural key, undefined when the key fields
 * are missing or of the wrong kind.
 */
const NATURAL_KEYS: Partial<Record<ReplicatedTableName, (get: (field: string) => unknown) => string | undefined>> = {
  plans: (get) => {
    const [community, year] = [get('communityId'), get('fiscalYear')];
    return isText(community) && isWhole(year) ? naturalIds.plan(community, year) : undefined;
  },
  reportSubmissions: (get) => {
    const [plan, quarter] = [get('planId'), get('quarter')];
    return isText(plan) && isWhole(quarter) ? naturalIds.report(plan, quarter) : undefined;
  },
  progressEntries: (get) => {
    const [action, year, quarter] = [get('actionId'), get('fiscalYear'), get('quarter')];
    return isText(action) && isWhole(year) && isWhole(quarter) ? naturalIds.progressEntry(action, year, quarter) : undefined;
  },
  indicatorValues: (get) => {
    const [indicator, year, quarter] = [get('indicatorId'), get('fiscalYear'), get('quarter')];
    return isText(indicator) && isWhole(year) && isWhole(quarter) ? naturalIds.indicatorValue(indicator, year, quarter) : undefined;
  },
};

export function naturalIdOfRow(lookup: FieldLookup, table: ReplicatedTableName, rowId: string): string | null | undefined {
  const rule = Object.prototype.hasOwnProperty.call(NATURAL_KEYS, table) ? NATURAL_KEYS[table] : undefined;
  return rule ? rule((field) => lookup(table, rowId, field)) : null;
}

/**
 * A lookup that answers each (table, row, field) once: for a caller that asks about many rows
 * sharing parents (an import's checks walk every row up to its community) while no field changes.
 * Only for the span of such a caller: it never sees a later write.
 */
export function memoizedLookup(lookup: FieldLookup): FieldLookup {
  const known = new Map<string, unknown>();
  return (table, rowId, field) => {
    const key = `${table}\u0000${rowId}\u0000${field}`;
    if (known.has(key)) return known.get(key);
    const value = lookup(table, rowId, field);
    known.set(key, value);
    return value;
  };
}
