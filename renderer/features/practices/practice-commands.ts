/** The library's writes: propose, publish, accept, decline (issue 14 §2). */
import type { MethodRawInput } from '../../../shared/contract';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function practiceCommands({ client, notify, t }: CommandDeps) {
  return {
    async propose(input: MethodRawInput<'practices:propose'>) {
      const proposal = await client.call('practices:propose', input);
      notify(t('practices.share.proposed', { title: proposal.title }));
      return proposal;
    },
    async publish(input: MethodRawInput<'practices:publish'>) {
      const practice = await client.call('practices:publish', input);
      notify(t('practices.share.published', { title: practice.title }));
      return practice;
    },
    async accept(input: MethodRawInput<'practices:accept'>) {
      const { practice } = await client.call('practices:accept', input);
      notify(t('practices.proposals.accepted', { title: practice.title }));
      return practice;
    },
    async withdraw(practiceId: string, title: string) {
      await client.call('practices:remove', { practiceId });
      notify(t('practices.withdraw.done', { title }), () => client.call('practices:restore', { practiceId }));
    },
    async withdrawProposal(proposalId: string, title: string) {
      await client.call('practices:withdrawProposal', { proposalId });
      notify(t('practices.withdraw.proposalDone', { title }));
    },
    async decline(proposalId: string, title: string, reason: string) {
      await client.call('practices:decline', { proposalId, reason });
      notify(t('practices.proposals.declined', { title }));
    },
  };
}

export type PracticeCommands = ReturnType<typeof practiceCommands>;

export function usePracticeCommands(): PracticeCommands {
  return useCommands(practiceCommands);
}
