/**
 * An XLSX workbook with one sheet per table, through exceljs: bold frozen header row, column
 * widths from the content, numbers as numbers, dates as text (YYYY-MM-DD, never shifted by a time
 * zone), and the table's title and the output's marking in the workbook properties.
 */
import type ExcelJSModule from 'exceljs';
import type { CellValue, DataTable } from '../../../shared/reports';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function tablesToXlsx(tables: DataTable[], meta: { title: string; created: Date; isPublic: boolean }): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs (with its zip libraries) is the largest part of the
  // main and CLI bundles, and evaluating it at start would slow every CLI call and app start.
  const ExcelJS = ((await import('exceljs')) as { default: typeof ExcelJSModule }).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Community Safety Planner';
  workbook.title = meta.title;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  if (meta.isPublic) workbook.keywords = 'public';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key }));
    for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, (row[c.key] as CellValue | undefined) ?? null])));
    sheet.getRow(1).font = { bold: true };
    table.columns.forEach((c, i) => {
      const longest = Math.max(c.label.length, ...table.rows.map((r) => String(r[c.key] ?? '').length));
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(60, Math.max(8, longest + 2));
      if (c.kind === 'narrative') column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
