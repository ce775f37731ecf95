/**
 * Reference lists from a spreadsheet: a template the app writes, a preview naming each row's
 * problem as a sentence, and an all-or-nothing import, for CSV and XLSX. Files are hostile input.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import { makeCoordinatorCore, snapshotTables, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

async function call<M extends MethodName>(method: M, input: MethodRawInput<M>) {
  const result = await t.core.call(method, input);
  return result as { ok: true; value: Awaited<MethodOutput<M>> } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
}
async function value<M extends MethodName>(method: M, input: MethodRawInput<M>): Promise<Awaited<MethodOutput<M>>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
  return result.value;
}

const csvFile = (name: string, text: string) => {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, text, 'utf8');
  return file;
};

async function xlsxFile(name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('list');
  for (const row of rows) sheet.addRow(row);
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

function withRegions() {
  t = makeCoordinatorCore();
  t.must('regions:create', { nameEn: 'North Slave', nameFr: 'Slave Nord' });
  t.must('regions:create', { nameEn: 'South Slave', nameFr: 'Slave Sud' });
}

describe('spreadsheet templates', () => {
  it('writes a CSV and an XLSX template for each list, which import as they are (round trip)', async () => {
    withRegions();
    for (const kind of ['regions', 'themes'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const template = await value('reference:template', { kind, format });
        expect(template.fileName).toBe(`${kind}-template.${format}`);
        const preview = await value('reference:previewImport', { kind, content: { fileName: template.fileName, base64: format === 'csv' ? Buffer.from(template.content, 'utf8').toString('base64') : template.content } });
        expect(preview.problems).toEqual([]);
        expect(preview.rows).toHaveLength(1);
      }
    }
    const csv = await value('reference:template', { kind: 'communities', format: 'csv' });
    expect(csv.content.startsWith('\uFEFFname,other_names,region,has_detachment,detachment\r\n')).toBe(true);
    expect(csv.columns).toEqual(['name', 'other_names', 'region', 'has_detachment', 'detachment']);
  });
});

describe('importing communities', () => {
  const GOOD = "name,other_names,region,has_detachment,detachment\nŁutselk'e,Snowdrift,North Slave,yes,\nK'átł'odeeche,Hay River Reserve,Slave Sud,non,\n";

  it('previews then imports a good CSV file in one change; importing it again changes nothing', async () => {
    withRegions();
    const file = csvFile('communities.csv', GOOD);
    const preview = await value('reference:previewImport', { kind: 'communities', file });
    expect(preview.ok).toBe(true);
    expect(preview.rows.map((r) => [r.row, r.action, r.label])).toEqual([
      [2, 'create', "Łutselk'e"],
      [3, 'create', "K'átł'odeeche"],
    ]);
    const changesets = () => (t.core.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get() as number);
    const before = changesets();
    expect(await value('reference:import', { kind: 'communities', file })).toEqual({ kind: 'communities', created: 2, updated: 0, unchanged: 0 });
    expect(changesets()).toBe(before + 1);
    const katl = t.must('communities:list', { search: 'Katlodeeche' });
    expect(katl.map((c) => [c.name, c.otherNames, c.regionNameEn, c.hasDetachment])).toEqual([["K'átł'odeeche", ['Hay River Reserve'], 'South Slave', false]]);
    expect(await value('reference:import', { kind: 'communities', file })).toEqual({ kind: 'communities', created: 0, updated: 0, unchanged: 2 });
  });

  it('names each bad row\'s problem in a sentence and imports nothing (all or nothing)', async () => {
    withRegions();
    const file = csvFile(
      'bad.csv',
      [
        'name,other_names,region,has_detachment,detachment',
        'Whatì,Lac La Martre,North Slave,yes,',
        'Délı̨nę,Fort Franklin,Sahtu,no,',
        ',,North Slave,yes,',
        'Gamètì,,North Slave,perhaps,',
        'Wekweètì,,North Slave,no,Behchokǫ̀ detachment',
        'whati,,North Slave,yes,',
        '=HYPERLINK("http://x"),,North Slave,no,',
      ].join('\r\n'),
    );
    const preview = await value('reference:previewImport', { kind: 'communities', file });
    expect(preview.ok).toBe(false);
    expect(preview.problems.map((p) => p.message)).toEqual([
      'Row 3: region "Sahtu" does not exist — add it or fix the spelling.',
      'Row 4: the name column is empty.',
      'Row 5: the has_detachment column says "perhaps": write yes or no.',
      'Row 6: detachment "Behchokǫ̀ detachment" does not exist — add it or fix the spelling.',
      'Row 7: "whati" is also on row 2.',
      'Row 8: the name column starts with "=", "+", "-" or "@" like a formula; type the text without it.',
    ]);
    const before = snapshotTables(t.core);
    const refused = await call('reference:import', { kind: 'communities', file });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_input');
      expect(refused.error.message).toMatch(/^Nothing was imported: the file has 6 problems\. Row 3: region "Sahtu" does not exist/);
      expect((refused.error.details?.problems as unknown[]).length).toBe(6);
    }
    expect(snapshotTables(t.core)).toBe(before);
  });

  it('says the problems in French in a French installation', async () => {
    withRegions();
    t.must('installation:update', { locale: 'fr' });
    const file = csvFile('bad.csv', 'name,other_names,region,has_detachment,detachment\nDélı̨nę,,Sahtu,non,\n');
    const preview = await value('reference:previewImport', { kind: 'communities', file });
    expect(preview.problems[0]!.message).toBe('Ligne 2\u00a0: la région «\u00a0Sahtu\u00a0» n’existe pas — ajoutez-la ou corrigez l’orthographe.');
  });

  it('imports an XLSX file, and refuses a formula cell', async () => {
    withRegions();
    const good = await xlsxFile('communities.xlsx', [
      ['name', 'other_names', 'region', 'has_detachment', 'detachment'],
      ['Behchokǫ̀', 'Rae-Edzo; Rae', 'North Slave', 'yes', null],
      ['Wekweètì', 'Snare Lake', 'North Slave', 'no', null],
    ]);
    expect(await value('reference:import', { kind: 'communities', file: good })).toMatchObject({ created: 2 });
    expect(t.must('communities:list', { search: 'rae edzo' }).map((c) => c.name)).toEqual(['Behchokǫ̀']);
    const bad = await xlsxFile('formula.xlsx', [
      ['name', 'other_names', 'region', 'has_detachment', 'detachment'],
      [{ formula: 'CONCATENATE("Wh","atì")', result: 'Whatì' }, null, 'North Slave', 'no', null],
    ]);
    const preview = await value('reference:previewImport', { kind: 'communities', file: bad });
    expect(preview.problems.map((p) => p.message)).toEqual(['Row 2: the name column starts with "=", "+", "-" or "@" like a formula; type the text without it.']);
  });

  it('sets detachments and the communities they serve, then organisations and people, by name', async () => {
    withRegions();
    await value('reference:import', { kind: 'communities', file: csvFile('c.csv', 'name,region,has_detachment\nBehchokǫ̀,North Slave,yes\nWekweètì,North Slave,no\n') });
    const detachments = csvFile('d.csv', 'name,name_fr,community,serves\nBehchokǫ̀ detachment,Détachement de Behchokǫ̀,Behchoko,Behchoko; Wekweeti\n');
    expect(await value('reference:import', { kind: 'detachments', file: detachments })).toMatchObject({ created: 1 });
    const wek = t.must('communities:list', { search: 'wekweeti' })[0]!;
    expect(wek.servedByDetachmentName).toBe('Behchokǫ̀ detachment');
    await value('reference:import', { kind: 'organisations', file: csvFile('o.csv', 'name,kind,community\nBehchokǫ̀ Health Centre,health,Behchokǫ̀\nVictim Services,victim_services,\n') });
    const people = csvFile('p.csv', 'name,title,organisation,community\nMary Kodakin,Nurse,Behchokǫ̀ Health Centre,Behchokǫ̀\nPaul Reid,,Nowhere Clinic,\n');
    const preview = await value('reference:previewImport', { kind: 'people', file: people });
    expect(preview.problems.map((p) => p.message)).toEqual(['Row 3: organisation "Nowhere Clinic" does not exist — add it or fix the spelling.']);
  });
});

describe('hostile files', () => {
  it('refuses unknown or missing columns, a file too big, a file that is not a spreadsheet, and an unknown extension — in sentences, changing nothing', async () => {
    withRegions();
    const before = snapshotTables(t.core);
    const columns = await value('reference:previewImport', { kind: 'regions', file: csvFile('cols.csv', 'name_en,password\nA,B\n') });
    expect(columns.problems.map((p) => p.message)).toEqual(['The file has no column "name_fr": start from the template.', 'The file has a column the template does not have: "password".']);

    const big = csvFile('big.csv', `name_en,name_fr\n${'x,y\n'.repeat(700_000)}`);
    const tooBig = await call('reference:import', { kind: 'regions', file: big });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error.message).toBe('The file is too big: a reference list can be at most 2,000,000 bytes.');

    const many = csvFile('many.csv', `name_en,name_fr\n${Array.from({ length: 2500 }, (_, i) => `R${i},R${i}`).join('\n')}\n`);
    const tooMany = await call('reference:previewImport', { kind: 'regions', file: many });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.error.message).toBe('The file has more than 2,000 rows: split it into several files.');

    const notXlsx = csvFile('fake.xlsx', 'name_en,name_fr\nA,B\n');
    const broken = await call('reference:previewImport', { kind: 'regions', file: notXlsx });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toBe('The file could not be read as a spreadsheet (XLSX). Open it in a spreadsheet program and save it again as XLSX.');

    const exe = await call('reference:previewImport', { kind: 'regions', file: csvFile('list.exe', 'x') });
    expect(exe.ok).toBe(false);
    if (!exe.ok) expect(exe.error.message).toBe('The file list.exe is not a spreadsheet the planner reads: save it as .csv or .xlsx.');

    const control = await value('reference:previewImport', { kind: 'regions', file: csvFile('ctl.csv', 'name_en,name_fr\n"Evil\u202eName",Nom\n') });
    expect(control.problems.map((p) => p.message)).toEqual(['Row 2: the name_en column contains control characters or text-direction marks; type it as plain text.']);

    const missing = await call('reference:previewImport', { kind: 'regions', file: path.join(t.dir, 'nothing-here.csv') });
    expect(missing.ok).toBe(false);
    expect(snapshotTables(t.core)).toBe(before);
  });
});
