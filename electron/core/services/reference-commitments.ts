/** The coordinator's commitments and initiatives: create and edit every field, and their milestones. */
import type { MethodInput } from '../../../shared/contract';
import type { Commitment, Milestone } from '../../../shared/domain';
import { msg } from '../../../shared/core-messages';
import { DomainError, notFound } from '../../../shared/domain-error';
import { naturalIds } from '../changelog/deterministic-id';
import { change, type CoreContext } from '../changelog/core-context';
import { commitmentRow, liveCommitments, type MilestoneRow } from '../queries/commitments';
import { isLiveRow } from '../queries/live';
import { localeOf } from '../queries/reference';
import * as schema from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { toCommitment, toMilestone } from './rollup';

function liveCommitment(ctx: CoreContext, commitmentId: string) {
  const row = commitmentRow(ctx, commitmentId);
  if (!isLiveRow(row)) throw notFound('commitment');
  return row;
}

function refuseDuplicateNumber(ctx: CoreContext, number: string, exceptId?: string): void {
  const clash = liveCommitments(ctx).find((c) => c.id !== exceptId && c.number.trim().toLocaleLowerCase('en') === number.trim().toLocaleLowerCase('en'));
  if (clash) throw new DomainError('conflict', msg('reference.commitmentExists', { number: clash.number }));
}

function checkRelated(ctx: CoreContext, ids: readonly string[] | undefined, selfId: string): string[] | undefined {
  if (ids === undefined) return undefined;
  const unique = [...new Set(ids)];
  if (unique.includes(selfId)) throw new DomainError('invalid_input', msg('reference.relatedToItself'));
  for (const id of unique) liveCommitment(ctx, id);
  return unique;
}

const orNull = <T>(value: T | null | undefined): T | null | undefined => (value === undefined ? undefined : (value ?? null));

export function createCommitment(ctx: CoreContext, input: MethodInput<'commitments:create'>): Commitment {
  refuseDuplicateNumber(ctx, input.number);
  const id = naturalIds.commitment(input.kind, input.number);
  const related = checkRelated(ctx, input.relatedCommitmentIds, id) ?? [];
  change(ctx, 'commitments:create', (w) =>
    w.upsert('commitments', {
      id,
      kind: input.kind,
      number: input.number,
      title: input.title,
      titleFr: input.titleFr ?? null,
      descriptionEn: input.descriptionEn ?? null,
      descriptionFr: input.descriptionFr ?? null,
      leadDepartment: input.leadDepartment,
      priorityArea: input.priorityArea ?? null,
      status: input.status,
      relatedCommitmentIds: related,
    }),
  );
  return toCommitment(ctx, liveCommitment(ctx, id));
}

/** Every field may change; the id stays (actions and other commitments name it). */
export function editCommitment(ctx: CoreContext, input: MethodInput<'commitments:edit'>): Commitment {
  const row = liveCommitment(ctx, input.commitmentId);
  if (input.number !== undefined) refuseDuplicateNumber(ctx, input.number, row.id);
  const related = checkRelated(ctx, input.relatedCommitmentIds, row.id);
  change(ctx, 'commitments:edit', (w) =>
    w.update('commitments', row.id, {
      kind: input.kind,
      number: input.number,
      title: input.title,
      titleFr: orNull(input.titleFr),
      descriptionEn: orNull(input.descriptionEn),
      descriptionFr: orNull(input.descriptionFr),
      leadDepartment: input.leadDepartment,
      priorityArea: orNull(input.priorityArea),
      status: input.status,
      relatedCommitmentIds: related,
    }),
  );
  return toCommitment(ctx, liveCommitment(ctx, row.id));
}

function liveMilestone(ctx: CoreContext, milestoneId: string): MilestoneRow {
  const row = ctx.db.select().from(schema.milestones).where(eq(schema.milestones.id, milestoneId)).get();
  if (!isLiveRow(row)) throw notFound('milestone');
  return row;
}

export function createMilestone(ctx: CoreContext, input: MethodInput<'milestones:create'>): Milestone {
  const commitment = liveCommitment(ctx, input.commitmentId);
  const id = ctx.ids.newId();
  change(ctx, 'milestones:create', (w) =>
    w.insert('milestones', { id, commitmentId: commitment.id, title: input.title, titleFr: input.titleFr ?? null, dueDate: input.dueDate ?? null, status: input.status }),
  );
  return toMilestone(localeOf(ctx), liveMilestone(ctx, id));
}

export function updateMilestone(ctx: CoreContext, input: MethodInput<'milestones:update'>): Milestone {
  const row = liveMilestone(ctx, input.milestoneId);
  change(ctx, 'milestones:update', (w) =>
    w.update('milestones', row.id, { title: input.title, titleFr: orNull(input.titleFr), dueDate: orNull(input.dueDate), status: input.status }),
  );
  return toMilestone(localeOf(ctx), liveMilestone(ctx, row.id));
}
