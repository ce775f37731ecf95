/**
 * Evidence files (issue 14 §3): files attached to a plan, a quarterly progress entry or an
 * engagement event. The renderer sends a file's bytes as base64 (through IPC and the browser
 * harness alike); the core checks them from the bytes and stores them once by content hash.
 * Joined into the contract in contract.ts.
 */
import { z } from 'zod';
import { ATTACHABLE_KINDS, type Attachment, type AttachmentContent, MAX_FILE_BYTES, type PlanAttachment, megabytes } from './attachments';
import { id, input, plainName, read, write } from './contract-fields';
import { schemaMessage } from './core-messages';

/** A little over the cap is let through, so the core answers with the file's own size. */
const MAX_CONTENT_CHARS = Math.ceil((MAX_FILE_BYTES + 1024 * 1024) / 3) * 4;
const recordKind = z.enum(ATTACHABLE_KINDS, { error: schemaMessage('attachment.kindNotHeld') });
const content = z
  .string({ error: schemaMessage('file.notEncoded') })
  .min(1, { error: schemaMessage('file.empty') })
  .max(MAX_CONTENT_CHARS, { error: schemaMessage('file.muchTooLarge', { max: String(megabytes(MAX_FILE_BYTES)) }) })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: schemaMessage('file.notEncoded') });

export const attachmentMethods = {
  'attachments:attach': write<Attachment>()(
    'Attach a file to a plan, a quarterly progress entry or an engagement event: its type is read from its bytes, it is stored once per content.',
    input({ recordKind, recordId: id('record id'), fileName: plainName('file name'), content }),
  ),
  'attachments:list': read<Attachment[]>()('The files attached to a record, oldest first, each saying whether its bytes are on this computer.', input({ recordKind, recordId: id('record id') })),
  'attachments:ofPlan': read<PlanAttachment[]>()('The files attached to a plan and to its quarterly progress entries, for the printed documents.', input({ planId: id('plan id') })),
  'attachments:read': read<AttachmentContent>()('The bytes of an attached file (base64), to view it; refused when they have not been received yet.', input({ attachmentId: id('attachment id') })),
  'attachments:openWithSystem': read<{ opened: boolean }>()(
    "Hand an attached file to the computer's own program (after the renderer's warning): a private temporary copy named by its type, opened by the system. Answered by Electron main; the core and the harness answer opened: false (the renderer then saves a copy).",
    input({ attachmentId: id('attachment id') }),
  ),
  'attachments:remove': write<{ removed: true }>()('Remove an attached file from its record (the removal travels like any change).', input({ attachmentId: id('attachment id') })),
} as const;
