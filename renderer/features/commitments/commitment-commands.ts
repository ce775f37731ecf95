/** The commitments' writes: the coordinator adds and edits commitments and their milestones, and changes a status. */
import type { Commitment } from '../../../shared/domain';
import type { MethodRawInput } from '../../../shared/contract';
import type { CommitmentStatus } from '../../../shared/vocabulary';
import { useCommands, type CommandDeps } from '../../app/use-commands';

/** What a commitment's form sends: the contract's own input (shared/contract-reference.ts). */
export type CommitmentFields = MethodRawInput<'commitments:create'>;
/** What a milestone's form sends, apart from which commitment or milestone it is. */
export type MilestoneFields = Omit<MethodRawInput<'milestones:create'>, 'commitmentId'>;

export function commitmentCommands({ client, notify, t }: CommandDeps) {
  return {
    /** Saves a status the coordinator chose and confirmed; the notice's Undo puts `previous` back. */
    async changeStatus(commitmentId: string, status: CommitmentStatus, previous?: CommitmentStatus) {
      await client.call('commitments:update', { commitmentId, status });
      notify(
        t('commitments.statusChanged', { status: t(`vocab.commitmentStatus.${status}`) }),
        previous && previous !== status ? () => client.call('commitments:update', { commitmentId, status: previous }) : undefined,
      );
    },
    async create(fields: CommitmentFields): Promise<Commitment> {
      const created = await client.call('commitments:create', fields);
      notify(t('territoryAdmin.commitments.added', { number: created.number }));
      return created;
    },
    async edit(commitmentId: string, fields: CommitmentFields) {
      const saved = await client.call('commitments:edit', { commitmentId, ...fields });
      notify(t('territoryAdmin.commitments.saved', { number: saved.number }));
    },
    async addMilestone(commitmentId: string, fields: MilestoneFields) {
      await client.call('milestones:create', { commitmentId, ...fields });
      notify(t('territoryAdmin.milestones.saved'));
    },
    async updateMilestone(milestoneId: string, fields: MilestoneFields) {
      await client.call('milestones:update', { milestoneId, ...fields });
      notify(t('territoryAdmin.milestones.saved'));
    },
  };
}

export const useCommitmentCommands = () => useCommands(commitmentCommands);
