/**
 * The browser harness answers only its own page: loopback address, its own Host and Origin, the
 * per-run token, bounded bodies; and it answers with the real core.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, resolveStaticPath, type PreviewServer } from '../../scripts/preview';
import { TOKEN_HEADER, TOKEN_META_NAME } from '../../renderer/api/http-bridge';
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

function api(server: PreviewServer, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(server, {
    method: 'POST',
    path: '/api',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, Origin: `http://127.0.0.1:${server.port}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('the browser harness', () => {
  let server: PreviewServer;
  let dir: string | undefined;

  beforeAll(async () => {
    const dbFile = createDemoDatabase((dir = makeTempDir()));
    server = await startHarness(dbFile, E2E_NOW);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) removeTempDir(dir);
  });

  it('serves the page on 127.0.0.1 with the token in a meta tag and the app\'s strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(server, { headers: { Host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="${TOKEN_META_NAME}" content="${server.token}">`);
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('answers a contract call with the real core', async () => {
    const reply = await api(server, { method: 'communities:list', input: { fiscalYear: 2026 } });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; value: Array<{ name: string }> };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.length).toBe(33);
  });

  it("passes the core's refusals through as sentences", async () => {
    const reply = await api(server, { method: 'progress:get', input: { planId: 'nope', quarter: 5 } });
    const envelope = JSON.parse(reply.body) as { ok: false; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('invalid_input');
    expect(envelope.error.message).toBe('Quarter 5 does not exist: quarters are 1 to 4.');
  });

  it('refuses a call without the token, or with another one', async () => {
    expect((await api(server, { method: 'installation:get', input: {} }, { [TOKEN_HEADER]: '' })).status).toBe(403);
    expect((await api(server, { method: 'installation:get', input: {} }, { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(403);
  });

  it('refuses other sites and other host names (DNS rebinding)', async () => {
    expect((await api(server, { method: 'installation:get', input: {} }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(server, { method: 'installation:get', input: {} }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await request(server, { headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
  });

  it('refuses bodies over the limit before reading them, and non-JSON bodies', async () => {
    const big = await api(server, { method: 'reports:comment', input: { planId: 'p', quarter: 1, body: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(big.status).toBe(413);
    const text = await request(server, { method: 'POST', path: '/api', headers: { 'Content-Type': 'text/plain', [TOKEN_HEADER]: server.token }, body: 'hello' });
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
