/**
 * Promising practices (issue 14 §2): the vocabulary and the one field schema of a practice's
 * content, shared by the contract (contract-practices.ts), the field rules and the renderer.
 */
export const PRACTICE_STATUSES = ['tried_once', 'repeated', 'evaluated'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const PRACTICE_DECISIONS = ['accepted', 'declined'] as const;
export type PracticeDecision = (typeof PRACTICE_DECISIONS)[number];

/** The fields of a practice's content, as a proposal and a published practice both hold them. */
export const PRACTICE_CONTENT_FIELDS = [
  'title',
  'whatWasDone',
  'challenge',
  'themeIds',
  'zone',
  'communityIds',
  'fiscalYear',
  'quarter',
  'triedFrom',
  'triedTo',
  'outcome',
  'indicatorIds',
  'contactPersonId',
  'contactText',
  'status',
] as const;
