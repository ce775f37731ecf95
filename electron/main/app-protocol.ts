/**
 * Serves the built renderer (dist/renderer) from the app's own origin, `app://planner/…`.
 *
 * A custom standard scheme instead of file:// gives the page a real origin (so the CSP's 'self',
 * the IPC sender check and navigation rules mean something), keeps every other file on disk out
 * of the page's reach, and lets us attach security headers to every response (the same as the
 * browser harness's: shared/security-headers.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentTypeFor, securityHeaders } from '../../shared/security-headers';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Privileges for app://. `standard` gives it normal origin and relative-URL rules, `secure` makes
 * it a secure context (like https), `supportFetchAPI` lets the page fetch its own assets and
 * `codeCache` speeds up start. Deliberately absent: `bypassCSP` (our CSP must apply),
 * `corsEnabled` (nothing cross-origin should load) and `allowServiceWorkers`.
 */
export function appSchemePrivileges(): CustomScheme[] {
  return [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }];
}

/**
 * The file inside `root` that an app:// URL names, or null when the URL is not ours or would
 * reach outside `root`. The URL parser already folds `/../` segments, but percent-encoded ones
 * (`%2e%2e`, `%2f`, `%5c`) only appear after decoding, so containment is checked on the final
 * absolute path, not on the URL text.
 * Symbolic links are not followed up: root is our own build output, which contains none.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // A backslash is a separator on Windows only; refusing it everywhere keeps one behaviour.
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';

  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, `.${relative}`);
  if (!file.startsWith(absoluteRoot + path.sep)) return null;
  return file;
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Builds the handler for app:// requests. Only GET and HEAD are answered. A path without an
 * extension that is not a file falls back to index.html, so client-side routes survive a reload.
 */
export function createAppRequestHandler(root: string, readFile: ReadFile = (file) => fs.readFile(file)) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveAppPath(root, request.url);
    if (file === null) return textResponse(404, 'Not found');

    let body: Uint8Array;
    let served = file;
    try {
      body = await readFile(file);
    } catch {
      if (path.extname(file) !== '') return textResponse(404, 'Not found');
      served = path.join(path.resolve(root), 'index.html');
      try {
        body = await readFile(served);
      } catch {
        return textResponse(404, 'Not found');
      }
    }
    const headers = { ...securityHeaders(), 'Content-Type': contentTypeFor(served) };
    // Copied into a fresh ArrayBuffer: Response wants a BodyInit, and a Node Buffer may be a view
    // into a larger shared pool.
    const bytes = new Uint8Array(body.byteLength);
    bytes.set(body);
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  };
}

/** Call before the app is ready: privileges can only be granted then. */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(appSchemePrivileges());
}

/** Call once the app is ready: answers app:// requests from `rendererRoot`. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
