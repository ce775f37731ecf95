/**
 * The coordinator's review of one quarterly report (issue 14 §4), on the report and progress
 * screens: where it stands (submitted, accepted, returned with its reason kept whole,
 * resubmitted), every review so far, and the actions of whoever may take them — Accept (asked
 * first: it locks the quarter) and Return (a reason is required) for the coordinator, Resubmit for
 * the community once it has amended a returned report. Keyboard-operable: buttons and dialogs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quarter } from '../../../shared/fiscal-calendar';
import { mayResubmit, mayReview } from '../../../shared/rules/quarter-review';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { TextArea, MAX_LONG_TEXT } from '../../components/Field';
import { FormDialog, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { usePermission } from '../../app/use-permission';
import { useCall } from '../../app/store-context';
import { useReviewCommands } from './review-commands';
import { REVIEW_SYMBOL } from './ReviewMark';
import './quarter-review.css';

export function ReviewPanel({ planId, quarter, community, quarterName }: { planId: string; quarter: Quarter; community: { id: string; name: string }; quarterName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useReviewCommands();
  const mayAccept = usePermission('reports:accept', community);
  const mayResubmitHere = usePermission('reports:resubmit', community);
  const [dialog, setDialog] = useState<'accept' | 'return' | 'resubmit' | null>(null);
  const [reason, setReason] = useState('');
  // Read live (the progress form is loaded once): a review or resubmission shows at once.
  const call = useCall('reports:get', { planId, quarter });
  const report = call.data;
  const review = report?.review;
  if (!report || !review || review.status === 'draft') return null;
  const latest = review.latest;

  const sentence = (() => {
    switch (review.status) {
      case 'submitted':
        return t('quarterReview.panelSubmitted', { date: format.date(report.submittedAt), who: report.submittedBy ?? '' });
      case 'resubmitted':
        return t('quarterReview.panelResubmitted', { date: format.date(review.resubmittedAt), who: review.resubmittedBy ?? '' });
      case 'accepted':
        return t('quarterReview.panelAccepted', { date: format.date(latest?.reviewedAt), who: latest?.reviewedBy ?? '' });
      default:
        return t('quarterReview.panelReturned', { date: format.date(latest?.reviewedAt), who: latest?.reviewedBy ?? '' });
    }
  })();

  return (
    <section className={`panel review-panel review-panel--${review.status}`} aria-labelledby="review-panel-title" data-review={review.status}>
      <h2 id="review-panel-title">
        <span aria-hidden="true">{REVIEW_SYMBOL[review.status]} </span>
        {t('quarterReview.panelTitle')} — {t(`quarterReview.status.${review.status}`)}
      </h2>
      <p>{sentence}</p>
      {review.status === 'returned' && latest?.reason ? (
        <>
          <h3 className="small">{t('quarterReview.reasonLabel')}</h3>
          <p className="review-reason" data-testid="review-reason">
            {latest.reason}
          </p>
        </>
      ) : null}
      {review.amendedAfterAcceptance ? (
        <p className="muted">{t('quarterReview.amendedAfterAcceptance', { date: format.date(review.amendedAfterAcceptance.amendedAt), who: review.amendedAfterAcceptance.amendedBy })}</p>
      ) : null}
      {review.reviews.length > 0 ? <p className="muted small">{t('quarterReview.firstSubmission', { date: format.date(report.submittedAt) })}</p> : null}
      {review.reviews.length > 1 || (review.reviews.length === 1 && review.status === 'resubmitted') ? (
        <details>
          <summary>{t('quarterReview.history')}</summary>
          <ol className="plain-list small">
            {review.reviews.map((r) => (
              <li key={r.id}>
                {t(r.decision === 'accepted' ? 'quarterReview.historyAccepted' : 'quarterReview.historyReturned', { date: format.date(r.reviewedAt), who: r.reviewedBy })}
                {r.reason ? <span className="review-reason">{r.reason}</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      <div className="row">
        {mayReview(review.status) && mayAccept.allowed ? (
          <>
            <Button variant="primary" onClick={() => setDialog('accept')}>
              {t('quarterReview.accept')}
            </Button>
            <Button onClick={() => setDialog('return')}>{t('quarterReview.return')}</Button>
          </>
        ) : null}
        {mayResubmit(review.status) && mayResubmitHere.allowed && !mayAccept.allowed ? (
          <Button variant="primary" onClick={() => setDialog('resubmit')}>
            {t('quarterReview.resubmit')}
          </Button>
        ) : null}
      </div>

      {dialog === 'accept' ? (
        <ConfirmDialog title={t('quarterReview.acceptTitle', { quarter: quarterName, name: community.name })} confirmLabel={t('quarterReview.acceptYes')} onConfirm={() => commands.accept(report.planId, report.quarter)} onClose={() => setDialog(null)}>
          <p>{t('quarterReview.acceptBody')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'resubmit' ? (
        <ConfirmDialog title={t('quarterReview.resubmitTitle', { quarter: quarterName, name: community.name })} confirmLabel={t('quarterReview.resubmitYes')} onConfirm={() => commands.resubmit(report.planId, report.quarter)} onClose={() => setDialog(null)}>
          <p>{t('quarterReview.resubmitBody')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'return' ? (
        <FormDialog
          wide
          title={t('quarterReview.returnTitle', { quarter: quarterName, name: community.name })}
          submitLabel={t('quarterReview.returnSubmit')}
          dirty={reason !== ''}
          isValid={() => reason.trim() !== ''}
          save={async () => {
            await commands.return(report.planId, report.quarter, reason);
            setReason('');
          }}
          onClose={() => setDialog(null)}
        >
          {(checked) => (
            <>
              <p>{t('quarterReview.returnIntro')}</p>
              <TextArea
                label={t('quarterReview.returnReason')}
                hint={t('quarterReview.returnReasonHint')}
                rows={6}
                maxLength={MAX_LONG_TEXT}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={requiredError(checked, reason, t('quarterReview.returnReasonMissing'))}
                required
              />
            </>
          )}
        </FormDialog>
      ) : null}
    </section>
  );
}
