/**
 * Reads of promising practices (issue 14 §2): the published library (territory data, held by every
 * computer) and the communities' proposals (each in its community's partition: the coordinator holds
 * them all, a community computer only its own).
 */
import { asc, desc, eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { Practice, PracticeContent, PracticeProposal } from '../../../shared/domain';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { PracticeDecision, PracticeStatus } from '../../../shared/practices';
import { foldForSearch } from '../../../shared/text-search';
import type { CswbZone } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { isLive, isLiveRow } from './live';

export type PracticeRow = typeof schema.practices.$inferSelect;
export type PracticeProposalRow = typeof schema.practiceProposals.$inferSelect;

function contentOf(row: PracticeRow | PracticeProposalRow): PracticeContent {
  return {
    title: row.title,
    whatWasDone: row.whatWasDone,
    challenge: row.challenge,
    themeIds: row.themeIds,
    zone: row.zone as CswbZone | null,
    communityIds: row.communityIds,
    fiscalYear: row.fiscalYear,
    quarter: row.quarter as Quarter | null,
    triedFrom: row.triedFrom,
    triedTo: row.triedTo,
    outcome: row.outcome,
    indicatorIds: row.indicatorIds,
    contactPersonId: row.contactPersonId,
    contactText: row.contactText,
    status: row.status as PracticeStatus,
  };
}

function communityNames(ctx: CoreContext): Map<string, string> {
  return new Map(ctx.db.select({ id: schema.communities.id, name: schema.communities.name }).from(schema.communities).all().map((c) => [c.id, c.name]));
}

function personLabel(ctx: CoreContext, personId: string | null): string | null {
  if (personId === null) return null;
  const person = ctx.db.select().from(schema.people).where(eq(schema.people.id, personId)).get();
  if (!person) return null;
  return person.title ? `${person.name}, ${person.title}` : person.name;
}

export function practiceRow(ctx: CoreContext, practiceId: string): PracticeRow | undefined {
  const row = ctx.db.select().from(schema.practices).where(eq(schema.practices.id, practiceId)).get();
  return isLiveRow(row) ? row : undefined;
}

export function proposalRow(ctx: CoreContext, proposalId: string): PracticeProposalRow | undefined {
  const row = ctx.db.select().from(schema.practiceProposals).where(eq(schema.practiceProposals.id, proposalId)).get();
  return isLiveRow(row) ? row : undefined;
}

export function toPractice(ctx: CoreContext, row: PracticeRow, names = communityNames(ctx)): Practice {
  const contact = personLabel(ctx, row.contactPersonId);
  return {
    id: row.id,
    ...contentOf(row),
    proposalId: row.proposalId,
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    communityNames: row.communityIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined),
    contactLabel: [contact, row.contactText].filter((t): t is string => t !== null && t.length > 0).join(' — ') || null,
  };
}

export function toProposal(row: PracticeProposalRow, names: Map<string, string>): PracticeProposal {
  return {
    id: row.id,
    communityId: row.communityId,
    communityName: names.get(row.communityId) ?? row.communityId,
    actionId: row.actionId,
    ...contentOf(row),
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt,
    decision: row.decision as PracticeDecision | null,
    declineReason: row.declineReason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    practiceId: row.practiceId,
  };
}

export function loadPractice(ctx: CoreContext, practiceId: string): Practice | undefined {
  const row = practiceRow(ctx, practiceId);
  return row ? toPractice(ctx, row) : undefined;
}

export function loadProposal(ctx: CoreContext, proposalId: string): PracticeProposal | undefined {
  const row = proposalRow(ctx, proposalId);
  return row ? toProposal(row, communityNames(ctx)) : undefined;
}

export interface PracticeFilter {
  search?: string;
  themeIds?: string[];
  zone?: CswbZone;
  communityId?: string;
}

/** The words a search looks in: title, what was done, the challenge, what came of it, the contact and where. */
function searchableText(p: Practice): string {
  return [p.title, p.whatWasDone, p.challenge, p.outcome, p.contactLabel, ...p.communityNames].filter((t) => t).join(' ');
}

/** Every word of the search must be found (case, accents and punctuation set aside); filters: any of the themes, the zone, the community. */
export function matchesPractice(p: Practice, filter: PracticeFilter): boolean {
  if (filter.themeIds && filter.themeIds.length > 0 && !filter.themeIds.some((t) => p.themeIds.includes(t))) return false;
  if (filter.zone && p.zone !== filter.zone) return false;
  if (filter.communityId && !p.communityIds.includes(filter.communityId)) return false;
  const words = (filter.search ?? '').split(/\s+/).map(foldForSearch).filter((w) => w.length > 0);
  if (words.length === 0) return true;
  const text = foldForSearch(searchableText(p));
  return words.every((w) => text.includes(w));
}

/** The live published practices matching the filter, newest first. */
export function listPractices(ctx: CoreContext, filter: PracticeFilter = {}): Practice[] {
  const names = communityNames(ctx);
  return ctx.db
    .select()
    .from(schema.practices)
    .where(isLive(schema.practices))
    .orderBy(desc(schema.practices.publishedAt), asc(schema.practices.id))
    .all()
    .map((row) => toPractice(ctx, row, names))
    .filter((p) => matchesPractice(p, filter));
}

/** The live proposals held here, waiting ones first (oldest first), then decided ones (newest first). */
export function listProposals(ctx: CoreContext, filter: { communityId?: string; waitingOnly?: boolean } = {}): PracticeProposal[] {
  const names = communityNames(ctx);
  const rows = ctx.db.select().from(schema.practiceProposals).where(isLive(schema.practiceProposals)).all();
  const kept = rows.filter((r) => (!filter.communityId || r.communityId === filter.communityId) && (!filter.waitingOnly || r.decision === null));
  const waiting = kept.filter((r) => r.decision === null).sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
  const decided = kept.filter((r) => r.decision !== null).sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '') || a.id.localeCompare(b.id));
  return [...waiting, ...decided].map((r) => toProposal(r, names));
}
