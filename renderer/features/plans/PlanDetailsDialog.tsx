import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import { MAX_LONG_TEXT, TextArea, TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { usePlanCommands } from './plan-commands';
import { useChanged } from '../../app/unsaved-edits';

export function PlanDetailsDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePlanCommands();
  const [title, setTitle] = useState(plan.title);
  const [summary, setSummary] = useState(plan.summary ?? '');
  const dirty = useChanged({ title, summary });
  return (
    <FormDialog dirty={dirty} title={t('plan.details.title')} submitLabel={t('common.save')} onClose={onClose} isValid={() => filled(title)} save={() => commands.updateDetails(plan, title, summary)}>
      {(checked) => (
        <>
          <TextField label={t('plan.titleLabel')} value={title} onChange={(e) => setTitle(e.target.value)} error={requiredError(checked, title, t('plan.details.titleRequired'))} required maxLength={200} />
          <TextArea label={t('plan.details.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} rows={5} maxLength={MAX_LONG_TEXT} />
        </>
      )}
    </FormDialog>
  );
}
