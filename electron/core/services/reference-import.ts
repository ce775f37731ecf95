/**
 * Importing a reference list from a spreadsheet (read by reports/reference-sheets.ts): every row is
 * checked against the list's columns, the field rules and the territory's existing records; the
 * preview names each problem as a sentence, and the import writes all rows in one change or none.
 * A row whose name matches an existing record changes that record; any other row adds one.
 */
import { MAX_SHORT_TEXT } from '../../../shared/contract-fields';
import { type MessageRef, msg, renderMessage } from '../../../shared/core-messages';
import type { ReferenceImportOutcome, ReferenceImportPreview, ReferenceImportProblem, ReferenceImportRow, ReferenceKind } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { hasActiveCharacters } from '../../../shared/active-text';
import { NO, REFERENCE_COLUMNS, type ReadSheet, YES } from '../../../shared/reference-columns';
import { foldForSearch } from '../../../shared/text-search';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/vocabulary';
import type { ChangeWriter } from '../changelog/change-recorder';
import { change, type CoreContext } from '../changelog/core-context';
import { naturalIds } from '../changelog/deterministic-id';
import { liveCommunities, liveDetachments, liveOrganisations, livePeople, liveThemes, localeOf, regionRows } from '../queries/reference';

type Cells = Record<string, string>;
type Write = (w: ChangeWriter) => void;

interface Plan {
  rows: ReferenceImportRow[];
  problems: Array<{ row: number | null; ref: MessageRef }>;
  writes: Write[];
}

/** A lookup by folded name: one id, or 'ambiguous' when several records share the name. */
class Names {
  private readonly map = new Map<string, string | 'ambiguous'>();
  add(names: readonly string[], id: string): void {
    for (const name of new Set(names.map(foldForSearch))) {
      if (name === '') continue;
      const there = this.map.get(name);
      this.map.set(name, there === undefined || there === id ? id : 'ambiguous');
    }
  }
  find(name: string): string | 'ambiguous' | undefined {
    return this.map.get(foldForSearch(name));
  }
}

const splitList = (text: string) =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Reads the header and each row's cells; problems of the file as a whole stop here. */
function cellsOf(kind: ReferenceKind, sheet: ReadSheet, plan: Plan): Array<{ row: number; cells: Cells }> {
  const columns = REFERENCE_COLUMNS[kind];
  const known = new Set(columns.map((c) => c.name));
  const missing = columns.filter((c) => c.required && !sheet.header.includes(c.name)).map((c) => c.name);
  const unknown = sheet.header.filter((h) => h !== '' && !known.has(h));
  if (missing.length > 0) plan.problems.push({ row: null, ref: msg('import.missingColumns', { count: missing.length, columns: missing }) });
  if (unknown.length > 0) plan.problems.push({ row: null, ref: msg('import.unknownColumns', { count: unknown.length, columns: unknown.map((u) => u.slice(0, 40)) }) });
  if (sheet.rows.length === 0) plan.problems.push({ row: null, ref: msg('import.noRows') });
  if (plan.problems.length > 0) return [];
  return sheet.rows.map(({ row, cells, formulaColumns }) => {
    const out: Cells = {};
    for (const column of columns) {
      const index = sheet.header.indexOf(column.name);
      let text = index < 0 ? '' : (cells[index] ?? '').trim();
      // The planner's own CSV writes a leading apostrophe before = + - @ so no program runs it as a formula.
      if (/^'[=+\-@]/.test(text)) text = text.slice(1);
      const problem = (ref: MessageRef) => plan.problems.push({ row, ref: msg('import.row', { row, problem: ref }) });
      if (index >= 0 && formulaColumns.includes(index)) problem(msg('import.cellFormula', { column: column.name }));
      else if (/^[=+@]/.test(text)) problem(msg('import.cellFormula', { column: column.name }));
      else if (hasActiveCharacters(text)) problem(msg('import.cellActive', { column: column.name }));
      else if (text.length > (column.list ? MAX_SHORT_TEXT * 20 : MAX_SHORT_TEXT)) problem(msg('import.cellTooLong', { column: column.name, max: MAX_SHORT_TEXT }));
      else if (column.required && text === '') problem(msg('import.cellEmpty', { column: column.name }));
      else if (column.list && splitList(text).some((item) => item.length > MAX_SHORT_TEXT)) problem(msg('import.cellTooLong', { column: column.name, max: MAX_SHORT_TEXT }));
      else if (column.yesNo && text !== '' && ![...YES, ...NO].includes(text.toLowerCase())) problem(msg('import.notYesNo', { column: column.name, value: text.slice(0, 40) }));
      out[column.name] = text;
    }
    return { row, cells: out };
  });
}

function planImport(ctx: CoreContext, kind: ReferenceKind, sheet: ReadSheet): Plan {
  const plan: Plan = { rows: [], problems: [], writes: [] };
  const rows = cellsOf(kind, sheet, plan);
  const problem = (row: number, ref: MessageRef) => plan.problems.push({ row, ref: msg('import.row', { row, problem: ref }) });
  const seen = new Map<string, number>();
  /** A name met twice in the file is a problem (the second row names the first). */
  const once = (row: number, key: string, shown: string): boolean => {
    const folded = foldForSearch(key);
    const first = seen.get(folded);
    if (first !== undefined) {
      problem(row, msg('import.duplicate', { name: shown, first }));
      return false;
    }
    seen.set(folded, row);
    return true;
  };
  const resolve = (row: number, names: Names, name: string, missing: 'import.regionMissing' | 'import.detachmentMissing' | 'import.communityMissing' | 'import.organisationMissing', thing: 'region record' | 'detachment' | 'community' | 'organisation'): string | null => {
    const found = names.find(name);
    if (found === undefined) problem(row, msg(missing, { name: name.slice(0, 80) }));
    else if (found === 'ambiguous') problem(row, msg('import.ambiguous', { name: name.slice(0, 80), thing: { key: `noun.${thing}` } as MessageRef }));
    else return found;
    return null;
  };
  const record = (row: number, cells: Cells, label: string, existing: object | undefined, next: Record<string, unknown>, write: Write) => {
    const unchanged = existing !== undefined && Object.entries(next).every(([k, v]) => JSON.stringify((existing as Record<string, unknown>)[k] ?? null) === JSON.stringify(v ?? null));
    plan.rows.push({ row, action: existing === undefined ? 'create' : unchanged ? 'unchanged' : 'update', values: cells, label });
    if (!unchanged) plan.writes.push(write);
  };

  const communityNames = new Names();
  const communities = liveCommunities(ctx);
  for (const c of communities) communityNames.add([c.name, ...c.otherNames, c.id], c.id);

  switch (kind) {
    case 'regions': {
      const regions = regionRows(ctx);
      for (const { row, cells } of rows) {
        if (!once(row, cells.name_en!, cells.name_en!)) continue;
        const existing = regions.find((r) => foldForSearch(r.nameEn) === foldForSearch(cells.name_en!) || foldForSearch(r.nameFr) === foldForSearch(cells.name_fr!));
        const next = { nameEn: cells.name_en, nameFr: cells.name_fr };
        const id = existing?.id ?? ctx.ids.newId();
        record(row, cells, cells.name_en!, existing, next, (w) => (existing ? w.update('regions', id, next) : w.insert('regions', { id, nameEn: next.nameEn!, nameFr: next.nameFr! })));
      }
      break;
    }
    case 'communities': {
      const regionNames = new Names();
      for (const r of regionRows(ctx).filter((r) => !r.retired)) regionNames.add([r.nameEn, r.nameFr, r.id], r.id);
      // Communities recorded before regions were records name their region in English.
      for (const c of communities) if (c.regionNameEn === c.regionId) regionNames.add([c.regionId], c.regionId);
      const detachmentNames = new Names();
      for (const d of liveDetachments(ctx).filter((d) => !d.retired)) detachmentNames.add([d.nameEn, ...(d.nameFr ? [d.nameFr] : []), d.id], d.id);
      for (const { row, cells } of rows) {
        const otherNames = splitList(cells.other_names ?? '').filter((n) => foldForSearch(n) !== foldForSearch(cells.name!));
        if (!once(row, cells.name!, cells.name!) || !otherNames.every((n) => once(row, n, n))) continue;
        const regionId = resolve(row, regionNames, cells.region!, 'import.regionMissing', 'region record');
        const detachmentId = cells.detachment ? resolve(row, detachmentNames, cells.detachment, 'import.detachmentMissing', 'detachment') : null;
        if (regionId === null || (cells.detachment && detachmentId === null)) continue;
        const existingId = communityNames.find(cells.name!);
        const existing = existingId && existingId !== 'ambiguous' ? communities.find((c) => c.id === existingId) : undefined;
        const next = {
          name: cells.name!,
          otherNames,
          region: regionId,
          hasDetachment: YES.includes(cells.has_detachment!.toLowerCase()),
          servedByDetachmentId: detachmentId ?? existing?.servedByDetachmentId ?? null,
        };
        const id = existing?.id ?? ctx.ids.newId();
        const before = existing && { ...existing, region: existing.regionId };
        record(row, cells, cells.name!, before, next, (w) => (existing ? w.update('communities', id, next) : w.insert('communities', { id, ...next })));
      }
      break;
    }
    case 'detachments': {
      const detachments = liveDetachments(ctx);
      for (const { row, cells } of rows) {
        if (!once(row, cells.name!, cells.name!)) continue;
        const communityId = cells.community ? resolve(row, communityNames, cells.community, 'import.communityMissing', 'community') : null;
        const served = splitList(cells.serves ?? '').map((name) => resolve(row, communityNames, name, 'import.communityMissing', 'community'));
        if ((cells.community && communityId === null) || served.includes(null)) continue;
        const existing = detachments.find((d) => foldForSearch(d.nameEn) === foldForSearch(cells.name!));
        const nameFr = cells.name_fr && cells.name_fr !== cells.name ? cells.name_fr : null;
        const next = { name: cells.name!, nameFr, communityId };
        const id = existing?.id ?? ctx.ids.newId();
        const servedIds = served as string[];
        const before = existing && { ...existing, name: existing.nameEn };
        const servingChanges = servedIds.some((c) => !existing?.servedCommunityIds.includes(c));
        record(row, cells, cells.name!, servingChanges ? undefined : before, next, (w) => {
          if (existing) w.update('detachments', id, next);
          else w.insert('detachments', { id, ...next });
          for (const c of servedIds) w.update('communities', c, { servedByDetachmentId: id });
        });
        if (existing && servingChanges) plan.rows.at(-1)!.action = 'update';
      }
      break;
    }
    case 'themes': {
      const themes = liveThemes(ctx);
      for (const { row, cells } of rows) {
        if (!once(row, cells.code!, cells.code!)) continue;
        const existing = themes.find((t) => foldForSearch(t.code) === foldForSearch(cells.code!));
        const next = { code: existing?.code ?? cells.code!, nameEn: cells.name_en!, nameFr: cells.name_fr! };
        const id = existing?.id ?? naturalIds.theme(cells.code!);
        record(row, cells, `${cells.code} — ${cells.name_en}`, existing, next, (w) => (existing ? w.update('themes', id, next) : w.upsert('themes', { id, ...next, retiredAt: null })));
      }
      break;
    }
    case 'organisations': {
      const organisations = liveOrganisations(ctx);
      for (const { row, cells } of rows) {
        const kindCode = ORGANISATION_KINDS.find((k) => k === cells.kind!.toLowerCase().replace(/[\s-]+/g, '_'));
        if (!kindCode) {
          problem(row, msg('import.notOneOf', { column: 'kind', value: cells.kind!.slice(0, 40), values: ORGANISATION_KINDS.join(', ') }));
          continue;
        }
        const communityId = cells.community ? resolve(row, communityNames, cells.community, 'import.communityMissing', 'community') : null;
        if (cells.community && communityId === null) continue;
        if (!once(row, `${cells.name}\u0000${communityId ?? ''}`, cells.name!)) continue;
        const existing = organisations.find((o) => foldForSearch(o.name) === foldForSearch(cells.name!) && o.communityId === communityId);
        const next = { name: cells.name!, kind: kindCode as OrganisationKind, communityId };
        const id = existing?.id ?? ctx.ids.newId();
        record(row, cells, cells.name!, existing, next, (w) => (existing ? w.update('organisations', id, next) : w.insert('organisations', { id, ...next })));
      }
      break;
    }
    case 'people': {
      const people = livePeople(ctx);
      const organisationNames = new Names();
      for (const o of liveOrganisations(ctx).filter((o) => !o.retired)) organisationNames.add([o.name, o.id], o.id);
      for (const { row, cells } of rows) {
        const communityId = cells.community ? resolve(row, communityNames, cells.community, 'import.communityMissing', 'community') : null;
        const organisationId = cells.organisation ? resolve(row, organisationNames, cells.organisation, 'import.organisationMissing', 'organisation') : null;
        if ((cells.community && communityId === null) || (cells.organisation && organisationId === null)) continue;
        if (!once(row, `${cells.name}\u0000${communityId ?? ''}`, cells.name!)) continue;
        const existing = people.find((p) => foldForSearch(p.name) === foldForSearch(cells.name!) && p.communityId === communityId);
        const next = { name: cells.name!, title: cells.title || null, organisationId, communityId };
        const id = existing?.id ?? ctx.ids.newId();
        record(row, cells, cells.name!, existing, next, (w) => (existing ? w.update('people', id, next) : w.insert('people', { id, ...next })));
      }
      break;
    }
  }
  plan.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return plan;
}

function problemsOf(ctx: CoreContext, plan: Plan): ReferenceImportProblem[] {
  const locale = localeOf(ctx);
  return plan.problems.map((p) => ({ row: p.row, message: renderMessage(p.ref, locale), ref: p.ref }));
}

export function previewImport(ctx: CoreContext, kind: ReferenceKind, sheet: ReadSheet): ReferenceImportPreview {
  const plan = planImport(ctx, kind, sheet);
  return { kind, format: sheet.format, rows: plan.rows, problems: problemsOf(ctx, plan), ok: plan.problems.length === 0 };
}

/** All rows in one change, or none: refused with the preview's sentences when any row has a problem. */
export function importReference(ctx: CoreContext, kind: ReferenceKind, sheet: ReadSheet): ReferenceImportOutcome {
  const plan = planImport(ctx, kind, sheet);
  if (plan.problems.length > 0) {
    throw new DomainError('invalid_input', msg('import.refused', { count: plan.problems.length, problems: plan.problems.slice(0, 20).map((p) => p.ref) }), {
      problems: problemsOf(ctx, plan).map(({ row, message }) => ({ row, message })),
    });
  }
  change(ctx, 'reference:import', (w) => {
    for (const write of plan.writes) write(w);
  });
  const count = (action: ReferenceImportRow['action']) => plan.rows.filter((r) => r.action === action).length;
  return { kind, created: count('create'), updated: count('update'), unchanged: count('unchanged') };
}
