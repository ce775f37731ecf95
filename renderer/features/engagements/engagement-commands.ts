/** The engagement log's writes (issue 14 §1): record, change, remove (with Undo). */
import type { MethodRawInput } from '../../../shared/contract';
import type { Engagement } from '../../../shared/domain';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export type EngagementFields = Omit<MethodRawInput<'engagements:create'>, 'communityId'>;

export function engagementCommands({ client, notify, t }: CommandDeps) {
  return {
    async save(target: { communityId: string; engagement?: Engagement }, fields: EngagementFields) {
      if (target.engagement) await client.call('engagements:update', { engagementId: target.engagement.id, ...fields });
      else await client.call('engagements:create', { communityId: target.communityId, ...fields });
      notify(t('engagement.saved'));
    },
    async remove(engagement: Engagement, dateLabel: string) {
      await client.call('engagements:remove', { engagementId: engagement.id });
      notify(t('engagement.removed', { date: dateLabel }), () => client.call('engagements:restore', { engagementId: engagement.id }));
    },
  };
}

export function useEngagementCommands() {
  return useCommands(engagementCommands);
}
