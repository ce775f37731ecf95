/**
 * The entry of the built worker bundle (dist/electron/core-worker.cjs): one bundle for both kinds
 * of thread, so the packaged app carries the core once (a second ~2 MB bundle would push the
 * archive past its size check). A thread started with a job (runJobWorker: the demo's seeding,
 * seed-worker.ts) runs the job; any other is one of the core's own threads (core-worker.ts).
 * Under tsx (tests, the harness) each is started from its own source file instead.
 */
import { workerData } from 'node:worker_threads';

if (workerData !== null && typeof workerData === 'object' && 'job' in workerData) void import('./seed-worker');
else void import('../core/worker/core-worker');
