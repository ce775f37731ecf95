/** Evidence files (contract: shared/contract-attachments.ts). */
import type { attachmentMethods } from '../../../shared/contract-attachments';
import type { DomainHandlers, SomeHandlers } from './handler-types';
import * as attachments from '../services/attachments';

export const attachmentHandlers = {
  'attachments:attach': attachments.attachFile,
  'attachments:list': attachments.listAttachments,
  'attachments:ofPlan': attachments.listPlanAttachments,
  'attachments:read': attachments.readAttachment,
  'attachments:remove': attachments.removeAttachment,
  // The core has no system to hand a file to: Electron main answers (electron/main/attachment-open.ts); elsewhere the renderer saves a copy.
  'attachments:openWithSystem': () => ({ opened: false }),
} satisfies DomainHandlers<typeof attachmentMethods> & SomeHandlers;
