/**
 * The coordinator adds a commitment or initiative, or edits one: number, kind, title and
 * description in English and French, lead department, priority area, status, related commitments.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../shared/domain';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, type CommitmentKind, type CommitmentStatus } from '../../../shared/vocabulary';
import { CheckboxGroup, MAX_LONG_TEXT, Select, TextArea, TextField } from '../../components/Field';
import { FormDialog, RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { useCommitmentCommands, type CommitmentFields } from './commitment-commands';
import { useChanged } from '../../app/unsaved-edits';

const orNull = (text: string) => (text.trim() === '' ? null : text);

export function CommitmentDialog({ commitment, others, onClose, onCreated }: { commitment?: Commitment; others: Commitment[]; onClose: () => void; onCreated?: (created: Commitment) => void }) {
  const { t } = useTranslation();
  const commands = useCommitmentCommands();
  const [kind, setKind] = useState<CommitmentKind | ''>(commitment?.kind ?? '');
  const [number, setNumber] = useState(commitment?.number ?? '');
  const [titleEn, setTitleEn] = useState(commitment?.titleEn ?? '');
  const [titleFr, setTitleFr] = useState(commitment?.titleFr ?? '');
  const [descriptionEn, setDescriptionEn] = useState(commitment?.descriptionEn ?? '');
  const [descriptionFr, setDescriptionFr] = useState(commitment?.descriptionFr ?? '');
  const [leadDepartment, setLeadDepartment] = useState(commitment?.leadDepartment ?? '');
  const [priorityArea, setPriorityArea] = useState(commitment?.priorityArea ?? '');
  const [status, setStatus] = useState<CommitmentStatus>(commitment?.status ?? 'underway_on_track');
  const [related, setRelated] = useState<string[]>(commitment?.relatedCommitmentIds ?? []);

  const fields = (): CommitmentFields => ({
    kind: kind as CommitmentKind,
    number,
    title: titleEn,
    titleFr,
    descriptionEn: orNull(descriptionEn),
    descriptionFr: orNull(descriptionFr),
    leadDepartment,
    priorityArea: orNull(priorityArea),
    status,
    relatedCommitmentIds: related,
  });
  async function save() {
    if (commitment) await commands.edit(commitment.id, fields());
    else {
      const created = await commands.create(fields());
      onCreated?.(created);
    }
  }

  const dirty = useChanged({ kind, number, titleEn, titleFr, descriptionEn, descriptionFr, leadDepartment, priorityArea, status, related });
  return (
    <FormDialog dirty={dirty}
      wide
      title={commitment ? t('territoryAdmin.commitments.form.editTitle', { number: commitment.number }) : t('territoryAdmin.commitments.form.addTitle')}
      submitLabel={commitment ? t('common.save') : t('territoryAdmin.commitments.form.add')}
      onClose={onClose}
      isValid={() => filled(kind, number, titleEn, titleFr, leadDepartment)}
      save={save}
    >
      {(checked) => (
        <>
          <div className="grid-2">
            <RequiredChoice checked={checked} label={t('territoryAdmin.commitments.form.kind')} value={kind} onChange={setKind} placeholder={t('territoryAdmin.commitments.form.chooseKind')} values={COMMITMENT_KINDS} labelOf={(k) => t(`vocab.commitmentKind.${k}`)} missing={t('territoryAdmin.commitments.form.kindRequired')} />
            <TextField label={t('territoryAdmin.commitments.form.number')} hint={t('territoryAdmin.commitments.form.numberHint')} value={number} onChange={(e) => setNumber(e.target.value)} error={requiredError(checked, number, t('territoryAdmin.commitments.form.numberRequired'))} required maxLength={40} autoComplete="off" />
          </div>
          <div className="grid-2">
            <TextField label={t('territoryAdmin.commitments.form.titleEn')} lang="en-CA" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} error={requiredError(checked, titleEn, t('territoryAdmin.commitments.form.titleEnRequired'))} required maxLength={300} autoComplete="off" />
            <TextField label={t('territoryAdmin.commitments.form.titleFr')} lang="fr-CA" value={titleFr} onChange={(e) => setTitleFr(e.target.value)} error={requiredError(checked, titleFr, t('territoryAdmin.commitments.form.titleFrRequired'))} required maxLength={300} autoComplete="off" />
          </div>
          <div className="grid-2">
            <TextArea label={t('territoryAdmin.commitments.form.descriptionEn')} lang="en-CA" value={descriptionEn} onChange={(e) => setDescriptionEn(e.target.value)} rows={3} maxLength={MAX_LONG_TEXT} />
            <TextArea label={t('territoryAdmin.commitments.form.descriptionFr')} lang="fr-CA" value={descriptionFr} onChange={(e) => setDescriptionFr(e.target.value)} rows={3} maxLength={MAX_LONG_TEXT} />
          </div>
          <div className="grid-2">
            <TextField label={t('territoryAdmin.commitments.form.leadDepartment')} value={leadDepartment} onChange={(e) => setLeadDepartment(e.target.value)} error={requiredError(checked, leadDepartment, t('territoryAdmin.commitments.form.leadDepartmentRequired'))} required maxLength={200} />
            <TextField label={t('territoryAdmin.commitments.form.priorityArea')} value={priorityArea} onChange={(e) => setPriorityArea(e.target.value)} maxLength={200} />
          </div>
          <Select label={t('territoryAdmin.commitments.form.status')} value={status} onChange={(e) => setStatus(e.target.value as CommitmentStatus)} options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`vocab.commitmentStatus.${s}`) }))} />
          <CheckboxGroup
            legend={t('territoryAdmin.commitments.form.related')}
            options={others.filter((o) => o.id !== commitment?.id).map((o) => ({ value: o.id, label: `${o.number} — ${o.title}` }))}
            value={related}
            onChange={setRelated}
            emptyText={t('territoryAdmin.commitments.form.noOthers')}
          />
        </>
      )}
    </FormDialog>
  );
}
