/** Backups the person can use (contract: shared/contract-backups.ts). */
import type { backupMethods } from '../../../shared/contract-backups';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import * as backups from '../services/backups';
import type { DomainHandlers } from './handler-types';

export const backupHandlers: DomainHandlers<typeof backupMethods> = {
  'backups:list': (ctx) => backups.listAllBackups(ctx),
  'backups:make': (ctx) => backups.makeBackup(ctx, 'manual'),
  'backups:preview': (ctx, input) => backups.previewBackup(ctx, input.file),
  'backups:restore': (ctx, input) => backups.restoreBackup(ctx, input.file),
  'backups:settings': (ctx) => backups.backupSettings(ctx),
  'backups:updateSettings': (ctx, input) => backups.updateBackupSettings(ctx, input),
  'backups:onExit': (ctx) => backups.backupOnExit(ctx),
  // The core has no window: Electron main answers (electron/main/backup-folder.ts); the harness types a path.
  'files:chooseBackupFolder': () => {
    throw new DomainError('forbidden', msg('backups.noDialog'));
  },
  'files:chooseBackupFile': () => {
    throw new DomainError('forbidden', msg('backups.noFileDialog'));
  },
};
