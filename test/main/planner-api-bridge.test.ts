import { describe, expect, it, vi } from 'vitest';
import { events } from '../../shared/contract';
import { EVENT_CHANNEL, EVENT_NAMES, INVOKE_CHANNEL } from '../../electron/preload/planner-api';
import { MAX_HELD_EVENTS, createPlannerApi, type IpcRendererLike } from '../../electron/preload/planner-api-bridge';

/** A fake ipcRenderer: records invokes and lets the test push events as main would. */
function fakeIpcRenderer(answer: (...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'done' })) {
  const channelListeners: Array<[string, (event: unknown, ...args: unknown[]) => void]> = [];
  const ipc: IpcRendererLike & { invoke: ReturnType<typeof vi.fn> } = {
    invoke: vi.fn(answer),
    on: (channel, listener) => channelListeners.push([channel, listener]),
  };
  const push = (name: unknown, payload: unknown) => {
    for (const [channel, listener] of channelListeners) if (channel === EVENT_CHANNEL) listener({ sender: 'ipcRenderer' }, name, payload);
  };
  return { ipc, push, channelListeners };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('window.api', () => {
  it('exposes invoke and on, and nothing else', () => {
    expect(Object.keys(createPlannerApi(fakeIpcRenderer().ipc)).sort()).toEqual(['invoke', 'on']);
  });

  it('lists exactly the events of the contract', () => {
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('sends a call on the api:invoke channel and returns the envelope', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createPlannerApi(ipc);
    await expect(api.invoke('plans:list', { fiscalYear: 2025 })).resolves.toEqual({ ok: true, value: 'done' });
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'plans:list', { fiscalYear: 2025 });
  });

  it('answers an internal envelope instead of rejecting when the call cannot be sent', async () => {
    const api = createPlannerApi(fakeIpcRenderer(async () => Promise.reject(new Error('An object could not be cloned.'))).ipc);
    const answer = await api.invoke('plans:list', {});
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('internal');
  });

  it('delivers events to their listeners, without the IPC event object, until unsubscribed', () => {
    const { ipc, push } = fakeIpcRenderer();
    const api = createPlannerApi(ipc);
    const listener = vi.fn();
    const stop = api.on('data:changed', listener);
    push('data:changed', { methods: ['plans:create'] });
    push('bundle:open', { file: '/x.planbundle' });
    stop();
    push('data:changed', { methods: ['plans:update'] });
    expect(listener.mock.calls).toEqual([[{ methods: ['plans:create'] }]]);
  });

  it('refuses to listen to a name that is not an event of the contract', () => {
    const api = createPlannerApi(fakeIpcRenderer().ipc);
    expect(() => api.on('api:invoke' as never, () => {})).toThrow(/not an event of the contract/);
    expect(() => api.on('__proto__' as never, () => {})).toThrow(TypeError);
  });

  it('ignores pushed events whose name the contract does not know', () => {
    const { ipc, push } = fakeIpcRenderer();
    const api = createPlannerApi(ipc);
    const listener = vi.fn();
    api.on('data:changed', listener);
    push('shell:run', { cmd: 'x' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('holds a bundle opened before the renderer listens and gives it to the first listener', async () => {
    const { ipc, push } = fakeIpcRenderer();
    const api = createPlannerApi(ipc);
    push('bundle:open', { file: '/home/ana/north.planbundle' });
    const listener = vi.fn();
    api.on('bundle:open', listener);
    expect(listener).not.toHaveBeenCalled();
    await tick();
    expect(listener).toHaveBeenCalledWith({ file: '/home/ana/north.planbundle' });
    const later = vi.fn();
    api.on('bundle:open', later);
    await tick();
    expect(later).not.toHaveBeenCalled();
  });

  it('holds only a bounded number of unheard events', async () => {
    const { ipc, push } = fakeIpcRenderer();
    const api = createPlannerApi(ipc);
    for (let i = 0; i < MAX_HELD_EVENTS + 5; i++) push('data:changed', { methods: [`m${i}`] });
    const listener = vi.fn();
    api.on('data:changed', listener);
    await tick();
    expect(listener).toHaveBeenCalledTimes(MAX_HELD_EVENTS);
    expect(listener.mock.calls[0]![0]).toEqual({ methods: ['m5'] });
  });

  it('keeps delivering to other listeners when one throws', () => {
    vi.useFakeTimers();
    try {
      const { ipc, push } = fakeIpcRenderer();
      const api = createPlannerApi(ipc);
      const second = vi.fn();
      api.on('data:changed', () => {
        throw new Error('listener bug');
      });
      api.on('data:changed', second);
      push('data:changed', { methods: [] });
      expect(second).toHaveBeenCalledOnce();
      expect(() => vi.runAllTimers()).toThrow('listener bug');
    } finally {
      vi.useRealTimers();
    }
  });
});
