/** Reports, the coordinator's roll-up and exports (issue 5). Joined into the contract in contract.ts. */
import { z } from 'zod';
import type { AnnualPlanData, ExportFile, QuarterlyReportData, RollupData } from './reports';
import { EXPORT_VIEWS } from './reports';
import { cswbZone, fiscalYear, id, input, isoDate, locale, quarter, read, shortText } from './contract-fields';
import { schemaMessage as m } from './core-messages';

const trueOrFalse = (option: string) => m('reports.trueOrFalse', { option });
const threshold = m('reports.threshold');

const publicFields = {
  public: z.boolean({ error: trueOrFalse('public') }).optional(),
  threshold: z
    .number({ error: threshold })
    .int({ error: threshold })
    .min(1, { error: threshold })
    .max(100, { error: threshold })
    .optional(),
  includeNarratives: z.boolean({ error: trueOrFalse('includeNarratives') }).optional(),
};

const filterFields = {
  fiscalYear,
  region: shortText('region').optional(),
  detachmentId: id().optional(),
  themeId: id('theme id').optional(),
  zone: cswbZone.optional(),
  asOf: isoDate.optional(),
};

export const reportMethods = {
  'reports:quarterly': read<QuarterlyReportData>()(
    "The quarterly community report of a plan: each priority with its actions' status, narrative and next steps, indicator values against baseline and target with their trend.",
    input({ planId: id('plan id'), quarter, ...publicFields, asSubmitted: z.boolean({ error: trueOrFalse('asSubmitted') }).optional() }),
  ),
  'reports:annual': read<AnnualPlanData>()(
    'The annual plan document for sign-off (priorities, actions, owners, indicators and targets, signatures) with the year-end summary.',
    input({ planId: id('plan id'), ...publicFields }),
  ),
  'rollup:get': read<RollupData>()(
    "The coordinator's roll-up for a fiscal year: completeness rates, action status, themes and zones, indicator trends, commitment progress; filtered by region, detachment, theme or zone.",
    input(filterFields),
  ),
  'exports:file': read<Promise<ExportFile>>()(
    'One export file, base64: a CSV of one view (UTF-8 with BOM) or an XLSX workbook of the chosen views (default: every roll-up view and the raw plan and progress data).',
    input({
      format: z.enum(['csv', 'xlsx'], { error: m('exports.format') }),
      views: z.array(z.enum(EXPORT_VIEWS, { error: m('exports.view', { views: EXPORT_VIEWS.join(', ') }) })).min(1).max(EXPORT_VIEWS.length).optional(),
      locale: locale.optional(),
      ...filterFields,
      ...publicFields,
    }).refine((i) => i.format !== 'csv' || i.views?.length === 1, { error: m('exports.csvOneView') }),
  ),
} as const;
