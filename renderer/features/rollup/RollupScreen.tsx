/**
 * The territorial roll-up, one tab at a time: completeness (who has reported, as of today), action
 * status, themes and zones, indicator trends (one indicator across communities), commitment 4.4.2.
 * The tabs are an ARIA tablist whose tabs are links (each tab its own address, so links and Back
 * work; arrow keys move between them). Each tab opens with its exports (above what they export),
 * then the answer in a sentence, a chart and the same figures as a table. Filters: fiscal year,
 * region, detachment, theme, zone, kept from one tab to the next. Printing and every export in
 * one place: the "Printing and exports" screen (ExportsScreen).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollupData, RollupFilters } from '../../../shared/reports';
import { CSWB_ZONES, PROGRESS_STATUSES } from '../../../shared/vocabulary';
import { ButtonLink } from '../../components/Button';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { ROLLUP_VIEWS, type RollupView } from '../../../shared/report-routes';
import { href, hrefOf } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { themeLabel } from '../plans/plan-reference';
import { BarsChart, SERIES_COLOURS } from './charts';
import { ChartWithTable } from './ChartWithTable';
import { CompletenessTab } from './CompletenessTab';
import { IndicatorsTab } from './IndicatorsTab';
import { RollupExports, RollupFiltersPanel, VIEW_EXPORTS } from './rollup-parts';
import '../../styles/reports.css';
import './rollup.css';
import { ScopeNote } from '../exchange/ScopeNote';
import { EngagementCounts } from '../engagements/EngagementCounts';

const STATUS_COLOURS: Record<string, string> = {
  not_started: '#8c949c',
  on_track: '#1e6b34',
  at_risk: '#7a4a00',
  delayed: '#c2410c',
  completed: '#1d4f91',
  discontinued: '#4f5761',
  not_recorded: '#cfd4d9',
};

const tabId = (v: RollupView) => `rollup-tab-${v}`;

/** The roll-up's tabs: links in an ARIA tablist; Left/Right/Home/End move to a tab and open it. */
export function RollupTabs({ view }: { view: RollupView }) {
  const { t } = useTranslation();
  const tabs = useRef<Array<HTMLAnchorElement | null>>([]);
  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>, index: number) {
    const last = ROLLUP_VIEWS.length - 1;
    const next = event.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : event.key === 'Home' ? 0 : event.key === 'End' ? last : null;
    if (next === null) return;
    event.preventDefault();
    tabs.current[next]?.focus();
    window.location.hash = hrefOf({ name: 'rollup', view: ROLLUP_VIEWS[next]! });
  }
  return (
    <div role="tablist" aria-label={t('reports.rollup.viewsLabel')} className="rollup-tablist no-print">
      {ROLLUP_VIEWS.map((v, index) => (
        <a
          key={v}
          ref={(el) => {
            tabs.current[index] = el;
          }}
          id={tabId(v)}
          role="tab"
          href={hrefOf({ name: 'rollup', view: v })}
          aria-selected={v === view}
          aria-controls="rollup-panel"
          tabIndex={v === view ? 0 : -1}
          className="rollup-tablist__tab"
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {t(`reports.rollup.views.${v}`)}
        </a>
      ))}
    </div>
  );
}

export function RollupScreen({ view }: { view: RollupView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<RollupFilters>({ fiscalYear: currentFiscalQuarter().fiscalYear });
  const rollup = useCall('rollup:get', filters);
  const data = rollup.data;

  // An older address (#/coordinator, #/reports/<view>) becomes the tab's own, without a new history entry.
  useEffect(() => {
    const own = hrefOf({ name: 'rollup', view });
    if (window.location.hash !== own) window.history.replaceState(window.history.state, '', own);
  }, [view]);

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.coordinator'), href: href.rollup() }, { label: t(`reports.rollup.views.${view}`) }]}
        title={t('coordinator.title')}
        subtitle={t('rollupViews.subtitle')}
        actions={
          <>
            <ButtonLink href={href.completenessHistory()}>{t('coordinator.tenYears')}</ButtonLink>
            <ButtonLink href={href.exports()}>{t('reports.nav')}</ButtonLink>
          </>
        }
      />
      <ScopeNote />
      <RollupTabs view={view} />
      <div role="tabpanel" id="rollup-panel" aria-labelledby={tabId(view)} className="rollup-panel">
        <RollupFiltersPanel filters={filters} onChange={setFilters} data={data} />
        <ErrorBanner error={rollup.error} onRetry={rollup.reload} />
        {!data ? (
          <Loading />
        ) : (
          <>
            <RollupExports filters={filters} views={VIEW_EXPORTS[view]} compact />
            <p className="muted small">{t('reports.rollup.asOf', { date: format.date(data.filters.asOf), communities: data.communityCount, withPlan: data.communitiesWithPlan, year: format.fiscalYear(data.filters.fiscalYear) })}</p>
            {view === 'completeness' ? <CompletenessTab data={data} /> : null}
            {view === 'status' ? <StatusView data={data} /> : null}
            {view === 'themes' ? <ThemesView data={data} /> : null}
            {view === 'indicators' ? <IndicatorsTab data={data} /> : null}
            {view === 'commitment' ? <CommitmentView data={data} /> : null}
            {view === 'status' ? <EngagementCounts fiscalYear={data.filters.fiscalYear} /> : null}
          </>
        )}
      </div>
    </>
  );
}

/** What each view writes with: the language's words, numbers and dates, and rates as percentages. */
function useViewFormat() {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (rate: number | null) => (rate === null ? t('reports.none') : t('reports.percent', { value: format.number(rate * 100, 0) }));
  return { t, format, percent };
}

function StatusView({ data }: { data: RollupData }) {
  const { t, format } = useViewFormat();
  const statuses = [...PROGRESS_STATUSES, 'not_recorded'] as const;
  const label = (s: (typeof statuses)[number]) => t(`vocab.progressStatus.${s}`);
  const title = t('reports.status.chartTitle', { year: format.fiscalYear(data.filters.fiscalYear) });
  const { rows, total, totals } = data.actionStatus;
  const columns: Array<Column<(typeof rows)[number]>> = [
    { key: 'name', header: t('communities.community'), rowHeader: true, render: (r) => r.communityName },
    ...statuses.map((s) => ({ key: s, header: label(s), numeric: true, render: (r: (typeof rows)[number]) => format.number(r.counts[s]) })),
    { key: 'total', header: t('reports.status.total'), numeric: true, render: (r) => format.number(r.total) },
  ];
  return (
    <section className="panel" aria-labelledby="rollup-status">
      <h2 id="rollup-status">{title}</h2>
      <p className="rollup-answer">{t('reports.status.summary', { total, communities: rows.length })}</p>
      <ChartWithTable caption={title} rows={[...rows, { communityId: '__total', communityName: t('reports.status.total'), planId: '', counts: totals, total }]} rowKey={(r) => r.communityId} columns={columns}>
        <BarsChart stacked horizontal height={Math.max(160, 36 * rows.length + 60)} rows={rows.map((r) => ({ category: r.communityName, ...r.counts }))} series={statuses.map((s) => ({ key: s, label: label(s), colour: STATUS_COLOURS[s]! }))} />
      </ChartWithTable>
    </section>
  );
}

function ThemesView({ data }: { data: RollupData }) {
  const { t, format, percent } = useViewFormat();
  const year = format.fiscalYear(data.filters.fiscalYear);
  const recurring = data.themes.filter((th) => th.share !== null && th.share > 0.5);
  // How widely a theme or a zone is used: the same four columns in both tables.
  type Spread = { communityCount: number; share: number | null; priorityCount: number; communities: string[] };
  const spread: Array<Column<Spread>> = [
    { key: 'count', header: t('coordinator.communityCount'), numeric: true, render: (r) => format.number(r.communityCount) },
    { key: 'share', header: t('reports.themes.share'), numeric: true, render: (r) => percent(r.share) },
    { key: 'priorities', header: t('reports.themes.priorities'), numeric: true, render: (r) => format.number(r.priorityCount) },
    { key: 'which', header: t('coordinator.communities'), render: (r) => r.communities.join(', ') },
  ];
  return (
    <>
      <section className="panel" aria-labelledby="rollup-themes">
        <h2 id="rollup-themes">{t('reports.themes.chartTitle', { year })}</h2>
        <p className="rollup-answer">{recurring.length ? t('reports.themes.summary', { count: recurring.length, names: recurring.map((th) => themeLabel(th, format.locale)).join(', ') }) : t('reports.themes.summaryNone')}</p>
        <ChartWithTable caption={t('reports.themes.chartTitle', { year })} rows={data.themes} rowKey={(r) => r.id} columns={[{ key: 'theme', header: t('coordinator.theme'), rowHeader: true, render: (r) => themeLabel(r, format.locale) }, ...spread]}>
          <BarsChart horizontal height={Math.max(160, 30 * data.themes.length + 60)} rows={data.themes.map((th) => ({ category: themeLabel(th, format.locale), communities: th.communityCount }))} series={[{ key: 'communities', label: t('coordinator.communityCount'), colour: SERIES_COLOURS[0]! }]} />
        </ChartWithTable>
      </section>
      <section className="panel section-gap" aria-labelledby="rollup-zones">
        <h2 id="rollup-zones">{t('reports.themes.zonesTitle')}</h2>
        <ChartWithTable caption={t('reports.themes.zonesChartTitle')} rows={data.zones} rowKey={(r) => r.zone} columns={[{ key: 'zone', header: t('reports.rollup.zone'), rowHeader: true, render: (r) => t(`vocab.zone.${r.zone}`) }, ...spread]}>
          <BarsChart rows={data.zones.map((z) => ({ category: t(`vocab.zone.${z.zone}`), communities: z.communityCount, priorities: z.priorityCount }))} series={[{ key: 'communities', label: t('coordinator.communityCount'), colour: SERIES_COLOURS[0]! }, { key: 'priorities', label: t('reports.themes.priorities'), colour: SERIES_COLOURS[1]! }]} />
        </ChartWithTable>
        <h3 className="section-gap">{t('reports.themes.matrixTitle')}</h3>
        <Table
          caption={t('reports.themes.matrixTitle')}
          hideCaption
          compact
          rows={data.themeZones}
          rowKey={(r) => r.themeId}
          columns={[
            { key: 'theme', header: t('coordinator.theme'), rowHeader: true, render: (r) => themeLabel(data.themes.find((th) => th.id === r.themeId)!, format.locale) },
            ...CSWB_ZONES.map((z) => ({ key: z, header: t(`vocab.zone.${z}`), numeric: true, render: (r: RollupData['themeZones'][number]) => format.number(r.counts[z]) })),
          ]}
        />
      </section>
    </>
  );
}

function CommitmentView({ data }: { data: RollupData }) {
  const { t, format, percent } = useViewFormat();
  const c = data.commitment;
  const yearColumns: Array<Column<(typeof c.years)[number]>> = [
    { key: 'fy', header: t('common.fiscalYear'), rowHeader: true, render: (r) => format.fiscalYear(r.fiscalYear) },
    { key: 'agreed', header: t('reports.commitment.agreed'), numeric: true, render: (r) => format.number(r.agreed) },
    { key: 'total', header: t('reports.commitment.total'), numeric: true, render: (r) => format.number(r.total) },
    { key: 'rate', header: '%', numeric: true, render: (r) => percent(r.rate) },
  ];
  return (
    <section className="panel" aria-labelledby="rollup-commitment">
      <h2 id="rollup-commitment">
        {c.number}
        {c.title ? ` — ${c.title}` : ''}
      </h2>
      {c.status ? <StatusChip kind="commitment" value={c.status} /> : <p className="muted">{t('reports.commitment.noCommitment')}</p>}
      <p className="rollup-answer">{t('reports.commitment.summary', { agreed: c.agreed, total: c.total, year: format.fiscalYear(data.filters.fiscalYear), rate: percent(c.rate) })}</p>
      {c.withoutAgreedPlan.length ? <p>{t('reports.commitment.without', { names: c.withoutAgreedPlan.map((w) => w.communityName).join(', ') })}</p> : null}
      <ChartWithTable caption={t('reports.commitment.chartTitle')} rows={c.years} rowKey={(r) => String(r.fiscalYear)} columns={yearColumns}>
        <BarsChart rows={c.years.map((y) => ({ category: format.fiscalYear(y.fiscalYear), agreed: y.agreed, total: y.total }))} series={[{ key: 'agreed', label: t('reports.commitment.agreed'), colour: SERIES_COLOURS[2]! }, { key: 'total', label: t('reports.commitment.total'), colour: '#8c949c' }]} />
      </ChartWithTable>
      {c.milestones.length ? (
        <>
          <h3 className="section-gap">{t('reports.commitment.milestones')}</h3>
          <ul className="plain-list">
            {c.milestones.map((m) => (
              <li key={m.title}>
                {m.title} {m.dueDate ? `(${format.date(m.dueDate)})` : ''} <StatusChip kind="milestone" value={m.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
