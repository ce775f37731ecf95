import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../shared/domain';
import { CSWB_ZONES, type CswbZone } from '../../../shared/vocabulary';
import { CheckboxGroup, MAX_LONG_TEXT, TextArea, TextField } from '../../components/Field';
import { FormDialog, RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { usePlanCommands } from './plan-commands';
import type { PlanReference } from './plan-reference';
import { useChanged } from '../../app/unsaved-edits';

/** Adds a priority to a plan, or changes one. */
export function PriorityDialog({ planId, priority, reference, onClose }: { planId: string; priority?: Priority; reference: PlanReference; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePlanCommands();
  const [title, setTitle] = useState(priority?.title ?? '');
  const [description, setDescription] = useState(priority?.description ?? '');
  const [zone, setZone] = useState<CswbZone | ''>(priority?.zone ?? '');
  const [themeIds, setThemeIds] = useState<string[]>(priority?.themeIds ?? []);

  const dirty = useChanged({ title, description, zone, themeIds });
  return (
    <FormDialog dirty={dirty}
      title={priority ? t('plan.priorityForm.editTitle') : t('plan.priorityForm.addTitle')}
      submitLabel={priority ? t('common.save') : t('plan.priorityForm.add')}
      onClose={onClose}
      isValid={() => filled(title, zone)}
      save={() => commands.savePriority({ planId, priority }, { title, description: description.trim() === '' ? null : description, zone: zone as CswbZone, themeIds })}
    >
      {(checked) => (
        <>
          <TextField label={t('plan.priorityForm.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={requiredError(checked, title, t('plan.priorityForm.titleRequired'))} required maxLength={200} />
          <TextArea label={t('plan.priorityForm.description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={MAX_LONG_TEXT} />
          <RequiredChoice checked={checked} label={t('plan.priorityForm.zone')} hint={t('plan.priorityForm.zoneHint')} value={zone} onChange={setZone} placeholder={t('plan.priorityForm.chooseZone')} values={CSWB_ZONES} labelOf={(z) => t(`vocab.zone.${z}`)} missing={t('plan.priorityForm.zoneRequired')} />
          <CheckboxGroup
            legend={t('plan.priorityForm.themes')}
            options={reference.themes.map((theme) => ({ value: theme.id, label: reference.themeName(theme.id) }))}
            value={themeIds}
            onChange={setThemeIds}
            emptyText={t('plan.priorityForm.noThemes')}
          />
        </>
      )}
    </FormDialog>
  );
}
