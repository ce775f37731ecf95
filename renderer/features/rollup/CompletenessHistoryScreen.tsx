/**
 * Ten years of quarterly reports at a glance: every community × 40 quarters. Each cell is an icon
 * whose shape (not only its colour) tells the state, with the state in words for screen readers
 * and as a tooltip; a legend explains the shapes.
 *
 * A territory of hundreds of communities renders only the rows near the box's scroll position
 * (virtual-rows.ts; the box scrolls by itself so that its headings stay in sight both ways).
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import { compareNames } from '../../../shared/text-search';
import { COMPLETENESS_STATES, type CompletenessState } from '../../../shared/vocabulary';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { Icon } from '../../components/Icon';
import { useVirtualRows } from '../../components/virtual-rows';
import { GapRow } from '../../components/VirtualRows';
import { PageHeader } from '../../components/PageHeader';
import { COMPLETENESS_LOOKS, StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { usePlanner } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { useCompletenessMatrices } from './rollup-slice';
import { ScopeNote } from '../exchange/ScopeNote';
import type { CellReview } from '../../../shared/domain';
import { REVIEW_SYMBOL, ReviewLegend } from '../quarter-review/ReviewMark';

export const HISTORY_YEARS = 10;
const ROW_HEIGHT = 27;
const estimateRowHeight = () => ROW_HEIGHT;

export function CompletenessHistoryScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = usePlanner((s) => s.locale);
  const last = currentFiscalQuarter().fiscalYear;
  const years = useMemo(() => Array.from({ length: HISTORY_YEARS }, (_, i) => last - HISTORY_YEARS + 1 + i), [last]);
  const { matrices, error } = useCompletenessMatrices(years);
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    if (!matrices) return [];
    const compare = compareNames(locale);
    const byCommunity = new Map<string, { id: string; name: string; cells: CompletenessState[]; reviews: Array<CellReview['status'] | undefined> }>();
    matrices.forEach((m, yearIndex) => {
      for (const row of m.rows) {
        const entry = byCommunity.get(row.communityId) ?? { id: row.communityId, name: row.communityName, cells: new Array<CompletenessState>(HISTORY_YEARS * 4).fill('no_plan'), reviews: new Array<CellReview['status'] | undefined>(HISTORY_YEARS * 4) };
        row.cells.forEach((cell, q) => (entry.cells[yearIndex * 4 + q] = cell.state));
        // The coordinator's review of each submitted report (issue 14 §4), beside its state.
        row.cells.forEach((cell, q) => (entry.reviews[yearIndex * 4 + q] = cell.review?.status));
        byCommunity.set(row.communityId, entry);
      }
    });
    return [...byCommunity.values()].sort((a, b) => compare(a.name, b.name));
  }, [matrices, locale]);

  const keys = useMemo(() => rows.map((row) => row.id), [rows]);
  const list = useVirtualRows({ keys, estimateSize: estimateRowHeight, overscan: 12 });

  // The latest years matter most: start scrolled to the right end.
  useEffect(() => {
    if (matrices && scroller.current) scroller.current.scrollLeft = scroller.current.scrollWidth;
  }, [matrices]);

  const labels = useMemo(() => Object.fromEntries(COMPLETENESS_STATES.map((s) => [s, t(`vocab.completeness.${s}`)])) as Record<CompletenessState, string>, [t]);

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.coordinator'), href: href.coordinator() }, { label: t('history.crumb') }]}
        title={t('history.title', { count: HISTORY_YEARS })}
        subtitle={t('history.subtitle', { from: format.fiscalYear(years[0]!), to: format.fiscalYear(last) })}
      />
      <ScopeNote />
      <section className="panel" aria-labelledby="history-legend">
        <h2 id="history-legend">{t('history.legend')}</h2>
        <div className="row">
          {COMPLETENESS_STATES.map((s) => (
            <StatusChip key={s} kind="completeness" value={s} />
          ))}
        </div>
        <ReviewLegend />
      </section>
      <ErrorBanner error={error} />
      {!matrices && !error ? (
        <Loading />
      ) : matrices ? (
        <div className="table-wrap history-wrap" ref={scroller} data-virtual-scroller="">
          <table className="table table--compact history-table" aria-rowcount={list.virtual ? rows.length + 2 : undefined}>
            <caption className="visually-hidden">{t('history.caption', { from: format.fiscalYear(years[0]!), to: format.fiscalYear(last) })}</caption>
            <thead>
              <tr aria-rowindex={list.virtual ? 1 : undefined}>
                <th scope="col" rowSpan={2}>
                  {t('communities.community')}
                </th>
                {years.map((fy) => (
                  <th key={fy} scope="colgroup" colSpan={4} className="history-year">
                    {format.fiscalYear(fy)}
                  </th>
                ))}
              </tr>
              <tr aria-rowindex={list.virtual ? 2 : undefined}>
                {years.flatMap((fy) =>
                  QUARTERS.map((q) => (
                    <th key={`${fy}-${q}`} scope="col" className="history-quarter">
                      <span aria-hidden="true">{q}</span>
                      <span className="visually-hidden">{format.quarter(fy, q)}</span>
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody ref={list.containerRef} {...list.containerProps}>
              {list.rows.map(({ index, gapBefore }) => {
                const row = rows[index]!;
                return (
                  <Fragment key={row.id}>
                    <GapRow height={gapBefore} columns={1 + HISTORY_YEARS * 4} />
                    <tr data-index={list.virtual ? index : undefined} aria-rowindex={list.virtual ? index + 3 : undefined} ref={list.virtual ? list.measureRef : undefined}>
                      <th scope="row">
                        <a href={href.community(row.id)}>{row.name}</a>
                      </th>
                      {row.cells.map((state, i) => {
                        const look = COMPLETENESS_LOOKS[state];
                        const review = row.reviews[i];
                        const reviewLabel = review ? t(`quarterReview.status.${review}`) : null;
                        return (
                          <td key={i} className={`history-cell history-cell--${look.tone}`} title={reviewLabel ? `${labels[state]} — ${reviewLabel}` : labels[state]} data-review={review}>
                            <Icon name={look.icon} size={12} />
                            <span className="visually-hidden">{labels[state]}</span>
                            {review ? (
                              <>
                                <span aria-hidden="true" className="history-review">
                                  {REVIEW_SYMBOL[review]}
                                </span>
                                <span className="visually-hidden">, {reviewLabel}</span>
                              </>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  </Fragment>
                );
              })}
              <GapRow height={list.gapAfter} columns={1 + HISTORY_YEARS * 4} />
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
