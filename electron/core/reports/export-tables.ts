/**
 * Every roll-up view and the raw plan and progress data as tables (one shape for CSV and XLSX),
 * in the chosen language, suppressed when the output is marked public.
 */
import { quarterLabel, QUARTERS, fiscalYearLabel, type Quarter } from '../../../shared/fiscal-calendar';
import type { DataTable, ExportView, PublicOptions, RollupData } from '../../../shared/reports';
import { EXPORT_VIEWS } from '../../../shared/reports';
import { isCountUnit, suppressTable } from '../../../shared/suppression';
import { PROGRESS_STATUSES, type Locale } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { exportLabels, type ExportLabels } from './labels';

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

type Builder = (ctx: CoreContext, data: RollupData, l: ExportLabels, locale: Locale) => Omit<DataTable, 'id' | 'title'>;

function planIdsOf(data: RollupData): string[] {
  return data.completeness.rows.flatMap((r) => (r.planId ? [r.planId] : []));
}

const BUILDERS: Record<ExportView, Builder> = {
  completeness: (_ctx, data, l, locale) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'region', label: l.col.region, kind: 'text' },
      { key: 'planStatus', label: l.col.planStatus, kind: 'text' },
      { key: 'quarter', label: l.col.quarter, kind: 'text' },
      { key: 'state', label: l.col.state, kind: 'text' },
      { key: 'dueDate', label: l.col.dueDate, kind: 'date' },
      { key: 'submittedAt', label: l.col.submittedAt, kind: 'date' },
      { key: 'daysLate', label: l.col.daysLate, kind: 'number' },
    ],
    rows: data.completeness.rows.flatMap((r) =>
      r.cells.map((c) => ({
        community: r.communityName,
        region: r.region,
        planStatus: r.planStatus ? l.vocab.planStatus[r.planStatus]! : l.vocab.completeness.no_plan!,
        quarter: quarterLabel(data.filters.fiscalYear, c.quarter, locale),
        state: l.vocab.completeness[c.state]!,
        dueDate: c.dueDate,
        submittedAt: c.submittedAt ? c.submittedAt.slice(0, 10) : null,
        daysLate: c.daysLate,
      })),
    ),
  }),
  'completeness-by-quarter': (_ctx, data, l, locale) => ({
    columns: [
      { key: 'quarter', label: l.col.quarter, kind: 'text' },
      { key: 'expected', label: l.col.expected, kind: 'count' },
      { key: 'reported', label: l.col.reported, kind: 'count' },
      { key: 'onTime', label: l.col.onTime, kind: 'count' },
      { key: 'late', label: l.col.late, kind: 'count' },
      { key: 'missing', label: l.col.missing, kind: 'count' },
      { key: 'due', label: l.col.due, kind: 'count' },
      { key: 'upcoming', label: l.col.upcoming, kind: 'count' },
      { key: 'noPlan', label: l.col.noPlan, kind: 'count' },
      { key: 'rate', label: `${l.col.rate} (%)`, kind: 'rate', denominator: 'expected' },
      { key: 'onTimeRate', label: `${l.col.onTimeRate} (%)`, kind: 'rate', denominator: 'expected' },
    ],
    rows: data.completeness.perQuarter.map((q) => ({ ...q, quarter: quarterLabel(data.filters.fiscalYear, q.quarter, locale), rate: percent(q.rate), onTimeRate: percent(q.onTimeRate) })),
  }),
  'completeness-by-community': (_ctx, data, l) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'region', label: l.col.region, kind: 'text' },
      { key: 'detachment', label: l.col.detachment, kind: 'text' },
      { key: 'planStatus', label: l.col.planStatus, kind: 'text' },
      { key: 'expected', label: l.col.expected, kind: 'count' },
      { key: 'onTime', label: l.col.onTime, kind: 'count' },
      { key: 'late', label: l.col.late, kind: 'count' },
      { key: 'missing', label: l.col.missing, kind: 'count' },
      { key: 'rate', label: `${l.col.rate} (%)`, kind: 'rate', denominator: 'expected' },
      { key: 'onTimeRate', label: `${l.col.onTimeRate} (%)`, kind: 'rate', denominator: 'expected' },
    ],
    rows: data.completeness.rows.map((r) => ({
      community: r.communityName,
      region: r.region,
      detachment: r.detachmentName,
      planStatus: r.planStatus ? l.vocab.planStatus[r.planStatus]! : l.vocab.completeness.no_plan!,
      expected: r.expected,
      onTime: r.onTime,
      late: r.late,
      missing: r.missing,
      rate: percent(r.rate),
      onTimeRate: percent(r.onTimeRate),
    })),
  }),
  'action-status': (_ctx, data, l) => {
    const statuses = [...PROGRESS_STATUSES, 'not_recorded'] as const;
    return {
      columns: [
        { key: 'community', label: l.col.community, kind: 'text' },
        ...statuses.map((s) => ({ key: s, label: l.vocab.progressStatus[s]!, kind: 'count' as const })),
        { key: 'total', label: l.col.total, kind: 'count' },
      ],
      rows: data.actionStatus.rows.map((r) => ({ community: r.communityName, ...r.counts, total: r.total })),
    };
  },
  themes: (_ctx, data, l, locale) => ({
    columns: [
      { key: 'code', label: l.col.themeCode, kind: 'text' },
      { key: 'theme', label: l.col.theme, kind: 'text' },
      { key: 'communityCount', label: l.col.communityCount, kind: 'count' },
      { key: 'share', label: `${l.col.share} (%)`, kind: 'number' },
      { key: 'priorityCount', label: l.col.priorityCount, kind: 'count' },
      { key: 'communities', label: l.col.communities, kind: 'text' },
    ],
    rows: data.themes.map((t) => ({ code: t.code, theme: locale === 'fr' ? t.nameFr : t.nameEn, communityCount: t.communityCount, share: percent(t.share), priorityCount: t.priorityCount, communities: t.communities.join('; ') })),
  }),
  zones: (_ctx, data, l) => ({
    columns: [
      { key: 'zone', label: l.col.zone, kind: 'text' },
      { key: 'communityCount', label: l.col.communityCount, kind: 'count' },
      { key: 'share', label: `${l.col.share} (%)`, kind: 'number' },
      { key: 'priorityCount', label: l.col.priorityCount, kind: 'count' },
      { key: 'communities', label: l.col.communities, kind: 'text' },
    ],
    rows: data.zones.map((z) => ({ zone: l.vocab.zone[z.zone]!, communityCount: z.communityCount, share: percent(z.share), priorityCount: z.priorityCount, communities: z.communities.join('; ') })),
  }),
  'indicator-trends': (_ctx, data, l, locale) => {
    const window = data.indicators[0]?.values ?? [];
    return {
      columns: [
        { key: 'community', label: l.col.community, kind: 'text' },
        { key: 'priority', label: l.col.priority, kind: 'text' },
        { key: 'indicator', label: l.col.indicator, kind: 'text' },
        { key: 'unit', label: l.col.unit, kind: 'text' },
        { key: 'direction', label: l.col.direction, kind: 'text' },
        { key: 'baseline', label: l.col.baseline, kind: 'number', countFlag: '_count' },
        { key: 'target', label: l.col.target, kind: 'number', countFlag: '_count' },
        ...window.map((w) => ({ key: `v${w.fiscalYear}q${w.quarter}`, label: quarterLabel(w.fiscalYear, w.quarter, locale), kind: 'number' as const, countFlag: '_count' })),
        { key: 'assessment', label: l.col.assessment, kind: 'text' },
      ],
      rows: data.indicators.map((i) => ({
        community: i.communityName,
        priority: i.priorityTitle,
        indicator: i.name,
        unit: i.unit,
        direction: l.vocab.direction[i.direction]!,
        baseline: i.baseline,
        target: i.target,
        ...Object.fromEntries(i.values.map((v) => [`v${v.fiscalYear}q${v.quarter}`, v.value])),
        assessment: l.vocab.assessment[i.assessment]!,
        _count: isCountUnit(i.unit),
      })),
    };
  },
  'commitment-progress': (_ctx, data, l, locale) => ({
    columns: [
      { key: 'fiscalYear', label: l.col.fiscalYear, kind: 'text' },
      { key: 'agreed', label: l.col.agreed, kind: 'count' },
      { key: 'total', label: l.col.totalCommunities, kind: 'count' },
      { key: 'rate', label: `% (${data.commitment.number})`, kind: 'rate', denominator: 'total' },
    ],
    rows: data.commitment.years.map((y) => ({ fiscalYear: fiscalYearLabel(y.fiscalYear, locale), agreed: y.agreed, total: y.total, rate: percent(y.rate) })),
  }),
  plans: (ctx, data, l, locale) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'fiscalYear', label: l.col.fiscalYear, kind: 'text' },
      { key: 'title', label: l.col.title, kind: 'text' },
      { key: 'status', label: l.col.planStatus, kind: 'text' },
      { key: 'summary', label: l.col.summary, kind: 'narrative' },
      { key: 'communitySignatory', label: l.col.communitySignatory, kind: 'text' },
      { key: 'communitySignedOn', label: l.col.communitySignedOn, kind: 'date' },
      { key: 'detachmentSignatory', label: l.col.detachmentSignatory, kind: 'text' },
      { key: 'detachmentSignedOn', label: l.col.detachmentSignedOn, kind: 'date' },
    ],
    rows: (
      ctx.sqlite
        .prepare(
          `SELECT c.name AS community, p.fiscal_year AS fy, p.title, p.status, p.summary, p.community_signatory AS communitySignatory, p.community_signed_on AS communitySignedOn,
                  p.detachment_signatory AS detachmentSignatory, p.detachment_signed_on AS detachmentSignedOn
             FROM plans p JOIN communities c ON c.id = p.community_id WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY c.name`,
        )
        .all(JSON.stringify(planIdsOf(data))) as Array<Record<string, string | number | null>>
    ).map(({ fy, status, ...r }) => ({ ...r, fiscalYear: fiscalYearLabel(fy as number, locale), status: l.vocab.planStatus[status as string]! })),
  }),
  priorities: (ctx, data, l, locale) => {
    const themes = new Map((ctx.sqlite.prepare('SELECT id, code, name_en AS en, name_fr AS fr FROM themes').all() as Array<{ id: string; en: string; fr: string }>).map((t) => [t.id, locale === 'fr' ? t.fr : t.en]));
    return {
      columns: [
        { key: 'community', label: l.col.community, kind: 'text' },
        { key: 'rank', label: l.col.rank, kind: 'number' },
        { key: 'priority', label: l.col.priority, kind: 'text' },
        { key: 'zone', label: l.col.zone, kind: 'text' },
        { key: 'themes', label: l.col.themes, kind: 'text' },
        { key: 'description', label: l.col.summary, kind: 'narrative' },
      ],
      rows: (
        ctx.sqlite
          .prepare(
            `SELECT c.name AS community, pr.rank, pr.title AS priority, pr.zone, pr.theme_ids AS themeIds, pr.description
               FROM priorities pr JOIN plans p ON p.id = pr.plan_id JOIN communities c ON c.id = p.community_id
              WHERE pr.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(?)) ORDER BY c.name, pr.rank`,
          )
          .all(JSON.stringify(planIdsOf(data))) as Array<{ community: string; rank: number; priority: string; zone: string; themeIds: string; description: string | null }>
      ).map(({ themeIds, zone, ...r }) => ({ ...r, zone: l.vocab.zone[zone]!, themes: (JSON.parse(themeIds) as string[]).map((id) => themes.get(id) ?? id).join('; ') })),
    };
  },
  actions: (ctx, data, l) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'priority', label: l.col.priority, kind: 'text' },
      { key: 'action', label: l.col.action, kind: 'text' },
      { key: 'owner', label: l.col.owner, kind: 'text' },
      { key: 'lead', label: l.col.lead, kind: 'text' },
      { key: 'plannedQuarters', label: l.col.plannedQuarters, kind: 'text' },
      { key: 'description', label: l.col.summary, kind: 'narrative' },
    ],
    rows: (
      ctx.sqlite
        .prepare(
          `SELECT c.name AS community, pr.title AS priority, a.title AS action, a.owner, a.lead_name AS lead, a.planned_quarters AS plannedQuarters, a.description
             FROM actions a JOIN priorities pr ON pr.id = a.priority_id AND pr.deleted_at IS NULL JOIN plans p ON p.id = pr.plan_id JOIN communities c ON c.id = p.community_id
            WHERE a.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(?)) ORDER BY c.name, pr.rank, a.rank`,
        )
        .all(JSON.stringify(planIdsOf(data))) as Array<{ community: string; priority: string; action: string; owner: string; lead: string | null; plannedQuarters: string; description: string | null }>
    ).map((r) => ({ ...r, owner: l.vocab.owner[r.owner]!, plannedQuarters: (JSON.parse(r.plannedQuarters) as number[]).sort().map((q) => `Q${q}`).join(' ') })),
  }),
  indicators: (ctx, data, l) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'priority', label: l.col.priority, kind: 'text' },
      { key: 'indicator', label: l.col.indicator, kind: 'text' },
      { key: 'unit', label: l.col.unit, kind: 'text' },
      { key: 'direction', label: l.col.direction, kind: 'text' },
      { key: 'baseline', label: l.col.baseline, kind: 'number', countFlag: '_count' },
      { key: 'target', label: l.col.target, kind: 'number', countFlag: '_count' },
      { key: 'source', label: l.col.source, kind: 'text' },
    ],
    rows: (
      ctx.sqlite
        .prepare(
          `SELECT c.name AS community, pr.title AS priority, i.name AS indicator, i.unit, i.direction, i.baseline, i.target, i.source
             FROM indicators i JOIN priorities pr ON pr.id = i.priority_id AND pr.deleted_at IS NULL JOIN plans p ON p.id = pr.plan_id JOIN communities c ON c.id = p.community_id
            WHERE i.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(?)) ORDER BY c.name, pr.rank, i.name`,
        )
        .all(JSON.stringify(planIdsOf(data))) as Array<{ community: string; priority: string; indicator: string; unit: string; direction: string; baseline: number | null; target: number | null; source: string | null }>
    ).map((r) => ({ ...r, direction: l.vocab.direction[r.direction]!, _count: isCountUnit(r.unit) })),
  }),
  'indicator-values': (ctx, data, l, locale) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'indicator', label: l.col.indicator, kind: 'text' },
      { key: 'unit', label: l.col.unit, kind: 'text' },
      { key: 'quarter', label: l.col.quarter, kind: 'text' },
      { key: 'value', label: l.col.value, kind: 'number', countFlag: '_count' },
      { key: 'note', label: l.col.note, kind: 'narrative' },
    ],
    rows: (
      ctx.sqlite
        .prepare(
          `SELECT c.name AS community, i.name AS indicator, i.unit, v.fiscal_year AS fy, v.quarter, v.value, v.note
             FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id AND i.deleted_at IS NULL JOIN priorities pr ON pr.id = i.priority_id AND pr.deleted_at IS NULL
             JOIN plans p ON p.id = pr.plan_id JOIN communities c ON c.id = p.community_id
            WHERE v.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(?)) ORDER BY c.name, i.name, v.fiscal_year, v.quarter`,
        )
        .all(JSON.stringify(planIdsOf(data))) as Array<{ community: string; indicator: string; unit: string; fy: number; quarter: Quarter; value: number; note: string | null }>
    ).map(({ fy, quarter, ...r }) => ({ ...r, quarter: quarterLabel(fy, quarter, locale), _count: isCountUnit(r.unit) })),
  }),
  progress: (ctx, data, l, locale) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'priority', label: l.col.priority, kind: 'text' },
      { key: 'action', label: l.col.action, kind: 'text' },
      { key: 'quarter', label: l.col.quarter, kind: 'text' },
      { key: 'status', label: l.col.status, kind: 'text' },
      { key: 'narrative', label: l.col.narrative, kind: 'narrative' },
      { key: 'nextSteps', label: l.col.nextSteps, kind: 'narrative' },
      { key: 'author', label: l.col.author, kind: 'text' },
      { key: 'updatedAt', label: l.col.updatedAt, kind: 'date' },
    ],
    rows: (
      ctx.sqlite
        .prepare(
          `SELECT c.name AS community, pr.title AS priority, a.title AS action, e.fiscal_year AS fy, e.quarter, e.status, e.narrative, e.next_steps AS nextSteps, e.author, e.updated_at AS updatedAt
             FROM progress_entries e JOIN actions a ON a.id = e.action_id AND a.deleted_at IS NULL JOIN priorities pr ON pr.id = a.priority_id AND pr.deleted_at IS NULL
             JOIN plans p ON p.id = pr.plan_id JOIN communities c ON c.id = p.community_id
            WHERE e.deleted_at IS NULL AND p.id IN (SELECT value FROM json_each(?)) ORDER BY c.name, pr.rank, a.rank, e.quarter`,
        )
        .all(JSON.stringify(planIdsOf(data))) as Array<{ community: string; priority: string; action: string; fy: number; quarter: Quarter; status: string; narrative: string; nextSteps: string | null; author: string; updatedAt: string }>
    ).map(({ fy, quarter, status, ...r }) => ({ ...r, quarter: quarterLabel(fy, quarter, locale), status: l.vocab.progressStatus[status]! })),
  }),
  reports: (_ctx, data, l, locale) => ({
    columns: [
      { key: 'community', label: l.col.community, kind: 'text' },
      { key: 'quarter', label: l.col.quarter, kind: 'text' },
      { key: 'state', label: l.col.state, kind: 'text' },
      { key: 'dueDate', label: l.col.dueDate, kind: 'date' },
      { key: 'submittedAt', label: l.col.submittedAt, kind: 'date' },
    ],
    rows: data.completeness.rows
      .filter((r) => r.planId)
      .flatMap((r) =>
        QUARTERS.map((q) => {
          const cell = r.cells[q - 1]!;
          return {
            community: r.communityName,
            quarter: quarterLabel(data.filters.fiscalYear, q, locale),
            state: cell.submittedAt ? l.vocab.reportState.submitted! : l.vocab.reportState.draft!,
            dueDate: cell.dueDate,
            submittedAt: cell.submittedAt ? cell.submittedAt.slice(0, 10) : null,
          };
        }),
      ),
  }),
};

export function exportTables(ctx: CoreContext, data: RollupData, views: readonly ExportView[] = EXPORT_VIEWS, locale: Locale, options: PublicOptions): DataTable[] {
  const l = exportLabels(locale);
  return views.map((view) => suppressTable({ id: view, title: l.tables[view], ...BUILDERS[view](ctx, data, l, locale) }, options, { fewerThan: l.fewerThan }));
}
