/**
 * Comments on a quarterly report or on one of its actions (issue 12 §5): written by the
 * coordinator or the plan's own community (its detachment, its community office), changed or
 * removed by their author until the other side has read them; read marks set by the other side.
 * Adding one is `reports:comment` (contract-planning.ts). Joined into the contract in contract.ts.
 */
import type * as D from './domain';
import { id, idList, input, quarter, read, write } from './contract-fields';
import { fieldRules } from './field-rules';

export const commentMethods = {
  'comments:edit': write<D.ReportComment>()(
    "Change the text of one's own comment, while the other side has not read it yet.",
    input({ commentId: id('comment id'), body: fieldRules.reportComments.body }),
  ),
  'comments:remove': write<{ removed: true }>()("Remove one's own comment, while the other side has not read it yet.", input({ commentId: id('comment id') })),
  'comments:markRead': write<D.ReportComment[]>()(
    'Mark comments of a quarterly report from the other side as read (all of them when no ids are given); the first reader is recorded.',
    input({ planId: id('plan id'), quarter, commentIds: idList('comment id').optional() }),
  ),
  'comments:unread': read<D.UnreadComment[]>()('The comments from the other side this computer has not read yet, in the communities it holds, newest first.', input({})),
} as const;
