import { describe, expect, it } from 'vitest';
import { createDemoSwitch, DEMO_FAILED } from '../../electron/main/demo-switch';
import type { JobOutcome } from '../../electron/core/worker/job-worker';
import { ok, type Result } from '../../shared/result';

/** A stand-in core that answers every call with its own name. */
function fakeCore(name: string) {
  const core = {
    closed: false,
    call: async (method: string): Promise<Result<unknown>> => ok({ from: name, method }),
    close: () => void (core.closed = true),
  };
  return core;
}

type Outcome = 'done' | 'cancelled' | 'failed';

/** The seeding as a fake worker: it ends with `outcome`, or (held) when the test lets it, cancelled if Stop was pressed. */
function setup({ exists = false, outcome = 'done' as Outcome, held = false } = {}) {
  const real = fakeCore('real');
  const demo = fakeCore('demo');
  const log: string[] = [];
  let seeded = 0;
  let opened = 0;
  let fileExists = exists;
  let release: () => void = () => {};
  const cores = createDemoSwitch({
    real,
    demoExists: () => fileExists,
    seedDemo: () => {
      seeded++;
      let stopped = false;
      const finish = (): JobOutcome => {
        const ended: Outcome = stopped ? 'cancelled' : outcome;
        fileExists = ended === 'done';
        return ended === 'failed' ? { outcome: 'failed', error: new Error('disk full') } : { outcome: ended };
      };
      const finished = held ? new Promise<JobOutcome>((resolve) => (release = () => resolve(finish()))) : Promise.resolve().then(finish);
      return {
        finished,
        cancel: () => (stopped = true),
      };
    },
    openDemo: () => {
      opened++;
      return demo;
    },
    logError: (message) => log.push(message),
    locale: () => 'fr',
  });
  return { real, demo, cores, log, counts: () => ({ seeded, opened }), release: () => release() };
}

describe('the demo kept apart in the app (demo:open, demo:leave)', () => {
  it('answers from the real database until the demo is opened, then from the demo, then from the real one again', async () => {
    const { cores, counts } = setup();
    expect(await cores.door.call('installation:setupState', {})).toEqual(ok({ from: 'real', method: 'installation:setupState' }));
    expect(await cores.adapterMethods['demo:open']({}, undefined)).toEqual(ok({ demo: true }));
    expect(await cores.door.call('communities:list', {})).toEqual(ok({ from: 'demo', method: 'communities:list' }));
    expect(counts()).toEqual({ seeded: 1, opened: 1 });
    expect(await cores.adapterMethods['demo:leave']({}, undefined)).toEqual(ok({ demo: false }));
    expect(await cores.door.call('communities:list', {})).toEqual(ok({ from: 'real', method: 'communities:list' }));
  });

  it('seeds the demo only when its file does not exist, and opens it once however often it is chosen', async () => {
    const { cores, counts } = setup({ exists: true });
    await Promise.all([cores.adapterMethods['demo:open']({}, undefined), cores.adapterMethods['demo:open']({}, undefined)]);
    await cores.adapterMethods['demo:leave']({}, undefined);
    await cores.adapterMethods['demo:open']({}, undefined);
    expect(counts()).toEqual({ seeded: 0, opened: 1 });
  });

  it('stays on the real database with a sentence in the person’s language when the demo cannot be made', async () => {
    const { cores, counts, log } = setup({ outcome: 'failed' });
    const result = await cores.adapterMethods['demo:open']({}, undefined);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal', message: DEMO_FAILED.fr }) });
    expect(await cores.door.call('x', {})).toEqual(ok({ from: 'real', method: 'x' }));
    expect(counts()).toEqual({ seeded: 1, opened: 0 });
    expect(log).toEqual(['Could not make the demo database.']);
  });

  it('Stop while the demo is being made cancels the seeding (not the real core’s operation) and stays on the real database', async () => {
    const { cores, counts, release } = setup({ held: true });
    const opening = cores.adapterMethods['demo:open']({}, undefined);
    await Promise.resolve();
    expect(await cores.door.call('operations:cancel', {})).toEqual(ok({ cancelled: true }));
    release();
    const result = await opening;
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'cancelled', message: expect.stringMatching(/^Annulé\u00a0: rien n’a été modifié/) }) });
    expect(counts()).toEqual({ seeded: 1, opened: 0 });
    // Nothing seeding any more: Stop is the current core's again, and the demo can be chosen again.
    expect(await cores.door.call('operations:cancel', {})).toEqual(ok({ from: 'real', method: 'operations:cancel' }));
    const again = cores.adapterMethods['demo:open']({}, undefined);
    release();
    expect(await again).toEqual(ok({ demo: true }));
    expect(counts()).toEqual({ seeded: 2, opened: 1 });
  });

  it('closes both databases on quit', async () => {
    const { cores, real, demo } = setup();
    await cores.adapterMethods['demo:open']({}, undefined);
    cores.close();
    expect([real.closed, demo.closed]).toEqual([true, true]);
  });
});
