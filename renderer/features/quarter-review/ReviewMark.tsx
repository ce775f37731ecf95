/**
 * Where a report stands in the coordinator's review, readable without colour: a symbol and the
 * words, with the date (and who, in the tooltip and for screen readers). Used in the completeness
 * matrix, its history and the home pages; the legend explains the symbols.
 */
import { useTranslation } from 'react-i18next';
import type { CellReview } from '../../../shared/domain';
import type { ReviewStatus } from '../../../shared/vocabulary';
import { useFormat } from '../../i18n/format';
import './quarter-review.css';

/** The symbol of each status: never the only sign (the words are always beside it). */
export const REVIEW_SYMBOL: Record<ReviewStatus, string> = { draft: '○', submitted: '●', accepted: '✓', returned: '↶', resubmitted: '↻' };
const SHOWN: ReadonlyArray<Exclude<ReviewStatus, 'draft'>> = ['submitted', 'returned', 'resubmitted', 'accepted'];

export function ReviewMark({ review }: { review: CellReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = t(`quarterReview.status.${review.status}`);
  const title = review.on ? t('quarterReview.markTitle', { status, date: format.date(review.on), who: review.by ?? '' }) : status;
  return (
    <span className={`review-mark review-mark--${review.status}`} data-review={review.status} title={title}>
      <span aria-hidden="true" className="review-mark__symbol">
        {REVIEW_SYMBOL[review.status]}
      </span>{' '}
      <span className="visually-hidden">{title}</span>
      <span aria-hidden="true">{review.on ? t('quarterReview.markOn', { status, date: format.date(review.on) }) : status}</span>
    </span>
  );
}

/** The legend of the review marks, in words. */
export function ReviewLegend() {
  const { t } = useTranslation();
  return (
    <div className="review-legend" data-testid="review-legend">
      <h3 className="small">{t('quarterReview.legendTitle')}</h3>
      <p className="muted small">{t('quarterReview.legendIntro')}</p>
      <ul className="review-legend__list">
        {SHOWN.map((s) => (
          <li key={s} className={`review-mark review-mark--${s}`}>
            <span aria-hidden="true" className="review-mark__symbol">
              {REVIEW_SYMBOL[s]}
            </span>{' '}
            {t(`quarterReview.status.${s}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
