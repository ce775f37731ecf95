/**
 * A plan summary copied forward into next year's plan keeps what people wrote, but not a count
 * that was true of last year's plan ("… 15 actions this year."): such counts are derived where
 * they are shown (the printed annual plan counts its own priorities and actions), never stored.
 * Summaries written by earlier versions of the demo, or typed by people, may still hold one;
 * copy-forward leaves those sentences out so the new plan never carries a stale number.
 */

/** A sentence that only counts the plan's priorities or actions for the year, English or French. */
const COUNT_SENTENCE =
  /(^|(?<=[.!?])\s+)(?:(?:In brief|En bref)\s*[:\u00a0\u202f]*\s*)?\d+\s+(?:priorit(?:y|ies|és?)\s+(?:and|et)\s+\d+\s+)?(?:actions?|mesures?)\s+(?:this year|cette année|in this plan|dans ce plan)\s*[.!]?/giu;

/** The summary without sentences that state last year's counts; null when nothing else is left. */
export function summaryWithoutStoredCounts(summary: string | null): string | null {
  if (summary === null) return null;
  const kept = summary.replace(COUNT_SENTENCE, '').replace(/[ \t]+$/gm, '').trim();
  return kept === '' ? null : kept;
}
