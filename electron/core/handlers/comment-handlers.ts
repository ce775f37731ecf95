/** Comments on a report or one of its actions (contract: shared/contract-comments.ts; adding one is reports:comment). */
import type { commentMethods } from '../../../shared/contract-comments';
import type { DomainHandlers, SomeHandlers } from './handler-types';
import * as comments from '../services/comments';

export const commentHandlers = {
  'reports:comment': comments.commentOnReport,
  'comments:edit': comments.editComment,
  'comments:remove': comments.removeComment,
  'comments:markRead': comments.markCommentsRead,
  'comments:unread': (ctx) => comments.unreadComments(ctx),
} satisfies DomainHandlers<typeof commentMethods> & SomeHandlers;
