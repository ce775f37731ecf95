import { checkIntegrity } from '../../../db/open-database';
import { listBackups } from '../../../db/backups';
import type { BackupInfo, IntegrityReport } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { makeBackup } from './backups';

export function integrityCheck(ctx: CoreContext): IntegrityReport {
  return checkIntegrity(ctx.sqlite);
}

/** The older method: the same backup as backups:make (the chosen folder, else the default one). */
export function backupNow(ctx: CoreContext): BackupInfo {
  const { file, createdAt, bytes } = makeBackup(ctx, 'manual');
  return { file, createdAt, bytes };
}

export function backups(ctx: CoreContext): BackupInfo[] {
  return listBackups(ctx.backupDir, ctx.dbFile);
}
