import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Result } from '../../shared/result';
import {
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  isTrustedSender,
  registerIpc,
  sendEvent,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from '../../electron/main/ipc-registrar';

const APP = 'app://planner';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** A fake ipcMain that keeps its handlers, so a test can play the renderer. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = (event: IpcInvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler');
    return Promise.resolve(handler(event, ...args)) as Promise<Result<unknown>>;
  };
  return { ipcMain, handlers, invoke };
}

const fromApp: IpcInvokeEventLike = { senderFrame: { url: 'app://planner/index.html', parent: null } };
const fromElsewhere: IpcInvokeEventLike = { senderFrame: { url: 'https://example.org/', parent: null } };
const fromAppIframe: IpcInvokeEventLike = { senderFrame: { url: 'app://planner/index.html', parent: { url: 'app://planner/index.html' } } };

function fakeCore(answer: (method: string, input: unknown) => Promise<Result<unknown>>) {
  return { call: vi.fn(answer) };
}

function setUp(core = fakeCore(async () => ok('done'))) {
  const fake = fakeIpcMain();
  const afterWrite = vi.fn();
  const logError = vi.fn();
  const unregister = registerIpc(fake.ipcMain, core, { isTrustedSender: (event) => isTrustedSender(event, APP), afterWrite, logError });
  return { ...fake, core, afterWrite, logError, unregister };
}

describe('isTrustedSender', () => {
  it("trusts the app's main frame on the app origin", () => {
    expect(isTrustedSender(fromApp, APP)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://planner/plans/42?q=1#x', parent: null } }, APP)).toBe(true);
  });

  it('refuses other origins, look-alike hosts, file pages and frames that are gone', () => {
    expect(isTrustedSender(fromElsewhere, APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://planner.evil/index.html', parent: null } }, APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://other/index.html', parent: null } }, APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///app/dist/renderer/index.html', parent: null } }, APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'about:blank', parent: null } }, APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, APP)).toBe(false);
  });

  it('refuses a subframe even when it is on the app origin', () => {
    expect(isTrustedSender(fromAppIframe, APP)).toBe(false);
  });
});

describe('registerIpc', () => {
  it('registers exactly one handler, on the api:invoke channel, and can remove it', () => {
    const { handlers, unregister } = setUp();
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('forwards a call from the app window to the core and answers its envelope', async () => {
    const { invoke, core } = setUp(fakeCore(async () => ok([{ id: 'c1' }])));
    const answer = await invoke(fromApp, 'communities:list', { fiscalYear: 2025 });
    expect(answer).toEqual({ ok: true, value: [{ id: 'c1' }] });
    expect(core.call).toHaveBeenCalledWith('communities:list', { fiscalYear: 2025 });
  });

  it('refuses a call from another origin or an iframe with a forbidden envelope, without reaching the core', async () => {
    const { invoke, core } = setUp();
    for (const event of [fromElsewhere, fromAppIframe, { senderFrame: null }]) {
      const answer = await invoke(event, 'plans:list', {});
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('forbidden');
        expect(answer.error.message).toMatch(/refused/);
      }
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('answers unknown_method for a name that is not in the contract, including prototype names and non-strings', async () => {
    const { invoke, core } = setUp();
    for (const method of ['plans:explode', 'toString', '__proto__', 42, undefined, { toString: () => 'plans:list' }]) {
      const answer = await invoke(fromApp, method, {});
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('unknown_method');
    }
    expect(core.call).not.toHaveBeenCalled();
  });

  it('shortens a very long unknown method name in the message', async () => {
    const { invoke } = setUp();
    const answer = await invoke(fromApp, 'x'.repeat(5000), {});
    expect(!answer.ok && answer.error.message.length).toBeLessThan(200);
  });

  it("passes bad input through to the core and answers the core's invalid_input envelope", async () => {
    const refusal = err('invalid_input', 'Quarter 5 does not exist: quarters are 1 to 4.');
    const { invoke, core } = setUp(fakeCore(async () => refusal));
    const answer = await invoke(fromApp, 'progress:get', { planId: 'p1', quarter: 5 });
    expect(answer).toEqual(refusal);
    expect(core.call).toHaveBeenCalledWith('progress:get', { planId: 'p1', quarter: 5 });
  });

  it('turns an error thrown by the core into an internal envelope with a sentence and no stack', async () => {
    const { invoke, logError } = setUp(
      fakeCore(async () => {
        throw new Error('SqliteError: no such table: plans\n    at Statement.run (/app/db.js:1:1)');
      }),
    );
    const answer = await invoke(fromApp, 'plans:list', {});
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('internal');
      expect(answer.error.message).toMatch(/^[A-Z].*\.$/);
      expect(answer.error.message).not.toMatch(/SqliteError|no such table|\bat\b.*:\d+:\d+/);
      expect(answer.error).not.toHaveProperty('details');
    }
    expect(logError).toHaveBeenCalledOnce();
  });

  it('announces successful writes, and neither reads nor refused writes', async () => {
    let answer: Result<unknown> = ok({ id: 'p1' });
    const { invoke, afterWrite } = setUp(fakeCore(async () => answer));
    await invoke(fromApp, 'plans:create', { communityId: 'c1', fiscalYear: 2025 });
    await invoke(fromApp, 'plans:list', {});
    answer = err('conflict', 'A plan for FY 2025–26 already exists.');
    await invoke(fromApp, 'plans:create', { communityId: 'c1', fiscalYear: 2025 });
    expect(afterWrite.mock.calls).toEqual([['plans:create']]);
  });
});

describe('sendEvent', () => {
  it('sends a payload that matches the contract on the api:event channel', () => {
    const target = { send: vi.fn() };
    expect(sendEvent(target, 'bundle:open', { file: '/home/ana/north.planbundle' })).toEqual({ ok: true, value: true });
    expect(target.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'bundle:open', { file: '/home/ana/north.planbundle' });
  });

  it('does not send a payload that breaks the contract, and says why', () => {
    const target = { send: vi.fn() };
    const bad = { file: '/x.planbundle', extra: true } as unknown as { file: string };
    const answer = sendEvent(target, 'bundle:open', bad);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('invalid_input');
    expect(target.send).not.toHaveBeenCalled();
  });

  it('does not send to a window that is already closed', () => {
    const target = { send: vi.fn(), isDestroyed: () => true };
    expect(sendEvent(target, 'data:changed', { methods: ['plans:create'] }).ok).toBe(false);
    expect(target.send).not.toHaveBeenCalled();
  });
});
