import type { SyncStatus } from '../../../shared/domain';
import { listConflicts } from './conflicts';
import type { CoreContext } from './core-context';
import { versionVector } from './version-vector';

/** What this installation's change log holds: changesets per origin, conflicts, rows waiting for their parents. */
export function logStatus(ctx: CoreContext): SyncStatus {
  return {
    versionVector: versionVector(ctx.sqlite),
    changesetCount: ctx.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number,
    // One per record, as the inbox decides them (a progress entry's status and narrative are one decision).
    conflictCount: new Set(listConflicts(ctx).map((c) => `${c.table}\u001f${c.rowId}`)).size,
    waitingRowCount: ctx.sqlite.prepare('SELECT count(*) FROM pending_rows').pluck().get() as number,
  };
}
