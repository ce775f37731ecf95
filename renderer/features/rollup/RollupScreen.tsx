/**
 * The coordinator's roll-up, one view at a time: completeness, action status, themes and zones,
 * indicator trends, commitment 4.4.2. Each view opens with the answer in a sentence, then a chart,
 * then the same figures as a table (the screen-reader alternative, and what gets printed).
 * Filters: fiscal year, region, detachment, theme, zone. Exports: CSV of the view's tables and an
 * XLSX of everything, optionally marked public (small-number suppression, no narratives).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTERS, type Quarter } from '../../../shared/fiscal-calendar';
import type { ExportView, RollupData, RollupFilters } from '../../../shared/reports';
import { isReported } from '../../../shared/rules/completeness';
import { CSWB_ZONES, PROGRESS_STATUSES, type CswbZone } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { FiscalYearSelect } from '../../components/FiscalYearSelect';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { exportTableTitles } from '../../../shared/words/export-tables';
import { reportHref, ROLLUP_VIEWS, type RollupView } from '../../../shared/report-routes';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { themeLabel } from '../plans/plan-reference';
import { BarsChart, ChartFigure, LinesChart, SERIES_COLOURS } from './charts';
import { ChartWithTable } from './ChartWithTable';
import { useRollupCommands } from './rollup-slice';
import '../../styles/reports.css';
import { ScopeNote } from '../exchange/ScopeNote';

const VIEW_EXPORTS: Record<RollupView, ExportView[]> = {
  completeness: ['completeness-by-quarter', 'completeness-by-community', 'completeness'],
  status: ['action-status'],
  themes: ['themes', 'zones'],
  indicators: ['indicator-trends'],
  commitment: ['commitment-progress'],
};

const STATUS_COLOURS: Record<string, string> = {
  not_started: '#8c949c',
  on_track: '#1e6b34',
  at_risk: '#7a4a00',
  delayed: '#c2410c',
  completed: '#1d4f91',
  discontinued: '#4f5761',
  not_recorded: '#cfd4d9',
};

export function RollupScreen({ view }: { view: RollupView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<RollupFilters>({ fiscalYear: currentFiscalQuarter().fiscalYear });
  const rollup = useCall('rollup:get', filters);
  const data = rollup.data;
  const set = (patch: Partial<RollupFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('reports.nav'), href: href.reports() }, { label: t(`reports.rollup.views.${view}`) }]}
        title={t('reports.rollup.title')}
        subtitle={t('reports.rollup.subtitle')}
        actions={<Button onClick={() => window.print()}>{t('reports.rollup.printPage')}</Button>}
      />
      <ScopeNote />
      <nav aria-label={t('reports.rollup.viewsLabel')} className="no-print">
        <ul className="rollup-tabs">
          {ROLLUP_VIEWS.map((v) => (
            <li key={v}>
              <a href={reportHref({ name: 'rollup', view: v })} aria-current={v === view ? 'page' : undefined}>
                {t(`reports.rollup.views.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="panel no-print" aria-labelledby="rollup-filters">
        <h2 id="rollup-filters" className="visually-hidden">
          {t('reports.rollup.filters')}
        </h2>
        <div className="row">
          <FiscalYearSelect value={filters.fiscalYear} onChange={(fiscalYear) => set({ fiscalYear })} />
          <Select className="field--inline" label={t('reports.rollup.region')} value={filters.region ?? ''} onChange={(e) => set({ region: e.target.value || undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...(data?.choices.regions ?? []).map((r) => ({ value: r, label: r }))]} />
          <Select className="field--inline" label={t('reports.rollup.detachment')} value={filters.detachmentId ?? ''} onChange={(e) => set({ detachmentId: e.target.value || undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...(data?.choices.detachments ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
          <Select className="field--inline" label={t('reports.rollup.theme')} value={filters.themeId ?? ''} onChange={(e) => set({ themeId: e.target.value || undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...(data?.choices.themes ?? []).map((th) => ({ value: th.id, label: themeLabel(th, format.locale) }))]} />
          <Select className="field--inline" label={t('reports.rollup.zone')} value={filters.zone ?? ''} onChange={(e) => set({ zone: (e.target.value || undefined) as CswbZone | undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...CSWB_ZONES.map((z) => ({ value: z, label: t(`vocab.zone.${z}`) }))]} />
        </div>
      </section>
      <ErrorBanner error={rollup.error} onRetry={rollup.reload} />
      {!data ? (
        <Loading />
      ) : (
        <>
          <p className="muted small">{t('reports.rollup.asOf', { date: format.date(data.filters.asOf), communities: data.communityCount, withPlan: data.communitiesWithPlan, year: format.fiscalYear(data.filters.fiscalYear) })}</p>
          {view === 'completeness' ? <CompletenessView data={data} /> : null}
          {view === 'status' ? <StatusView data={data} /> : null}
          {view === 'themes' ? <ThemesView data={data} /> : null}
          {view === 'indicators' ? <IndicatorsView data={data} /> : null}
          {view === 'commitment' ? <CommitmentView data={data} /> : null}
          <Exports filters={filters} views={VIEW_EXPORTS[view]} />
        </>
      )}
    </>
  );
}

function Exports({ filters, views }: { filters: RollupFilters; views: ExportView[] }) {
  const { t, i18n } = useTranslation();
  const commands = useRollupCommands();
  const [isPublic, setPublic] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  async function run(key: string, request: Omit<Parameters<typeof commands.exportFile>[0], keyof RollupFilters | 'locale' | 'public'>) {
    setBusy(key);
    setError(null);
    try {
      await commands.exportFile({ ...filters, ...request, locale, public: isPublic });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <section className="panel section-gap no-print" aria-label={t('reports.rollup.exportXlsx')}>
      <ErrorBanner error={error} />
      <label className="row small">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} /> {t('reports.rollup.exportPublic')}
      </label>
      <div className="rollup-exports">
        {views.map((v) => (
          <Button key={v} size="small" busy={busy === v} onClick={() => void run(v, { format: 'csv', views: [v] })}>
            {t('reports.rollup.exportCsv', { table: exportTableTitles[locale][v] })}
          </Button>
        ))}
        <Button size="small" variant="primary" busy={busy === 'xlsx'} onClick={() => void run('xlsx', { format: 'xlsx' })}>
          {t('reports.rollup.exportXlsx')}
        </Button>
      </div>
    </section>
  );
}

/** What each view writes with: the language's words, numbers and dates, and rates as percentages. */
function useViewFormat() {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (rate: number | null) => (rate === null ? t('reports.none') : t('reports.percent', { value: format.number(rate * 100, 0) }));
  return { t, format, percent };
}

/** The latest quarter whose report is due or overdue, for "who has not reported". */
function latestDueQuarter(data: RollupData): Quarter | null {
  const due = data.completeness.perQuarter.filter((q) => q.expected > 0 || q.due > 0);
  return due.length ? due.at(-1)!.quarter : null;
}

function CompletenessView({ data }: { data: RollupData }) {
  const { t, format, percent } = useViewFormat();
  const fy = data.filters.fiscalYear;
  const o = data.completeness.overall;
  const q = latestDueQuarter(data);
  const notReported = q ? data.completeness.rows.filter((r) => !isReported(r.cells[q - 1]!.state)).map((r) => r.communityName) : [];
  const states = ['on_time', 'late', 'missing', 'due', 'upcoming', 'no_plan'] as const;
  const stateKey = { on_time: 'onTime', late: 'late', missing: 'missing', due: 'due', upcoming: 'upcoming', no_plan: 'noPlan' } as const;
  return (
    <section className="panel" aria-labelledby="rollup-completeness">
      <h2 id="rollup-completeness">{t('reports.completeness.chartTitle', { year: format.fiscalYear(fy) })}</h2>
      <p className="rollup-answer">{t('reports.completeness.rateSummary', { reported: o.reported, expected: o.expected, rate: percent(o.rate), onTime: o.onTime })}</p>
      {q ? <p className="rollup-answer">{notReported.length ? t('reports.completeness.notReported', { quarter: format.quarter(fy, q), names: notReported.join(', ') }) : t('reports.completeness.allReported', { quarter: format.quarter(fy, q) })}</p> : null}
      <ChartFigure caption={t('reports.completeness.perQuarter')} hint={t('reports.rollup.chartHint')}>
        <BarsChart
          stacked
          rows={data.completeness.perQuarter.map((p) => ({ category: format.quarterShort(p.quarter), ...Object.fromEntries(states.map((s) => [s, p[stateKey[s]]])) }))}
          series={states.map((s, i) => ({ key: s, label: t(`vocab.completeness.${s}`), colour: [SERIES_COLOURS[2]!, SERIES_COLOURS[3]!, SERIES_COLOURS[6]!, SERIES_COLOURS[0]!, '#8c949c', '#cfd4d9'][i]! }))}
        />
      </ChartFigure>
      <Table
        caption={t('reports.completeness.perQuarter')}
        compact
        rows={data.completeness.perQuarter}
        rowKey={(r) => String(r.quarter)}
        columns={[
          { key: 'q', header: t('reports.completeness.quarter'), rowHeader: true, render: (r) => format.quarter(fy, r.quarter) },
          { key: 'expected', header: t('reports.completeness.expected'), numeric: true, render: (r) => format.number(r.expected) },
          { key: 'reported', header: t('reports.completeness.reported'), numeric: true, render: (r) => format.number(r.reported) },
          ...states.map((s) => ({ key: s, header: t(`vocab.completeness.${s}`), numeric: true, render: (r: RollupData['completeness']['perQuarter'][number]) => format.number(r[stateKey[s]]) })),
          { key: 'rate', header: t('reports.completeness.rate'), numeric: true, render: (r) => percent(r.rate) },
          { key: 'onTimeRate', header: t('reports.completeness.onTimeRate'), numeric: true, render: (r) => percent(r.onTimeRate) },
        ]}
      />
      <h3 className="section-gap">{t('reports.completeness.perCommunity')}</h3>
      <Table
        caption={t('reports.completeness.perCommunity')}
        hideCaption
        compact
        rows={data.completeness.rows}
        rowKey={(r) => r.communityId}
        columns={[
          { key: 'name', header: t('communities.community'), rowHeader: true, render: (r) => <a href={href.community(r.communityId)}>{r.communityName}</a> },
          ...QUARTERS.map((qq) => ({ key: `q${qq}`, header: format.quarterShort(qq), render: (r: RollupData['completeness']['rows'][number]) => <StatusChip kind="completeness" value={r.cells[qq - 1]!.state} /> })),
          { key: 'expected', header: t('reports.completeness.expected'), numeric: true, render: (r) => format.number(r.expected) },
          { key: 'rate', header: t('reports.completeness.rate'), numeric: true, render: (r) => percent(r.rate) },
          { key: 'onTimeRate', header: t('reports.completeness.onTimeRate'), numeric: true, render: (r) => percent(r.onTimeRate) },
        ]}
      />
    </section>
  );
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

function IndicatorsView({ data }: { data: RollupData }) {
  const { t, format } = useViewFormat();
  if (data.indicators.length === 0) return <p className="panel">{t('reports.indicators.empty')}</p>;
  const label = (fy: number, q: Quarter) => (fy === data.filters.fiscalYear ? format.quarterShort(q) : `${format.quarterShort(q)}’${String(fy).slice(2)}`);
  return (
    <div className="rollup-grid">
      {data.indicators.map((i) => (
        <section key={i.indicatorId} className="panel" aria-labelledby={`ind-${i.indicatorId}`}>
          <h2 id={`ind-${i.indicatorId}`}>{i.name}</h2>
          <p className="muted small">
            {i.communityName} · {i.priorityTitle} · {t('reports.print.baseline')} {format.number(i.baseline) || t('reports.none')} · {t('reports.print.target')} {format.number(i.target) || t('reports.none')} · {t(`vocab.assessment.${i.assessment}`)}
          </p>
          <ChartFigure caption={t('reports.indicators.caption', { name: i.name, unit: i.unit, community: i.communityName })}>
            <LinesChart height={160} rows={i.values.map((v) => ({ category: label(v.fiscalYear, v.quarter), value: v.value }))} series={[{ key: 'value', label: i.name, colour: SERIES_COLOURS[0]! }]} target={i.target} />
          </ChartFigure>
          <p className="small">
            {i.values.map((v) => `${label(v.fiscalYear, v.quarter)}: ${v.value === null ? t('reports.none') : format.number(v.value)}`).join(' · ')}
          </p>
        </section>
      ))}
    </div>
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
