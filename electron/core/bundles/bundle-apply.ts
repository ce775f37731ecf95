/** Applying a checked bundle's changesets inside the caller's transaction, and what that did. */
import type { ImportPreview } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { storeChangeset, type RowRef } from '../changelog/changeset-store';
import { listConflicts } from '../changelog/conflicts';
import { materializeRows, recordUnknownFields } from '../changelog/materialize';
import { opsForLater } from '../changelog/changeset-validation';
import type { ReplicatedTableName } from '../changelog/replicated-tables';
import { type FieldLookup, memoizedLookup, planOfRow, storedFieldLookup } from '../changelog/row-community';
import { headsSnapshotFor } from '../changelog/heads-snapshot';
import { versionVector } from '../changelog/version-vector';
import { partitionOfChangeset } from '../changelog/changeset-body';
import { splitVectorKey, vectorKey } from '../changelog/partitions';
import { valueFor } from '../../../shared/id-record';
import type { CheckedBundle } from './bundle-check';
import { fingerprintOf } from './identity';
import { scopeGuard } from './import-scope';
import { checkImportedPartitions } from './import-partitions';
import { checkAttachedRecords } from './bundle-files';
import { deflateInParallel } from './parallel-verify';
import { withIndexesDeferred } from '../changelog/deferred-indexes';

export type AppliedBundle = Omit<ImportPreview, 'sender' | 'bundleId' | 'createdAt'>;

/** Applies the checked changesets inside the caller's transaction and describes the outcome. */
export function applyChecked(ctx: CoreContext, checked: CheckedBundle): AppliedBundle {
  const conflictsBefore = new Set(listConflicts(ctx).map((c) => c.id));
  const vectorBefore = versionVector(ctx.sqlite);
  const touched = new Map<string, RowRef>();
  const now = ctx.clock.now();
  const scope = scopeGuard(ctx, checked);
  const waitingBefore = (ctx.sqlite.prepare('SELECT table_name AS "table", row_id AS rowId FROM pending_rows').all() as Array<{ table: string; rowId: string }>);
  // Apply in (origin, seq) order: the result does not depend on it, but history reads naturally.
  const ordered = [...checked.fresh].sort((a, b) =>
    a.body.origin !== b.body.origin ? (a.body.origin < b.body.origin ? -1 : 1) : a.body.hlc !== b.body.hlc ? (a.body.hlc < b.body.hlc ? -1 : 1) : a.body.seq - b.body.seq,
  );
  // The stored (deflated) texts are made on other cores meanwhile, in this order (parallel-verify.ts).
  const bodies = deflateInParallel(ordered.map((c) => c.text));
  try {
    // Nothing inside rolls back on its own, so the register may remember field numbers meanwhile.
    ctx.recorder.register.batch(() =>
      withIndexesDeferred(ctx.sqlite, ordered.length, () => {
        for (const [done, c] of ordered.entries()) {
          ctx.progress?.('apply', done, ordered.length);
          for (const row of storeChangeset(ctx.sqlite, ctx.recorder.register, c.body, c.text, c.signature, now, bodies.stored(done))) touched.set(`${row.table}\u0000${row.rowId}`, row);
          // A newer planner's fields: kept in the log and the registers, listed until an upgrade materialises them.
          recordUnknownFields(ctx, opsForLater(c.body, ctx.recorder.schemaVersion), now);
        }
      }),
    );
  } finally {
    bodies.close();
  }
  // Many rows (a first import): every head read in one pass, shared by the steps below (no op changes until commit).
  const snapshot = headsSnapshotFor(ctx.sqlite, touched.size);
  materializeRows(ctx, [...touched.values()], snapshot);
  const lookup = snapshot ? snapshot.lookup(ctx.sqlite) : storedFieldLookup(ctx);
  ctx.progress?.('apply', ordered.length, ordered.length);
  // A forged signature outranks every other refusal, so it is awaited before judging scope.
  checked.awaitSignatures();
  scope.check();
  checkImportedPartitions(ctx, checked.fresh, waitingBefore, lookup);
  checkAttachedRecords(ctx, checked.fresh);

  return {
    changesetCount: checked.total,
    newChangesetCount: checked.fresh.length,
    alreadyImported: checked.fresh.length === 0,
    gaps: gapsBefore(checked, vectorBefore),
    ...changesPerPlan(ctx, touched.values(), lookup),
    newConflicts: listConflicts(ctx).filter((c) => !conflictsBefore.has(c.id)),
    newOrigins: checked.newOrigins.map((o) => ({ installationId: o.installationId, fingerprint: fingerprintOf(o.publicKey) })),
    setAside: checked.setAside,
  };
}

/** The rows changed, counted per plan (with its community and year) and outside any plan. */
function changesPerPlan(ctx: CoreContext, touched: Iterable<RowRef>, fieldLookup: FieldLookup): Pick<ImportPreview, 'changesPerPlan' | 'otherChanges'> {
  const lookup = memoizedLookup(fieldLookup); // read only, after every write
  const perPlan = new Map<string, number>();
  let otherChanges = 0;
  for (const row of touched) {
    const planId = planOfRow(lookup, row.table as ReplicatedTableName, row.rowId);
    if (planId) perPlan.set(planId, (perPlan.get(planId) ?? 0) + 1);
    else otherChanges += 1;
  }
  const plan = ctx.sqlite.prepare('SELECT p.fiscal_year AS fiscalYear, c.name AS communityName FROM plans p JOIN communities c ON c.id = p.community_id WHERE p.id = ?');
  const perPlanRows = [...perPlan.entries()].map(([planId, rows]) => {
    const info = plan.get(planId) as { fiscalYear: number; communityName: string } | undefined;
    return { planId, rows, communityName: info?.communityName ?? '(not yet arrived)', fiscalYear: info?.fiscalYear ?? 0 };
  });
  return { changesPerPlan: perPlanRows, otherChanges };
}

/** Origins whose first changeset here comes after a hole: changesets this installation has not seen. */
function gapsBefore(checked: CheckedBundle, vectorBefore: Record<string, number>): ImportPreview['gaps'] {
  const gaps: ImportPreview['gaps'] = [];
  // Kept per (origin, partition): a partition this computer never receives leaves no gap.
  const firstPerKey = new Map<string, number>();
  for (const c of checked.fresh) {
    const key = vectorKey(c.body.origin, partitionOfChangeset(c.body));
    firstPerKey.set(key, Math.min(firstPerKey.get(key) ?? Infinity, c.body.seq));
  }
  for (const [key, first] of firstPerKey) {
    const have = valueFor(vectorBefore, key) ?? 0;
    const { origin, partition } = splitVectorKey(key);
    if (first > have + 1) gaps.push({ installationId: origin, partition, have, firstInBundle: first });
  }
  return gaps;
}
