/**
 * Indicator trends, one indicator at a time across communities: pick an indicator (a search
 * narrows the list; the roll-up's theme and zone filters and a community choice narrow it
 * further), then one chart of it across communities and quarters, its table (every community,
 * eight quarters, baseline, target, latest, assessment; sortable), and a small chart per
 * community drawn only as it scrolls into view. Indicators are the same indicator in several
 * communities when their names match (case and accents aside) and their units too.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { RollupData } from '../../../shared/reports';
import { compareNames, foldForSearch, matchesSearch } from '../../../shared/text-search';
import { EmptyState } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { usePlanner } from '../../app/store-context';
import { BarsChart, ChartFigure, LinesChart, SERIES_COLOURS } from './charts';
import { LazyChart } from './LazyChart';

type Indicator = RollupData['indicators'][number];

export interface IndicatorGroup {
  key: string;
  name: string;
  unit: string;
  items: Indicator[];
}

/** The roll-up's indicators grouped into "the same indicator" across communities. */
export function groupIndicators(indicators: readonly Indicator[], compare: (a: string, b: string) => number): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const i of indicators) {
    const key = `${foldForSearch(i.name).trim()}|${foldForSearch(i.unit).trim()}`;
    const group = groups.get(key) ?? { key, name: i.name, unit: i.unit, items: [] };
    group.items.push(i);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || compare(a.name, b.name));
}

/** At most this many communities get a line of their own in the one chart; more: bars of the latest value. */
const LINES_AT_MOST = SERIES_COLOURS.length;

export function IndicatorsTab({ data }: { data: RollupData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = usePlanner((s) => s.locale);
  const compare = useMemo(() => compareNames(locale), [locale]);
  const [search, setSearch] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [chosen, setChosen] = useState('');

  const communities = useMemo(() => [...new Map(data.indicators.map((i) => [i.communityId, i.communityName])).entries()].sort((a, b) => compare(a[1], b[1])), [data, compare]);
  const groups = useMemo(() => {
    const inCommunity = communityId ? data.indicators.filter((i) => i.communityId === communityId) : data.indicators;
    const all = groupIndicators(inCommunity, compare);
    return search.trim() ? all.filter((g) => matchesSearch(g.name, search) || g.items.some((i) => matchesSearch(i.communityName, search) || matchesSearch(i.priorityTitle, search))) : all;
  }, [data, communityId, search, compare]);
  const group = groups.find((g) => g.key === chosen) ?? groups[0] ?? null;

  const fy = data.filters.fiscalYear;
  const label = (year: number, q: Quarter) => (year === fy ? format.quarterShort(q) : `${format.quarterShort(q)}’${String(year).slice(2)}`);
  const quarters = data.indicators[0]?.values ?? [];

  return (
    <section className="panel" aria-labelledby="rollup-indicators">
      <h2 id="rollup-indicators">{t('rollupViews.trends.title')}</h2>
      <div className="row">
        <TextField className="field--inline" type="search" label={t('rollupViews.trends.search')} value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('rollupViews.trends.searchPlaceholder')} />
        <Select className="field--inline" label={t('rollupViews.trends.community')} value={communityId} onChange={(e) => setCommunityId(e.target.value)} options={[{ value: '', label: t('reports.rollup.any') }, ...communities.map(([id, name]) => ({ value: id, label: name }))]} />
        <Select
          className="field--inline rollup-indicator-pick"
          label={t('rollupViews.trends.indicator')}
          value={group?.key ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          disabled={groups.length === 0}
          options={groups.length ? groups.map((g) => ({ value: g.key, label: t('rollupViews.trends.option', { name: g.name, unit: g.unit, count: g.items.length }) })) : [{ value: '', label: t('reports.indicators.empty') }]}
        />
      </div>
      <p className="muted small" role="status">
        {t('rollupViews.trends.found', { count: groups.length, total: groupIndicators(data.indicators, compare).length })}
      </p>
      {!group ? (
        <EmptyState headingLevel={3} title={t('reports.indicators.empty')}>
          {t('rollupViews.trends.emptyBody')}
        </EmptyState>
      ) : (
        <IndicatorAcrossCommunities group={group} communityId={communityId} label={label} quarters={quarters} />
      )}
    </section>
  );
}

function IndicatorAcrossCommunities({ group, communityId, label, quarters }: { group: IndicatorGroup; communityId: string; label: (fy: number, q: Quarter) => string; quarters: Indicator['values'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = communityId ? group.items.filter((i) => i.communityId === communityId) : group.items;
  const caption = t('rollupViews.trends.chartCaption', { name: group.name, unit: group.unit, count: items.length });
  const seriesKey = (i: Indicator) => `i_${i.indicatorId}`;
  const withValues = items.filter((i) => i.latest !== null);
  const columns: Array<Column<Indicator>> = [
    { key: 'community', header: t('communities.community'), rowHeader: true, render: (i) => i.communityName },
    { key: 'priority', header: t('rollupViews.trends.priority'), render: (i) => i.priorityTitle },
    ...quarters.map(
      (w, index): Column<Indicator> => ({
        key: `v${index}`,
        header: label(w.fiscalYear, w.quarter),
        numeric: true,
        sortValue: (i) => i.values[index]?.value ?? null,
        render: (i) => (i.values[index]?.value === null || i.values[index] === undefined ? t('reports.none') : format.number(i.values[index]!.value!)),
      }),
    ),
    { key: 'baseline', header: t('reports.print.baseline'), numeric: true, sortValue: (i) => i.baseline, render: (i) => (i.baseline === null ? t('reports.none') : format.number(i.baseline)) },
    { key: 'target', header: t('reports.print.target'), numeric: true, sortValue: (i) => i.target, render: (i) => (i.target === null ? t('reports.none') : format.number(i.target)) },
    { key: 'assessment', header: t('rollupViews.trends.assessment'), sortValue: (i) => t(`vocab.assessment.${i.assessment}`), render: (i) => t(`vocab.assessment.${i.assessment}`) },
  ];
  return (
    <>
      <ChartFigure caption={caption} hint={t('reports.rollup.chartHint')}>
        {items.length <= LINES_AT_MOST ? (
          <LinesChart
            legend
            height={260}
            rows={quarters.map((w, index) => ({ category: label(w.fiscalYear, w.quarter), ...Object.fromEntries(items.map((i) => [seriesKey(i), i.values[index]?.value ?? null])) }))}
            series={items.map((i, n) => ({ key: seriesKey(i), label: i.communityName, colour: SERIES_COLOURS[n % SERIES_COLOURS.length]! }))}
          />
        ) : (
          <BarsChart horizontal height={Math.max(160, 26 * withValues.length + 60)} rows={withValues.map((i) => ({ category: i.communityName, latest: i.latest }))} series={[{ key: 'latest', label: t('reports.indicators.latest'), colour: SERIES_COLOURS[0]! }]} />
        )}
      </ChartFigure>
      <Table caption={caption} hideCaption compact rows={items} rowKey={(i) => i.indicatorId} columns={columns} />
      {items.length > 1 ? (
        <>
          <h3 className="section-gap">{t('rollupViews.trends.perCommunity')}</h3>
          <div className="rollup-grid">
            {items.map((i) => (
              <figure key={i.indicatorId} className="rollup-small-chart">
                <figcaption className="small">
                  <strong>{i.communityName}</strong> · {t(`vocab.assessment.${i.assessment}`)}
                </figcaption>
                <div aria-hidden="true">
                  <LazyChart height={140}>
                    <LinesChart height={140} compact rows={i.values.map((v) => ({ category: label(v.fiscalYear, v.quarter), value: v.value }))} series={[{ key: 'value', label: i.name, colour: SERIES_COLOURS[0]! }]} target={i.target} />
                  </LazyChart>
                </div>
              </figure>
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
