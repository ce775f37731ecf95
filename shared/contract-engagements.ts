/**
 * The engagement log (issue 14 §1): per community, the events through which its priorities were
 * set and checked with it. Same partition and permissions as the community's plans: whoever may
 * change the community's plans may record its engagements. Joined into the contract in contract.ts.
 */
import type { z } from 'zod';
import type * as D from './domain';
import { fiscalYear, id, input, quarter, read, write } from './contract-fields';
import { fieldRules } from './field-rules';

const e = fieldRules.engagements;
const emptyOr = <S extends z.ZodType>(schema: S) => schema.nullable().optional();

const engagementFields = {
  date: e.date,
  kind: e.kind,
  summary: e.summary,
  outcomes: emptyOr(e.outcomes),
  followUps: emptyOr(e.followUps),
  participantPersonIds: e.participantPersonIds.optional(),
  participantOrganisationIds: e.participantOrganisationIds.optional(),
  otherParticipants: emptyOr(e.otherParticipants),
  priorityIds: e.priorityIds.optional(),
  actionIds: e.actionIds.optional(),
};

export const engagementMethods = {
  'engagements:list': read<D.Engagement[]>()(
    "A community's engagements, oldest first: all of them, or those of one fiscal year (and quarter).",
    input({ communityId: id('community id'), fiscalYear: fiscalYear.optional(), quarter: quarter.optional() }),
  ),
  'engagements:get': read<D.Engagement>()('One engagement.', input({ engagementId: id('engagement id') })),
  'engagements:create': write<D.Engagement>()('Record an engagement of a community.', input({ communityId: id('community id'), ...engagementFields })),
  'engagements:update': write<D.Engagement>()(
    'Change an engagement.',
    input({
      engagementId: id('engagement id'),
      date: e.date.optional(),
      kind: e.kind.optional(),
      summary: e.summary.optional(),
      outcomes: engagementFields.outcomes,
      followUps: engagementFields.followUps,
      participantPersonIds: engagementFields.participantPersonIds,
      participantOrganisationIds: engagementFields.participantOrganisationIds,
      otherParticipants: engagementFields.otherParticipants,
      priorityIds: engagementFields.priorityIds,
      actionIds: engagementFields.actionIds,
    }),
  ),
  'engagements:remove': write<{ removed: true }>()('Remove an engagement (can be undone with engagements:restore).', input({ engagementId: id('engagement id') })),
  'engagements:restore': write<D.Engagement>()('Undo the removal of an engagement.', input({ engagementId: id('engagement id') })),
  'rollup:engagements': read<D.EngagementCount[]>()(
    'The roll-up: how many engagements each community held in a fiscal year, per kind.',
    input({ fiscalYear }),
  ),
} as const;
