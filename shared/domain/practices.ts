/** Promising practices (issue 14 §2): the library's practices and the communities' proposals. */
import type { Quarter } from '../fiscal-calendar';
import type { PracticeDecision, PracticeStatus } from '../practices';
import type { CswbZone } from '../vocabulary';

/** What a practice says (the same in a proposal and a published practice). */
export interface PracticeContent {
  title: string;
  whatWasDone: string;
  challenge: string | null;
  themeIds: string[];
  zone: CswbZone | null;
  communityIds: string[];
  fiscalYear: number | null;
  quarter: Quarter | null;
  triedFrom: string | null;
  triedTo: string | null;
  outcome: string | null;
  indicatorIds: string[];
  contactPersonId: string | null;
  contactText: string | null;
  status: PracticeStatus;
}

export interface Practice extends PracticeContent {
  id: string;
  proposalId: string | null;
  publishedBy: string;
  publishedAt: string;
  updatedAt: string | null;
  /** The communities' names, in the order of communityIds (an unknown id is left out). */
  communityNames: string[];
  /** The contact as words: the person's name (and title) when the person is here, else contactText. */
  contactLabel: string | null;
}

export interface PracticeProposal extends PracticeContent {
  id: string;
  communityId: string;
  communityName: string;
  actionId: string | null;
  proposedBy: string;
  proposedAt: string;
  decision: PracticeDecision | null;
  declineReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  practiceId: string | null;
}

/** What "share as a promising practice" starts from: the action's wording and its priority's challenge; never its quarterly narratives. */
export interface PracticeDraft extends PracticeContent {
  actionId: string;
  communityId: string;
}
