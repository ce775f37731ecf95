/**
 * Evidence files as the core reads them (issue 14 §3): the attachments of a record, one by id, and
 * the bytes of a file by its content hash (file_blobs: local, stored once per content).
 */
import type Database from 'better-sqlite3';
import type { AttachableKind, Attachment, PlanAttachment } from '../../../shared/attachments';
import type { CoreContext } from '../changelog/core-context';

interface AttachmentRow {
  id: string;
  communityId: string;
  recordKind: string;
  recordId: string;
  hash: string;
  fileName: string;
  size: number;
  type: string;
  addedBy: string;
  addedAt: string;
  deletedAt: string | null;
  received: number;
}

const COLUMNS = `a.id, a.community_id AS communityId, a.record_kind AS recordKind, a.record_id AS recordId, a.hash, a.file_name AS fileName,
  a.size, a.type, a.added_by AS addedBy, a.added_at AS addedAt, a.deleted_at AS deletedAt,
  EXISTS (SELECT 1 FROM file_blobs b WHERE b.hash = a.hash) AS received`;

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    recordKind: row.recordKind as AttachableKind,
    recordId: row.recordId,
    communityId: row.communityId,
    hash: row.hash,
    fileName: row.fileName,
    size: row.size,
    type: row.type,
    addedBy: row.addedBy,
    addedAt: row.addedAt,
    received: row.received === 1,
  };
}

/** The live attachments of one record, oldest first. */
export function attachmentsOf(ctx: Pick<CoreContext, 'sqlite'>, recordKind: string, recordId: string): Attachment[] {
  const rows = ctx.sqlite
    .prepare(`SELECT ${COLUMNS} FROM attachments a WHERE a.record_kind = ? AND a.record_id = ? AND a.deleted_at IS NULL ORDER BY a.added_at, a.file_name, a.id`)
    .all(recordKind, recordId) as AttachmentRow[];
  return rows.map(toAttachment);
}

/** The live attachments of a plan and of its quarterly progress entries (with each entry's quarter and action), for the printed documents. */
export function attachmentsOfPlan(ctx: Pick<CoreContext, 'sqlite'>, planId: string): PlanAttachment[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${COLUMNS}, e.quarter AS quarter, x.title AS actionTitle FROM attachments a
         LEFT JOIN progress_entries e ON a.record_kind = 'progressEntry' AND e.id = a.record_id
         LEFT JOIN actions x ON x.id = e.action_id
         LEFT JOIN priorities p ON p.id = x.priority_id
       WHERE a.deleted_at IS NULL AND ((a.record_kind = 'plan' AND a.record_id = ?) OR (a.record_kind = 'progressEntry' AND p.plan_id = ?))
       ORDER BY a.record_kind = 'plan' DESC, e.quarter, a.added_at, a.file_name, a.id`,
    )
    .all(planId, planId) as Array<AttachmentRow & { quarter: number | null; actionTitle: string | null }>;
  return rows.map((row) => ({ ...toAttachment(row), quarter: row.quarter, actionTitle: row.actionTitle }));
}

/** One attachment by id, live or removed; undefined when there is none. */
export function attachmentRow(ctx: Pick<CoreContext, 'sqlite'>, id: string): (Attachment & { deletedAt: string | null }) | undefined {
  const row = ctx.sqlite.prepare(`SELECT ${COLUMNS} FROM attachments a WHERE a.id = ?`).get(id) as AttachmentRow | undefined;
  return row ? { ...toAttachment(row), deletedAt: row.deletedAt } : undefined;
}

/** A file's bytes by content hash; undefined when they are not on this computer. */
export function blobBytes(sqlite: Database.Database, hash: string): Buffer | undefined {
  return sqlite.prepare('SELECT bytes FROM file_blobs WHERE hash = ?').pluck().get(hash) as Buffer | undefined;
}

export function hasBlob(sqlite: Database.Database, hash: string): boolean {
  return sqlite.prepare('SELECT 1 FROM file_blobs WHERE hash = ?').pluck().get(hash) !== undefined;
}

/**
 * Stores a file's bytes once (a second store of the same content changes nothing). Callers have
 * checked the bytes (file-checks.ts) and that they hash to `hash`. Local, never a replicated row:
 * called inside the caller's transaction (the attach's change, the import's transaction).
 */
export function storeBlob(sqlite: Database.Database, hash: string, bytes: Buffer, type: string, now: string): void {
  sqlite.prepare('INSERT OR IGNORE INTO file_blobs (hash, bytes, size, type, stored_at) VALUES (?, ?, ?, ?, ?)').run(hash, bytes, bytes.length, type, now);
}
