import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchemePrivileges, createAppRequestHandler, resolveAppPath } from '../../electron/main/app-protocol';
import { contentSecurityPolicy, contentTypeFor } from '../../shared/security-headers';

const root = path.resolve('/srv/planner/dist/renderer');

describe('resolveAppPath', () => {
  it('maps app://planner/ paths to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://planner/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://planner/assets/main-abc123.js?v=1#top')).toBe(path.join(root, 'assets', 'main-abc123.js'));
    expect(resolveAppPath(root, 'app://planner/assets/Fran%C3%A7ais%20notes.txt')).toBe(path.join(root, 'assets', 'Français notes.txt'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath(root, 'app://planner')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://planner/')).toBe(path.join(root, 'index.html'));
  });

  it('never escapes the renderer folder, however the dots and slashes are written', () => {
    for (const url of [
      'app://planner/../../etc/passwd',
      'app://planner/%2e%2e/%2e%2e/etc/passwd',
      'app://planner/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://planner/..%2f..%2fpackage.json',
      'app://planner/..%5c..%5cWindows%5cwin.ini',
      'app://planner/assets/..%00.js',
      'app://planner/%2e%2e',
      'app://planner/%2Fetc%2Fpasswd',
    ]) {
      const file = resolveAppPath(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppPath(root, 'app://planner/..%2f..%2fpackage.json')).toBeNull();
    // The URL parser itself folds %2e%2e segments (WHATWG treats them as `..`): back at the root.
    expect(resolveAppPath(root, 'app://planner/%2e%2e')).toBe(path.join(root, 'index.html'));
  });

  it('refuses other schemes and hosts, and malformed URLs', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://planner/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://planner/%E0%A4%A.js')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy()
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values] as const),
  );

  it("lets only the app's own code run: scripts from 'self', no eval, no inline scripts, no plugins", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('connects nowhere but the app, and cannot be framed or frame anything', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no remote source anywhere', () => {
    expect(contentSecurityPolicy()).not.toMatch(/https?:|\*/);
  });
});

describe('app scheme privileges', () => {
  it('make app:// a standard, secure scheme that does not bypass the CSP', () => {
    const [scheme] = appSchemePrivileges();
    expect(scheme!.scheme).toBe('app');
    expect(scheme!.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme!.privileges?.bypassCSP).toBeFalsy();
    expect(scheme!.privileges?.corsEnabled).toBeFalsy();
    expect(scheme!.privileges?.allowServiceWorkers).toBeFalsy();
  });
});

describe('the app:// request handler', () => {
  let dir: string;
  let outside: string;
  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-protocol-'));
    dir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Planner</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'main.js'), 'console.log(1)');
    outside = path.join(base, 'secret.txt');
    fs.writeFileSync(outside, 'do not serve');
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => createAppRequestHandler(dir)(new Request(url, { method }));

  it('serves a file with its content type, the CSP and nosniff', async () => {
    const response = await get('app://planner/assets/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers a client-side route with index.html, but a missing asset with 404', async () => {
    const route = await get('app://planner/plans/01HX');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Planner</title>');
    expect((await get('app://planner/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await get('app://planner/..%2fsecret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://planner/index.html', 'POST')).status).toBe(405);
    const head = await get('app://planner/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows the content types a Vite build emits', () => {
    expect(contentTypeFor('a/b.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/b.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('a/b.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/b.unknown')).toBe('application/octet-stream');
  });
});
