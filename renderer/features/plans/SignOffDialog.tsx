import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/domain';
import { Banner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { usePlanner } from '../../app/store-context';
import { todayIso } from '../../app/today';
import { usePlanCommands } from './plan-commands';
import { isFutureDate } from '../../../shared/rules/plan-cycle';

/** Sign-off: the community's and the detachment's signatories, with dates. The plan then becomes read-only. */
export function SignOffDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const profile = usePlanner((s) => s.profile);
  const today = todayIso();
  const [communitySignatory, setCommunitySignatory] = useState('');
  const [communitySignedOn, setCommunitySignedOn] = useState(today);
  const [detachmentSignatory, setDetachmentSignatory] = useState(profile?.role === 'detachment' ? profile.userName : '');
  const [detachmentSignedOn, setDetachmentSignedOn] = useState(today);

  return (
    <FormDialog
      title={t('plan.signOff.title', { name: plan.communityName, year: format.fiscalYear(plan.fiscalYear) })}
      submitLabel={t('plan.signOff.confirm')}
      onClose={onClose}
      isValid={() => filled(communitySignatory, communitySignedOn, detachmentSignatory, detachmentSignedOn) && !isFutureDate(communitySignedOn, today) && !isFutureDate(detachmentSignedOn, today)}
      save={() => commands.agree({ planId: plan.id, communitySignatory, communitySignedOn, detachmentSignatory, detachmentSignedOn })}
    >
      {(checked) => {
        const required = (v: string) => requiredError(checked, v, t('plan.signOff.required'));
        // Sign-off dates are never in the future (the core refuses them too).
        const dateError = (v: string) => required(v) ?? (v && isFutureDate(v, today) ? t('cycle.dates.signedOnFuture', { date: format.date(today) }) : undefined);
        const dateHint = t('cycle.dates.signedOnHint', { date: format.date(today) });
        return (
          <>
            <Banner tone="info">
              <p>{t('plan.signOff.explain')}</p>
            </Banner>
            <div className="grid-2">
              <TextField label={t('plan.signOff.communitySignatory')} hint={t('plan.signOff.communityHint')} value={communitySignatory} onChange={(e) => setCommunitySignatory(e.target.value)} error={required(communitySignatory)} required />
              <TextField label={t('plan.signOff.communitySignedOn')} type="date" max={today} hint={dateHint} value={communitySignedOn} onChange={(e) => setCommunitySignedOn(e.target.value)} error={dateError(communitySignedOn)} required />
              <TextField label={t('plan.signOff.detachmentSignatory')} hint={t('plan.signOff.detachmentHint')} value={detachmentSignatory} onChange={(e) => setDetachmentSignatory(e.target.value)} error={required(detachmentSignatory)} required />
              <TextField label={t('plan.signOff.detachmentSignedOn')} type="date" max={today} hint={dateHint} value={detachmentSignedOn} onChange={(e) => setDetachmentSignedOn(e.target.value)} error={dateError(detachmentSignedOn)} required />
            </div>
          </>
        );
      }}
    </FormDialog>
  );
}
