/**
 * Printing and exports: the one place for what leaves the planner. Printed documents (a
 * community's annual plan and quarterly reports, through the print screen with its options:
 * paper, language, public version) and the roll-up's tables as CSV or one XLSX workbook, with the
 * roll-up's filters. The roll-up's tabs keep the exports of what they show above it; this screen
 * holds every one of them.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import { DEFAULT_PRINT_OPTIONS, reportHref, ROLLUP_VIEWS } from '../../../shared/report-routes';
import { EXPORT_VIEWS, type RollupFilters } from '../../../shared/reports';
import { compareNames } from '../../../shared/text-search';
import { ButtonLink } from '../../components/Button';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { PublicChoice, RollupExports, RollupFiltersPanel, VIEW_EXPORTS } from './rollup-parts';
import './rollup.css';

/** The plans' own data (plans, actions, progress, …): every export view no roll-up tab shows. */
const RAW_VIEWS = EXPORT_VIEWS.filter((v) => !Object.values(VIEW_EXPORTS).some((views) => views.includes(v)));

export function ExportsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = usePlanner((s) => s.locale);
  const [filters, setFilters] = useState<RollupFilters>({ fiscalYear: currentFiscalQuarter().fiscalYear });
  const rollup = useCall('rollup:get', filters);
  const data = rollup.data;
  const [communityId, setCommunityId] = useState('');
  const [isPublic, setPublic] = useState(false);
  const withPlan = useMemo(() => {
    const compare = compareNames(locale);
    return (data?.completeness.rows ?? []).filter((r) => r.planId).sort((a, b) => compare(a.communityName, b.communityName));
  }, [data, locale]);
  const chosen = withPlan.find((r) => r.communityId === communityId) ?? withPlan[0] ?? null;

  return (
    <>
      <PageHeader title={t('rollupViews.exports.title')} subtitle={t('rollupViews.exports.subtitle')} actions={<ButtonLink href={href.rollup()}>{t('nav.coordinator')}</ButtonLink>} />
      <RollupFiltersPanel filters={filters} onChange={setFilters} data={data} />
      <ErrorBanner error={rollup.error} onRetry={rollup.reload} />
      {!data ? (
        <Loading />
      ) : (
        <>
          <section className="panel" aria-labelledby="exports-printed">
            <h2 id="exports-printed">{t('rollupViews.exports.printedTitle')}</h2>
            <p className="muted small">{t('rollupViews.exports.printedHint')}</p>
            {withPlan.length === 0 ? (
              <p>{t('rollupViews.exports.noPlans', { year: format.fiscalYear(filters.fiscalYear) })}</p>
            ) : (
              <>
                <Select className="field--inline" label={t('communities.community')} value={chosen?.communityId ?? ''} onChange={(e) => setCommunityId(e.target.value)} options={withPlan.map((r) => ({ value: r.communityId, label: r.communityName }))} />
                {chosen?.planId ? (
                  <ul className="plain-list exports-printed">
                    <li>
                      <a href={href.printAnnual(chosen.planId)}>{t('rollupViews.exports.annual', { name: chosen.communityName, year: format.fiscalYear(filters.fiscalYear) })}</a>
                    </li>
                    {QUARTERS.map((q) => (
                      <li key={q}>
                        <a href={reportHref({ name: 'printQuarterly', planId: chosen.planId!, quarter: q, options: DEFAULT_PRINT_OPTIONS })}>{t('rollupViews.exports.quarterly', { name: chosen.communityName, quarter: format.quarter(filters.fiscalYear, q) })}</a>{' '}
                        <StatusChip kind="completeness" value={chosen.cells[q - 1]!.state} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </section>
          <section className="panel section-gap" aria-labelledby="exports-tables">
            <h2 id="exports-tables">{t('rollupViews.exports.tablesTitle')}</h2>
            <p className="muted small">{t('reports.rollup.asOf', { date: format.date(data.filters.asOf), communities: data.communityCount, withPlan: data.communitiesWithPlan, year: format.fiscalYear(data.filters.fiscalYear) })}</p>
            <PublicChoice checked={isPublic} onChange={setPublic} />
            <RollupExports filters={filters} views={[]} isPublic={isPublic} />
            {ROLLUP_VIEWS.map((v) => (
              <div key={v} className="exports-group">
                <h3>{t(`reports.rollup.views.${v}`)}</h3>
                <RollupExports filters={filters} views={VIEW_EXPORTS[v]} compact withXlsx={false} isPublic={isPublic} />
              </div>
            ))}
            <div className="exports-group">
              <h3>{t('rollupViews.exports.rawTitle')}</h3>
              <RollupExports filters={filters} views={RAW_VIEWS} compact withXlsx={false} isPublic={isPublic} />
            </div>
          </section>
        </>
      )}
    </>
  );
}
