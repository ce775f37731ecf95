/**
 * Comments on a quarterly report or on one of its actions (issue 12 §5). The coordinator and the
 * plan's own community (its detachment, its community office) write them; each side marks the
 * other side's read (the first reader is kept); until then the author may change or remove one,
 * after that the core refuses with a sentence, so what the other side read stays what it read.
 */
import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { ReportComment } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { change, type CoreContext } from '../changelog/core-context';
import { actionRow, planRow, priorityRow } from '../queries/plans';
import { loadReport, reportSubmissionRow } from '../queries/progress';
import { commentRow, commentsOfReport, isAuthor, liveCommentRow, readerOf, type ReportCommentRow, toComment, unreadComments, unreadRowsOfReport } from '../queries/comments';
import { isLiveRow } from '../queries/live';

/** Leaves a comment on a report, or on one of its actions; creates the report row as a draft when there is none yet. */
export function commentOnReport(ctx: CoreContext, input: MethodInput<'reports:comment'>): ReportComment {
  const plan = planRow(ctx, input.planId);
  if (input.actionId !== undefined) {
    const action = actionRow(ctx, input.actionId);
    if (priorityRow(ctx, action.priorityId, { includeRemoved: true }).planId !== plan.id) {
      throw new DomainError('invalid_input', msg('comment.actionNotInPlan'));
    }
  }
  const report = loadReport(ctx, plan, input.quarter);
  const reader = readerOf(ctx);
  const id = ctx.ids.newId();
  change(ctx, 'reports:comment', (w) => {
    // A comment may come before the report exists here (e.g. on a missing report): create the
    // report row as a draft so the comment has its parent.
    if (report.state === 'draft' && !reportSubmissionRow(ctx, report.id)) {
      w.insert('reportSubmissions', { id: report.id, planId: plan.id, quarter: input.quarter, state: 'draft', submittedBy: null, submittedAt: null });
    }
    w.insert('reportComments', {
      id,
      reportId: report.id,
      actionId: input.actionId ?? null,
      author: reader.userName,
      authorRole: reader.role,
      body: input.body.trim(),
      createdAt: ctx.clock.now(),
      editedAt: null,
      readAt: null,
      readBy: null,
    });
  });
  return toComment(commentRow(ctx, id)!, reader);
}

/** The comment its author may still change: live, this user's on this side, not read by the other side. */
function ownUnreadComment(ctx: CoreContext, commentId: string): ReportCommentRow {
  const row = liveCommentRow(ctx, commentId);
  if (!row) throw new DomainError('not_found', msg('comment.notFound'));
  const reader = readerOf(ctx);
  if (!isAuthor(row, reader)) throw new DomainError('forbidden', msg('comment.notAuthor', { author: row.author }));
  if (row.readAt) {
    throw new DomainError('conflict', msg('comment.alreadyRead', { reader: row.readBy ?? '', date: row.readAt.slice(0, 10) }));
  }
  // Written before version 3: whether it was read was never recorded, so it stays as it is.
  if (row.authorRole === null) throw new DomainError('conflict', msg('comment.beforeTracking'));
  return row;
}

export function editComment(ctx: CoreContext, input: MethodInput<'comments:edit'>): ReportComment {
  const row = ownUnreadComment(ctx, input.commentId);
  const body = input.body.trim();
  if (body !== row.body) change(ctx, 'comments:edit', (w) => w.update('reportComments', row.id, { body, editedAt: ctx.clock.now() }));
  return toComment(commentRow(ctx, row.id)!, readerOf(ctx));
}

export function removeComment(ctx: CoreContext, input: MethodInput<'comments:remove'>): { removed: true } {
  const row = ownUnreadComment(ctx, input.commentId);
  change(ctx, 'comments:remove', (w) => w.remove('reportComments', row.id));
  return { removed: true };
}

/**
 * Marks the other side's unread comments of a report read (those named, or all of them): one
 * change for all, none when there is nothing to mark. Comments of this side are left as they are.
 * Answers the report's comments as they now are.
 */
export function markCommentsRead(ctx: CoreContext, input: MethodInput<'comments:markRead'>): ReportComment[] {
  const plan = planRow(ctx, input.planId);
  const report = loadReport(ctx, plan, input.quarter);
  const reader = readerOf(ctx);
  const wanted = input.commentIds ? new Set(input.commentIds) : null;
  const unread = isLiveRow(reportSubmissionRow(ctx, report.id)) ? unreadRowsOfReport(ctx, report.id, reader).filter((row) => wanted === null || wanted.has(row.id)) : [];
  if (unread.length > 0) {
    const now = ctx.clock.now();
    change(ctx, 'comments:markRead', (w) => {
      for (const row of unread) w.update('reportComments', row.id, { readAt: now, readBy: reader.userName });
    });
  }
  return commentsOfReport(ctx, report.id, reader);
}

export { unreadComments };
