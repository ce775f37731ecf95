/**
 * The one home of each replicated field's domain rule: what a value of that field may be, whoever
 * writes it. The contract's input schemas (contract-planning.ts) take their field schemas from
 * here, and the import checks every incoming op's value against the same rule
 * (electron/core/changelog/changeset-validation.ts), so a trusted peer cannot store what a local call
 * would refuse. A rule describes a present value; whether a field may be empty (null) comes from
 * its column in db/schema.ts.
 *
 * Fields that no contract method takes as input (reference data, who/when fields the core fills
 * in, statuses set by transitions) have rules derived from what the core itself writes there; they
 * are marked "derived".
 */
import { z } from 'zod';
import { noun, schemaMessage as m } from './core-messages';
import {
  amount,
  commitmentStatus,
  cswbZone,
  fiscalYear,
  id,
  idList,
  indicatorDirection,
  isoDate,
  longText,
  oneOf,
  ownerParty,
  plainName,
  progressStatus,
  quarter,
  quarterList,
  shortText,
} from './contract-fields';
import { ATTACHABLE_KINDS, isAcceptedType, MAX_FILE_BYTES } from './attachments';
import { PRACTICE_DECISIONS, PRACTICE_STATUSES } from './practices';
import { ENGAGEMENT_KINDS } from './engagements';
import { COMMITMENT_KINDS, MILESTONE_STATUSES, ORGANISATION_KINDS, PLAN_STATUSES, REPORT_STATES, REVIEW_DECISIONS, ROLES } from './vocabulary';

/** Derived: a position in a list (priorities of a plan, actions of a priority), counted from 0. */
export const MAX_RANK = 100_000;
export const rank = z
  .number({ error: m('input.rank', { max: MAX_RANK }) })
  .int({ error: m('input.rank', { max: MAX_RANK }) })
  .min(0, { error: m('input.rank', { max: MAX_RANK }) })
  .max(MAX_RANK, { error: m('input.rank', { max: MAX_RANK }) });

/** Derived: a moment as the core's clock writes it (ISO 8601 in UTC, e.g. 2025-05-15T12:00:00.000Z). */
export const timestamp = z.iso.datetime({ error: m('input.timestamp') });

/** Who did something: the user name of an installation (installation:update's rule). */
/** A person's name as peers will see it (an author, a signer): no control or direction characters. */
export const userName = plainName('user name');

export const organisationKind = z.enum(ORGANISATION_KINDS, { error: m('input.organisationKind') });

/** A coordinator's comment on a report: long text that is not blank. */
export const commentBody = longText('comment').refine((s) => s.trim().length > 0, { error: m('input.empty', { field: noun('comment') }) });

/** An engagement's summary (issue 14 §1): long text that is not blank. */
export const engagementSummary = longText('summary').refine((s) => s.trim().length > 0, { error: m('input.empty', { field: noun('summary') }) });

const withRemoval = <S extends Record<string, z.ZodType>>(fields: S) => ({ ...fields, deletedAt: timestamp });

/** Derived: other names a community is known by (each a short text), at most 20. */
export const otherNames = z.array(shortText('other name'), { error: m('input.list', { field: noun('other names') }) }).max(20);

/** Evidence files (issue 14 §3): the attachment row; the bytes themselves are checked apart (electron/core/queries/file-checks.ts). */
const attachmentFieldRules = {
  communityId: id('community id'),
  recordKind: z.enum(ATTACHABLE_KINDS, { error: m('attachment.kindNotHeld') }),
  recordId: id('record id'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, { error: m('import.fileHashMismatch') }),
  fileName: plainName('file name'),
  size: z.number().int().min(1).max(MAX_FILE_BYTES, { error: m('file.muchTooLarge', { max: String(MAX_FILE_BYTES / 1024 / 1024) }) }),
  type: z.string().refine(isAcceptedType, { error: m('file.notAccepted') }),
  addedBy: userName,
  addedAt: timestamp,
};

/** A promising practice's content (issue 14 §2), the same in a proposal and a published practice. */
const practiceContentRules = {
  title: shortText('practice title'),
  whatWasDone: longText('what was done').refine((t) => t.trim().length > 0, { error: m('input.empty', { field: noun('what was done') }) }),
  challenge: longText('challenge'),
  themeIds: idList('theme id'),
  zone: cswbZone,
  communityIds: idList('community id'),
  fiscalYear,
  quarter,
  triedFrom: isoDate,
  triedTo: isoDate,
  outcome: longText('outcome'),
  indicatorIds: idList('indicator id'),
  contactPersonId: id('person id'),
  contactText: shortText('contact'),
  status: oneOf(PRACTICE_STATUSES, 'practice status'),
};

export const fieldRules = {
  regions: withRemoval({ nameEn: shortText('English name'), nameFr: shortText('French name'), retiredAt: timestamp }),
  detachments: withRemoval({
    name: shortText('detachment name'),
    nameFr: shortText('French detachment name'),
    communityId: id('community id'),
    retiredAt: timestamp,
  }),
  communities: withRemoval({
    name: shortText('community name'),
    otherNames,
    region: shortText('region'),
    hasDetachment: z.boolean({ error: m('input.yesOrNo') }),
    servedByDetachmentId: id('detachment id'),
    retiredAt: timestamp,
  }),
  organisations: withRemoval({ name: shortText('organisation name'), kind: organisationKind, communityId: id('community id'), retiredAt: timestamp }),
  people: withRemoval({
    name: shortText('name'),
    title: shortText('title'),
    organisationId: id('organisation id'),
    communityId: id('community id'),
    retiredAt: timestamp,
  }),
  themes: withRemoval({ code: shortText('theme code'), nameEn: shortText('English name'), nameFr: shortText('French name'), retiredAt: timestamp }),
  plans: withRemoval({
    communityId: id('community id'),
    fiscalYear,
    title: shortText('plan title'),
    summary: longText('summary'),
    status: oneOf(PLAN_STATUSES, 'plan status'),
    communitySignatory: shortText('community signatory'),
    communitySignedOn: isoDate,
    detachmentSignatory: shortText('detachment signatory'),
    detachmentSignedOn: isoDate,
    copiedFromPlanId: id('plan id'),
  }),
  planRevisions: withRemoval({
    planId: id('plan id'),
    reason: shortText('reason for the revision'),
    openedBy: userName,
    openedAt: timestamp,
    closedBy: userName,
    closedAt: timestamp,
  }),
  priorities: withRemoval({
    planId: id('plan id'),
    rank,
    title: shortText('priority title'),
    description: longText('description'),
    themeIds: idList('theme id'),
    zone: cswbZone,
    continuesPriorityId: id('priority id'),
  }),
  actions: withRemoval({
    priorityId: id('priority id'),
    rank,
    title: shortText('action title'),
    description: longText('description'),
    owner: ownerParty,
    leadPersonId: id('lead person id'),
    leadName: shortText('lead'),
    partnerOrganisationIds: idList('partner organisation id'),
    plannedQuarters: quarterList,
    commitmentIds: idList('commitment id'),
    continuesActionId: id('action id'),
  }),
  indicators: withRemoval({
    priorityId: id('priority id'),
    name: shortText('indicator name'),
    unit: shortText('unit'),
    baseline: amount,
    target: amount,
    direction: indicatorDirection,
    source: shortText('data source'),
    continuesIndicatorId: id('indicator id'),
  }),
  indicatorValues: withRemoval({ indicatorId: id('indicator id'), fiscalYear, quarter, value: amount, note: longText('note') }),
  progressEntries: withRemoval({
    actionId: id('action id'),
    fiscalYear,
    quarter,
    status: progressStatus,
    narrative: longText('narrative'),
    nextSteps: longText('next steps'),
    author: userName,
    updatedAt: timestamp,
  }),
  reportSubmissions: withRemoval({
    planId: id('plan id'),
    quarter,
    state: oneOf(REPORT_STATES, 'report state'),
    submittedBy: userName,
    submittedAt: timestamp,
    resubmittedBy: userName,
    resubmittedAt: timestamp,
    resubmittedAfter: id('review id'),
  }),
  reportComments: withRemoval({
    reportId: id('report id'),
    author: userName,
    body: commentBody,
    createdAt: timestamp,
    actionId: id('action id'),
    authorRole: oneOf(ROLES, 'role'),
    editedAt: timestamp,
    readAt: timestamp,
    readBy: userName,
  }),
  progressAmendments: withRemoval({
    progressEntryId: id('progress entry id'),
    amendedBy: userName,
    amendedAt: timestamp,
    previousStatus: progressStatus,
    previousNarrative: longText('earlier narrative'),
    previousNextSteps: longText('earlier next steps'),
  }),
  commitments: withRemoval({
    kind: oneOf(COMMITMENT_KINDS, 'commitment kind'),
    number: shortText('commitment number'),
    title: shortText('title'),
    titleFr: shortText('French title'),
    descriptionEn: longText('English description'),
    descriptionFr: longText('French description'),
    leadDepartment: shortText('lead department'),
    priorityArea: shortText('priority area'),
    status: commitmentStatus,
    relatedCommitmentIds: idList('commitment id'),
  }),
  milestones: withRemoval({ commitmentId: id('commitment id'), title: shortText('title'), titleFr: shortText('French title'), dueDate: isoDate, status: oneOf(MILESTONE_STATUSES, 'milestone status') }),
  attachments: withRemoval(attachmentFieldRules),
  practiceProposals: withRemoval({
    communityId: id('community id'),
    actionId: id('action id'),
    ...practiceContentRules,
    proposedBy: userName,
    proposedAt: timestamp,
    decision: oneOf(PRACTICE_DECISIONS, 'decision'),
    declineReason: longText('reason').refine((t) => t.trim().length > 0, { error: m('input.empty', { field: noun('reason') }) }),
    decidedBy: userName,
    decidedAt: timestamp,
    practiceId: id('practice id'),
  }),
  practices: withRemoval({ ...practiceContentRules, proposalId: id('proposal id'), publishedBy: userName, publishedAt: timestamp, updatedAt: timestamp }),

  engagements: withRemoval({
    communityId: id('community id'),
    date: isoDate,
    kind: oneOf(ENGAGEMENT_KINDS, 'engagement kind'),
    summary: engagementSummary,
    outcomes: longText('outcomes'),
    followUps: longText('follow-ups'),
    participantPersonIds: idList('person id'),
    participantOrganisationIds: idList('organisation id'),
    otherParticipants: longText('other participants'),
    priorityIds: idList('priority id'),
    actionIds: idList('action id'),
    recordedBy: userName,
    recordedAt: timestamp,
  }),
  reportReviews: withRemoval({
    reportId: id('report id'),
    decision: oneOf(REVIEW_DECISIONS, 'review decision'),
    reason: longText('return reason'),
    reviewedBy: userName,
    reviewedAt: timestamp,
  }),
} as const satisfies Record<string, Record<string, z.ZodType>>;

export type FieldRuleTable = keyof typeof fieldRules;

/** The rule of a field, or undefined when the table or field has none (the import then refuses the op). */
export function fieldRule(table: string, field: string): z.ZodType | undefined {
  if (!Object.prototype.hasOwnProperty.call(fieldRules, table)) return undefined;
  const rules: Record<string, z.ZodType> = fieldRules[table as FieldRuleTable];
  return Object.prototype.hasOwnProperty.call(rules, field) ? rules[field] : undefined;
}
