/**
 * The demo kept apart, in the app: the demo territory is its own database file
 * (`<userData>/demo.planner.db`), never the real one. demo:open makes it the first time — in a
 * worker thread of its own (dist/electron/core-worker.cjs, entry worker-threads.ts, issue 13 §1), so main stays responsive,
 * with 'seed' progress events and Stop (operations:cancel, answered here while it seeds: the
 * seeding stops before its transaction commits and leaves no file) — then switches the core main
 * calls to it; demo:leave switches back. Pure: the cores, the seeding and the opening are given,
 * so tests use fakes.
 */
import type { DemoSwitched } from '../../shared/contract-demo';
import { msg, renderMessage } from '../../shared/core-messages';
import { err, ok, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import type { Core } from '../core/create-core';
import type { AdapterMethod } from '../core/dispatch';
import type { JobRun } from '../core/worker/job-worker';

export interface DemoSwitchDeps<C extends Pick<Core, 'call' | 'close'>> {
  real: C;
  /** Whether the demo database file exists already. */
  demoExists(): boolean;
  /** Starts making the demo database (the seeding worker, reporting its progress to the window). */
  seedDemo(): Pick<JobRun, 'finished' | 'cancel'>;
  /** Opens the demo database once it exists (its core's worker threads start: may take a moment). */
  openDemo(): C | Promise<C>;
  logError(message: string, error: unknown): void;
  /** The language of the refusal. */
  locale(): Locale;
}

export interface DemoSwitch<C> {
  /** The core that answers now. */
  current(): C;
  /** A core-shaped door that always calls the current one (give it to the IPC registrar). */
  door: Pick<Core, 'call'>;
  adapterMethods: Record<'demo:open' | 'demo:leave', AdapterMethod<unknown>>;
  close(): void;
}

export const DEMO_FAILED: Record<Locale, string> = {
  en: 'The demo could not be opened. Your real data is not affected.',
  fr: 'La démonstration n’a pas pu être ouverte. Vos données réelles ne sont pas touchées.',
};

export function createDemoSwitch<C extends Pick<Core, 'call' | 'close'>>(deps: DemoSwitchDeps<C>): DemoSwitch<C> {
  let demo: C | null = null;
  let current: C = deps.real;
  let opening: Promise<Result<DemoSwitched>> | null = null;
  /** The seeding running now: Stop (operations:cancel) is its. */
  let seeding: Pick<JobRun, 'cancel'> | null = null;

  async function open(): Promise<Result<DemoSwitched>> {
    try {
      if (!demo) {
        if (!deps.demoExists()) {
          const run = deps.seedDemo();
          seeding = run;
          const seeded = await run.finished.finally(() => (seeding = null));
          if (seeded.outcome === 'cancelled') {
            return err('cancelled', renderMessage(msg('operation.cancelled'), deps.locale()), { messageKey: 'operation.cancelled', params: {} });
          }
          if (seeded.outcome === 'failed') {
            deps.logError('Could not make the demo database.', seeded.error);
            return err('internal', DEMO_FAILED[deps.locale()]);
          }
        }
        demo = await deps.openDemo();
      }
      current = demo;
      return ok({ demo: true });
    } catch (error) {
      deps.logError('Could not open the demo database.', error);
      return err('internal', DEMO_FAILED[deps.locale()]);
    }
  }

  return {
    current: () => current,
    door: {
      call: (method, input) => {
        // While the demo is being made, Stop stops the seeding (the cores run nothing long then).
        if (method === 'operations:cancel' && seeding) return Promise.resolve(ok({ cancelled: seeding.cancel() }));
        return current.call(method, input);
      },
    },
    adapterMethods: {
      // Two clicks while the demo is being made wait for the same seeding.
      'demo:open': () => (opening ??= open().finally(() => (opening = null))),
      'demo:leave': () => {
        current = deps.real;
        return ok({ demo: false });
      },
    },
    close() {
      deps.real.close();
      demo?.close();
    },
  };
}
