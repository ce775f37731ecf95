/**
 * The core in a worker thread (issue 13 §1): the entry point each of the adapter's two workers
 * runs (worker-core.ts starts them). It opens the database with createCore, exactly as the CLI
 * does in its own process, and answers the calls the parent relays, one envelope per call.
 *
 * The 'long' worker gives each call a progress reporter (ctx.progress) that posts 'progress'
 * messages — delivered by the parent's event loop even while this thread is busy — and throws
 * DomainError('cancelled') once the parent has set the shared cancel flag.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCore, type Core, defaultKeyFile } from '../create-core';
import { fileKeyStore, type IdentityKeys, type KeyStore } from '../bundles/identity';
import { installationLocale } from '../queries/installation';
import type { Locale } from '../../../shared/vocabulary';
import { progressReporter } from './progress';
import { adoptKeysMadeElsewhere } from './shared-keys';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

const port = parentPort!;
const data = workerData as WorkerData;
const post = (message: FromWorker) => port.postMessage(message);
const cancelFlag = new Int32Array(data.cancel);
const gate = new Int32Array(data.gate);

/** The store the keys are kept in, telling the parent (and so the other worker) when it saves. */
function keyStoreFor(): { store: KeyStore; adopt(keys: IdentityKeys): void } {
  const relayed = data.relayedKeys;
  let known: IdentityKeys | null = relayed ? relayed.keys : null;
  const inner: KeyStore = relayed
    ? {
        load(context) {
          if (context?.newDatabase && relayed.refusedIfNew !== null) throw new Error(relayed.refusedIfNew);
          return known;
        },
        save(keys) {
          known = keys;
        },
      }
    : fileKeyStore(defaultKeyFile(data.options.dbFile));
  return {
    store: {
      load: (context) => inner.load(context),
      save(keys) {
        inner.save(keys);
        post({ type: 'keys', keys });
      },
    },
    adopt(keys) {
      known = keys;
    },
  };
}

function open(): Core {
  const { clockOffsetMs, ...options } = data.options;
  const keys = keyStoreFor();
  const core = createCore({
    ...options,
    ...(clockOffsetMs !== undefined ? { clock: { now: () => new Date(Date.now() + clockOffsetMs).toISOString() } } : {}),
    keyStore: keys.store,
    log: (message, error) => post({ type: 'log', message, error: error === null || error === undefined ? null : error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  });
  keyStore = keys.store;
  adoptKeys = (k) => {
    keys.adopt(k);
    Object.assign(core.context.keys, { publicKey: k.publicKey, privateKey: k.privateKey, encryptionPublicKey: k.encryptionPublicKey ?? null, encryptionPrivateKey: k.encryptionPrivateKey ?? null });
  };
  return core;
}

let adoptKeys: (keys: IdentityKeys) => void = () => {};
let keyStore: KeyStore;
let core: Core;
try {
  core = open();
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? null) : null });
  port.close();
  throw error;
}

function locale(): Locale {
  try {
    return installationLocale(core.context.sqlite);
  } catch {
    return 'en';
  }
}

async function answer(id: number, method: string, input: unknown): Promise<void> {
  // Set up through the other worker (or another connection) since this one opened: its keys.
  adoptKeysMadeElsewhere(core.context, keyStore);
  if (data.role === 'long') core.context.progress = progressReporter(method, (event) => post({ type: 'progress', event }), cancelFlag);
  try {
    const result = await core.call(method, input);
    post({ type: 'result', id, result, locale: locale() });
  } finally {
    core.context.progress = undefined;
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call':
      void answer(message.id, message.method, message.input);
      return;
    case 'keys':
      adoptKeys(message.keys);
      return;
    case 'suspend':
      // The other worker restores a backup: this connection is closed while the files are swapped
      // (Windows cannot replace an open file), and opened again once the parent opens the gate.
      core.context.reopenAfter!(() => {
        post({ type: 'suspended' });
        Atomics.wait(gate, 0, 0);
        Atomics.store(gate, 0, 0);
      });
      return;
    case 'close':
      core.close();
      post({ type: 'closed' });
      port.close();
      return;
  }
});

post({ type: 'ready', locale: locale() });
