/**
 * CSV as RFC 4180 says (comma, CRLF, fields with a comma, quote or line break quoted, quotes
 * doubled), in UTF-8 with a byte order mark so spreadsheet programs read the diacritics. One
 * table per file; hidden helper keys in rows are not written.
 */
import type { CellValue, DataTable } from '../../../shared/reports';

const BOM = '\uFEFF';

export function csvField(value: CellValue | boolean | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs (CSV injection).
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableToCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvField(c.label)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row[c.key] as CellValue | undefined)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function csvFileName(table: DataTable, fiscalYear: number, isPublic: boolean): string {
  return `${table.id}-fy${fiscalYear}${isPublic ? '-public' : ''}.csv`;
}
