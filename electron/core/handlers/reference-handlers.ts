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
  'regions:list': (() => { throw new Error('not yet'); }),
  'regions:create': (() => { throw new Error('not yet'); }),
  'regions:update': (() => { throw new Error('not yet'); }),
  'regions:retire': (() => { throw new Error('not yet'); }),
  'communities:create': (() => { throw new Error('not yet'); }),
  'communities:update': (() => { throw new Error('not yet'); }),
  'communities:retire': (() => { throw new Error('not yet'); }),
  'detachments:create': (() => { throw new Error('not yet'); }),
  'detachments:update': (() => { throw new Error('not yet'); }),
  'detachments:retire': (() => { throw new Error('not yet'); }),
  'themes:standard': (() => { throw new Error('not yet'); }),
  'themes:create': (() => { throw new Error('not yet'); }),
  'themes:update': (() => { throw new Error('not yet'); }),
  'themes:retire': (() => { throw new Error('not yet'); }),
  'organisations:update': (() => { throw new Error('not yet'); }),
  'organisations:retire': (() => { throw new Error('not yet'); }),
  'people:update': (() => { throw new Error('not yet'); }),
  'people:retire': (() => { throw new Error('not yet'); }),
  'commitments:create': (() => { throw new Error('not yet'); }),
  'commitments:edit': (() => { throw new Error('not yet'); }),
  'milestones:create': (() => { throw new Error('not yet'); }),
  'milestones:update': (() => { throw new Error('not yet'); }),
  'reference:template': (() => { throw new Error('not yet'); }),
  'reference:previewImport': (() => { throw new Error('not yet'); }),
  'reference:import': (() => { throw new Error('not yet'); }),
} satisfies SomeHandlers;
