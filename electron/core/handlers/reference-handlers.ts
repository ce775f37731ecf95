/** Reference data's handlers: this installation, communities, detachments, organisations, people, themes, commitments. */
import { getInstallation, updateInstallation } from '../services/installation';
import * as reference from '../services/reference';
import * as commitments from '../services/reference-commitments';
import * as spreadsheets from '../services/reference-import';
import { readSheet, referenceTemplate, sourceBytes } from '../reports/reference-sheets';
import * as rollup from '../services/rollup';
import type { SomeHandlers } from './handler-types';

export const referenceHandlers = {
  'installation:get': (ctx) => getInstallation(ctx),
  'installation:update': updateInstallation,

  'regions:list': reference.listRegions,
  'regions:create': reference.createRegion,
  'regions:update': reference.updateRegion,
  'regions:retire': reference.retireRegion,

  'communities:list': reference.listCommunities,
  'communities:get': (ctx, i) => reference.getCommunity(ctx, i.communityId),
  'communities:create': reference.createCommunity,
  'communities:update': reference.updateCommunity,
  'communities:retire': reference.retireCommunity,

  'detachments:list': reference.listDetachments,
  'detachments:create': reference.createDetachment,
  'detachments:update': reference.updateDetachment,
  'detachments:retire': reference.retireDetachment,

  'organisations:list': reference.listOrganisations,
  'organisations:create': reference.createOrganisation,
  'organisations:update': reference.updateOrganisation,
  'organisations:retire': reference.retireOrganisation,
  'people:list': reference.listPeople,
  'people:create': reference.createPerson,
  'people:update': reference.updatePerson,
  'people:retire': reference.retirePerson,

  'themes:list': reference.listThemes,
  'themes:standard': () => reference.standardThemes(),
  'themes:create': reference.createTheme,
  'themes:update': reference.updateTheme,
  'themes:retire': reference.retireTheme,
  'themes:acrossCommunities': rollup.themesAcrossCommunities,

  'commitments:list': (ctx) => rollup.listCommitments(ctx),
  'commitments:get': rollup.getCommitment,
  'commitments:update': rollup.updateCommitment,
  'commitments:create': commitments.createCommitment,
  'commitments:edit': commitments.editCommitment,
  'milestones:create': commitments.createMilestone,
  'milestones:update': commitments.updateMilestone,

  // Reading a workbook is asynchronous (exceljs); the check and the write are one synchronous step after it.
  'reference:template': (_ctx, i) => referenceTemplate(i.kind, i.format),
  'reference:previewImport': (ctx, i) => {
    const { bytes, format } = sourceBytes(i);
    return readSheet(bytes, format).then((sheet) => spreadsheets.previewImport(ctx, i.kind, sheet));
  },
  'reference:import': (ctx, i) => {
    const { bytes, format } = sourceBytes(i);
    return readSheet(bytes, format).then((sheet) => spreadsheets.importReference(ctx, i.kind, sheet));
  },
} satisfies SomeHandlers;
