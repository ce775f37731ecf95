/**
 * The records a file may be attached to (issue 14 §3), and how each is placed: an attachment
 * belongs to its record's community (its partition), read through the record's own table. Adding
 * a kind of record (the engagement log's events) is one line here and one in shared/attachments.ts.
 */
import type { AttachableKind } from '../../../shared/attachments';
import type { ReplicatedTableName } from './replicated-tables';
import { communityOfRow, type FieldLookup } from './row-community';

export const ATTACHABLE: Readonly<Partial<Record<AttachableKind, ReplicatedTableName>>> = {
  plan: 'plans',
  progressEntry: 'progressEntries',
  engagement: 'engagements',
};

/** The table of a kind of record; undefined for a kind this planner does not hold (yet). */
export function tableOfKind(kind: string): ReplicatedTableName | undefined {
  return Object.prototype.hasOwnProperty.call(ATTACHABLE, kind) ? ATTACHABLE[kind as AttachableKind] : undefined;
}

/**
 * The community of the record a file is (to be) attached to: its id, null for a record that is
 * territory data (never attachable), undefined when the record is not here (or the kind unknown).
 */
export function communityOfRecord(lookup: FieldLookup, kind: string, recordId: string): string | null | undefined {
  const table = tableOfKind(kind);
  if (table === undefined || lookup(table, recordId, 'id') === undefined) return undefined;
  return communityOfRow(lookup, table, recordId);
}
