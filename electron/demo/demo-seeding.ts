/**
 * demo:open's seeding off the adapter's thread (issue 13 §1), for the browser harness and the
 * tests: starts seed-worker.ts in a worker of its own. Electron main starts the same worker from
 * its bundle (dist/electron/core-worker.cjs, entry worker-threads.ts) through runJobWorker, without importing this folder.
 */
import type { ProgressEvent } from '../../shared/contract-operations';
import { type DemoSeedJob, type JobRun, runJobWorker } from '../core/worker/job-worker';
import { workerEntryFor } from '../core/worker/worker-core';

/** The operation the seeding's progress events name: the adapter method that starts it. */
export const DEMO_SEED_OPERATION = 'demo:open';

/** The seed worker's entry seen from here: seed-worker.ts through tsx, or core-worker.cjs (the built bundle of both kinds of thread) beside a bundle. */
export function demoSeedWorkerEntry(): { script: string; evalSource: boolean } {
  return workerEntryFor(import.meta.url, './seed-worker.ts', 'core-worker.cjs');
}

/** Seeds the demo territory into job.dbFile (which must not exist) in a worker thread. */
export function startDemoSeeding(job: DemoSeedJob, onProgress?: (event: ProgressEvent) => void): JobRun {
  const entry = demoSeedWorkerEntry();
  return runJobWorker({ script: entry.script, evalSource: entry.evalSource, operation: DEMO_SEED_OPERATION, job, ...(onProgress ? { onProgress } : {}) });
}
