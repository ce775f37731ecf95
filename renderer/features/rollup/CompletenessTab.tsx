/**
 * The roll-up's completeness tab: who has reported each quarter, as of today. The answer first in
 * sentences — who has not reported the latest quarter whose due date has passed, and which
 * quarter is upcoming (its due date not passed: nobody is late yet, never a failure) — then the
 * matrix of every community and quarter, then the rates per quarter and per community.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessCell } from '../../../shared/domain';
import { QUARTERS, type Quarter } from '../../../shared/fiscal-calendar';
import type { RollupData } from '../../../shared/reports';
import { isReported } from '../../../shared/rules/completeness';
import { compareNames, matchesSearch } from '../../../shared/text-search';
import { EmptyState } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { NoPlanCell } from '../../components/NoPlanCell';
import { StatusChip, useStatusLabel } from '../../components/StatusChip';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { usePlanner } from '../../app/store-context';
import { BarsChart, ChartFigure, SERIES_COLOURS } from './charts';
import { ReviewLegend, ReviewMark } from '../quarter-review/ReviewMark';

type Row = RollupData['completeness']['rows'][number];
type QuarterRow = RollupData['completeness']['perQuarter'][number];
type Focus = '' | 'attention' | 'no_plan';

const STATES = ['on_time', 'late', 'missing', 'due', 'upcoming', 'no_plan'] as const;
const STATE_KEY = { on_time: 'onTime', late: 'late', missing: 'missing', due: 'due', upcoming: 'upcoming', no_plan: 'noPlan' } as const;
const STATE_ORDER: Record<(typeof STATES)[number], number> = { missing: 0, late: 1, due: 2, upcoming: 3, on_time: 4, no_plan: 5 };

export function CompletenessTab({ data }: { data: RollupData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateLabel = useStatusLabel();
  const locale = usePlanner((s) => s.locale);
  const fy = data.filters.fiscalYear;
  const o = data.completeness.overall;
  const [search, setSearch] = useState('');
  const [focus, setFocus] = useState<Focus>('');
  const percent = (rate: number | null) => (rate === null ? t('reports.none') : t('reports.percent', { value: format.number(rate * 100, 0) }));

  // The latest quarter whose due date has passed: who has not reported it (missing only).
  const due = data.completeness.perQuarter.filter((q) => q.phase === 'due').at(-1) ?? null;
  const notReported = due ? data.completeness.rows.filter((r) => r.cells[due.quarter - 1]!.standing === 'not_reported').map((r) => r.communityName) : [];
  // The next quarter not yet due: upcoming, with how many are already in.
  const upcoming = data.completeness.perQuarter.find((q) => q.phase === 'upcoming') ?? null;
  const upcomingIn = upcoming ? data.completeness.rows.filter((r) => isReported(r.cells[upcoming.quarter - 1]!.state)).length : 0;
  const upcomingExpected = upcoming ? data.completeness.rows.filter((r) => r.planId !== null).length : 0;

  const rows = useMemo(() => {
    const compare = compareNames(locale);
    return data.completeness.rows
      .filter((r) => matchesSearch(r.communityName, search))
      .filter((r) => (focus === 'attention' ? r.cells.some((c) => c.state === 'late' || c.state === 'missing') : focus === 'no_plan' ? r.planId === null : true))
      .sort((a, b) => compare(a.communityName, b.communityName));
  }, [data, search, focus, locale]);

  function cellChip(row: Row, cell: CompletenessCell) {
    // The due date is in the quarter's header row below and in the sentence above: the chip stays short.
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
        {cell.review ? (
          <>
            {' '}
            <ReviewMark review={cell.review} />
          </>
        ) : null}
      </a>
    );
  }

  const matrixColumns: Array<Column<Row>> = [
    { key: 'name', header: t('communities.community'), rowHeader: true, render: (r) => <a href={href.community(r.communityId)}>{r.communityName}</a>, sortValue: (r) => r.communityName },
    {
      key: 'plan',
      header: t('communities.plan'),
      sortValue: (r) => t(`vocab.planStatus.${r.planStatus ?? 'none'}`),
      render: (r) =>
        r.planId ? (
          <a className="matrix-link" href={href.plan(r.planId)}>
            <StatusChip kind="plan" value={r.planStatus ?? 'none'} />
            <span className="visually-hidden"> {t('communities.planOf', { name: r.communityName })}</span>
          </a>
        ) : (
          <StatusChip kind="plan" value="none" />
        ),
    },
    ...QUARTERS.map(
      (q): Column<Row> => ({
        key: `q${q}`,
        header: t('coordinator.quarterHeader', { quarter: format.quarterShort(q), months: t(`home.quarterMonths.q${q}`) }),
        // Sorted by how much attention the report needs: missing first, then late, due soon, upcoming, on time.
        sortValue: (r) => STATE_ORDER[r.cells[q - 1]!.state] * 10_000 + (r.cells[q - 1]!.daysLate ?? 0) * -1,
        render: (r) => (r.planId ? cellChip(r, r.cells[q - 1]!) : <NoPlanCell />),
      }),
    ),
    { key: 'rate', header: t('reports.completeness.rate'), numeric: true, sortValue: (r) => r.rate, render: (r) => percent(r.rate) },
    { key: 'onTimeRate', header: t('reports.completeness.onTimeRate'), numeric: true, sortValue: (r) => r.onTimeRate, render: (r) => percent(r.onTimeRate) },
  ];

  const quarterColumns: Array<Column<QuarterRow>> = [
    { key: 'q', header: t('reports.completeness.quarter'), rowHeader: true, sortValue: (r) => r.quarter, render: (r) => format.quarter(fy, r.quarter) },
    {
      key: 'phase',
      header: t('rollupViews.completeness.phase'),
      sortValue: (r) => r.dueDate,
      render: (r) => (
        <span className={`quarter-phase quarter-phase--${r.phase}`} data-phase={r.phase}>
          {t(r.phase === 'due' ? 'rollupViews.completeness.phaseDue' : 'rollupViews.completeness.phaseUpcoming', { date: format.date(r.dueDate) })}
        </span>
      ),
    },
    { key: 'expected', header: t('reports.completeness.expected'), numeric: true, sortValue: (r) => r.expected, render: (r) => format.number(r.expected) },
    { key: 'reported', header: t('reports.completeness.reported'), numeric: true, sortValue: (r) => r.reported, render: (r) => format.number(r.reported) },
    { key: 'notReported', header: t('rollupViews.completeness.notReportedHeader'), numeric: true, sortValue: (r) => r.notReported, render: (r) => format.number(r.notReported) },
    ...STATES.map((s) => ({ key: s, header: stateLabel({ kind: 'completeness', value: s }), numeric: true, sortValue: (r: QuarterRow) => r[STATE_KEY[s]], render: (r: QuarterRow) => format.number(r[STATE_KEY[s]]) })),
    { key: 'rate', header: t('reports.completeness.rate'), numeric: true, sortValue: (r) => r.rate, render: (r) => percent(r.rate) },
    { key: 'onTimeRate', header: t('reports.completeness.onTimeRate'), numeric: true, sortValue: (r) => r.onTimeRate, render: (r) => percent(r.onTimeRate) },
  ];

  const quarterName = (q: Quarter) => format.quarter(fy, q);
  return (
    <>
      <section className="panel" aria-labelledby="rollup-completeness">
        <h2 id="rollup-completeness">{t('reports.completeness.chartTitle', { year: format.fiscalYear(fy) })}</h2>
        <div className="rollup-answers" data-testid="completeness-answers">
          {upcoming ? (
            <p className="rollup-answer rollup-answer--upcoming" data-phase="upcoming">
              <StatusChip kind="completeness" value="upcoming" />{' '}
              {t('rollupViews.completeness.upcomingSentence', { quarter: quarterName(upcoming.quarter), date: format.date(upcoming.dueDate), reported: upcomingIn, expected: upcomingExpected })}
            </p>
          ) : null}
          {due ? (
            <p className="rollup-answer" data-phase="due">
              {notReported.length ? t('rollupViews.completeness.notReported', { quarter: quarterName(due.quarter), date: format.date(due.dueDate), names: notReported.join(', ') }) : t('reports.completeness.allReported', { quarter: quarterName(due.quarter) })}
            </p>
          ) : (
            <p className="rollup-answer">{t('rollupViews.completeness.noneDueYet', { year: format.fiscalYear(fy) })}</p>
          )}
          {o.expected ? <p className="rollup-answer">{t('reports.completeness.rateSummary', { reported: o.reported, expected: o.expected, rate: percent(o.rate), onTime: o.onTime })}</p> : null}
        </div>
        <p className="muted small">{t('rollupViews.completeness.rule')}</p>
      </section>

      <section className="panel section-gap" aria-labelledby="rollup-matrix">
        <h2 id="rollup-matrix">{t('coordinator.matrixTitle')}</h2>
        <div className="row">
          <TextField className="field--inline" type="search" label={t('communities.search')} value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('communities.searchPlaceholder')} />
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
        </div>
        {rows.length === 0 ? (
          <EmptyState headingLevel={3} title={t('communities.noMatchTitle')}>
            {t('communities.noMatchBody')}
          </EmptyState>
        ) : (
          <Table caption={t('coordinator.matrixCaption', { year: format.fiscalYear(fy) })} hideCaption className="matrix" compact columns={matrixColumns} rows={rows} rowKey={(r) => r.communityId} />
        )}
        <ReviewLegend />
      </section>

      <section className="panel section-gap" aria-labelledby="rollup-per-quarter">
        <h2 id="rollup-per-quarter">{t('reports.completeness.perQuarter')}</h2>
        <Table caption={t('reports.completeness.perQuarter')} hideCaption compact rows={data.completeness.perQuarter} rowKey={(r) => String(r.quarter)} columns={quarterColumns} />
        <ChartFigure caption={t('reports.completeness.chartTitle', { year: format.fiscalYear(fy) })} hint={t('reports.rollup.chartHint')}>
          <BarsChart
            stacked
            rows={data.completeness.perQuarter.map((p) => ({ category: format.quarterShort(p.quarter), ...Object.fromEntries(STATES.map((s) => [s, p[STATE_KEY[s]]])) }))}
            series={STATES.map((s, i) => ({ key: s, label: stateLabel({ kind: 'completeness', value: s }), colour: [SERIES_COLOURS[2]!, SERIES_COLOURS[3]!, SERIES_COLOURS[6]!, SERIES_COLOURS[0]!, '#8c949c', '#cfd4d9'][i]! }))}
          />
        </ChartFigure>
      </section>
    </>
  );
}
