/** Every domain's handlers joined: the core answers each contract method with exactly one. */
import { backupHandlers } from './backup-handlers';
import { bundleHandlers } from './bundle-handlers';
import { commentHandlers } from './comment-handlers';
import { databaseHandlers } from './database-handlers';
import { exportHandlers } from './export-handlers';
import { filesHandlers } from './files-handlers';
import type { Handlers } from './handler-types';
import { operationHandlers } from './operation-handlers';
import { planningHandlers } from './planning-handlers';
import { referenceHandlers } from './reference-handlers';
import { reportHandlers } from './report-handlers';
import { territoryHandlers } from './territory-handlers';
import { attachmentHandlers } from './attachment-handlers';

import { practiceHandlers } from './practice-handlers';

import { engagementHandlers } from './engagement-handlers';

import { quarterReviewHandlers } from './quarter-review-handlers';

export const handlers: Handlers = {
  ...referenceHandlers,
  ...planningHandlers,
  ...databaseHandlers,
  ...bundleHandlers,
  ...reportHandlers,
  ...filesHandlers,
  ...territoryHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...commentHandlers,
  ...operationHandlers,
  ...attachmentHandlers,

  ...practiceHandlers,

  ...engagementHandlers,

  ...quarterReviewHandlers,
};
