/** Adds a milestone to a commitment, or changes one: its words in English and French, due date, status. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../shared/domain';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../../../shared/vocabulary';
import { Select, TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { useCommitmentCommands } from './commitment-commands';
import { useChanged } from '../../app/unsaved-edits';
import { DateField } from '../../components/DateField';

export function MilestoneDialog({ commitmentId, milestone, onClose }: { commitmentId: string; milestone?: Milestone; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useCommitmentCommands();
  const [titleEn, setTitleEn] = useState(milestone?.titleEn ?? '');
  const [titleFr, setTitleFr] = useState(milestone?.titleFr ?? '');
  const [dueDate, setDueDate] = useState(milestone?.dueDate ?? '');
  const [status, setStatus] = useState<MilestoneStatus>(milestone?.status ?? 'pending');
  const fields = () => ({ title: titleEn, titleFr, dueDate: dueDate === '' ? null : dueDate, status });
  const dirty = useChanged({ titleEn, titleFr, dueDate, status });
  return (
    <FormDialog dirty={dirty}
      title={milestone ? t('territoryAdmin.milestones.form.editTitle') : t('territoryAdmin.milestones.form.addTitle')}
      submitLabel={milestone ? t('common.save') : t('territoryAdmin.milestones.form.add')}
      onClose={onClose}
      isValid={() => filled(titleEn, titleFr)}
      save={() => (milestone ? commands.updateMilestone(milestone.id, fields()) : commands.addMilestone(commitmentId, fields()))}
    >
      {(checked) => (
        <>
          <TextField label={t('territoryAdmin.milestones.form.titleEn')} lang="en-CA" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} error={requiredError(checked, titleEn, t('territoryAdmin.milestones.form.titleEnRequired'))} required maxLength={300} autoComplete="off" />
          <TextField label={t('territoryAdmin.milestones.form.titleFr')} lang="fr-CA" value={titleFr} onChange={(e) => setTitleFr(e.target.value)} error={requiredError(checked, titleFr, t('territoryAdmin.milestones.form.titleFrRequired'))} required maxLength={300} autoComplete="off" />
          <div className="grid-2">
            <DateField label={t('territoryAdmin.milestones.form.dueDate')} value={dueDate} onChange={setDueDate} checked={checked} />
            <Select label={t('territoryAdmin.milestones.form.status')} value={status} onChange={(e) => setStatus(e.target.value as MilestoneStatus)} options={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`vocab.milestoneStatus.${s}`) }))} />
          </div>
        </>
      )}
    </FormDialog>
  );
}
