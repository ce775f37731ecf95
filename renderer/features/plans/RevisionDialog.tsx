import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { ErrorBanner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useClient, usePlanner } from '../../app/store-context';

/** Opens a recorded revision of an agreed plan: the reason is kept in the plan's history. */
export function RevisionDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const notify = usePlanner((s) => s.notify);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await client.call('plans:openRevision', { planId: plan.id, reason });
    notify(t('plan.revision.opened'));
  }, onClose);
  return (
    <Dialog
      title={t('plan.revision.openTitle')}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (reason.trim() !== '') void submit();
      }}
      footer={<FormDialogFooter submitLabel={t('plan.revision.open')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <p>{t('plan.revision.explain')}</p>
      <TextField label={t('plan.revision.reason')} hint={t('plan.revision.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={checked && reason.trim() === '' ? t('plan.revision.reasonRequired') : undefined} required maxLength={200} />
    </Dialog>
  );
}
