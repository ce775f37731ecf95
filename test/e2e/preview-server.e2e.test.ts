/**
 * The browser harness answers only its own page: loopback address, its own Host and Origin, the
 * session cookie that only the one-time address it printed gives (never served to a plain GET of
 * `/`, which any local user can make), bounded bodies; and it answers with the real core.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, resolveStaticPath, type PreviewServer } from '../../electron/harness/preview-server';
import { HARNESS_META_NAME } from '../../shared/routes';
import { createDemoDatabase, E2E_NOW, makeTempDir, removeTempDir } from './support/demo-database';
import { startHarness } from './support/harness';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(server: PreviewServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Opens a one-time address as a browser would: answers the redirect and the session cookie it set. */
async function signIn(server: PreviewServer): Promise<{ reply: Reply; cookie: string }> {
  const opening = new URL(server.openingUrl());
  const reply = await request(server, { path: `${opening.pathname}${opening.search}`, headers: { 'Sec-Fetch-Site': 'none' } });
  const setCookie = reply.headers['set-cookie']?.[0] ?? '';
  return { reply, cookie: setCookie.split(';')[0]! };
}

function api(server: PreviewServer, cookie: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(server, {
    method: 'POST',
    path: '/api',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: `http://127.0.0.1:${server.port}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('the browser harness', () => {
  let server: PreviewServer;
  let dir: string | undefined;
  let cookie: string | undefined;

  beforeAll(async () => {
    const dbFile = createDemoDatabase((dir = makeTempDir()));
    server = await startHarness(dbFile, E2E_NOW);
  });
  /** The session cookie, signed in once (after the first test, which needs none). */
  async function session(): Promise<string> {
    cookie ??= (await signIn(server)).cookie;
    return cookie;
  }
  afterAll(async () => {
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('serves nothing secret to a plain GET of / (any local user can make one), and refuses API calls without the session', async () => {
    const page = await request(server, {});
    expect(page.status).toBe(403);
    expect(page.body).toMatch(/one-time address printed in the terminal/);
    expect(page.body).not.toMatch(/planner-api-token|ticket=/);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await api(server, '', { method: 'installation:get', input: {} })).status).toBe(403);
    const upload = await request(server, { method: 'POST', path: '/files/upload', headers: { Origin: `http://127.0.0.1:${server.port}` }, body: 'x' });
    expect(upload.status).toBe(403);
  });

  it('lets in the browser that opens the one-time address, with an HttpOnly, SameSite=Strict cookie, once', async () => {
    const opening = server.openingUrl();
    expect(opening).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?ticket=[\w-]{32}$/);
    const path = opening.slice(server.url.length - 1);
    const first = await request(server, { path });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']?.[0]).toMatch(new RegExp(`^planner-session-${server.port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    const again = await request(server, { path });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await request(server, { path: '/?ticket=made-up' })).status).toBe(403);
  });

  it('serves the signed-in page on 127.0.0.1 with the harness marker (no secret in it) and the app\'s strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(server, { headers: { Host: `127.0.0.1:${server.port}`, Cookie: await session() } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="${HARNESS_META_NAME}" content="http">`);
    expect(page.body).not.toContain((await session()).split('=')[1]!);
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('answers a contract call with the real core', async () => {
    const reply = await api(server, await session(), { method: 'communities:list', input: { fiscalYear: 2026 } });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: Array<{ name: string }> };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.length).toBe(33);
  });

  it("passes the core's refusals through as sentences", async () => {
    const reply = await api(server, await session(), { method: 'progress:get', input: { planId: 'nope', quarter: 5 } });
    const envelope = JSON.parse(reply.body) as { ok: false; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.message).toBe('Quarter 5 does not exist: quarters are 1 to 4.');
  });

  it('refuses a call without the session cookie, or with another one', async () => {
    expect((await api(server, '', { method: 'installation:get', input: {} })).status).toBe(403);
    expect((await api(server, `planner-session-${server.port}=${'x'.repeat(43)}`, { method: 'installation:get', input: {} })).status).toBe(403);
    expect((await api(server, `planner-session-1=${(await session()).split('=')[1]}`, { method: 'installation:get', input: {} })).status).toBe(403);
  });

  it('refuses other sites and other host names (DNS rebinding)', async () => {
    expect((await api(server, await session(), { method: 'installation:get', input: {} }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(server, await session(), { method: 'installation:get', input: {} }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // Cookies are per host, not per port: a page on another local port is same-site and would send it.
    expect((await api(server, await session(), { method: 'installation:get', input: {} }, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await api(server, await session(), { method: 'installation:get', input: {} }, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await request(server, { headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
  });

  it('refuses bodies over the limit before reading them, and non-JSON bodies', async () => {
    const big = await api(server, await session(), { method: 'reports:comment', input: { planId: 'p', quarter: 1, body: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(big.status).toBe(413);
    const text = await request(server, { method: 'POST', path: '/api', headers: { 'Content-Type': 'text/plain', Cookie: await session() }, body: 'hello' });
    expect(text.status).toBe(415);
  });

  it('answers GET only with built files, never outside the build folder', async () => {
    expect((await request(server, { path: '/../package.json' })).status).toBe(404);
    expect((await request(server, { path: '/%2e%2e/package.json' })).status).toBe(404);
    expect((await request(server, { path: '/api' })).status).toBe(405);
    expect(resolveStaticPath('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveStaticPath('/srv/app', '/%2e%2e/secret')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/.env')).toBeNull();
  });
});
