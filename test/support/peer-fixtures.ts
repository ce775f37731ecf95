/**
 * What the core answers about another computer's bundle, as plain data for the screens' and the
 * CLI's text tests (no database: safe to import from the dom project).
 */
import type { Conflict, ConflictRecord, ImportPreview } from '../../shared/domain';

/** The preview of a one-change bundle from a sender not trusted yet; a test overrides what it checks. */
export function importPreview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    bundleId: 'b1',
    sender: { installationId: 'i2', name: 'Inuvik detachment', fingerprint: 'VQBB-9TE2-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X', trust: 'unknown' },
    createdAt: '2026-10-20T15:00:00Z',
    changesetCount: 1,
    newChangesetCount: 1,
    alreadyImported: false,
    gaps: [],
    changesPerPlan: [],
    otherChanges: 1,
    newConflicts: [],
    newOrigins: [],
    setAside: [],
    ...over,
  };
}

type Head = Conflict['heads'][number];

/** Two people changed one narrative: "this computer" (Nora) and a peer (`theirs` over Dana from Inuvik). */
export function narrativeConflict(theirs: Partial<Head> = {}): Conflict {
  return {
    id: 'cf_1',
    kind: 'concurrent_edit',
    table: 'progressEntries',
    rowId: 'r1',
    field: 'narrative',
    label: 'Camp — FY 2026–27 Q2',
    heads: [
      { opId: 'op1', value: 'Fourteen youth.', actor: 'Nora', origin: 'i1', originName: 'this computer', at: '2026-10-20T15:00:00Z' },
      { opId: 'op2', value: 'Sixteen youth.', actor: 'Dana', origin: 'i2', originName: 'Inuvik', at: '2026-10-20T16:00:00Z', ...theirs },
    ],
  };
}

/** The conflicts of one record as `conflicts:records` groups them: one version per author (the core's rule, in conflict-records.ts). */
export function conflictRecord(conflicts: Conflict[], over: Partial<ConflictRecord> = {}): ConflictRecord {
  const first = conflicts[0]!;
  const versions = new Map<string, ConflictRecord['versions'][number]>();
  for (const c of conflicts) {
    for (const h of c.heads) {
      const v = versions.get(h.origin) ?? { origin: h.origin, originName: h.originName, actor: h.actor, at: h.at, picks: {} };
      v.picks[c.id] ??= h.opId;
      versions.set(h.origin, v);
    }
  }
  return {
    id: `${first.table}:${first.rowId}`,
    table: first.table,
    rowId: first.rowId,
    communityName: 'Inuvik',
    fiscalYear: 2026,
    actionTitle: 'Camp',
    label: first.label,
    conflicts,
    versions: [...versions.values()],
    ...over,
  };
}
