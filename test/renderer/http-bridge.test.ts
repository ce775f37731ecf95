import { describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../renderer/api/http-bridge';
import { DATA_CHANGED_HEADER } from '../../shared/routes';

function jsonResponse(body: unknown, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('the harness bridge (window.api in a plain browser)', () => {
  it('posts the method and input with the session cookie (never a token the page can read) and answers the envelope', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { name: 'x' } }));
    const bridge = createHttpBridge({ fetch: fetch as unknown as typeof globalThis.fetch });
    const result = await bridge.invoke('communities:get', { communityId: 'c1' });
    expect(result).toEqual({ ok: true, value: { name: 'x' } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('api');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ method: 'communities:get', input: { communityId: 'c1' } });
  });

  it('raises data:changed after a change, as Electron main does', async () => {
    const bridge = createHttpBridge({ fetch: (async () => jsonResponse({ ok: true, value: {} }, { [DATA_CHANGED_HEADER]: '1' })) as typeof fetch });
    const seen: unknown[] = [];
    bridge.on('data:changed', (payload) => seen.push(payload));
    await bridge.invoke('plans:agree', { planId: 'p', communitySignatory: 'a', communitySignedOn: '2026-01-01', detachmentSignatory: 'b', detachmentSignedOn: '2026-01-01' });
    await Promise.resolve();
    expect(seen).toEqual([{ methods: ['plans:agree'] }]);
  });

  it('turns a stopped server into a sentence instead of a rejection', async () => {
    const bridge = createHttpBridge({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    const result = await bridge.invoke('installation:get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/preview server has stopped/);
  });

  it("passes the core's refusal through unchanged", async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'This plan is closed and can no longer be changed.' } };
    const bridge = createHttpBridge({ fetch: (async () => jsonResponse(refusal)) as typeof fetch });
    expect(await bridge.invoke('plans:close', { planId: 'p' })).toEqual(refusal);
  });
});
