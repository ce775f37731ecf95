/**
 * The territory's reference data, administered by the coordinator: regions, communities,
 * detachments, themes, organisations, people, commitments and their milestones, and the import of
 * reference lists from a spreadsheet. Field schemas come from the fields' one rule (field-rules.ts).
 *
 * Retiring is not removing: a retired record leaves the lists for new work (list methods skip it
 * unless `includeRetired`) but stays on every plan and report that names it; `retired: false`
 * brings it back.
 */
import { z } from 'zod';
import { noun, schemaMessage as m } from './core-messages';
import type * as D from './domain';
import { id, idList, input, oneOf, read, write } from './contract-fields';
import { fieldRules } from './field-rules';

export const REFERENCE_KINDS = ['regions', 'communities', 'detachments', 'themes', 'organisations', 'people'] as const satisfies readonly D.ReferenceKind[];
export const SPREADSHEET_FORMATS = ['csv', 'xlsx'] as const satisfies readonly D.SpreadsheetFormat[];

const emptyOr = <S extends z.ZodType>(schema: S) => schema.nullable().optional();
const includeRetired = z.boolean({ error: m('input.yesOrNo') }).optional();
const retired = z.boolean({ error: m('input.yesOrNo') });

const region = fieldRules.regions;
const community = fieldRules.communities;
const detachment = fieldRules.detachments;
const theme = fieldRules.themes;
const organisation = fieldRules.organisations;
const person = fieldRules.people;
const commitment = fieldRules.commitments;
const milestone = fieldRules.milestones;

const partial = <S extends z.ZodRawShape>(shape: S) => {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) out[key] = (schema as z.ZodType).optional();
  return out as { [K in keyof S]: z.ZodOptional<S[K]> };
};

const communityFields = {
  name: community.name,
  otherNames: community.otherNames.optional(),
  regionId: id('region id'),
  hasDetachment: community.hasDetachment,
  servedByDetachmentId: emptyOr(community.servedByDetachmentId),
};

const detachmentFields = {
  name: detachment.name,
  nameFr: emptyOr(detachment.nameFr),
  communityId: emptyOr(detachment.communityId),
  /** The communities it serves: each of them is set to be served by this detachment. */
  servesCommunityIds: idList('community id').optional(),
};

const commitmentFields = {
  kind: commitment.kind,
  number: commitment.number,
  title: commitment.title,
  titleFr: emptyOr(commitment.titleFr),
  descriptionEn: emptyOr(commitment.descriptionEn),
  descriptionFr: emptyOr(commitment.descriptionFr),
  leadDepartment: commitment.leadDepartment,
  priorityArea: emptyOr(commitment.priorityArea),
  status: commitment.status,
  relatedCommitmentIds: commitment.relatedCommitmentIds.optional(),
};

const milestoneFields = {
  title: milestone.title,
  titleFr: emptyOr(milestone.titleFr),
  dueDate: emptyOr(milestone.dueDate),
  status: milestone.status,
};

/** A spreadsheet to import: a file on this computer, or its bytes (the browser harness uploads). */
export const MAX_IMPORT_FILE_BYTES = 2_000_000;
export const MAX_IMPORT_ROWS = 2_000;
const importSource = {
  kind: oneOf(REFERENCE_KINDS, 'reference list'),
  /** A path on this computer (.csv or .xlsx). */
  file: z
    .string({ error: m('input.missing', { field: noun('file') }) })
    .min(1, { error: m('input.missing', { field: noun('file') }) })
    .max(4096, { error: m('input.filePathTooLong') })
    .optional(),
  /** Or the file's bytes, base64, with its name (for its extension). */
  content: z
    .strictObject({
      fileName: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4, { error: m('import.tooBig', { max: MAX_IMPORT_FILE_BYTES }) }),
    })
    .optional(),
};

export const referenceMethods = {
  // Regions.
  'regions:list': read<D.Region[]>()('Regions, by name in the installation\'s language.', input({ includeRetired })),
  'regions:create': write<D.Region>()('Add a region (English and French names).', input({ nameEn: region.nameEn, nameFr: region.nameFr })),
  'regions:update': write<D.Region>()(
    "Change a region's names.",
    input({ regionId: id('region id'), nameEn: region.nameEn.optional(), nameFr: region.nameFr.optional() }),
  ),
  'regions:retire': write<D.Region>()(
    'Retire a region (it leaves the lists for new work) or bring it back (retired: false).',
    input({ regionId: id('region id'), retired }),
  ),

  // Communities (communities:list and communities:get are in contract-planning.ts).
  'communities:create': write<D.Community>()('Add a community: its official name, other names, region and detachment.', input(communityFields)),
  'communities:update': write<D.Community>()(
    "Change a community's names, region or detachment.",
    input({ communityId: id('community id'), ...partial(communityFields) }),
  ),
  'communities:retire': write<D.Community>()(
    'Retire a community (it stays on old plans and reports, and leaves the lists for new work) or bring it back.',
    input({ communityId: id('community id'), retired }),
  ),

  // Detachments (detachments:list is in contract-planning.ts).
  'detachments:create': write<D.Detachment>()(
    'Add a detachment: its English and French names, where it is, which communities it serves.',
    input(detachmentFields),
  ),
  'detachments:update': write<D.Detachment>()(
    "Change a detachment's names, place or the communities it serves.",
    input({ detachmentId: id('detachment id'), ...partial(detachmentFields) }),
  ),
  'detachments:retire': write<D.Detachment>()('Retire a detachment or bring it back.', input({ detachmentId: id('detachment id'), retired })),

  // Themes (themes:list is in contract-planning.ts).
  'themes:standard': read<D.StandardTheme[]>()('The standard list of themes, in English and French, offered when a territory starts.', input({})),
  'themes:create': write<D.Theme>()('Add a theme with its English and French labels.', input({ code: theme.code, nameEn: theme.nameEn, nameFr: theme.nameFr })),
  'themes:update': write<D.Theme>()(
    "Change a theme's code or labels.",
    input({ themeId: id('theme id'), code: theme.code.optional(), nameEn: theme.nameEn.optional(), nameFr: theme.nameFr.optional() }),
  ),
  'themes:retire': write<D.Theme>()('Retire a theme (plans that name it keep it) or bring it back.', input({ themeId: id('theme id'), retired })),

  // Organisations and people (list and create are in contract-planning.ts).
  'organisations:update': write<D.Organisation>()(
    "Change an organisation's name, kind or community (null: territory-wide).",
    input({ organisationId: id('organisation id'), name: organisation.name.optional(), kind: organisation.kind.optional(), communityId: emptyOr(organisation.communityId) }),
  ),
  'organisations:retire': write<D.Organisation>()('Retire an organisation or bring it back.', input({ organisationId: id('organisation id'), retired })),
  'people:update': write<D.Person>()(
    "Change a person's name, title, organisation or community (null: territory-wide).",
    input({
      personId: id('person id'),
      name: person.name.optional(),
      title: emptyOr(person.title),
      organisationId: emptyOr(person.organisationId),
      communityId: emptyOr(person.communityId),
    }),
  ),
  'people:retire': write<D.Person>()('Retire a person or bring them back.', input({ personId: id('person id'), retired })),

  // Commitments and initiatives (list, get and the status-only update are in contract-planning.ts).
  'commitments:create': write<D.Commitment>()(
    'Add a mandate commitment or initiative: number, titles and descriptions in English and French, lead department, priority area, status, related commitments.',
    input(commitmentFields),
  ),
  'commitments:edit': write<D.Commitment>()(
    'Change any field of a commitment or initiative.',
    input({ commitmentId: id('commitment id'), ...partial(commitmentFields) }),
  ),
  'milestones:create': write<D.Milestone>()('Add a milestone to a commitment.', input({ commitmentId: id('commitment id'), ...milestoneFields })),
  'milestones:update': write<D.Milestone>()(
    "Change a milestone's titles, due date or status.",
    input({ milestoneId: id('milestone id'), ...partial(milestoneFields) }),
  ),

  // Spreadsheets.
  'reference:template': read<Promise<D.ReferenceTemplate>>()(
    'A spreadsheet template (CSV or XLSX) for a reference list: its columns and an example row.',
    input({ kind: oneOf(REFERENCE_KINDS, 'reference list'), format: oneOf(SPREADSHEET_FORMATS, 'file format') }),
  ),
  'reference:previewImport': read<Promise<D.ReferenceImportPreview>>()(
    "Read a spreadsheet of a reference list and say what importing it would do, with each row's problem as a sentence. Changes nothing.",
    input(importSource),
  ),
  'reference:import': write<Promise<D.ReferenceImportOutcome>>()(
    'Import a spreadsheet of a reference list, all or nothing: refused with the same sentences as the preview if any row has a problem.',
    input(importSource),
  ),
} as const;

export type ReferenceMethodName = keyof typeof referenceMethods;
