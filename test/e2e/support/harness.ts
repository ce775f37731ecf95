/** Starts the browser harness on a database with "today" pinned, for end-to-end tests and benchmarks. */
import type { Clock } from '../../../electron/core/changelog/clock';
import { startPreviewServer, type PreviewServer } from '../../../electron/harness/preview-server';

/** A clock that starts at `start` and then runs with real time, so change order stays natural. */
export function runningClockFrom(start: string): Clock {
  const offset = Date.parse(start) - Date.now();
  return { now: () => new Date(Date.now() + offset).toISOString() };
}

export function startHarness(dbFile: string, now: string): Promise<PreviewServer> {
  return startPreviewServer({ dbFile, port: 0, clock: runningClockFrom(now), log: () => {} });
}

/** The value of a core call made straight on the harness's core; a refusal fails the test with its sentence. */
export function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
