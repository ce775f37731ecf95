import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import { TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { usePlanCommands } from './plan-commands';
import { useChanged } from '../../app/unsaved-edits';

/** Opens a recorded revision of an agreed plan: the reason is kept in the plan's history. */
export function RevisionDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePlanCommands();
  const [reason, setReason] = useState('');
  const dirty = useChanged({ reason });
  return (
    <FormDialog dirty={dirty} title={t('plan.revision.openTitle')} submitLabel={t('plan.revision.open')} onClose={onClose} isValid={() => filled(reason)} save={() => commands.openRevision(plan, reason)}>
      {(checked) => (
        <>
          <p>{t('plan.revision.explain')}</p>
          <TextField label={t('plan.revision.reason')} hint={t('plan.revision.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={requiredError(checked, reason, t('plan.revision.reasonRequired'))} required maxLength={200} />
        </>
      )}
    </FormDialog>
  );
}
