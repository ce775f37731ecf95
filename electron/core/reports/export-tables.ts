/**
 * Every roll-up view and the raw plan and progress data as tables (one shape for CSV and XLSX),
 * in the chosen language, suppressed when the output is marked public. Each view declares its
 * rows and its columns (key, label, kind and how a row gives the cell); one builder makes them
 * into tables.
 */
import { quarterLabel, QUARTERS, fiscalYearLabel } from '../../../shared/fiscal-calendar';
import type { CellValue, ColumnKind, DataTable, ExportView, PublicOptions, RollupData, TableColumn } from '../../../shared/reports';
import { EXPORT_VIEWS } from '../../../shared/reports';
import { isCountUnit, suppressTable } from '../../../shared/suppression';
import { PROGRESS_STATUSES, type Locale } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { planDataRows, type PlanDataRows } from '../queries/plan-data';
import { namesById } from '../queries/reference';
import { exportLabels, type ExportLabels } from './labels';

/** What a cell getter may need besides its row. */
interface Words {
  l: ExportLabels;
  locale: Locale;
  data: RollupData;
}

interface Column<R> {
  key: string;
  /** A column label of the catalogue, or the words to build one. */
  label: keyof ExportLabels['col'] | ((w: Words) => string);
  kind: ColumnKind;
  /** The cell of a row; the row's own value under `key` when left out. */
  value?: (row: R, w: Words) => CellValue;
  /** For 'number' columns holding measures: the row says whether its unit counts people or events. */
  measure?: true;
  /** For 'rate' columns: the column holding the count the rate is taken over. */
  denominator?: string;
}

interface View<R> {
  rows: (ctx: CoreContext, w: Words) => R[];
  columns: Array<Column<R>> | ((w: Words) => Array<Column<R>>);
  /** For views with measures: whether a row's unit counts people or events (public outputs hide small counts). */
  isCount?: (row: R) => boolean;
}

type TableBody = Omit<DataTable, 'id' | 'title'>;
const COUNT_FLAG = '_count';

/** Makes a declared view into its table body. */
function view<R>(spec: View<R>): (ctx: CoreContext, w: Words) => TableBody {
  return (ctx, w) => {
    const columns = typeof spec.columns === 'function' ? spec.columns(w) : spec.columns;
    const header = columns.map(
      (c): TableColumn => ({
        key: c.key,
        label: typeof c.label === 'function' ? c.label(w) : w.l.col[c.label],
        kind: c.kind,
        ...(c.measure ? { countFlag: COUNT_FLAG } : {}),
        ...(c.denominator ? { denominator: c.denominator } : {}),
      }),
    );
    const rows = spec.rows(ctx, w).map((row) => {
      const cells: Record<string, CellValue | boolean> = Object.fromEntries(
        columns.map((c) => [c.key, c.value ? c.value(row, w) : ((row as Record<string, CellValue>)[c.key] ?? null)]),
      );
      if (spec.isCount) cells[COUNT_FLAG] = spec.isCount(row);
      return cells;
    });
    return { columns: header, rows };
  };
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const percentLabel = (label: keyof ExportLabels['col']) => (w: Words) => `${w.l.col[label]} (%)`;
const quarterOfYear = (quarter: number, w: Words) => quarterLabel(w.data.filters.fiscalYear, quarter as 1 | 2 | 3 | 4, w.locale);
const planStatusOf = (status: string | null, w: Words) => (status ? w.l.vocab.planStatus[status]! : w.l.vocab.completeness.no_plan!);
const dayOf = (at: string | null) => (at ? at.slice(0, 10) : null);
const col = <R>(key: string, kind: ColumnKind, value?: Column<R>['value'], label?: Column<R>['label']): Column<R> => ({
  key,
  label: label ?? (key as keyof ExportLabels['col']),
  kind,
  ...(value ? { value } : {}),
});
const measure = <R>(key: 'baseline' | 'target' | 'value'): Column<R> => ({ key, label: key, kind: 'number', measure: true });
const rate = <R>(key: 'rate' | 'onTimeRate', get: (row: R) => number | null): Column<R> => ({ key, label: percentLabel(key), kind: 'rate', value: get, denominator: 'expected' });
const share = <R extends { share: number | null }>(): Column<R> => ({ key: 'share', label: percentLabel('share'), kind: 'number', value: (r) => percent(r.share) });

type CommunityRow = RollupData['completeness']['rows'][number];
type QuarterRow = RollupData['completeness']['perQuarter'][number];
type CellRow = { row: CommunityRow; cell: CommunityRow['cells'][number] };
type PlanRows<K extends keyof PlanDataRows> = (ctx: CoreContext, w: Words) => Array<PlanDataRows[K]>;
const ofPlans =
  <K extends keyof PlanDataRows>(kind: K): PlanRows<K> =>
  (ctx, w) =>
    planDataRows(ctx, kind, w.data.completeness.rows.flatMap((r) => (r.planId ? [r.planId] : [])));

const community = <R extends { communityName: string }>() => col<R>('community', 'text', (r) => r.communityName);
const vocab = (group: keyof ExportLabels['vocab']) => (value: string, w: Words) => w.l.vocab[group][value]!;

const BUILDERS: Record<ExportView, (ctx: CoreContext, w: Words) => TableBody> = {
  completeness: view<CellRow>({
    rows: (_ctx, w) => w.data.completeness.rows.flatMap((row) => row.cells.map((cell) => ({ row, cell }))),
    columns: [
      col('community', 'text', (r) => r.row.communityName),
      col('region', 'text', (r) => r.row.region),
      col('planStatus', 'text', (r, w) => planStatusOf(r.row.planStatus, w)),
      col('quarter', 'text', (r, w) => quarterOfYear(r.cell.quarter, w)),
      col('state', 'text', (r, w) => vocab('completeness')(r.cell.state, w)),
      col('dueDate', 'date', (r) => r.cell.dueDate),
      col('submittedAt', 'date', (r) => dayOf(r.cell.submittedAt)),
      col('daysLate', 'number', (r) => r.cell.daysLate),
    ],
  }),
  'completeness-by-quarter': view<QuarterRow>({
    rows: (_ctx, w) => w.data.completeness.perQuarter,
    columns: [
      col('quarter', 'text', (r, w) => quarterOfYear(r.quarter, w)),
      ...(['expected', 'reported', 'onTime', 'late', 'missing', 'due', 'upcoming', 'noPlan'] as const).map((key) => col<QuarterRow>(key, 'count')),
      rate('rate', (r) => percent(r.rate)),
      rate('onTimeRate', (r) => percent(r.onTimeRate)),
      // A quarter is upcoming until its due date: only after it do missing reports count as not reported.
      col('dueDate', 'date', (r) => r.dueDate),
      col<QuarterRow>('notReported', 'count'),
    ],
  }),
  'completeness-by-community': view<CommunityRow>({
    rows: (_ctx, w) => w.data.completeness.rows,
    columns: [
      community(),
      col('region', 'text'),
      col('detachment', 'text', (r) => r.detachmentName),
      col('planStatus', 'text', (r, w) => planStatusOf(r.planStatus, w)),
      ...(['expected', 'onTime', 'late', 'missing'] as const).map((key) => col<CommunityRow>(key, 'count')),
      rate('rate', (r) => percent(r.rate)),
      rate('onTimeRate', (r) => percent(r.onTimeRate)),
    ],
  }),
  'action-status': view<RollupData['actionStatus']['rows'][number]>({
    rows: (_ctx, w) => w.data.actionStatus.rows,
    columns: (w) => [
      community(),
      ...[...PROGRESS_STATUSES, 'not_recorded' as const].map((s) => col<RollupData['actionStatus']['rows'][number]>(s, 'count', (r) => r.counts[s], () => w.l.vocab.progressStatus[s]!)),
      col('total', 'count'),
    ],
  }),
  themes: view<RollupData['themes'][number]>({
    rows: (_ctx, w) => w.data.themes,
    columns: [
      col('code', 'text', undefined, 'themeCode'),
      col('theme', 'text', (t, w) => (w.locale === 'fr' ? t.nameFr : t.nameEn)),
      col('communityCount', 'count'),
      share(),
      col('priorityCount', 'count'),
      col('communities', 'text', (t) => t.communities.join('; ')),
    ],
  }),
  zones: view<RollupData['zones'][number]>({
    rows: (_ctx, w) => w.data.zones,
    columns: [
      col('zone', 'text', (z, w) => vocab('zone')(z.zone, w)),
      col('communityCount', 'count'),
      share(),
      col('priorityCount', 'count'),
      col('communities', 'text', (z) => z.communities.join('; ')),
    ],
  }),
  'indicator-trends': view<RollupData['indicators'][number]>({
    rows: (_ctx, w) => w.data.indicators,
    isCount: (i) => isCountUnit(i.unit),
    columns: (w) => [
      community(),
      col('priority', 'text', (i) => i.priorityTitle),
      col('indicator', 'text', (i) => i.name),
      col('unit', 'text'),
      col('direction', 'text', (i, w2) => vocab('direction')(i.direction, w2)),
      measure('baseline'),
      measure('target'),
      // The eight quarters of the trend window, the same for every indicator.
      ...(w.data.indicators[0]?.values ?? []).map(
        (q): Column<RollupData['indicators'][number]> => ({
          key: `v${q.fiscalYear}q${q.quarter}`,
          label: () => quarterLabel(q.fiscalYear, q.quarter, w.locale),
          kind: 'number',
          measure: true,
          value: (i) => i.values.find((v) => v.fiscalYear === q.fiscalYear && v.quarter === q.quarter)?.value ?? null,
        }),
      ),
      col('assessment', 'text', (i, w2) => vocab('assessment')(i.assessment, w2)),
    ],
  }),
  'commitment-progress': view<RollupData['commitment']['years'][number]>({
    rows: (_ctx, w) => w.data.commitment.years,
    columns: [
      col('fiscalYear', 'text', (y, w) => fiscalYearLabel(y.fiscalYear, w.locale)),
      col('agreed', 'count'),
      col('total', 'count', undefined, 'totalCommunities'),
      { key: 'rate', label: (w) => `% (${w.data.commitment.number})`, kind: 'rate', denominator: 'total', value: (y) => percent(y.rate) },
    ],
  }),
  plans: view<PlanDataRows['plans']>({
    rows: ofPlans('plans'),
    columns: [
      col('community', 'text'),
      col('fiscalYear', 'text', (p, w) => fiscalYearLabel(p.fiscalYear, w.locale)),
      col('title', 'text'),
      col('status', 'text', (p, w) => vocab('planStatus')(p.status, w), 'planStatus'),
      col('summary', 'narrative'),
      col('communitySignatory', 'text'),
      col('communitySignedOn', 'date'),
      col('detachmentSignatory', 'text'),
      col('detachmentSignedOn', 'date'),
    ],
  }),
  priorities: view<PlanDataRows['priorities'] & { themes: string }>({
    rows: (ctx, w) => {
      const themes = namesById(ctx, 'themes');
      const themeName = (id: string) => (themes.get(id) ? themes.get(id)![w.locale === 'fr' ? 'nameFr' : 'nameEn']! : id);
      return ofPlans('priorities')(ctx, w).map((p) => ({ ...p, themes: (JSON.parse(p.themeIds) as string[]).map(themeName).join('; ') }));
    },
    columns: [
      col('community', 'text'),
      col('rank', 'number'),
      col('priority', 'text'),
      col('zone', 'text', (p, w) => vocab('zone')(p.zone, w)),
      col('themes', 'text'),
      col('description', 'narrative', undefined, 'summary'),
    ],
  }),
  actions: view<PlanDataRows['actions']>({
    rows: ofPlans('actions'),
    columns: [
      col('community', 'text'),
      col('priority', 'text'),
      col('action', 'text'),
      col('owner', 'text', (a, w) => vocab('owner')(a.owner, w)),
      col('lead', 'text'),
      col('partners', 'text'),
      col('plannedQuarters', 'text', (a) => (JSON.parse(a.plannedQuarters) as number[]).sort().map((q) => `Q${q}`).join(' ')),
      col('description', 'narrative', undefined, 'summary'),
    ],
  }),
  indicators: view<PlanDataRows['indicators']>({
    rows: ofPlans('indicators'),
    isCount: (i) => isCountUnit(i.unit),
    columns: [
      col('community', 'text'),
      col('priority', 'text'),
      col('indicator', 'text'),
      col('unit', 'text'),
      col('direction', 'text', (i, w) => vocab('direction')(i.direction, w)),
      measure('baseline'),
      measure('target'),
      col('source', 'text'),
    ],
  }),
  'indicator-values': view<PlanDataRows['indicatorValues']>({
    rows: ofPlans('indicatorValues'),
    isCount: (v) => isCountUnit(v.unit),
    columns: [
      col('community', 'text'),
      col('indicator', 'text'),
      col('unit', 'text'),
      col('quarter', 'text', (v, w) => quarterLabel(v.fiscalYear, v.quarter, w.locale)),
      measure('value'),
      col('note', 'narrative'),
    ],
  }),
  progress: view<PlanDataRows['progress']>({
    rows: ofPlans('progress'),
    columns: [
      col('community', 'text'),
      col('priority', 'text'),
      col('action', 'text'),
      col('quarter', 'text', (e, w) => quarterLabel(e.fiscalYear, e.quarter, w.locale)),
      col('status', 'text', (e, w) => vocab('progressStatus')(e.status, w)),
      col('narrative', 'narrative'),
      col('nextSteps', 'narrative'),
      col('author', 'text'),
      col('updatedAt', 'date'),
    ],
  }),
  reports: view<CellRow>({
    rows: (_ctx, w) => w.data.completeness.rows.filter((row) => row.planId).flatMap((row) => QUARTERS.map((q) => ({ row, cell: row.cells[q - 1]! }))),
    columns: [
      col('community', 'text', (r) => r.row.communityName),
      col('quarter', 'text', (r, w) => quarterOfYear(r.cell.quarter, w)),
      col('state', 'text', (r, w) => (r.cell.submittedAt ? w.l.vocab.reportState.submitted! : w.l.vocab.reportState.draft!)),
      col('dueDate', 'date', (r) => r.cell.dueDate),
      col('submittedAt', 'date', (r) => dayOf(r.cell.submittedAt)),
    ],
  }),
};

export function exportTables(ctx: CoreContext, data: RollupData, views: readonly ExportView[] = EXPORT_VIEWS, locale: Locale, options: PublicOptions): DataTable[] {
  const l = exportLabels(locale);
  return views.map((id) => suppressTable({ id, title: l.tables[id], ...BUILDERS[id](ctx, { l, locale, data }) }, options, { fewerThan: l.fewerThan }));
}
