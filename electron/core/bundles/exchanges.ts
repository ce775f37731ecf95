/** The record of bundles written and read here: one row per export or import, kept for the history screen. */
import type { Exchange } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';

export function recordExchange(ctx: CoreContext, exchange: Omit<Exchange, 'id'>): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO exchanges (id, direction, bundle_id, peer_installation_id, peer_name, file, at, changeset_count, new_changeset_count, encrypted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.ids.newId(),
      exchange.direction,
      exchange.bundleId,
      exchange.peerInstallationId,
      exchange.peerName,
      exchange.file,
      exchange.at,
      exchange.changesetCount,
      exchange.newChangesetCount,
      exchange.encrypted ? 1 : 0,
    );
}

/** Bundles written and read here, newest first (the last 200). */
export function exchangeHistory(ctx: CoreContext): Exchange[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, direction, bundle_id AS bundleId, peer_installation_id AS peerInstallationId, peer_name AS peerName, file, at,
              changeset_count AS changesetCount, new_changeset_count AS newChangesetCount, encrypted
         FROM exchanges ORDER BY at DESC, id DESC LIMIT 200`,
    )
    .all()
    .map((row) => ({ ...(row as Exchange), encrypted: Boolean((row as { encrypted: number }).encrypted) }));
}
