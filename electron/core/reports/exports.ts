/** Export files (CSV of one view, XLSX of many) for the renderer's download buttons and the CLI. */
import type { MethodInput } from '../../../shared/contract';
import { fiscalYearLabel } from '../../../shared/fiscal-calendar';
import type { DataTable, ExportFile, ExportView } from '../../../shared/reports';
import { EXPORT_VIEWS } from '../../../shared/reports';
import { publicOptions } from '../../../shared/suppression';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { csvFileName, tableToCsv } from './csv';
import { exportTables } from './export-tables';
import { rollup } from './rollup-data';
import { tablesToXlsx } from './xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportRequest {
  fiscalYear: number;
  region?: string;
  detachmentId?: string;
  themeId?: string;
  zone?: MethodInput<'rollup:get'>['zone'];
  asOf?: string;
  views?: readonly ExportView[];
  locale?: 'en' | 'fr';
  public?: boolean;
  threshold?: number;
  includeNarratives?: boolean;
}

export function buildExportTables(ctx: CoreContext, request: ExportRequest): DataTable[] {
  const { views, locale, public: isPublic, threshold, includeNarratives, ...filters } = request;
  ctx.progress?.('report', 0, 3);
  const data = rollup(ctx, filters);
  ctx.progress?.('report', 1, 3);
  return exportTables(ctx, data, views ?? EXPORT_VIEWS, locale ?? readProfile(ctx).locale, publicOptions({ public: isPublic, threshold, includeNarratives }));
}

export function csvFiles(ctx: CoreContext, request: ExportRequest): Array<{ fileName: string; text: string; table: DataTable }> {
  return buildExportTables(ctx, request).map((table) => ({ fileName: csvFileName(table, request.fiscalYear, request.public === true), text: tableToCsv(table), table }));
}

export async function xlsxFile(ctx: CoreContext, request: ExportRequest): Promise<{ fileName: string; bytes: Buffer; tables: DataTable[] }> {
  const tables = buildExportTables(ctx, request);
  ctx.progress?.('report', 2, 3);
  const locale = request.locale ?? readProfile(ctx).locale;
  const title = `${locale === 'fr' ? 'Planification de la sécurité communautaire' : 'Community safety planning'} — ${fiscalYearLabel(request.fiscalYear, locale)}`;
  const bytes = await tablesToXlsx(tables, { title, created: new Date(ctx.clock.now()), isPublic: request.public === true });
  return { fileName: `community-safety-fy${request.fiscalYear}${request.public ? '-public' : ''}.xlsx`, bytes, tables };
}

export function exportFile(ctx: CoreContext, input: MethodInput<'exports:file'>): Promise<ExportFile> {
  const { format, ...request } = input;
  if (format === 'csv') {
    const [file] = csvFiles(ctx, request);
    const bytes = Buffer.from(file!.text, 'utf8');
    return Promise.resolve({ fileName: file!.fileName, mimeType: 'text/csv;charset=utf-8', base64: bytes.toString('base64'), bytes: bytes.length, tables: [file!.table.id] });
  }
  return xlsxFile(ctx, request).then(({ fileName, bytes, tables }) => (ctx.progress?.('report', 3, 3), { fileName, mimeType: XLSX_MIME, base64: bytes.toString('base64'), bytes: bytes.length, tables: tables.map((t) => t.id) }));
}
