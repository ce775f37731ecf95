/**
 * Promising practices (issue 14 §2): the territory's library. The coordinator publishes, changes
 * and withdraws practices and decides on proposals; a community's detachment or community office
 * proposes one (from an action of its own plan, or from scratch). Joined into the contract in contract.ts.
 */
import { z } from 'zod';
import type * as D from './domain';
import { cswbZone, id, idList, input, read, write } from './contract-fields';
import { noun, schemaMessage } from './core-messages';
import { fieldRules } from './field-rules';

const rules = fieldRules.practices;
const emptyOr = <S extends z.ZodType>(schema: S) => schema.nullable().optional();

/** A practice's wording as a person enters it (the core fills in who and when). */
export const practiceContentInput = {
  title: rules.title,
  whatWasDone: rules.whatWasDone,
  challenge: emptyOr(rules.challenge),
  themeIds: rules.themeIds.optional(),
  zone: emptyOr(rules.zone),
  communityIds: rules.communityIds.optional(),
  fiscalYear: emptyOr(rules.fiscalYear),
  quarter: emptyOr(rules.quarter),
  triedFrom: emptyOr(rules.triedFrom),
  triedTo: emptyOr(rules.triedTo),
  outcome: emptyOr(rules.outcome),
  indicatorIds: rules.indicatorIds.optional(),
  contactPersonId: emptyOr(rules.contactPersonId),
  contactText: emptyOr(rules.contactText),
  status: rules.status,
};

const partialContent = Object.fromEntries(Object.entries(practiceContentInput).map(([k, s]) => [k, (s as z.ZodType).optional()])) as {
  [K in keyof typeof practiceContentInput]: z.ZodOptional<(typeof practiceContentInput)[K]>;
};

export const practiceMethods = {
  'practices:list': read<D.Practice[]>()(
    'The published promising practices, newest first: all of them, or those whose words contain the search text and that match every filter given (any of the themes, or of the themes of a priority; the zone; the community where tried).',
    input({
      search: z.string({ error: schemaMessage('input.mustBeText', { field: noun('search text') }) }).max(200).optional(),
      themeIds: idList('theme id').optional(),
      zone: cswbZone.optional(),
      communityId: id('community id').optional(),
      /** The practices answering the themes of this priority (offered when an action is added to it). */
      priorityId: id('priority id').optional(),
    }),
  ),
  'practices:get': read<D.Practice>()('One published promising practice.', input({ practiceId: id('practice id') })),
  'practices:draftFromAction': read<D.PracticeDraft>()(
    "What sharing an action as a promising practice starts from: the action's title and description, its priority's themes and zone, its community, plan year and lead; never its quarterly narratives.",
    input({ actionId: id('action id') }),
  ),
  'practices:propose': write<D.PracticeProposal>()(
    "Propose a promising practice to the coordinator, from a community's own plan (a detachment or community office; the coordinator publishes directly).",
    input({ communityId: id('community id'), actionId: emptyOr(id('action id')), ...practiceContentInput }),
  ),
  'practices:publish': write<D.Practice>()('Publish a promising practice in the territory library (the coordinator).', input({ actionId: emptyOr(id('action id')), ...practiceContentInput })),
  'practices:update': write<D.Practice>()("Change a published practice's wording (the coordinator).", input({ practiceId: id('practice id'), ...partialContent })),
  'practices:remove': write<{ removed: true }>()('Withdraw a published practice from the library (the coordinator).', input({ practiceId: id('practice id') })),
  'practices:restore': write<D.Practice>()('Put a withdrawn practice back in the library (the coordinator).', input({ practiceId: id('practice id') })),
  'practices:withdrawProposal': write<{ removed: true }>()(
    "Withdraw one's community's proposal while the coordinator has not decided on it.",
    input({ proposalId: id('proposal id') }),
  ),
  'practices:proposals': read<D.PracticeProposal[]>()(
    'The proposals this computer holds (the coordinator: every community; a community: its own), waiting first, optionally only those waiting or of one community.',
    input({ communityId: id('community id').optional(), waitingOnly: z.boolean().optional() }),
  ),
  'practices:accept': write<{ proposal: D.PracticeProposal; practice: D.Practice }>()(
    "Accept a community's proposal: publish it as a practice (with the coordinator's wording, where changed), recording which proposal it came from.",
    input({ proposalId: id('proposal id'), ...partialContent }),
  ),
  'practices:decline': write<D.PracticeProposal>()(
    "Decline a community's proposal, with a reason the community will read.",
    input({ proposalId: id('proposal id'), reason: fieldRules.practiceProposals.declineReason }),
  ),
} as const;
