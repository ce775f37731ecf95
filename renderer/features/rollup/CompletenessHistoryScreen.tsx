/**
 * Ten years of quarterly reports at a glance: every community × 40 quarters. Each cell is an icon
 * whose shape (not only its colour) tells the state, with the state in words for screen readers
 * and as a tooltip; a legend explains the shapes.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import { compareNames } from '../../../shared/text-search';
import { COMPLETENESS_STATES, type CompletenessState } from '../../../shared/vocabulary';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { COMPLETENESS_LOOKS, StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { usePlanner } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { useCompletenessMatrices } from './rollup-slice';
import { ScopeNote } from '../exchange/ScopeNote';

export const HISTORY_YEARS = 10;

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
    const byCommunity = new Map<string, { id: string; name: string; cells: CompletenessState[] }>();
    matrices.forEach((m, yearIndex) => {
      for (const row of m.rows) {
        const entry = byCommunity.get(row.communityId) ?? { id: row.communityId, name: row.communityName, cells: new Array<CompletenessState>(HISTORY_YEARS * 4).fill('no_plan') };
        row.cells.forEach((cell, q) => (entry.cells[yearIndex * 4 + q] = cell.state));
        byCommunity.set(row.communityId, entry);
      }
    });
    return [...byCommunity.values()].sort((a, b) => compare(a.name, b.name));
  }, [matrices, locale]);

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
      </section>
      <ErrorBanner error={error} />
      {!matrices && !error ? (
        <Loading />
      ) : matrices ? (
        <div className="table-wrap history-wrap" ref={scroller}>
          <table className="table table--compact history-table">
            <caption className="visually-hidden">{t('history.caption', { from: format.fiscalYear(years[0]!), to: format.fiscalYear(last) })}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('communities.community')}
                </th>
                {years.map((fy) => (
                  <th key={fy} scope="colgroup" colSpan={4} className="history-year">
                    {format.fiscalYear(fy)}
                  </th>
                ))}
              </tr>
              <tr>
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
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <a href={href.community(row.id)}>{row.name}</a>
                  </th>
                  {row.cells.map((state, i) => {
                    const look = COMPLETENESS_LOOKS[state];
                    return (
                      <td key={i} className={`history-cell history-cell--${look.tone}`} title={labels[state]}>
                        <Icon name={look.icon} size={12} />
                        <span className="visually-hidden">{labels[state]}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
