import type { Conflict } from './bundles';

/**
 * The conflicts of one record (a progress entry, an action…), decided together: its fields side by
 * side, and one version per author (the computer that wrote it) holding that author's values of
 * every conflicting field it wrote.
 */
export interface ConflictRecord {
  /** `table:rowId`. */
  id: string;
  table: string;
  rowId: string;
  /** The community the record belongs to; null for territory-wide reference data. */
  communityName: string | null;
  /** The plan's fiscal year (the year it starts), when the record belongs to a plan. */
  fiscalYear: number | null;
  /** The action the record belongs to (or is), when it does. */
  actionTitle: string | null;
  /** A few words naming the record itself (its title, or action and quarter). */
  label: string;
  /** One per conflicting field (and one for a removal over edits). */
  conflicts: Conflict[];
  /** One per author: "Keep this version" keeps every value it wrote among these conflicts. */
  versions: ConflictRecordVersion[];
}

export interface ConflictRecordVersion {
  origin: string;
  originName: string;
  actor: string;
  at: string;
  /** conflict id → the op of this author kept for it. */
  picks: Record<string, string>;
}

/** A resolution made on this computer that no bundle has carried yet: it can still be undone. */
export interface UndoableResolution {
  /** The resolution's changeset id. */
  id: string;
  table: string;
  rowId: string;
  label: string;
  communityName: string | null;
  at: string;
  fields: string[];
}

export interface ConflictRecords {
  records: ConflictRecord[];
  undoable: UndoableResolution[];
}

export interface RecordResolution {
  /** The resolution's changeset, to undo it while it has not been sent; null when nothing was written. */
  resolutionId: string | null;
  records: ConflictRecords;
}
