/**
 * Long operations (issue 13 §1): a bundle import or export, a report export, backups, the demo's
 * seeding run in the core's worker for long operations (electron/core/worker) and report how far
 * they are through the 'progress' event. Cancelling one is answered by the ADAPTERS (Electron
 * main, the browser harness), which own the worker; the core called in-process (the CLI, tests)
 * has nothing running beside the call and answers { cancelled: false }.
 */
import { z } from 'zod';
import { input, read } from './contract-fields';

/** The steps a long operation reports, each named on screen in English and French. */
export const PROGRESS_STEPS = ['check', 'backup', 'apply', 'select', 'write', 'report', 'seed'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

/** One 'progress' event: `done` of `total` units of `step`, in the operation (a contract method, or 'demo:open'). */
export const progressEventSchema = z.strictObject({
  operation: z.string(),
  step: z.enum(PROGRESS_STEPS),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ProgressEvent = z.output<typeof progressEventSchema>;

export const operationMethods = {
  'operations:cancel': read<{ cancelled: boolean }>()(
    'Cancel the long operation running now (an import, an export, a report export), before its final transaction: nothing is written. false when nothing was running.',
    input({}),
  ),
} as const;
