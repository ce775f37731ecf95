/**
 * Evidence files (issue 14 §3): attach a file to a plan, a quarterly progress entry (or, once the
 * engagement log is here, an engagement event), list, read and remove. The bytes are checked
 * (queries/file-checks.ts) before anything is written, stored once by content hash, and the
 * attachment row travels like every record of its community (its partition).
 */
import type { Attachment, AttachmentContent, PlanAttachment } from '../../../shared/attachments';
import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import { communityOfRecord, tableOfKind } from '../changelog/attachable-records';
import { change, type CoreContext, readProfile } from '../changelog/core-context';
import { storedFieldLookup } from '../changelog/row-community';
import { attachmentRow, attachmentsOf, attachmentsOfPlan, blobBytes, storeBlob } from '../queries/attachments';
import { checkFile, sha256Hex } from '../queries/file-checks';

/** The bytes a renderer sent, decoded; refused when the text is not the whole base64 of something. */
function decode(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== base64.replace(/=+$/, '')) throw new DomainError('invalid_input', msg('file.notEncoded'));
  return bytes;
}

/** The community of a live record files may be attached to; refuses with a sentence otherwise. */
function recordCommunity(ctx: CoreContext, kind: string, recordId: string): string {
  const table = tableOfKind(kind);
  if (table === undefined) throw new DomainError('invalid_input', msg('attachment.kindNotHeld'));
  const lookup = storedFieldLookup(ctx);
  const community = communityOfRecord(lookup, kind, recordId);
  if (typeof community !== 'string' || lookup(table, recordId, 'deletedAt')) throw new DomainError('not_found', msg('attachment.recordNotFound'));
  return community;
}

export function attachFile(ctx: CoreContext, input: MethodInput<'attachments:attach'>): Attachment {
  const communityId = recordCommunity(ctx, input.recordKind, input.recordId);
  const bytes = decode(input.content);
  const verdict = checkFile(bytes);
  if (!verdict.ok) throw new DomainError('invalid_input', verdict.reason);
  const hash = sha256Hex(bytes);
  const id = ctx.ids.newId();
  const now = ctx.clock.now();
  change(ctx, 'attachments:attach', (w) => {
    storeBlob(ctx.sqlite, hash, bytes, verdict.type, now);
    w.insert('attachments', {
      id,
      communityId,
      recordKind: input.recordKind,
      recordId: input.recordId,
      hash,
      fileName: input.fileName.trim(),
      size: bytes.length,
      type: verdict.type,
      addedBy: readProfile(ctx).userName,
      addedAt: now,
    });
  });
  return attachmentRow(ctx, id)!;
}

export function listAttachments(ctx: CoreContext, input: MethodInput<'attachments:list'>): Attachment[] {
  return attachmentsOf(ctx, input.recordKind, input.recordId);
}

export function listPlanAttachments(ctx: CoreContext, input: MethodInput<'attachments:ofPlan'>): PlanAttachment[] {
  return attachmentsOfPlan(ctx, input.planId);
}

function liveAttachment(ctx: CoreContext, attachmentId: string): Attachment {
  const row = attachmentRow(ctx, attachmentId);
  if (!row || row.deletedAt !== null) throw new DomainError('not_found', msg('attachment.notFound'));
  return row;
}

export function readAttachment(ctx: CoreContext, input: MethodInput<'attachments:read'>): AttachmentContent {
  const row = liveAttachment(ctx, input.attachmentId);
  const bytes = blobBytes(ctx.sqlite, row.hash);
  if (bytes === undefined) throw new DomainError('not_found', msg('attachment.notReceived', { fileName: row.fileName }));
  return { fileName: row.fileName, type: row.type, size: bytes.length, base64: bytes.toString('base64') };
}

export function removeAttachment(ctx: CoreContext, input: MethodInput<'attachments:remove'>): { removed: true } {
  const row = liveAttachment(ctx, input.attachmentId);
  change(ctx, 'attachments:remove', (w) => w.remove('attachments', row.id));
  return { removed: true };
}
