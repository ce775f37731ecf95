/**
 * A long job in a worker thread of its own (issue 13 §1), for work that needs no open database to
 * start from — making the demo territory (electron/demo/seed-worker.ts) is the one today. The
 * parent starts it, hears its determinate progress ('progress' events, as the core's long worker
 * sends them), can cancel it (the same shared flag: the job's progress reporter throws
 * DomainError('cancelled') at its next report), and gets one outcome; the thread then ends.
 *
 * Both sides live here: runJobWorker() in the parent (Electron main, the browser harness),
 * serveJob() in the worker's entry.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ProgressEvent } from '../../../shared/contract-operations';
import { DomainError } from '../../../shared/domain-error';
import { CANCEL_SLOT, progressReporter, type ProgressReporter } from './progress';

/** What the demo's seeding worker is given (electron/demo/seed-worker.ts). */
export interface DemoSeedJob {
  dbFile: string;
  /** The demo's "today", YYYY-MM-DD. */
  now: string;
  migrationsFolder?: string;
}

interface JobWorkerData {
  job: unknown;
  operation: string;
  cancel: SharedArrayBuffer;
}

type FromJob =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'done' }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string; stack: string | null };

export type JobOutcome = { outcome: 'done' } | { outcome: 'cancelled' } | { outcome: 'failed'; error: Error };

export interface JobRun {
  /** Settles once the thread has ended; never rejects. */
  finished: Promise<JobOutcome>;
  /** Asks the job to stop at its next progress report; false once it has finished. */
  cancel(): boolean;
}

export interface JobWorkerOptions {
  /** The worker's entry: a file, or (evalSource) JavaScript that imports it (see workerEntryFor). */
  script: string;
  evalSource?: boolean;
  /** The operation its progress events name ('demo:open'). */
  operation: string;
  job: unknown;
  onProgress?(event: ProgressEvent): void;
}

export function runJobWorker(options: JobWorkerOptions): JobRun {
  const cancelBuffer = new SharedArrayBuffer(4);
  const cancelFlag = new Int32Array(cancelBuffer);
  const data: JobWorkerData = { job: options.job, operation: options.operation, cancel: cancelBuffer };
  let settled = false;
  const finished = new Promise<JobOutcome>((resolve) => {
    let outcome: JobOutcome | null = null;
    let worker: Worker;
    try {
      worker = new Worker(options.script, { eval: options.evalSource === true, workerData: data });
    } catch (error) {
      settled = true;
      resolve({ outcome: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    worker.on('message', (message: FromJob) => {
      if (message.type === 'progress') options.onProgress?.(message.event);
      else if (message.type === 'done') outcome = { outcome: 'done' };
      else if (message.type === 'cancelled') outcome = { outcome: 'cancelled' };
      else {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        outcome = { outcome: 'failed', error };
      }
    });
    worker.on('error', (error) => {
      outcome ??= { outcome: 'failed', error };
    });
    // The outcome is told once the thread has ended: its files are closed by then.
    worker.on('exit', (code) => {
      settled = true;
      resolve(outcome ?? { outcome: 'failed', error: new Error(`The job's worker ended (exit code ${code}) without an outcome.`) });
    });
  });
  return {
    finished,
    cancel() {
      if (settled) return false;
      Atomics.store(cancelFlag, CANCEL_SLOT, 1);
      return true;
    },
  };
}

/** In the worker's entry: runs `work` with a progress reporter, posts its outcome, and lets the thread end. */
export function serveJob<J>(work: (job: J, progress: ProgressReporter) => void): void {
  const port = parentPort!;
  const data = workerData as JobWorkerData;
  const post = (message: FromJob) => port.postMessage(message);
  const progress = progressReporter(data.operation, (event) => post({ type: 'progress', event }), new Int32Array(data.cancel));
  try {
    work(data.job as J, progress);
    post({ type: 'done' });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'cancelled') post({ type: 'cancelled' });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? null) : null });
  } finally {
    port.close();
  }
}
