import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { ErrorBanner } from '../../components/Feedback';
import { TextArea, TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useClient } from '../../app/store-context';

export function PlanDetailsDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [title, setTitle] = useState(plan.title);
  const [summary, setSummary] = useState(plan.summary ?? '');
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await client.call('plans:update', { planId: plan.id, title, summary: summary.trim() === '' ? null : summary });
  }, onClose);
  return (
    <Dialog
      title={t('plan.details.title')}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (title.trim() !== '') void submit();
      }}
      footer={<FormDialogFooter submitLabel={t('common.save')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <TextField label={t('plan.titleLabel')} value={title} onChange={(e) => setTitle(e.target.value)} error={checked && title.trim() === '' ? t('plan.details.titleRequired') : undefined} required maxLength={200} />
      <TextArea label={t('plan.details.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} rows={5} />
    </Dialog>
  );
}
