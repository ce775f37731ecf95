/**
 * The core off the main thread (issue 13 §1): what Electron main and the browser harness call
 * instead of createCore. Two worker threads (core-worker.ts) open the same database file, each
 * with its own connection (WAL: readers never wait for the writer):
 *
 * - the LONG worker runs what takes seconds on a big territory — importing, previewing, exporting
 *   bundles, report exports, backups and restores — one at a time, with progress events and a
 *   shared cancel flag;
 * - the SHORT worker answers everything else, so a click is answered while an import runs. A write
 *   it makes during an import waits for the import's transaction (the busy timeout, then the
 *   core's own retry), as it always did between two connections.
 *
 * The short worker starts with the relay; the long one with the first long operation.
 *
 * A single worker could not do it: better-sqlite3 is synchronous, so a worker inside an import
 * answers nothing else until the import ends. Per-connection state stays per worker (the setUp
 * flag, prepared statements); the two things that are not per connection are handled here: a
 * restore closes the short worker's connection while the long worker swaps the files (and opens
 * it again afterwards), and a signing key made or completed by one worker is handed to the other.
 *
 * The CLI keeps calling createCore in its own process: it has no window to keep responsive.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../../../shared/contract-operations';
import { msg, renderMessage } from '../../../shared/core-messages';
import { err, ok, type Result } from '../../../shared/result';
import type { Locale } from '../../../shared/vocabulary';
import type { KeyStore } from '../bundles/identity';
import { CANCEL_SLOT } from './progress';
import type { FromWorker, RelayedKeys, ToWorker, WorkerCoreOptions, WorkerData, WorkerRole } from './protocol';

export type { WorkerCoreOptions } from './protocol';

/** Methods that can take seconds on a large territory: the long worker runs them, one at a time. */
export const LONG_METHODS: ReadonlySet<string> = new Set([
  'bundles:import',
  'bundles:preview',
  'bundles:inspect',
  'bundles:export',
  'exports:file',
  'reports:annual',
  'backups:make',
  'backups:preview',
  'backups:restore',
  'backups:onExit',
  'database:backup',
  'database:integrityCheck',
  'reference:previewImport',
  'reference:import',
  'enrolment:enrol',
  'enrolment:reenrol',
  'enrolment:accept',
  'territory:recover',
  // Evidence files (issue 14 §3): up to 20 MB checked, hashed and stored, or read back.
  'attachments:attach',
  'attachments:read',
]);

/** Swapping the database's files: the short worker's connection is closed meanwhile. */
const RESTORES: ReadonlySet<string> = new Set(['backups:restore']);

export interface WorkerCoreStartOptions extends WorkerCoreOptions {
  /**
   * The adapter's key store (Electron's safeStorage exists only in main): read here once and
   * given to the workers; a key they make is saved back through it. Absent: the workers keep the
   * key in the owner-only file beside the database, as the CLI does.
   */
  keyStore?: KeyStore;
  /** Where the workers' unexpected errors are written (never shown to the person). */
  log?: (message: string, error: unknown) => void;
  /** The worker's script; default: core-worker.cjs beside the bundle, or core-worker.ts through tsx. */
  workerScript?: string;
}

export interface WorkerCore {
  /** Same envelope as Core.call; never rejects. operations:cancel is answered here. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Cancels the long operation running (and any waiting): false when none is. */
  cancel(): boolean;
  /** Listens to progress events of long operations; returns the function that stops listening. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** The installation's language as of the last answer (for adapters' own sentences). */
  locale(): Locale;
  readonly dbFile: string;
  close(): Promise<void>;
}

/** Where the worker's entry is: the built core-worker.cjs beside the bundle, or the TypeScript source run through tsx (tests, the harness). */
function workerEntry(explicit?: string): { script: string; evalSource: boolean } {
  if (explicit) return { script: explicit, evalSource: false };
  return workerEntryFor(import.meta.url, './core-worker.ts', 'core-worker.cjs');
}

/**
 * A worker's entry, seen from the module at `moduleUrl` (its import.meta.url): the TypeScript
 * `source` (relative to it) run through tsx when that module is itself TypeScript (tests, the
 * harness), otherwise the `built` bundle beside the bundle that module was built into.
 */
export function workerEntryFor(moduleUrl: string, source: string, built: string): { script: string; evalSource: boolean } {
  if (/\.[mc]?ts$/.test(moduleUrl)) {
    const href = new URL(source, moduleUrl).href;
    // A worker cannot start from a .ts file: a line of JavaScript registers tsx first, then imports it.
    return { script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); });`, evalSource: true };
  }
  return { script: path.join(path.dirname(fileURLToPath(moduleUrl)), built), evalSource: false };
}

/** The key as the adapter's store gives it, for an existing database and for a new one. */
function relayedKeys(store: KeyStore): RelayedKeys {
  try {
    return { keys: store.load({ newDatabase: true }), refusedIfNew: null };
  } catch (error) {
    const refusedIfNew = error instanceof Error ? error.message : String(error);
    return { keys: store.load({ newDatabase: false }), refusedIfNew };
  }
}

interface Thread {
  role: WorkerRole;
  worker: Worker;
  pending: Map<number, (result: Result<unknown>) => void>;
  waiting: Array<(message: FromWorker) => boolean>;
  stopped: boolean;
}

export async function startWorkerCore(options: WorkerCoreStartOptions): Promise<WorkerCore> {
  const { keyStore, log: givenLog, workerScript, ...coreOptions } = options;
  const log = givenLog ?? ((message: string, error: unknown) => console.error(message, error));
  const entry = workerEntry(workerScript);
  const cancelBuffer = new SharedArrayBuffer(4);
  const cancelFlag = new Int32Array(cancelBuffer);
  const gateBuffer = new SharedArrayBuffer(4);
  const gate = new Int32Array(gateBuffer);
  const relayed = keyStore ? relayedKeys(keyStore) : undefined;
  const progressListeners = new Set<(event: ProgressEvent) => void>();
  let currentLocale: Locale = 'en';
  let nextId = 1;
  let longRunning = 0;
  const threads: Thread[] = [];

  const stoppedAnswer = () => err('internal', renderMessage(msg('operation.coreStopped'), currentLocale), { messageKey: 'operation.coreStopped', params: {} });

  function start(role: WorkerRole): Promise<Thread> {
    const data: WorkerData = { role, options: coreOptions, cancel: cancelBuffer, gate: gateBuffer, ...(relayed ? { relayedKeys: relayed } : {}) };
    const worker = new Worker(entry.script, { eval: entry.evalSource, workerData: data });
    const thread: Thread = { role, worker, pending: new Map(), waiting: [], stopped: false };
    return new Promise<Thread>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            ready = true;
            currentLocale = message.locale;
            resolve(thread);
            break;
          case 'failed':
            reject(new Error(message.message));
            break;
          case 'result': {
            currentLocale = message.locale;
            const answer = thread.pending.get(message.id);
            thread.pending.delete(message.id);
            answer?.(message.result);
            break;
          }
          case 'progress':
            for (const listener of [...progressListeners]) {
              try {
                listener(message.event);
              } catch (error) {
                log('A progress listener failed.', error);
              }
            }
            break;
          case 'keys':
            // Made or completed by this worker: kept by the adapter's store, and used by the other worker.
            try {
              keyStore?.save(message.keys);
            } catch (error) {
              log('The signing key could not be saved to the key store.', error);
            }
            for (const other of threads) if (other !== thread && !other.stopped) other.worker.postMessage({ type: 'keys', keys: message.keys } satisfies ToWorker);
            break;
          case 'log':
            log(message.message, message.error);
            break;
          default:
            break;
        }
        thread.waiting = thread.waiting.filter((wait) => !wait(message));
      });
      const stop = (error: unknown) => {
        if (thread.stopped) return;
        thread.stopped = true;
        if (!ready) reject(error instanceof Error ? error : new Error(String(error)));
        else if (error !== null) log(`The core's ${role} worker stopped.`, error);
        for (const answer of thread.pending.values()) answer(stoppedAnswer());
        thread.pending.clear();
        for (const wait of thread.waiting) wait({ type: 'closed' });
        thread.waiting = [];
      };
      worker.on('error', stop);
      worker.on('exit', (code) => stop(code === 0 ? null : new Error(`exit code ${code}`)));
    });
  }

  function next(thread: Thread, type: FromWorker['type']): Promise<FromWorker> {
    return new Promise((resolve) => {
      if (thread.stopped) return resolve({ type: 'closed' });
      thread.waiting.push((message) => {
        if (message.type !== type && message.type !== 'closed') return false;
        resolve(message);
        return true;
      });
    });
  }

  function send(thread: Thread, method: string, input: unknown): Promise<Result<unknown>> {
    if (thread.stopped) return Promise.resolve(stoppedAnswer());
    const id = nextId++;
    return new Promise((resolve) => {
      thread.pending.set(id, resolve);
      thread.worker.postMessage({ type: 'call', id, method, input } satisfies ToWorker);
    });
  }

  // One after the other: the short worker opens and migrates the database (and completes an old
  // key file) before the long one opens it, so the two never migrate or make keys at the same time.
  // The long one starts with the first long operation: most sessions (and test files) never need it.
  const short = await start('short');
  threads.push(short);
  let longStarting: Promise<Thread> | null = null;
  const longThread = () =>
    (longStarting ??= start('long').then(
      (thread) => {
        threads.push(thread);
        return thread;
      },
      (error: unknown) => {
        longStarting = null;
        throw error;
      },
    ));

  async function callLong(method: string, input: unknown): Promise<Result<unknown>> {
    longRunning += 1;
    try {
      const long = await longThread();
      if (!RESTORES.has(method)) return await send(long, method, input);
      // The short worker closes its connection and waits; the long one swaps the files and reopens.
      short.worker.postMessage({ type: 'suspend' } satisfies ToWorker);
      await next(short, 'suspended');
      try {
        return await send(long, method, input);
      } finally {
        Atomics.store(gate, 0, 1);
        Atomics.notify(gate, 0);
      }
    } finally {
      longRunning -= 1;
      if (longRunning === 0) Atomics.store(cancelFlag, CANCEL_SLOT, 0);
    }
  }

  function cancel(): boolean {
    if (longRunning === 0) return false;
    Atomics.store(cancelFlag, CANCEL_SLOT, 1);
    return true;
  }

  return {
    dbFile: path.resolve(coreOptions.dbFile),
    async call(method, input) {
      try {
        if (method === 'operations:cancel') return ok({ cancelled: cancel() });
        return await (LONG_METHODS.has(method) ? callLong(method, input) : send(short, method, input));
      } catch (error) {
        log(`Relaying ${String(method).slice(0, 80)} to the core failed.`, error);
        return stoppedAnswer();
      }
    },
    cancel,
    onProgress(listener) {
      progressListeners.add(listener);
      return () => {
        progressListeners.delete(listener);
      };
    },
    locale: () => currentLocale,
    async close() {
      // A long worker still starting is closed too, once it has.
      await longStarting?.catch(() => null);
      await Promise.all(
        threads.map(async (thread) => {
          if (thread.stopped) return;
          const closed = next(thread, 'closed');
          thread.worker.postMessage({ type: 'close' } satisfies ToWorker);
          await closed;
          // Closed on request: its exit is not a failure to log.
          thread.stopped = true;
          await thread.worker.terminate();
        }),
      );
    },
  };
}
