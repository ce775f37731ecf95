#!/usr/bin/env -S npx tsx
/**
 * The browser harness: `npm run preview -- --db FILE [--port N]`.
 *
 * Builds the renderer (or reuses a build newer than its sources), serves it on 127.0.0.1 only, and
 * answers window.api over loopback HTTP with the real core (createCore), so the app can be shown
 * and tested end to end on machines without an Electron runtime.
 *
 * Why it is safe enough to leave running: it listens on loopback only; it refuses a Host or
 * Origin that is not its own (DNS rebinding, other local sites); every API call must carry a
 * random token written into the page at start, which other origins cannot read; bodies are
 * capped; the page gets the same Content-Security-Policy as the desktop app.
 */
import { defaultDatabaseFile } from '../electron/cli/default-db-path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../electron/main/app-protocol';
import { createCore, type Core } from '../electron/core/create-core';
import type { Clock } from '../electron/core/clock';
import { contract, isMethodName } from '../shared/contract';
import { err, type Result } from '../shared/result';
import { API_PATH, DATA_CHANGED_HEADER, TOKEN_HEADER, TOKEN_META_NAME } from '../renderer/api/http-bridge';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RENDERER_ROOT = path.join(projectRoot, 'dist', 'renderer');
/** Sources whose change makes a renderer build stale. */
const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts'].map((p) => path.join(projectRoot, p));

/** The largest request body accepted: a plan's longest text is 10,000 characters. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_PORT = 5178;

export interface PreviewServerOptions {
  dbFile: string;
  /** 0 picks a free port. */
  port?: number;
  /** 'auto' rebuilds only when a source is newer than the build. */
  build?: 'auto' | 'always' | 'never';
  /** An injected clock (end-to-end tests pin "today"); the system clock otherwise. */
  clock?: Clock;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  token: string;
  core: Core;
  close(): Promise<void>;
}

// ------------------------------------------------------------------------------------------------
// Building the renderer.

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function rendererBuildIsFresh(): boolean {
  const built = fs.statSync(path.join(RENDERER_ROOT, 'index.html'), { throwIfNoEntry: false });
  if (!built) return false;
  return RENDERER_SOURCES.every((source) => newestMtime(source) <= built.mtimeMs);
}

export async function buildRenderer(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  log(`Built the renderer into ${path.relative(projectRoot, RENDERER_ROOT)} in ${Date.now() - started} ms.`);
}

// ------------------------------------------------------------------------------------------------
// Serving it.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

/** The built file a URL path names, or null when it would leave the build folder. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(path.resolve(root) + path.sep)) return null;
  if (relative.split('/').some((segment) => segment.startsWith('.'))) return null;
  return absolute;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too_large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const buildMode = options.build ?? 'auto';
  if (buildMode === 'always' || (buildMode === 'auto' && !rendererBuildIsFresh())) await buildRenderer(log);
  const indexFile = path.join(RENDERER_ROOT, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`The renderer has not been built: ${indexFile} is missing.`);

  const token = crypto.randomBytes(32).toString('base64url');
  const indexHtml = fs
    .readFileSync(indexFile, 'utf8')
    .replace(/<head>/i, `<head>\n    <meta name="${TOKEN_META_NAME}" content="${token}">`);

  const core = createCore({ dbFile: options.dbFile, ...(options.clock ? { clock: options.clock } : {}) });
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('The preview server failed to answer a request.', error);
      if (!res.headersSent) sendJson(res, 500, err('internal', 'The preview server failed to answer this request.'));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 arrives with its own Host.
    if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This preview server only answers on its own loopback address.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === `/${API_PATH}`) return handleApi(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders() });
      res.end();
      return;
    }
    const file = url.pathname === '/' || url.pathname === '/index.html' ? indexFile : resolveStaticPath(RENDERER_ROOT, url.pathname);
    if (file === indexFile) {
      res.writeHead(200, { ...securityHeaders(), 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : indexHtml);
      return;
    }
    const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile()) {
      res.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found.');
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(stat.size),
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, err('invalid_input', 'The planner API only answers POST requests.'), { Allow: 'POST' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
      sendJson(res, 403, err('forbidden', 'Requests from other sites are refused.'));
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      sendJson(res, 403, err('forbidden', 'Requests from other sites are refused.'));
      return;
    }
    const given = req.headers[TOKEN_HEADER.toLowerCase()];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      sendJson(res, 403, err('forbidden', 'This request does not carry the preview server\'s token; reload the page from the address the server printed.'));
      return;
    }
    if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(res, 415, err('invalid_input', 'The planner API only accepts JSON.'));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large') {
      sendJson(res, 413, err('invalid_input', `The request is too large: at most ${MAX_BODY_BYTES / 1024} KB.`), { Connection: 'close' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, err('invalid_input', 'The request is not valid JSON.'));
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { method?: unknown }).method !== 'string') {
      sendJson(res, 400, err('invalid_input', 'The request must name a method.'));
      return;
    }
    const { method, input } = parsed as { method: string; input?: unknown };
    const result = await core.call(method, input ?? {});
    const changed = result.ok && isMethodName(method) && contract[method].writes;
    sendJson(res, 200, result, changed ? { [DATA_CHANGED_HEADER]: '1' } : {});
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          core.close();
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      }),
  };
}

// ------------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv: string[]): { dbFile: string; port: number; rebuild: boolean } {
  let dbFile: string | undefined;
  let port = DEFAULT_PORT;
  let rebuild = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') dbFile = argv[++i];
    // `npm start` falls back to the preview on the desktop app's own database.
    else if (arg === '--app-db') dbFile = defaultDatabaseFile();
    else if (arg === '--port') port = Number(argv[++i]);
    else if (arg === '--rebuild') rebuild = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run preview -- (--db FILE | --app-db) [--port N] [--rebuild]');
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}. Usage: npm run preview -- --db FILE [--port N] [--rebuild]`);
  }
  if (!dbFile) throw new Error('Name the database: npm run preview -- --db FILE [--port N]');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('The port must be a whole number from 0 to 65535.');
  return { dbFile: path.resolve(dbFile), port, rebuild };
}

const isEntryPoint = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isEntryPoint) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const server = await startPreviewServer({ dbFile: args.dbFile, port: args.port, build: args.rebuild ? 'always' : 'auto' });
    console.log(`Community Safety Planner preview (database ${args.dbFile}):`);
    console.log(`  ${server.url}`);
    console.log('Press Ctrl+C to stop.');
    const stop = () => {
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
