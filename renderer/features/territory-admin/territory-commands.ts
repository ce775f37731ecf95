/**
 * The Territory screens' writes: create, change, retire and bring back reference records, and
 * import a list from a spreadsheet. Each write's notice names the record; retiring offers Undo.
 */
import type { MethodRawInput } from '../../../shared/contract';
import type { ReferenceImportPreview, ReferenceKind, ReferenceTemplate, SpreadsheetFormat } from '../../../shared/domain';
import type { ExportFile } from '../../../shared/reports';
import { useCommands, type CommandDeps } from '../../app/use-commands';
import { saveExport } from '../reports/download';

export type { ReferenceKind };
export interface SpreadsheetFile {
  fileName: string;
  base64: string;
}

type Fields<M extends 'communities:create' | 'regions:create' | 'detachments:create' | 'themes:create' | 'organisations:create' | 'people:create'> = MethodRawInput<M>;

/** Bytes as base64, in slices (a spread of a large array overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The template as a file to save, the way the exports are saved: CSV comes as text (UTF-8), XLSX as base64. */
function templateFile(template: ReferenceTemplate): ExportFile {
  const base64 = template.encoding === 'base64' ? template.content : toBase64(new TextEncoder().encode(template.content));
  return { fileName: template.fileName, mimeType: template.mimeType, base64, bytes: Math.floor((base64.length * 3) / 4), tables: [] };
}

export function territoryCommands({ client, notify, t }: CommandDeps) {
  const setRetired = {
    communities: (id: string, retired: boolean) => client.call('communities:retire', { communityId: id, retired }),
    regions: (id: string, retired: boolean) => client.call('regions:retire', { regionId: id, retired }),
    detachments: (id: string, retired: boolean) => client.call('detachments:retire', { detachmentId: id, retired }),
    themes: (id: string, retired: boolean) => client.call('themes:retire', { themeId: id, retired }),
    organisations: (id: string, retired: boolean) => client.call('organisations:retire', { organisationId: id, retired }),
    people: (id: string, retired: boolean) => client.call('people:retire', { personId: id, retired }),
  } satisfies Record<ReferenceKind, (id: string, retired: boolean) => Promise<unknown>>;
  const added = (name: string) => notify(t('territoryAdmin.common.addedNotice', { name }));
  const saved = (name: string) => notify(t('territoryAdmin.common.savedNotice', { name }));

  return {
    async retire(kind: ReferenceKind, id: string, name: string) {
      await setRetired[kind](id, true);
      notify(t('territoryAdmin.common.retiredNotice', { name }), () => setRetired[kind](id, false));
    },
    async bringBack(kind: ReferenceKind, id: string, name: string) {
      await setRetired[kind](id, false);
      notify(t('territoryAdmin.common.broughtBackNotice', { name }));
    },
    async createCommunity(fields: Fields<'communities:create'>) {
      added((await client.call('communities:create', fields)).name);
    },
    async updateCommunity(communityId: string, fields: Fields<'communities:create'>) {
      saved((await client.call('communities:update', { communityId, ...fields })).name);
    },
    async createRegion(fields: Fields<'regions:create'>) {
      added((await client.call('regions:create', fields)).name);
    },
    async updateRegion(regionId: string, fields: Fields<'regions:create'>) {
      saved((await client.call('regions:update', { regionId, ...fields })).name);
    },
    async createDetachment(fields: Fields<'detachments:create'>) {
      added((await client.call('detachments:create', fields)).name);
    },
    async updateDetachment(detachmentId: string, fields: Fields<'detachments:create'>) {
      saved((await client.call('detachments:update', { detachmentId, ...fields })).name);
    },
    /** `label` is the theme's name in the language on screen, for the notice. */
    async createTheme(fields: Fields<'themes:create'>, label: string) {
      await client.call('themes:create', fields);
      added(label);
    },
    async updateTheme(themeId: string, fields: Omit<Fields<'themes:create'>, 'code'>, label: string) {
      await client.call('themes:update', { themeId, ...fields });
      saved(label);
    },
    async createOrganisation(fields: Fields<'organisations:create'>) {
      added((await client.call('organisations:create', fields)).name);
    },
    async updateOrganisation(organisationId: string, fields: Fields<'organisations:create'>) {
      saved((await client.call('organisations:update', { organisationId, ...fields })).name);
    },
    async createPerson(fields: Fields<'people:create'>) {
      added((await client.call('people:create', fields)).name);
    },
    async updatePerson(personId: string, fields: Fields<'people:create'>) {
      saved((await client.call('people:update', { personId, ...fields })).name);
    },
    async downloadTemplate(kind: ReferenceKind, format: SpreadsheetFormat) {
      saveExport(templateFile(await client.call('reference:template', { kind, format })));
    },
    async previewImport(kind: ReferenceKind, content: SpreadsheetFile): Promise<ReferenceImportPreview> {
      return await client.call('reference:previewImport', { kind, content });
    },
    async importList(kind: ReferenceKind, content: SpreadsheetFile) {
      const outcome = await client.call('reference:import', { kind, content });
      notify(t('territoryAdmin.import.done', { count: outcome.created + outcome.updated + outcome.unchanged }));
    },
  };
}

export const useTerritoryCommands = () => useCommands(territoryCommands);
