/**
 * Reference data: regions, detachments, communities, organisations, people, themes, and the
 * territory administration's spreadsheet import. Names that have two language forms are given in
 * both, plus the one of the installation's language (`name`, `region`, `servedByDetachmentName`).
 * A retired record has left the lists for new work but stays on the plans and reports that name it.
 */
import type { MessageRef } from '../core-messages';
import type { OrganisationKind, PlanStatus } from '../vocabulary';

export interface Region {
  id: string;
  nameEn: string;
  nameFr: string;
  /** The name in the installation's language. */
  name: string;
  retired: boolean;
}

export interface Detachment {
  id: string;
  /** The name in the installation's language (the English one when there is no French form). */
  name: string;
  nameEn: string;
  /** null when the French name is the same as the English one. */
  nameFr: string | null;
  /** The community the detachment building is in. */
  communityId: string | null;
  /** The communities this detachment serves (its own included), by id. */
  servedCommunityIds: string[];
  retired: boolean;
}

export interface Community {
  id: string;
  /** The official name, in the community's own spelling. */
  name: string;
  /** Former, English or Indigenous names: search finds the community by any of them. */
  otherNames: string[];
  /** The region's name in the installation's language (what screens and reports show). */
  region: string;
  /** The region's id (for old rows, the region's English name). */
  regionId: string;
  regionNameEn: string;
  regionNameFr: string;
  hasDetachment: boolean;
  servedByDetachmentId: string | null;
  /** The serving detachment's name in the installation's language. */
  servedByDetachmentName: string | null;
  retired: boolean;
}

export interface CommunitySummary extends Community {
  /** The community's plan for the requested fiscal year, if any. */
  plan: { id: string; status: PlanStatus } | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  communityId: string | null;
  retired: boolean;
}

export interface Person {
  id: string;
  name: string;
  title: string | null;
  organisationId: string | null;
  communityId: string | null;
  retired: boolean;
}

export interface Theme {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  retired: boolean;
}

/** One theme of the standard list offered when a territory starts (EN and FR labels). */
export interface StandardTheme {
  code: string;
  nameEn: string;
  nameFr: string;
}

/** The lists a spreadsheet can fill. */
export type ReferenceKind = 'regions' | 'communities' | 'detachments' | 'themes' | 'organisations' | 'people';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** A file the core wrote for the person to save: text for CSV, base64 for XLSX. */
export interface ReferenceTemplate {
  kind: ReferenceKind;
  format: SpreadsheetFormat;
  /** "communities-template.csv" (the column names are English in both languages: they are codes). */
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
  /** The column names, in order. */
  columns: string[];
}

/** One problem of an imported file, as a sentence ("row 7: region 'Sahtu' does not exist — …"). */
export interface ReferenceImportProblem {
  /** The spreadsheet's row number (the header is row 1), or null for the file as a whole. */
  row: number | null;
  /** The sentence in the installation's language. */
  message: string;
  /** The same sentence as a catalogue reference, to re-render in the language on screen. */
  ref: MessageRef;
}

export interface ReferenceImportRow {
  row: number;
  /** What importing does with this row: a new record, or a change to the one with the same name. */
  action: 'create' | 'update' | 'unchanged';
  /** The row's cells, by column name, as read (trimmed). */
  values: Record<string, string>;
  /** The record's name as people know it (community name, theme code and label…). */
  label: string;
}

export interface ReferenceImportPreview {
  kind: ReferenceKind;
  format: SpreadsheetFormat;
  rows: ReferenceImportRow[];
  problems: ReferenceImportProblem[];
  /** True when there is no problem: reference:import would accept the file. */
  ok: boolean;
}

export interface ReferenceImportOutcome {
  kind: ReferenceKind;
  created: number;
  updated: number;
  unchanged: number;
}
