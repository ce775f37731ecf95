/**
 * Promising practices (issue 14 §2). The library is territory data: the coordinator publishes,
 * changes and withdraws practices. A community's detachment or community office proposes one: the
 * proposal is a row of that community's partition (only its computers and the coordinator hold it,
 * so an unpublished proposal that names people reaches no other community). The coordinator
 * accepts it (publishing a practice in the territory partition, with the coordinator's wording,
 * recording the proposal it came from) or declines it with a reason; both are written on the
 * proposal by the coordinator only (shared/permissions.ts, FIELD_RULES).
 */
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { Practice, PracticeContent, PracticeDraft, PracticeProposal } from '../../../shared/domain';
import { DomainError, notFound } from '../../../shared/domain-error';
import { PRACTICE_CONTENT_FIELDS } from '../../../shared/practices';
import { change, type CoreContext, readProfile } from '../changelog/core-context';
import { actionRow, liveIndicators, planRow, priorityRow } from '../queries/plans';
import { listPractices, listProposals, loadPractice, loadProposal, practiceRow, proposalRow, type PracticeProposalRow } from '../queries/practices';
import { missingIds } from '../queries/reference';
import { eq } from 'drizzle-orm';

type ContentInput = Partial<{ [K in keyof PracticeContent]: PracticeContent[K] | null | undefined }>;

/** A practice's content as stored: absent optional fields are empty (null, or an empty list). */
function normalised(input: Omit<ContentInput, 'title' | 'whatWasDone' | 'status'> & Pick<PracticeContent, 'title' | 'whatWasDone' | 'status'>): PracticeContent {
  return {
    title: input.title.trim(),
    whatWasDone: input.whatWasDone.trim(),
    challenge: input.challenge?.trim() || null,
    themeIds: [...new Set(input.themeIds ?? [])],
    zone: input.zone ?? null,
    communityIds: [...new Set(input.communityIds ?? [])],
    fiscalYear: input.fiscalYear ?? null,
    quarter: input.quarter ?? null,
    triedFrom: input.triedFrom ?? null,
    triedTo: input.triedTo ?? null,
    outcome: input.outcome?.trim() || null,
    indicatorIds: [...new Set(input.indicatorIds ?? [])],
    contactPersonId: input.contactPersonId ?? null,
    contactText: input.contactText?.trim() || null,
    status: input.status,
  };
}

/** Only the content fields of an input (the contract's other fields are the method's own). */
function contentPatch(input: Record<string, unknown>): Partial<PracticeContent> {
  const out: Record<string, unknown> = {};
  for (const field of PRACTICE_CONTENT_FIELDS) if (input[field] !== undefined) out[field] = input[field];
  return out as Partial<PracticeContent>;
}

function personRow(ctx: CoreContext, personId: string) {
  const row = ctx.db.select().from(schema.people).where(eq(schema.people.id, personId)).get();
  return row && row.deletedAt === null ? row : undefined;
}

/**
 * Refuses, with a sentence, content that names what is not here: themes and communities from the
 * territory's lists, a contact from the people; dates in order. A published practice's contact is
 * a territory-wide person (every computer holds it) or words.
 */
function checkContent(ctx: CoreContext, content: PracticeContent, published: boolean): void {
  if (missingIds(ctx, schema.themes, content.themeIds).length > 0) throw new DomainError('invalid_input', msg('practice.unknownTheme'));
  if (missingIds(ctx, schema.communities, content.communityIds).length > 0) throw new DomainError('invalid_input', msg('practice.unknownCommunity'));
  if (content.triedFrom && content.triedTo && content.triedTo < content.triedFrom) {
    throw new DomainError('invalid_input', msg('practice.datesOrder', { from: content.triedFrom, to: content.triedTo }));
  }
  if (content.contactPersonId !== null) {
    const person = personRow(ctx, content.contactPersonId);
    if (!person) throw new DomainError('invalid_input', msg('practice.unknownPerson'));
    if (published && person.communityId !== null) throw new DomainError('invalid_input', msg('practice.contactNotTerritory', { name: person.name }));
  }
}

/** The community of an action (through its priority and plan), with its plan and priority. */
function actionPlace(ctx: CoreContext, actionId: string) {
  const action = actionRow(ctx, actionId);
  const priority = priorityRow(ctx, action.priorityId);
  const plan = planRow(ctx, priority.planId);
  return { action, priority, plan };
}

function communityName(ctx: CoreContext, communityId: string): string {
  return ctx.db.select({ name: schema.communities.name }).from(schema.communities).where(eq(schema.communities.id, communityId)).get()?.name ?? communityId;
}

/**
 * What sharing an action starts from: the action's own wording, its priority's challenge (title,
 * themes, zone), its community and plan year, its lead and its priority's indicators. The action's
 * quarterly narratives and next steps are never read here: they are the community's reporting,
 * not wording chosen for the whole territory.
 */
export function draftFromAction(ctx: CoreContext, input: MethodInput<'practices:draftFromAction'>): PracticeDraft {
  const { action, priority, plan } = actionPlace(ctx, input.actionId);
  return {
    actionId: action.id,
    communityId: plan.communityId,
    title: action.title,
    whatWasDone: action.description ?? '',
    challenge: priority.title,
    themeIds: [...priority.themeIds],
    zone: priority.zone as PracticeContent['zone'],
    communityIds: [plan.communityId],
    fiscalYear: plan.fiscalYear,
    quarter: null,
    triedFrom: null,
    triedTo: null,
    outcome: null,
    indicatorIds: liveIndicators(ctx, [priority.id]).map((i) => i.id),
    contactPersonId: action.leadPersonId,
    contactText: action.leadPersonId ? null : action.leadName,
    status: 'tried_once',
  };
}

export function propose(ctx: CoreContext, input: MethodInput<'practices:propose'>): PracticeProposal {
  const profile = readProfile(ctx);
  if (profile.role === 'coordinator') throw new DomainError('forbidden', msg('practice.coordinatorPublishes'));
  if (missingIds(ctx, schema.communities, [input.communityId]).length > 0) throw notFound('community');
  if (input.actionId) {
    const { plan } = actionPlace(ctx, input.actionId);
    if (plan.communityId !== input.communityId) throw new DomainError('invalid_input', msg('practice.actionNotInCommunity', { community: communityName(ctx, input.communityId) }));
  }
  const content = normalised(input);
  // Tried where it is proposed from, unless the proposal says where.
  if (content.communityIds.length === 0) content.communityIds = [input.communityId];
  checkContent(ctx, content, false);
  const id = ctx.ids.newId();
  // The decision fields are the coordinator's: a proposal is written without them (not even empty).
  change(ctx, 'practices:propose', (w) =>
    w.insert('practiceProposals', { id, communityId: input.communityId, actionId: input.actionId ?? null, ...content, proposedBy: profile.userName, proposedAt: ctx.clock.now() }),
  );
  return loadProposal(ctx, id)!;
}

export function publish(ctx: CoreContext, input: MethodInput<'practices:publish'>): Practice {
  if (input.actionId) actionPlace(ctx, input.actionId);
  const content = normalised(input);
  checkContent(ctx, content, true);
  const id = ctx.ids.newId();
  change(ctx, 'practices:publish', (w) =>
    w.insert('practices', { id, ...content, proposalId: null, publishedBy: readProfile(ctx).userName, publishedAt: ctx.clock.now(), updatedAt: null }),
  );
  return loadPractice(ctx, id)!;
}

export function update(ctx: CoreContext, input: MethodInput<'practices:update'>): Practice {
  const row = practiceRow(ctx, input.practiceId);
  if (!row) throw new DomainError('not_found', msg('practice.notFound'));
  const content = normalised({ ...(loadPractice(ctx, row.id) as PracticeContent), ...contentPatch(input) });
  checkContent(ctx, content, true);
  change(ctx, 'practices:update', (w) => {
    const changed = w.update('practices', row.id, { ...content });
    if (changed.length > 0) w.update('practices', row.id, { updatedAt: ctx.clock.now() });
  });
  return loadPractice(ctx, row.id)!;
}

export function remove(ctx: CoreContext, input: MethodInput<'practices:remove'>): { removed: true } {
  const row = practiceRow(ctx, input.practiceId);
  if (!row) throw new DomainError('not_found', msg('practice.notFound'));
  change(ctx, 'practices:remove', (w) => w.remove('practices', row.id));
  return { removed: true };
}

export function restore(ctx: CoreContext, input: MethodInput<'practices:restore'>): Practice {
  const row = ctx.db.select().from(schema.practices).where(eq(schema.practices.id, input.practiceId)).get();
  if (!row) throw new DomainError('not_found', msg('practice.notFound'));
  if (row.deletedAt !== null) change(ctx, 'practices:restore', (w) => w.restore('practices', row.id));
  return loadPractice(ctx, row.id)!;
}

/** The proposing community takes back a proposal the coordinator has not decided on (a decided one stays, with its decision). */
export function withdrawProposal(ctx: CoreContext, input: MethodInput<'practices:withdrawProposal'>): { removed: true } {
  const row = waitingProposal(ctx, input.proposalId);
  change(ctx, 'practices:withdrawProposal', (w) => w.remove('practiceProposals', row.id));
  return { removed: true };
}

function waitingProposal(ctx: CoreContext, proposalId: string): PracticeProposalRow {
  const row = proposalRow(ctx, proposalId);
  if (!row) throw new DomainError('not_found', msg('practice.proposalNotFound'));
  if (row.decision === 'accepted' || row.decision === 'declined') {
    throw new DomainError('conflict', msg('practice.alreadyDecided', { decision: msg(`practice.decision.${row.decision}`), who: row.decidedBy ?? '', date: (row.decidedAt ?? '').slice(0, 10) }));
  }
  return row;
}

/** Publishes a proposal as a practice (the coordinator's wording where given), and marks the proposal accepted, in one change. */
export function accept(ctx: CoreContext, input: MethodInput<'practices:accept'>): { proposal: PracticeProposal; practice: Practice } {
  const row = waitingProposal(ctx, input.proposalId);
  const proposal = loadProposal(ctx, row.id)!;
  const content = normalised({ ...proposal, ...contentPatch(input) });
  checkContent(ctx, content, true);
  const id = ctx.ids.newId();
  const userName = readProfile(ctx).userName;
  const now = ctx.clock.now();
  change(ctx, 'practices:accept', (w) => {
    w.insert('practices', { id, ...content, proposalId: row.id, publishedBy: userName, publishedAt: now, updatedAt: null });
    w.update('practiceProposals', row.id, { decision: 'accepted', decidedBy: userName, decidedAt: now, practiceId: id });
  });
  return { proposal: loadProposal(ctx, row.id)!, practice: loadPractice(ctx, id)! };
}

export function decline(ctx: CoreContext, input: MethodInput<'practices:decline'>): PracticeProposal {
  const row = waitingProposal(ctx, input.proposalId);
  change(ctx, 'practices:decline', (w) =>
    w.update('practiceProposals', row.id, { decision: 'declined', declineReason: input.reason.trim(), decidedBy: readProfile(ctx).userName, decidedAt: ctx.clock.now() }),
  );
  return loadProposal(ctx, row.id)!;
}

export function getPractice(ctx: CoreContext, input: MethodInput<'practices:get'>): Practice {
  const practice = loadPractice(ctx, input.practiceId);
  if (!practice) throw new DomainError('not_found', msg('practice.notFound'));
  return practice;
}

export function practices(ctx: CoreContext, input: MethodInput<'practices:list'>): Practice[] {
  const { priorityId, ...filter } = input;
  if (priorityId === undefined) return listPractices(ctx, filter);
  // A priority without themes is offered nothing: "the same theme" cannot be told.
  const themeIds = priorityRow(ctx, priorityId).themeIds;
  return themeIds.length === 0 ? [] : listPractices(ctx, { ...filter, themeIds: [...(filter.themeIds ?? []), ...themeIds] });
}

export function proposals(ctx: CoreContext, input: MethodInput<'practices:proposals'>): PracticeProposal[] {
  return listProposals(ctx, input);
}
