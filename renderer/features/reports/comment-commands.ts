/** The writes of comments on a report or one of its actions (issue 12 §5). */
import type { Quarter } from '../../../shared/fiscal-calendar';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function commentCommands({ client, notify, t }: CommandDeps) {
  return {
    async add(planId: string, quarter: Quarter, actionId: string | null, body: string) {
      await client.call('reports:comment', { planId, quarter, body, ...(actionId ? { actionId } : {}) });
      notify(t('comments.added'));
    },
    async edit(commentId: string, body: string) {
      await client.call('comments:edit', { commentId, body });
      notify(t('comments.changed'));
    },
    async remove(commentId: string) {
      await client.call('comments:remove', { commentId });
      notify(t('comments.removed'));
    },
    async markRead(planId: string, quarter: Quarter, commentId: string, author: string) {
      await client.call('comments:markRead', { planId, quarter, commentIds: [commentId] });
      notify(t('comments.markedRead', { who: author }));
    },
  };
}

export const useCommentCommands = () => useCommands(commentCommands);
