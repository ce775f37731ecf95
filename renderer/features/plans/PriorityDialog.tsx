import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../shared/domain';
import { CSWB_ZONES, type CswbZone } from '../../../shared/vocabulary';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { ErrorBanner } from '../../components/Feedback';
import { CheckboxGroup, Select, TextArea, TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useClient } from '../../app/store-context';
import type { PlanReference } from './plan-reference';

/** Adds a priority to a plan, or changes one. */
export function PriorityDialog({ planId, priority, reference, onClose }: { planId: string; priority?: Priority; reference: PlanReference; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [title, setTitle] = useState(priority?.title ?? '');
  const [description, setDescription] = useState(priority?.description ?? '');
  const [zone, setZone] = useState<CswbZone | ''>(priority?.zone ?? '');
  const [themeIds, setThemeIds] = useState<string[]>(priority?.themeIds ?? []);
  const [checked, setChecked] = useState(false);
  const titleError = checked && title.trim() === '' ? t('plan.priorityForm.titleRequired') : undefined;
  const zoneError = checked && zone === '' ? t('plan.priorityForm.zoneRequired') : undefined;

  const { busy, error, submit } = useSubmit(async () => {
    const fields = { title, description: description.trim() === '' ? null : description, zone: zone as CswbZone, themeIds };
    if (priority) await client.call('priorities:update', { priorityId: priority.id, ...fields });
    else await client.call('priorities:add', { planId, ...fields });
  }, onClose);

  return (
    <Dialog
      title={priority ? t('plan.priorityForm.editTitle') : t('plan.priorityForm.addTitle')}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (title.trim() !== '' && zone !== '') void submit();
      }}
      footer={<FormDialogFooter submitLabel={priority ? t('common.save') : t('plan.priorityForm.add')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <TextField label={t('plan.priorityForm.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={titleError} required maxLength={200} />
      <TextArea label={t('plan.priorityForm.description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
      <Select
        label={t('plan.priorityForm.zone')}
        hint={t('plan.priorityForm.zoneHint')}
        value={zone}
        onChange={(e) => setZone(e.target.value as CswbZone)}
        placeholder={t('plan.priorityForm.chooseZone')}
        options={CSWB_ZONES.map((z) => ({ value: z, label: t(`vocab.zone.${z}`) }))}
        error={zoneError}
        required
      />
      <CheckboxGroup
        legend={t('plan.priorityForm.themes')}
        options={reference.themes.map((theme) => ({ value: theme.id, label: reference.themeName(theme.id) }))}
        value={themeIds}
        onChange={setThemeIds}
        emptyText={t('plan.priorityForm.noThemes')}
      />
    </Dialog>
  );
}
