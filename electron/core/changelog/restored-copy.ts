import { BACKUP_MARK_TABLE } from '../../../db/backups';
import type { CoreContext } from './core-context';

/**
 * A database restored from a backup has gone back in time: the sequence numbers it gave out
 * after the backup are already in peers' hands, with other content. Reusing them would make every
 * peer refuse this installation for ever. So a backup copy carries a mark (db/backups.ts), and a
 * database opened with that mark continues under a new installation id, signed with the same key;
 * its earlier ids stay its own (their changesets, and those lost since the backup, come back from
 * peers as its own history), and peers recognise the new id as the same installation by the key
 * and the `formerIds` its bundles carry.
 */
export function continueIfRestored(ctx: CoreContext): { formerId: string; installationId: string } | null {
  const marked = ctx.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(BACKUP_MARK_TABLE) !== undefined;
  const ids = marked ? readIds(ctx) : null;
  if (!ids) return null;
  const installationId = ctx.ids.newId();
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare('UPDATE installation SET installation_id = ?, former_installation_ids = ?, last_seq = 0 WHERE key = 1')
      .run(installationId, JSON.stringify([...ids.former, ids.current]));
    ctx.sqlite.exec(`DROP TABLE "${BACKUP_MARK_TABLE}"`);
  })();
  return { formerId: ids.current, installationId };
}

/** The current id and the earlier ones, oldest first, as the installation row keeps them. */
function readIds(ctx: Pick<CoreContext, 'sqlite'>): { current: string; former: string[] } | null {
  const row = ctx.sqlite.prepare('SELECT installation_id AS id, former_installation_ids AS former FROM installation WHERE key = 1').get() as { id: string; former: string } | undefined;
  return row ? { current: row.id, former: JSON.parse(row.former) as string[] } : null;
}

/** Remembers an id this installation signed under that it had forgotten (a backup restored twice). */
export function adoptOwnOrigin(ctx: Pick<CoreContext, 'sqlite'>, origin: string): void {
  const ids = readIds(ctx);
  if (!ids || ids.current === origin || ids.former.includes(origin)) return;
  ctx.sqlite.prepare('UPDATE installation SET former_installation_ids = ? WHERE key = 1').run(JSON.stringify([...ids.former, origin]));
}

/** Every id this installation has signed changes under: the current one first, then earlier ones, newest first. */
export function ownOrigins(ctx: Pick<CoreContext, 'sqlite'>): string[] {
  const ids = readIds(ctx);
  return ids ? [ids.current, ...[...ids.former].reverse()] : [];
}
