import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { Banner, ErrorBanner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useFormat } from '../../i18n/format';
import { useClient, usePlanner } from '../../app/store-context';
import { todayIso } from '../../app/today';

/** Sign-off: the community's and the detachment's signatories, with dates. The plan then becomes read-only. */
export function SignOffDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  const profile = usePlanner((s) => s.profile);
  const notify = usePlanner((s) => s.notify);
  const today = todayIso();
  const [communitySignatory, setCommunitySignatory] = useState('');
  const [communitySignedOn, setCommunitySignedOn] = useState(today);
  const [detachmentSignatory, setDetachmentSignatory] = useState(profile?.role === 'detachment' ? profile.userName : '');
  const [detachmentSignedOn, setDetachmentSignedOn] = useState(today);
  const [checked, setChecked] = useState(false);
  const required = (v: string) => (checked && v.trim() === '' ? t('plan.signOff.required') : undefined);

  const { busy, error, submit } = useSubmit(async () => {
    await client.call('plans:agree', { planId: plan.id, communitySignatory, communitySignedOn, detachmentSignatory, detachmentSignedOn });
    notify(t('plan.signOff.done'));
  }, onClose);

  return (
    <Dialog
      title={t('plan.signOff.title', { name: plan.communityName, year: format.fiscalYear(plan.fiscalYear) })}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if ([communitySignatory, communitySignedOn, detachmentSignatory, detachmentSignedOn].every((v) => v.trim() !== '')) void submit();
      }}
      footer={<FormDialogFooter submitLabel={t('plan.signOff.confirm')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <Banner tone="info">
        <p>{t('plan.signOff.explain')}</p>
      </Banner>
      <div className="grid-2">
        <TextField label={t('plan.signOff.communitySignatory')} hint={t('plan.signOff.communityHint')} value={communitySignatory} onChange={(e) => setCommunitySignatory(e.target.value)} error={required(communitySignatory)} required />
        <TextField label={t('plan.signOff.communitySignedOn')} type="date" value={communitySignedOn} onChange={(e) => setCommunitySignedOn(e.target.value)} error={required(communitySignedOn)} required />
        <TextField label={t('plan.signOff.detachmentSignatory')} hint={t('plan.signOff.detachmentHint')} value={detachmentSignatory} onChange={(e) => setDetachmentSignatory(e.target.value)} error={required(detachmentSignatory)} required />
        <TextField label={t('plan.signOff.detachmentSignedOn')} type="date" value={detachmentSignedOn} onChange={(e) => setDetachmentSignedOn(e.target.value)} error={required(detachmentSignedOn)} required />
      </div>
    </Dialog>
  );
}
