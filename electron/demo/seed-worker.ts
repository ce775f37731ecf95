/**
 * The demo's seeding in a worker thread of its own (issue 13 §1): what Electron main and the
 * browser harness start for demo:open when the demo's database does not exist yet (built as
 * dist/electron/core-worker.cjs, entry worker-threads.ts). It makes the territory with seedDemoFile — into a temporary file,
 * renamed only once complete — reporting 'seed' progress; Stop cancels it before its transaction
 * commits, and nothing is left behind.
 */
import type { DemoSeedJob } from '../core/worker/job-worker';
import { serveJob } from '../core/worker/job-worker';
import { seedDemoFile } from './demo-database';

serveJob<DemoSeedJob>((job, progress) => {
  seedDemoFile(job.dbFile, { now: job.now, ...(job.migrationsFolder ? { migrationsFolder: job.migrationsFolder } : {}), progress: (done, total) => progress('seed', done, total) });
});
