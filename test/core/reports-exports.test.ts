/** CSV and XLSX exports, read back with libraries: values and diacritics intact, suppression applied. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { csvField, tableToCsv } from '../../electron/core/reports/csv';
import { csvFiles, xlsxFile } from '../../electron/core/reports/exports';
import { sheetName } from '../../electron/core/reports/xlsx';
import { EXPORT_VIEWS } from '../../shared/reports';
import { buildReportFixture } from './reports-fixture';

let fx: ReturnType<typeof buildReportFixture>;
afterEach(() => fx?.t.core.close());

function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

describe('CSV', () => {
  it('quotes as RFC 4180 says and guards against formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    const text = tableToCsv({ id: 't', title: 'T', columns: [{ key: 'a', label: 'A', kind: 'text' }, { key: 'b', label: 'B', kind: 'number' }], rows: [{ a: 'x', b: 1 }] });
    expect(text).toBe('\uFEFFA,B\r\nx,1\r\n');
  });

  it('writes one file per view; every roll-up view and the raw data read back intact, diacritics included', () => {
    fx = buildReportFixture();
    const files = csvFiles(fx.t.core.context, { fiscalYear: 2025, locale: 'en' });
    expect(files.map((f) => f.fileName)).toEqual(EXPORT_VIEWS.map((v) => `${v}-fy2025.csv`));
    const byView = Object.fromEntries(files.map((f) => [f.table.id, readCsv(f.text)]));
    expect(byView['completeness-by-community']).toEqual([
      ['Community', 'Region', 'Detachment', 'Plan status', 'Reports due', 'On time', 'Late', 'Missing', 'Completeness rate (%)', 'On-time rate (%)'],
      ['Aklavik', 'Beaufort Delta', 'Aklavik Detachment', 'Active', '2', '1', '1', '0', '100', '50'],
      ['Behchokǫ̀', 'North Slave', 'Behchokǫ̀ Detachment', 'Active', '2', '1', '0', '1', '50', '50'],
      ['Colville Lake', 'Sahtu', '', 'Draft', '2', '0', '0', '2', '0', '0'],
      ['Délı̨nę', 'Sahtu', '', 'No plan', '0', '0', '0', '0', '', ''],
    ]);
    expect(byView['completeness-by-quarter']![2]).toEqual(['FY 2025–26 Q2', '3', '1', '0', '1', '2', '0', '0', '1', '33.3', '0', '2025-10-30', '2']);
    // Q3 runs until 2025-12-31, due 2026-01-30: upcoming, nobody not reported.
    expect(byView['completeness-by-quarter']![0]!.slice(-2)).toEqual(['Due date', 'Not reported (due date passed)']);
    expect(byView['completeness-by-quarter']![3]).toEqual(['FY 2025–26 Q3', '0', '0', '0', '0', '0', '0', '3', '1', '', '', '2026-01-30', '0']);
    expect(byView.themes!.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([['alcohol', '3', '100'], ['youth', '2', '66.7'], ['family_violence', '1', '33.3']]);
    expect(byView['commitment-progress']!.at(-1)).toEqual(['FY 2025–26', '2', '4', '50']);
    const progress = byView.progress!;
    expect(progress[0]).toEqual(['Community', 'Priority', 'Action', 'Quarter', 'Status', 'Narrative', 'Next steps', 'Author', 'Updated']);
    const checkstops = progress.find((r) => r[2] === 'Checkstops on the ice road' && r[3] === 'FY 2025–26 Q2')!;
    expect(checkstops.slice(4, 7)).toEqual(['Completed', 'Checkstops done — the chief’s “zero tolerance” message, on the radio.', 'Report to council, "in person"']);
    expect(progress.find((r) => r[2] === 'Patrouilles à pied')![5]).toBe('Deux agents en congé; reprise en août.');
  });

  it('speaks French when asked', () => {
    fx = buildReportFixture();
    const [file] = csvFiles(fx.t.core.context, { fiscalYear: 2025, locale: 'fr', views: ['action-status'] });
    const rows = readCsv(file!.text);
    expect(rows[0]).toEqual(['Collectivité', 'Pas commencée', 'En bonne voie', 'À risque', 'En retard', 'Terminée', 'Abandonnée', 'Non consigné', 'Mesures']);
    expect(rows[2]).toEqual(['Behchokǫ̀', '0', '0', '0', '1', '0', '1', '0', '2']);
  });

  it('marked public: small counts as "fewer than 5", narratives left out', () => {
    fx = buildReportFixture();
    const files = csvFiles(fx.t.core.context, { fiscalYear: 2025, locale: 'en', public: true, views: ['completeness-by-quarter', 'progress', 'indicator-values'] });
    expect(files.map((f) => f.fileName)).toEqual(['completeness-by-quarter-fy2025-public.csv', 'progress-fy2025-public.csv', 'indicator-values-fy2025-public.csv']);
    const [quarters, progress, values] = files.map((f) => readCsv(f.text));
    expect(quarters![1]!.slice(0, 3)).toEqual(['FY 2025–26 Q1', 'fewer than 5', 'fewer than 5']);
    expect(quarters![1]![9]).toBe('fewer than 5');
    expect(progress![0]).not.toContain('Narrative');
    expect(progress!.flat().join(' ')).not.toContain('checkstops held');
    expect(values!.map((r) => [r[1], r[4]])).toEqual([
      ['Indicator', 'Value'],
      ['Impaired driving charges', '10'],
      ['Impaired driving charges', '5'],
      ['Youth attendance', '45'],
      ['Appels de service', 'fewer than 5'],
    ]);
  });

  it('refuses a CSV of several views through the contract', async () => {
    fx = buildReportFixture();
    expect(await fx.t.core.call('exports:file', { format: 'csv', fiscalYear: 2025 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const one = await fx.t.core.call('exports:file', { format: 'csv', fiscalYear: 2025, views: ['themes'] });
    expect(one).toMatchObject({ ok: true, value: { fileName: 'themes-fy2025.csv', mimeType: 'text/csv;charset=utf-8', tables: ['themes'] } });
    if (one.ok) expect(Buffer.from((one.value as { base64: string }).base64, 'base64').toString('utf8')).toContain('Alcohol and drugs');
  });
});

describe('XLSX', () => {
  it('holds one sheet per view with numbers as numbers and text intact', async () => {
    fx = buildReportFixture();
    const { bytes, fileName, tables } = await xlsxFile(fx.t.core.context, { fiscalYear: 2025, locale: 'fr' });
    expect(fileName).toBe('community-safety-fy2025.xlsx');
    expect(tables).toHaveLength(EXPORT_VIEWS.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.title.slice(0, 31).trim()));
    const community = workbook.getWorksheet('Taux de complétude par collecti')!;
    expect(community.getRow(1).values).toEqual([undefined, 'Collectivité', 'Région', 'Détachement', 'État du plan', 'Rapports attendus', 'À temps', 'En retard', 'Manquants', 'Taux de complétude (%)', 'Taux de remise à temps (%)']);
    expect(community.getRow(3).values).toEqual([undefined, 'Behchokǫ̀', 'North Slave', 'Behchokǫ̀ Detachment', 'En œuvre', 2, 1, 0, 1, 50, 50]);
    expect(community.getRow(5).getCell(1).value).toBe('Délı̨nę');
    const progress = workbook.getWorksheet('Avancement trimestriel')!;
    const texts = progress.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(texts).toContain('Checkstops done — the chief’s “zero tolerance” message, on the radio.');
    expect(texts).toContain('La salle n’est plus disponible.');
    expect(texts).toContain('Terminée');
  });

  it('through the contract: base64 bytes of a workbook, suppressed when public', async () => {
    fx = buildReportFixture();
    const result = await fx.t.core.call('exports:file', { format: 'xlsx', fiscalYear: 2025, views: ['zones', 'progress'], public: true, locale: 'en' });
    expect(result.ok).toBe(true);
    const file = (result as { value: { base64: string; fileName: string; bytes: number } }).value;
    expect(file.fileName).toBe('community-safety-fy2025-public.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const zones = workbook.getWorksheet('CSWB zones across communities')!;
    expect(zones.getRow(3).values).toEqual([undefined, 'Prevention', 'fewer than 5', 66.7, 'fewer than 5', 'Aklavik; Behchokǫ̀']);
    expect(workbook.getWorksheet('Quarterly progress')!.getRow(1).values).not.toContain('Narrative');
  });

  it('names sheets within Excel’s rules', () => {
    const taken = new Set<string>();
    expect(sheetName('A/B: c?', taken)).toBe('A B  c');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(29)} 2`);
  });
});
