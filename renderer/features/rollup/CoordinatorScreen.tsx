/**
 * The territorial roll-up: which community reported which quarter (on time, late, missing — as
 * words and icons), totals per quarter, and the themes that recur across communities' plans.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessCell, CompletenessRow } from '../../../shared/domain';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import { compareNames, matchesSearch } from '../../../shared/text-search';
import { ButtonLink } from '../../components/Button';
import { EmptyState, ErrorBanner, LoadedList, Loading } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { NoPlanCell } from '../../components/NoPlanCell';
import { PageHeader } from '../../components/PageHeader';
import { useYearAndSearch, YearAndSearchPanel } from '../../components/YearAndSearch';
import { StatusChip } from '../../components/StatusChip';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { reportHref } from '../../../shared/report-routes';
import { useCall, usePlanner } from '../../app/store-context';
import { themeLabel } from '../plans/plan-reference';

type Focus = '' | 'attention' | 'no_plan';

export function CoordinatorScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = usePlanner((s) => s.locale);
  const filter = useYearAndSearch();
  const { fiscalYear, search } = filter;
  const [focus, setFocus] = useState<Focus>('');
  const matrix = useCall('completeness:matrix', { fiscalYear });
  const themes = useCall('themes:acrossCommunities', { fiscalYear });

  const rows = useMemo(() => {
    const compare = compareNames(locale);
    return (matrix.data?.rows ?? [])
      .filter((r) => matchesSearch(r.communityName, search))
      .filter((r) => (focus === 'attention' ? r.cells.some((c) => c.state === 'late' || c.state === 'missing') : focus === 'no_plan' ? r.planId === null : true))
      .sort((a, b) => compare(a.communityName, b.communityName));
  }, [matrix.data, search, focus, locale]);

  function cellChip(row: CompletenessRow, cell: CompletenessCell) {
    const detail = cell.daysLate ? t('common.daysLate', { count: cell.daysLate }) : undefined;
    const chip = <StatusChip kind="completeness" value={cell.state} detail={detail} />;
    if (!row.planId) return chip;
    return (
      <a className="matrix-link" href={href.report(row.planId, cell.quarter)}>
        <span className="visually-hidden">{t('coordinator.cellLabel', { name: row.communityName, quarter: format.quarterShort(cell.quarter) })} </span>
        {chip}
        {cell.amended ? (
          <span className="matrix-amended small" title={t('cycle.amend.marker', { date: format.dateTime(cell.amended.on), who: cell.amended.by })}>
            {' '}
            {t('cycle.amend.matrix', { date: format.date(cell.amended.on) })}
          </span>
        ) : null}
      </a>
    );
  }

  const columns: Array<Column<CompletenessRow>> = [
    { key: 'name', header: t('communities.community'), rowHeader: true, render: (r) => <a href={href.community(r.communityId)}>{r.communityName}</a> },
    { key: 'plan', header: t('communities.plan'), render: (r) => (r.planId ? <a className="matrix-link" href={href.plan(r.planId)}><StatusChip kind="plan" value={r.planStatus ?? 'none'} /><span className="visually-hidden"> {t('communities.planOf', { name: r.communityName })}</span></a> : <StatusChip kind="plan" value="none" />) },
    ...QUARTERS.map(
      (q): Column<CompletenessRow> => ({
        key: `q${q}`,
        header: t('coordinator.quarterHeader', { quarter: format.quarterShort(q), months: t(`home.quarterMonths.q${q}`) }),
        render: (r) => (r.planId ? cellChip(r, r.cells[q - 1]!) : <NoPlanCell />),
      }),
    ),
  ];

  return (
    <>
      <PageHeader title={t('coordinator.title')} subtitle={t('coordinator.subtitle')} actions={<><ButtonLink href={reportHref({ name: 'rollup', view: 'completeness' })}>{t('reports.rollup.title')}</ButtonLink><ButtonLink href={href.completenessHistory()}>{t('coordinator.tenYears')}</ButtonLink></>} />
      <YearAndSearchPanel filter={filter}>
        <Select
          className="field--inline"
          label={t('coordinator.show')}
          value={focus}
          onChange={(e) => setFocus(e.target.value as Focus)}
          options={[
            { value: '', label: t('coordinator.showAll') },
            { value: 'attention', label: t('coordinator.showAttention') },
            { value: 'no_plan', label: t('coordinator.showNoPlan') },
          ]}
        />
      </YearAndSearchPanel>

      <ErrorBanner error={matrix.error} onRetry={matrix.reload} />
      {matrix.loading && !matrix.data ? (
        <Loading />
      ) : matrix.data ? (
        <>
          <section className="panel" aria-labelledby="coordinator-totals">
            <h2 id="coordinator-totals">{t('coordinator.totalsTitle', { year: format.fiscalYear(fiscalYear) })}</h2>
            <p className="muted small">{t('coordinator.asOf', { date: format.date(matrix.data.asOf), count: matrix.data.reportDueDays })}</p>
            <Table
              caption={t('coordinator.totalsTitle', { year: format.fiscalYear(fiscalYear) })}
              hideCaption
              compact
              rows={matrix.data.totals}
              rowKey={(r) => String(r.quarter)}
              columns={[
                { key: 'q', header: t('common.quarter'), rowHeader: true, render: (r) => format.quarter(fiscalYear, r.quarter) },
                ...(['on_time', 'late', 'missing', 'due', 'upcoming', 'no_plan'] as const).map((state) => ({
                  key: state,
                  header: t(`vocab.completeness.${state}`),
                  numeric: true,
                  render: (r: (typeof matrix.data.totals)[number]) => format.number(r[state]),
                })),
              ]}
            />
          </section>

          <section aria-labelledby="coordinator-matrix">
            <h2 id="coordinator-matrix">{t('coordinator.matrixTitle')}</h2>
            {rows.length === 0 ? (
              <EmptyState headingLevel={3} title={t('communities.noMatchTitle')}>
                {t('communities.noMatchBody')}
              </EmptyState>
            ) : (
              <Table caption={t('coordinator.matrixCaption', { year: format.fiscalYear(fiscalYear) })} hideCaption className="matrix" compact columns={columns} rows={rows} rowKey={(r) => r.communityId} />
            )}
          </section>
        </>
      ) : null}

      <section className="panel section-gap" aria-labelledby="coordinator-themes">
        <h2 id="coordinator-themes">{t('coordinator.themesTitle', { year: format.fiscalYear(fiscalYear) })}</h2>
        <LoadedList call={themes} empty={<p className="muted">{t('coordinator.noThemes')}</p>}>
          {(rows) => (
            <Table
              caption={t('coordinator.themesTitle', { year: format.fiscalYear(fiscalYear) })}
              hideCaption
              compact
              rows={rows}
              rowKey={(r) => r.themeId}
              columns={[
                { key: 'theme', header: t('coordinator.theme'), rowHeader: true, render: (r) => themeLabel(r, locale) },
                { key: 'count', header: t('coordinator.communityCount'), numeric: true, render: (r) => format.number(r.communityCount) },
                { key: 'communities', header: t('coordinator.communities'), render: (r) => r.communities.map((c) => c.name).join(', ') },
              ]}
            />
          )}
        </LoadedList>
      </section>
    </>
  );
}
