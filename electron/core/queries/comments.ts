/**
 * Reads of comments on quarterly reports and their actions: as this computer sees them (from the
 * other side or its own, still editable or not), and the ones from the other side not read yet.
 * A comment from before version 3 (no author role) was the coordinator's; its reading was never
 * tracked, so it is neither "new" nor editable: it may long have been read.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { CommentSide, ReportComment, UnreadComment } from '../../../shared/domain';
import type { FiscalYear, Quarter } from '../../../shared/fiscal-calendar';
import type { Role } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { isLive, isLiveRow, live } from './live';

export type ReportCommentRow = typeof schema.reportComments.$inferSelect;

/** The side of a role: the coordinator's, or the community's (detachment and community office alike). */
export function sideOf(role: Role): CommentSide {
  return role === 'coordinator' ? 'coordinator' : 'community';
}

/** The author's role of a stored comment: before version 3 only the coordinator commented. */
export function authorRoleOf(row: Pick<ReportCommentRow, 'authorRole'>): Role {
  const role = row.authorRole;
  return role === 'detachment' || role === 'liaison' || role === 'coordinator' ? role : 'coordinator';
}

/** Who is reading: this computer's user and role. */
export interface Reader {
  userName: string;
  role: Role;
}

export function readerOf(ctx: CoreContext): Reader {
  const profile = readProfile(ctx);
  return { userName: profile.userName, role: profile.role };
}

/** Whether this reader wrote the comment (same side, same user name). */
export function isAuthor(row: ReportCommentRow, reader: Reader): boolean {
  return sideOf(authorRoleOf(row)) === sideOf(reader.role) && row.author === reader.userName;
}

/** Whether the comment was written by version 3 or later, which tracks its reading (before, there was no author role). */
function readingTracked(row: Pick<ReportCommentRow, 'authorRole'>): boolean {
  return row.authorRole !== null && row.authorRole !== undefined;
}

export function toComment(row: ReportCommentRow, reader: Reader): ReportComment {
  const authorRole = authorRoleOf(row);
  const fromOtherSide = sideOf(authorRole) !== sideOf(reader.role);
  return {
    id: row.id,
    reportId: row.reportId,
    actionId: row.actionId ?? null,
    author: row.author,
    authorRole,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt ?? null,
    readAt: row.readAt ?? null,
    readBy: row.readBy ?? null,
    fromOtherSide,
    isNew: fromOtherSide && !row.readAt && readingTracked(row),
    editable: isAuthor(row, reader) && !row.readAt && readingTracked(row),
  };
}

/** The comment row with this id, live or removed. */
export function commentRow(ctx: CoreContext, id: string): ReportCommentRow | undefined {
  return ctx.db.select().from(schema.reportComments).where(eq(schema.reportComments.id, id)).get();
}

/** The live comments of a report (on it and on its actions), oldest first, as this reader sees them. */
export function commentsOfReport(ctx: CoreContext, reportId: string, reader: Reader = readerOf(ctx)): ReportComment[] {
  const c = schema.reportComments;
  return ctx.db
    .select()
    .from(c)
    .where(and(eq(c.reportId, reportId), isLive(c)))
    .orderBy(asc(c.createdAt), asc(c.id))
    .all()
    .map((row) => toComment(row, reader));
}

/** The live comment rows of a report not read yet, from the other side of this reader. */
export function unreadRowsOfReport(ctx: CoreContext, reportId: string, reader: Reader): ReportCommentRow[] {
  const c = schema.reportComments;
  return ctx.db
    .select()
    .from(c)
    .where(and(eq(c.reportId, reportId), isLive(c), isNull(c.readAt)))
    .all()
    .filter((row) => readingTracked(row) && sideOf(authorRoleOf(row)) !== sideOf(reader.role));
}

/** Whether a live comment row is there. */
export function liveCommentRow(ctx: CoreContext, id: string): ReportCommentRow | undefined {
  const row = commentRow(ctx, id);
  return isLiveRow(row) ? row : undefined;
}

/**
 * The comments from the other side not read yet in the communities this computer holds (its
 * scope; the coordinator: every community), newest first, with where each one is.
 */
export function unreadComments(ctx: CoreContext): UnreadComment[] {
  const profile = readProfile(ctx);
  const mySide = sideOf(profile.role);
  const scope = profile.role === 'coordinator' || profile.scopeCommunityIds.length === 0 ? null : profile.scopeCommunityIds;
  const rows = ctx.sqlite
    .prepare(
      `SELECT rc.id AS commentId, rc.author_role AS authorRole, rc.author AS author, rc.created_at AS createdAt, rc.action_id AS actionId,
              a.title AS actionTitle, p.id AS planId, p.fiscal_year AS fiscalYear, rs.quarter AS quarter, c.id AS communityId, c.name AS communityName
         FROM report_comments rc
         JOIN report_submissions rs ON rs.id = rc.report_id AND ${live('rs')}
         JOIN plans p ON p.id = rs.plan_id AND ${live('p')}
         JOIN communities c ON c.id = p.community_id
         LEFT JOIN actions a ON a.id = rc.action_id AND ${live('a')}
        WHERE ${live('rc')} AND rc.read_at IS NULL AND rc.author_role IS NOT NULL
        ORDER BY rc.created_at DESC, rc.id`,
    )
    .all() as Array<{
    commentId: string;
    authorRole: string | null;
    author: string;
    createdAt: string;
    actionId: string | null;
    actionTitle: string | null;
    planId: string;
    fiscalYear: number;
    quarter: number;
    communityId: string;
    communityName: string;
  }>;
  return rows
    .filter((r) => sideOf(authorRoleOf({ authorRole: r.authorRole })) !== mySide && (scope === null || scope.includes(r.communityId)))
    .map((r) => ({
      commentId: r.commentId,
      planId: r.planId,
      communityName: r.communityName,
      fiscalYear: r.fiscalYear as FiscalYear,
      quarter: r.quarter as Quarter,
      actionId: r.actionId,
      actionTitle: r.actionTitle,
      author: r.author,
      createdAt: r.createdAt,
    }));
}
