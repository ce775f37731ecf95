/**
 * The columns of each reference list's spreadsheet (template, preview and import). Column names
 * are codes, the same in both languages, like the CSV exports' keys; lists inside a cell are
 * separated by semicolons.
 */
import type { ReferenceKind, SpreadsheetFormat } from './domain';

/** A sheet as read: its header (lower case) and rows of text cells; `formulaColumns` are cells that held a formula. */
export interface ReadSheet {
  format: SpreadsheetFormat;
  header: string[];
  rows: Array<{ row: number; cells: string[]; formulaColumns: number[] }>;
}

export interface SheetColumn {
  name: string;
  required: boolean;
  /** A list of names separated by ";". */
  list?: boolean;
  /** yes/no (oui/non, true/false, 1/0). */
  yesNo?: boolean;
}

const col = (name: string, required: boolean, more: Partial<SheetColumn> = {}): SheetColumn => ({ name, required, ...more });

export const REFERENCE_COLUMNS: Record<ReferenceKind, readonly SheetColumn[]> = {
  regions: [col('name_en', true), col('name_fr', true)],
  communities: [col('name', true), col('other_names', false, { list: true }), col('region', true), col('has_detachment', true, { yesNo: true }), col('detachment', false)],
  detachments: [col('name', true), col('name_fr', false), col('community', false), col('serves', false, { list: true })],
  themes: [col('code', true), col('name_en', true), col('name_fr', true)],
  organisations: [col('name', true), col('kind', true), col('community', false)],
  people: [col('name', true), col('title', false), col('organisation', false), col('community', false)],
};

/** The template's example row (a real-looking one, so the format is plain). */
export const REFERENCE_EXAMPLES: Record<ReferenceKind, Record<string, string>> = {
  regions: { name_en: 'North Slave', name_fr: 'Slave Nord' },
  communities: { name: 'Behchokǫ̀', other_names: 'Rae-Edzo; Rae', region: 'North Slave', has_detachment: 'yes', detachment: 'Behchokǫ̀ detachment' },
  detachments: { name: 'Behchokǫ̀ detachment', name_fr: 'Détachement de Behchokǫ̀', community: 'Behchokǫ̀', serves: 'Behchokǫ̀; Wekweètì' },
  themes: { code: 'youth', name_en: 'Youth', name_fr: 'Jeunesse' },
  organisations: { name: 'Behchokǫ̀ Health Centre', kind: 'health', community: 'Behchokǫ̀' },
  people: { name: 'Mary Kodakin', title: 'Nurse in charge', organisation: 'Behchokǫ̀ Health Centre', community: 'Behchokǫ̀' },
};

export const YES = ['yes', 'oui', 'true', '1', 'y', 'o'];
export const NO = ['no', 'non', 'false', '0', 'n'];
