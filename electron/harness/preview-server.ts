/**
 * The browser harness (started by `npm run preview -- --db FILE [--port N]`, scripts/preview.ts),
 * the third adapter over createCore after Electron main and the CLI.
 *
 * Builds the renderer (or reuses a build newer than its sources), serves it on 127.0.0.1 only, and
 * answers window.api over loopback HTTP with the real core (createCore), so the app can be shown
 * and tested end to end on machines without an Electron runtime. Calls take the same dispatch step
 * as Electron main's (electron/core/dispatch.ts).
 *
 * Why it is safe enough to leave running: it listens on loopback only; it refuses a Host or
 * Origin that is not its own (DNS rebinding, other local sites); only the person who started it
 * can sign in, through the one-time address it prints in its terminal, and every API call must
 * carry the session cookie that address gave (preview-session.ts) — nothing secret is
 * served to a plain GET, which any local user could make; bodies are capped; the page gets the
 * same Content-Security-Policy as the desktop app.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createCore, type Core, defaultKeyFile } from '../core/create-core';
import { fileKeyStore } from '../core/bundles/identity';
import { adoptKeysMadeElsewhere } from '../core/worker/shared-keys';
import { startWorkerCore, type WorkerCore } from '../core/worker/worker-core';
import type { ProgressEvent } from '../../shared/contract-operations';
import { demoDatabaseFile, openDemoDatabase } from '../demo/demo-database';
import { startDemoSeeding } from '../demo/demo-seeding';
import type { JobRun } from '../core/worker/job-worker';
import { installationLocale } from '../core/queries/installation';
import { msg, renderMessage } from '../../shared/core-messages';
import type { Clock } from '../core/changelog/clock';
import { dispatch, type DispatchSteps } from '../core/dispatch';
import { err, ok, type Result } from '../../shared/result';
import { safeBundleFileName } from '../../shared/bundle-file-name';
import { API_PATH, DATA_CHANGED_HEADER, DOWNLOAD_PATH, EVENTS_PATH, FILE_NAME_HEADER, HARNESS_META_NAME, UPLOAD_PATH } from '../../shared/routes';
import { buildRenderer, RENDERER_ROOT, rendererBuildIsFresh } from './preview-build';
import { contentTypeFor, loopbackSecurityHeaders as securityHeaders } from '../../shared/security-headers';
import { readBody, resolveStaticPath, sendJson } from './preview-http';
import { createPreviewSession, type PreviewSession, TICKET_PARAM } from './preview-session';

export { buildRenderer, RENDERER_ROOT, rendererBuildIsFresh } from './preview-build';
export { resolveStaticPath } from './preview-http';


/** The largest request body accepted: a plan's longest text is 10,000 characters. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_PORT = 5178;
/** The largest plan bundle the harness accepts as an upload. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export interface PreviewServerOptions {
  dbFile: string;
  /** 0 picks a free port. */
  port?: number;
  /** 'auto' rebuilds only when a source is newer than the build. */
  build?: 'auto' | 'always' | 'never';
  /** An injected clock (end-to-end tests pin "today"); the system clock otherwise. */
  clock?: Clock;
  /** The demo's database (demo:open); default: demo.<name> beside dbFile. */
  demoDbFile?: string;
  /**
   * 'worker' (default): the page's calls go through the core's worker threads, as in the desktop
   * app (electron/core/worker), with progress pushed to the page; 'process': answered by the
   * in-process core on the harness's own thread.
   */
  coreIn?: 'worker' | 'process';
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** The base address; a browser must first open an address from openingUrl() to be let in. */
  url: string;
  port: number;
  /** A new one-time address that signs in the browser that opens it (print it only to whoever started the harness). */
  openingUrl(): string;
  /**
   * The core answering now, in the harness's process: the real database's, or the demo's while the
   * demo is open (tests and benchmarks call it directly; the page's calls go through the workers,
   * another connection to the same file).
   */
  readonly core: Core;
  /**
   * The per-run folder for plan bundles (uploads/ and exports/): a browser cannot show native
   * file dialogs, so bundles are uploaded into it and exported bundles are written there and
   * downloaded. Every bundle path the page uses must be inside it. Removed on close.
   */
  filesDir: string;
  close(): Promise<void>;
}


export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const buildMode = options.build ?? 'auto';
  if (buildMode === 'always' || (buildMode === 'auto' && !rendererBuildIsFresh())) await buildRenderer(log);
  const indexFile = path.join(RENDERER_ROOT, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`The renderer has not been built: ${indexFile} is missing.`);

  // Tells the page to reach the core over HTTP; not a secret (the session cookie is).
  const indexHtml = fs.readFileSync(indexFile, 'utf8').replace(/<head>/i, `<head>\n    <meta name="${HARNESS_META_NAME}" content="http">`);

  const realCore = createCore({ dbFile: options.dbFile, ...(options.clock ? { clock: options.clock } : {}) });
  // The demo is its own database beside the real one (demo:open / demo:leave switch which one answers).
  const demoFile = options.demoDbFile ?? demoDatabaseFile(options.dbFile);
  let demoCore: Core | null = null;
  let core: Core = realCore;
  // The page's calls: through the worker threads (a relay per database), the injected clock as an offset.
  const clockOffsetMs = options.clock ? Date.parse(options.clock.now()) - Date.now() : undefined;
  const progressStreams = new Set<http.ServerResponse>();
  const pushProgress = (event: ProgressEvent) => {
    const frame = `event: progress\ndata: ${JSON.stringify(event)}\n\n`;
    for (const stream of progressStreams) stream.write(frame);
  };
  const startRelay = async (dbFile: string): Promise<WorkerCore | null> => {
    if ((options.coreIn ?? 'worker') !== 'worker') return null;
    const relay = await startWorkerCore({ dbFile, ...(clockOffsetMs !== undefined ? { clockOffsetMs } : {}), log: (message, error) => console.error(message, error) });
    relay.onProgress(pushProgress);
    return relay;
  };
  let realRelay: WorkerCore | null;
  try {
    realRelay = await startRelay(options.dbFile);
  } catch (error) {
    realCore.close();
    throw error;
  }
  let demoRelay: WorkerCore | null = null;
  /** The demo's seeding while it runs (demo:open the first time), and the opening it belongs to. */
  let demoSeedRun: JobRun | null = null;
  let demoSeeding: Promise<Result<null>> | null = null;
  const demoToday = () => (options.clock ?? { now: () => new Date().toISOString() }).now().slice(0, 10);
  let relay: WorkerCore | null = realRelay;
  /** The in-process core of a database set up through the page (territory:start in a worker): its keys. */
  const withKeys = (c: Core): Core => {
    adoptKeysMadeElsewhere(c.context, fileKeyStore(defaultKeyFile(c.dbFile)));
    return c;
  };
  const filesDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'csp-preview-bundles-')));
  const uploadsDir = path.join(filesDir, 'uploads');
  const exportsDir = path.join(filesDir, 'exports');
  fs.mkdirSync(uploadsDir, { mode: 0o700 });
  fs.mkdirSync(exportsDir, { mode: 0o700 });
  let allowedHosts = new Set<string>();
  // Set with allowedHosts once the port is known; no request is answered before.
  let session: PreviewSession | undefined;

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
    const ticket = url.searchParams.get(TICKET_PARAM);
    if (url.pathname === '/' && ticket !== null && req.method === 'GET') return session!.answerTicket(ticket, res, securityHeaders());
    if (url.pathname === `/${API_PATH}`) return handleApi(req, res);
    if (url.pathname === `/${EVENTS_PATH}`) return handleEvents(req, res);
    if (url.pathname === `/${UPLOAD_PATH}`) return handleUpload(req, res);
    if (url.pathname === `/${DOWNLOAD_PATH}`) return handleDownload(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders() });
      res.end();
      return;
    }
    const file = url.pathname === '/' || url.pathname === '/index.html' ? indexFile : resolveStaticPath(RENDERER_ROOT, url.pathname);
    if (file === indexFile && !session!.isSignedIn(req)) {
      res.writeHead(403, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : 'Open the planner preview with the one-time address printed in the terminal that started it. If that address was already used, stop the preview (Ctrl+C) and start it again.');
      return;
    }
    if (file === indexFile) {
      res.writeHead(200, { ...securityHeaders(), 'Content-Type': contentTypeFor(indexFile), 'Cache-Control': 'no-store' });
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
      'Content-Type': contentTypeFor(file),
      'Content-Length': String(stat.size),
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  /** Same origin, same site, and the session cookie: false (and answered) when any is missing. */
  function requestIsOurs(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '').toLowerCase())) {
      sendJson(res, 403, err('forbidden', 'Requests from other sites are refused.'));
      return false;
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      sendJson(res, 403, err('forbidden', 'Requests from other sites are refused.'));
      return false;
    }
    if (!session!.isSignedIn(req)) {
      sendJson(res, 403, err('forbidden', 'This request does not carry the preview\'s session; open the planner with the one-time address the preview printed in its terminal.'));
      return false;
    }
    return true;
  }

  /** The request uses the one HTTP method its path answers and comes from this page: false (and answered) otherwise. */
  function acceptRequest(req: http.IncomingMessage, res: http.ServerResponse, method: 'GET' | 'POST', wrongMethod: string): boolean {
    if (req.method !== method) {
      sendJson(res, 405, err('invalid_input', wrongMethod), { Allow: method });
      return false;
    }
    return requestIsOurs(req, res);
  }

  /** POST /files/upload: the body is a plan bundle, saved under uploads/; answers its path. */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!acceptRequest(req, res, 'POST', 'Uploads must be POST requests.')) return;
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
      req.resume();
      sendJson(res, 413, err('invalid_input', `This file is too large to be a plan bundle: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`), { Connection: 'close' });
      return;
    }
    let name = 'bundle.planbundle';
    try {
      name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER.toLowerCase()] ?? name));
    } catch {
      // keep the default name
    }
    // Each upload in its own folder, so the file keeps the name the person knows it by.
    const folder = path.join(uploadsDir, crypto.randomBytes(8).toString('hex'));
    fs.mkdirSync(folder, { mode: 0o700 });
    const target = path.join(folder, safeBundleFileName(name));
    let size = 0;
    let tooLarge = false;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) {
          tooLarge = true;
          callback(new Error('too large'));
        } else callback(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      fs.rmSync(target, { force: true });
      if (tooLarge) {
        sendJson(res, 413, err('invalid_input', `This file is too large to be a plan bundle: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`), { Connection: 'close' });
        return;
      }
      throw error;
    }
    sendJson(res, 200, { ok: true, value: { file: target } });
  }

  /** GET /files/download?file=PATH: an exported bundle, only from inside the per-run folder. */
  function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!acceptRequest(req, res, 'GET', 'Downloads must be GET requests.')) return;
    const file = insideFilesDir(url.searchParams.get('file') ?? '');
    const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile()) {
      sendJson(res, 404, err('not_found', 'That bundle is not among the files of this preview.'));
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(stat.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  }

  /** The real path of `file` when it lies inside the per-run folder, else null (the path guard). */
  function insideFilesDir(file: string): string | null {
    if (typeof file !== 'string' || file === '' || file.includes('\0') || !path.isAbsolute(file)) return null;
    const resolved = path.resolve(file);
    if (!resolved.startsWith(filesDir + path.sep)) return null;
    // A link inside the folder must not lead out of it.
    let real: string;
    try {
      real = fs.existsSync(resolved) ? fs.realpathSync(resolved) : path.join(fs.realpathSync(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return null;
    }
    return real.startsWith(filesDir + path.sep) ? real : null;
  }

  /** Methods the harness answers as an adapter (like Electron main's dialogs), before the core. */
  const adapterMethods: DispatchSteps<void>['adapterMethods'] = {
    'files:chooseBundleToOpen': () => err('invalid_input', 'The browser preview cannot show a file dialog: upload the bundle instead.'),
    'files:chooseBundleDestination': (input) => {
      const suggested = (input as { suggestedName?: unknown } | null)?.suggestedName;
      const name = safeBundleFileName(typeof suggested === 'string' ? suggested : 'bundle.planbundle');
      let target = path.join(exportsDir, name);
      for (let n = 2; fs.existsSync(target); n++) target = path.join(exportsDir, name.replace(/\.planbundle$/i, `-${n}.planbundle`));
      return { ok: true, value: { file: target } };
    },
    // The browser downloads what the harness writes: its one destination is its own folder.
    'files:bundleDestinations': (input) => {
      const suggested = (input as { suggestedName?: unknown } | null)?.suggestedName;
      const name = safeBundleFileName(typeof suggested === 'string' ? suggested : 'bundle.planbundle');
      let target = path.join(exportsDir, name);
      for (let n = 2; fs.existsSync(target); n++) target = path.join(exportsDir, name.replace(/\.planbundle$/i, `-${n}.planbundle`));
      return { ok: true, value: { destinations: [{ kind: 'preview', name: path.basename(exportsDir), folder: exportsDir, file: target }] } };
    },
    'demo:open': async () => {
      if (!demoCore) {
        const seeded = await (demoSeeding ??= seedDemoOffThread().finally(() => (demoSeeding = null)));
        if (!seeded.ok) return seeded;
        demoCore ??= openDemoDatabase(demoFile, demoToday(), options.clock ? { clock: options.clock } : {});
      }
      if (realRelay !== null) demoRelay ??= await startRelay(demoFile);
      core = demoCore;
      relay = demoRelay;
      return { ok: true, value: { demo: true } };
    },
    // Stop while the demo is being made stops the seeding; otherwise the core's long operation.
    'operations:cancel': (input) => (demoSeedRun ? ok({ cancelled: demoSeedRun.cancel() }) : guardedCore.call('operations:cancel', input)),
    'demo:leave': () => {
      core = realCore;
      relay = realRelay;
      return { ok: true, value: { demo: false } };
    },
  };

  /**
   * The demo's territory made the first time demo:open is chosen: in a worker thread of its own
   * with 'seed' progress pushed to the page and Stop (issue 13 §1), as in the desktop app; a
   * cancelled or failed seeding leaves no file. With coreIn 'process', openDemoDatabase seeds it
   * on this thread instead. A demo database that exists already (the end-to-end tests' cached
   * one) is simply opened.
   */
  async function seedDemoOffThread(): Promise<Result<null>> {
    if (realRelay === null || fs.existsSync(demoFile)) return ok(null);
    const run = startDemoSeeding({ dbFile: demoFile, now: demoToday() }, pushProgress);
    demoSeedRun = run;
    const seeded = await run.finished.finally(() => (demoSeedRun = null));
    const locale = installationLocale(realCore.context.sqlite);
    if (seeded.outcome === 'cancelled') return err('cancelled', renderMessage(msg('operation.cancelled'), locale), { messageKey: 'operation.cancelled', params: {} });
    if (seeded.outcome === 'failed') {
      console.error('The demo database could not be made.', seeded.error);
      return err('internal', renderMessage(msg('demo.seedFailed'), locale), { messageKey: 'demo.seedFailed', params: {} });
    }
    return ok(null);
  }

  /** The core, behind the harness's path guard: bundle files named by the page must be inside the per-run folder. */
  const guardedCore: Pick<Core, 'call'> = {
    call(method, input) {
      const file = (method.startsWith('bundles:') || method.startsWith('enrolment:') || method.startsWith('territory:')) && input !== null && typeof input === 'object' && 'file' in input ? (input as { file: unknown }).file : undefined;
      if (typeof file === 'string' && insideFilesDir(file) === null) {
        return Promise.resolve(err('forbidden', 'The browser preview only reads and writes plan bundles and enrolment files in its own folder: upload the file, or write it here and download it.'));
      }
      if (relay === null) return core.call(method, input);
      const inProcess = core;
      return relay.call(method, input).then((result) => {
        // A backup restored by the worker swapped the files: the in-process connection opens them again.
        if (result.ok && method === 'backups:restore') inProcess.context.reopenAfter?.(() => {});
        return result;
      });
    },
  };

  /** GET /api/events: Server-Sent Events (progress of long operations) for the signed-in page. */
  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!acceptRequest(req, res, 'GET', 'The planner\'s events are read with GET requests.')) return;
    res.writeHead(200, { ...securityHeaders(), 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    progressStreams.add(res);
    req.on('close', () => progressStreams.delete(res));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!acceptRequest(req, res, 'POST', 'The planner API only answers POST requests.')) return;
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
    // The page cannot be pushed events: a changing call is marked, and the page raises data:changed.
    let changed = false;
    const logError = (message: string, error: unknown) => console.error(message, error);
    const result = await dispatch(guardedCore, { adapterMethods, afterWrite: () => (changed = true), logError }, method, input ?? {}, undefined);
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
  const url = `http://127.0.0.1:${port}/`;
  session = createPreviewSession(url, port);
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    url,
    port,
    openingUrl: session.openingUrl,
    get core() {
      return withKeys(core);
    },
    filesDir,
    close: () =>
      new Promise<void>((resolve) => {
        // A demo still being made is stopped: it leaves no file.
        demoSeedRun?.cancel();
        server.close(() => {
          realCore.close();
          demoCore?.close();
          void Promise.all([realRelay?.close(), demoRelay?.close()]).finally(() => {
            fs.rmSync(filesDir, { recursive: true, force: true });
            resolve();
          });
        });
        for (const stream of progressStreams) stream.end();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
