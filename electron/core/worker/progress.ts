/**
 * The progress reporter a long operation is given (ctx.progress, issue 13 §1): it tells the parent
 * how far the operation is, and stops it when the person cancelled.
 *
 * Determinate and cheap: an import calls it once per changeset (tens of thousands of times), so it
 * posts only when the step changes, when the whole percentage moves, or at the end of a step
 * (done === total); cancelling is one read of a flag the parent sets in shared memory, which this
 * thread sees at once even while it is busy (postMessage would wait for the operation to end).
 */
import type { ProgressEvent, ProgressStep } from '../../../shared/contract-operations';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';

/** Index 0 of the flag: 1 while the running operation is to be cancelled. */
export const CANCEL_SLOT = 0;

export function cancelledError(): DomainError {
  return new DomainError('cancelled', msg('operation.cancelled'));
}

export interface ProgressReporter {
  (step: ProgressStep, done: number, total: number): void;
}

/**
 * `post` sends one event; `cancelFlag` is the shared flag (absent: the operation cannot be
 * cancelled). Throws cancelledError() from the first report after the flag is set that is not the
 * end of a step (done < total): callers report a step's end only once nothing is left to undo.
 */
export function progressReporter(operation: string, post: (event: ProgressEvent) => void, cancelFlag?: Int32Array): ProgressReporter {
  let lastStep: ProgressStep | null = null;
  let lastShare = -1;
  let lastDone = -1;
  return (step, done, total) => {
    const safeTotal = Math.max(0, Math.floor(total));
    const safeDone = Math.min(safeTotal, Math.max(0, Math.floor(done)));
    // A step reported finished never throws: what follows it may already have been written.
    if (safeDone < safeTotal && cancelFlag && Atomics.load(cancelFlag, CANCEL_SLOT) === 1) throw cancelledError();
    // Within a step, never backwards (a caller may report the same point twice).
    if (step === lastStep && safeDone <= lastDone) return;
    const share = safeTotal === 0 ? 100 : Math.floor((safeDone * 100) / safeTotal);
    const changed = step !== lastStep || share !== lastShare || safeDone === safeTotal;
    lastStep = step;
    lastDone = safeDone;
    if (!changed) return;
    lastShare = share;
    post({ operation, step, done: safeDone, total: safeTotal });
  };
}
