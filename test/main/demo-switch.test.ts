import { describe, expect, it } from 'vitest';
import { createDemoSwitch, DEMO_FAILED } from '../../electron/main/demo-switch';
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

function setup({ exists = false, seedCode = 0 } = {}) {
  const real = fakeCore('real');
  const demo = fakeCore('demo');
  const log: string[] = [];
  let seeded = 0;
  let opened = 0;
  let fileExists = exists;
  const cores = createDemoSwitch({
    real,
    demoExists: () => fileExists,
    seedDemo: async () => {
      seeded++;
      fileExists = seedCode === 0;
      return seedCode;
    },
    openDemo: () => {
      opened++;
      return demo;
    },
    logError: (message) => log.push(message),
    locale: () => 'fr',
  });
  return { real, demo, cores, log, counts: () => ({ seeded, opened }) };
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
    const { cores, counts } = setup({ seedCode: 1 });
    const result = await cores.adapterMethods['demo:open']({}, undefined);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal', message: DEMO_FAILED.fr }) });
    expect(await cores.door.call('x', {})).toEqual(ok({ from: 'real', method: 'x' }));
    expect(counts()).toEqual({ seeded: 1, opened: 0 });
  });

  it('closes both databases on quit', async () => {
    const { cores, real, demo } = setup();
    await cores.adapterMethods['demo:open']({}, undefined);
    cores.close();
    expect([real.closed, demo.closed]).toEqual([true, true]);
  });
});
