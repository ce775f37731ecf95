/**
 * Reading and writing the spreadsheets of reference lists (CSV and XLSX). Files are hostile input:
 * a size cap before reading, a row cap, every cell read as plain text (a formula is reported, never
 * evaluated), and the header checked against the list's columns by the import (services/reference-import.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJSModule from 'exceljs';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '../../../shared/contract-reference';
import { msg } from '../../../shared/core-messages';
import type { ReferenceKind, ReferenceTemplate, SpreadsheetFormat } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { REFERENCE_COLUMNS, REFERENCE_EXAMPLES, type ReadSheet } from '../../../shared/reference-columns';
import { csvField } from './csv';
import { XLSX_MIME } from './exports';


const loadExcel = async () => ((await import('exceljs')) as { default: typeof ExcelJSModule }).default;

export async function referenceTemplate(kind: ReferenceKind, format: SpreadsheetFormat): Promise<ReferenceTemplate> {
  const columns = REFERENCE_COLUMNS[kind].map((c) => c.name);
  const example = REFERENCE_EXAMPLES[kind];
  const fileName = `${kind}-template.${format}`;
  if (format === 'csv') {
    const lines = [columns.join(','), columns.map((c) => csvField(example[c] ?? '')).join(',')];
    return { kind, format, fileName, mimeType: 'text/csv;charset=utf-8', encoding: 'utf8', content: `\uFEFF${lines.join('\r\n')}\r\n`, columns };
  }
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Community Safety Planner';
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: 28 }));
  sheet.addRow(Object.fromEntries(columns.map((c) => [c, example[c] ?? ''])));
  sheet.getRow(1).font = { bold: true };
  const data = await workbook.xlsx.writeBuffer();
  return { kind, format, fileName, mimeType: XLSX_MIME, encoding: 'base64', content: Buffer.from(data as ArrayBuffer).toString('base64'), columns };
}

/** The file's bytes and format, from a path or from uploaded content, refused with a sentence when unusable. */
export function sourceBytes(source: { file?: string | undefined; content?: { fileName: string; base64: string } | undefined }): { bytes: Buffer; format: SpreadsheetFormat } {
  const name = source.file ?? source.content?.fileName;
  if (!name) throw new DomainError('invalid_input', msg('import.sourceMissing'));
  const extension = path.extname(name).toLowerCase();
  const format: SpreadsheetFormat | null = extension === '.csv' || extension === '.txt' ? 'csv' : extension === '.xlsx' ? 'xlsx' : null;
  const shown = path.basename(name).slice(0, 120);
  if (format === null) throw new DomainError('invalid_input', msg('import.unknownFormat', { file: shown }));
  let bytes: Buffer;
  if (source.file !== undefined) {
    let size: number;
    try {
      const stat = fs.statSync(source.file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      throw new DomainError('not_found', msg('import.unreadableFile', { file: shown }));
    }
    if (size > MAX_IMPORT_FILE_BYTES) throw new DomainError('invalid_input', msg('import.tooBig', { max: MAX_IMPORT_FILE_BYTES }));
    bytes = fs.readFileSync(source.file);
  } else {
    bytes = Buffer.from(source.content!.base64, 'base64');
  }
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new DomainError('invalid_input', msg('import.tooBig', { max: MAX_IMPORT_FILE_BYTES }));
  return { bytes, format };
}

/** RFC 4180 CSV (comma or semicolon, as spreadsheet programs in French write), UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.length === 0) quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > MAX_IMPORT_ROWS + 1) break;
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const blankRow = (cells: string[]) => cells.every((c) => c.trim() === '');

export async function readSheet(bytes: Buffer, format: SpreadsheetFormat): Promise<ReadSheet> {
  const notSpreadsheet = () => new DomainError('invalid_input', msg('import.notSpreadsheet', { format: format.toUpperCase() }));
  let table: Array<{ cells: string[]; formulaColumns: number[] }>;
  if (format === 'csv') {
    const text = bytes.toString('utf8');
    if (text.includes('\u0000')) throw notSpreadsheet();
    table = parseCsv(text).map((cells) => ({ cells, formulaColumns: [] }));
  } else {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw notSpreadsheet();
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw notSpreadsheet();
    if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw new DomainError('invalid_input', msg('import.tooManyRows', { max: MAX_IMPORT_ROWS }));
    table = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      const formulaColumns: number[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, 50); c++) {
        const value = row.getCell(c).value as unknown;
        if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) formulaColumns.push(c - 1);
        cells.push(cellText(value));
      }
      table.push({ cells, formulaColumns });
    }
  }
  const [header, ...rest] = table;
  const rows = rest
    .map((r, i) => ({ row: i + 2, cells: r.cells, formulaColumns: r.formulaColumns }))
    .filter((r) => !blankRow(r.cells));
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('invalid_input', msg('import.tooManyRows', { max: MAX_IMPORT_ROWS }));
  return { format, header: (header?.cells ?? []).map((h) => h.trim().toLowerCase()), rows };
}

/** A cell as the text a person sees (rich text joined, numbers and booleans written out); formulas count as empty. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}
