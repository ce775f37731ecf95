/** The commitments' writes: the coordinator adds and edits commitments and their milestones, and changes a status. */
import type { Commitment } from '../../../shared/domain';
import type { CommitmentKind, CommitmentStatus, MilestoneStatus } from '../../../shared/vocabulary';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export interface CommitmentFields {
  kind: CommitmentKind;
  number: string;
  /** The English title. */
  title: string;
  titleFr: string;
  descriptionEn: string | null;
  descriptionFr: string | null;
  leadDepartment: string;
  priorityArea: string | null;
  status: CommitmentStatus;
  relatedCommitmentIds: string[];
}

export interface MilestoneFields {
  /** The English title. */
  title: string;
  titleFr: string;
  dueDate: string | null;
  status: MilestoneStatus;
}

export function commitmentCommands({ client, notify, t }: CommandDeps) {
  return {
    async changeStatus(commitmentId: string, status: CommitmentStatus) {
      await client.call('commitments:update', { commitmentId, status });
      notify(t('commitments.statusChanged', { status: t(`vocab.commitmentStatus.${status}`) }));
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
