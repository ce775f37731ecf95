/** Reports, the coordinator's roll-up and exports (issue 5). Joined into the contract in contract.ts. */
import { z } from 'zod';
import type { AnnualPlanData, ExportFile, QuarterlyReportData, RollupData } from './reports';
import { EXPORT_VIEWS } from './reports';
import { cswbZone, fiscalYear, id, input, isoDate, locale, quarter, read, shortText } from './contract-fields';

const publicFields = {
  public: z.boolean({ error: 'Say true or false for "public".' }).optional(),
  threshold: z
    .number({ error: 'The suppression threshold must be a whole number from 1 to 100.' })
    .int({ error: 'The suppression threshold must be a whole number from 1 to 100.' })
    .min(1, { error: 'The suppression threshold must be a whole number from 1 to 100.' })
    .max(100, { error: 'The suppression threshold must be a whole number from 1 to 100.' })
    .optional(),
  includeNarratives: z.boolean({ error: 'Say true or false for "includeNarratives".' }).optional(),
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
    input({ planId: id('plan id'), quarter, ...publicFields }),
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
      format: z.enum(['csv', 'xlsx'], { error: 'The format must be csv or xlsx.' }),
      views: z.array(z.enum(EXPORT_VIEWS, { error: `The view must be one of: ${EXPORT_VIEWS.join(', ')}.` })).min(1).max(EXPORT_VIEWS.length).optional(),
      locale: locale.optional(),
      ...filterFields,
      ...publicFields,
    }).refine((i) => i.format !== 'csv' || i.views?.length === 1, { error: 'A CSV file holds one table: choose exactly one view (or export XLSX for several).' }),
  ),
} as const;
