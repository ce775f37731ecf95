import { backupDatabase, listBackups, pruneBackups } from '../../../db/backups';
import { checkIntegrity, DEFAULT_KEEP_BACKUPS } from '../../../db/open-database';
import type { BackupInfo, IntegrityReport } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';

export function integrityCheck(ctx: CoreContext): IntegrityReport {
  return checkIntegrity(ctx.sqlite);
}

export function backupNow(ctx: CoreContext): BackupInfo {
  const backup = backupDatabase(ctx.sqlite, ctx.backupDir, 'manual', new Date(ctx.clock.now()));
  pruneBackups(ctx.backupDir, ctx.dbFile, DEFAULT_KEEP_BACKUPS * 2);
  return backup;
}

export function backups(ctx: CoreContext): BackupInfo[] {
  return listBackups(ctx.backupDir, ctx.dbFile);
}
