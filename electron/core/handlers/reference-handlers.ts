/** Reference data's handlers: this installation, communities, detachments, organisations, people, themes, commitments. */
import { getInstallation, updateInstallation } from '../services/installation';
import * as reference from '../services/reference';
import * as rollup from '../services/rollup';
import type { SomeHandlers } from './handler-types';

export const referenceHandlers = {
  'installation:get': (ctx) => getInstallation(ctx),
  'installation:update': updateInstallation,

  'communities:list': reference.listCommunities,
  'communities:get': (ctx, i) => reference.getCommunity(ctx, i.communityId),
  'detachments:list': (ctx) => reference.listDetachments(ctx),
  'organisations:list': reference.listOrganisations,
  'organisations:create': reference.createOrganisation,
  'people:list': reference.listPeople,
  'people:create': reference.createPerson,
  'themes:list': (ctx) => reference.listThemes(ctx),
  'themes:acrossCommunities': rollup.themesAcrossCommunities,

  'commitments:list': (ctx) => rollup.listCommitments(ctx),
  'commitments:get': rollup.getCommitment,
  'commitments:update': rollup.updateCommitment,
} satisfies SomeHandlers;
