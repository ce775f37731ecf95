import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { verifyText } from './identity';

/**
 * Checks many Ed25519 signatures on all cores while the caller goes on parsing: an import of a
 * territory's history checks tens of thousands. The workers run a few lines of plain JavaScript
 * (given as text, so it works from source, from the Electron bundle and inside asar alike) using
 * Node's own crypto; the caller blocks on a shared flag only when it needs the answer, so the
 * import stays one synchronous, all-or-nothing step.
 */
export interface SignatureJob {
  publicKey: string;
  text: string;
  signature: string;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
parentPort.on('message', ({ keys, jobs, flags, slot }) => {
  const keyObjects = keys.map((k) => { try { return crypto.createPublicKey({ key: Buffer.from(k, 'base64'), format: 'der', type: 'spki' }); } catch { return null; } });
  let firstBad = -1;
  for (let i = 0; i < jobs.length && firstBad < 0; i++) {
    const [keyIndex, text, signature, index] = jobs[i];
    const key = keyObjects[keyIndex];
    let good = false;
    try { good = key !== null && key.asymmetricKeyType === 'ed25519' && crypto.verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64')); } catch { good = false; }
    if (!good) firstBad = index;
  }
  const view = new Int32Array(flags);
  Atomics.store(view, slot * 2 + 1, firstBad);
  Atomics.store(view, slot * 2, 1);
  Atomics.notify(view, slot * 2);
});
`;

/** Below this many signatures, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

let pool: Worker[] | null = null;
function workers(): Worker[] {
  if (!pool) {
    const count = Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length)));
    pool = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref(); // never keeps a CLI or test process alive
      return worker;
    });
  }
  return pool;
}

export interface PendingVerification {
  /** Blocks until every signature is checked; returns the index of the first bad one, or -1. */
  firstInvalid(): number;
}

export function verifyInParallel(jobs: readonly SignatureJob[]): PendingVerification {
  if (jobs.length < PARALLEL_THRESHOLD) {
    return { firstInvalid: () => jobs.findIndex((j) => !verifyText(j.publicKey, j.text, j.signature)) };
  }
  const keys = [...new Set(jobs.map((j) => j.publicKey))];
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const pool = workers();
  const flags = new SharedArrayBuffer(pool.length * 2 * 4);
  const view = new Int32Array(flags);
  const chunk = Math.ceil(jobs.length / pool.length);
  pool.forEach((worker, slot) => {
    const part = jobs.slice(slot * chunk, (slot + 1) * chunk).map((j, i) => [keyIndex.get(j.publicKey)!, j.text, j.signature, slot * chunk + i]);
    worker.postMessage({ keys, jobs: part, flags, slot });
  });
  return {
    firstInvalid() {
      let first = -1;
      for (let slot = 0; slot < pool.length; slot++) {
        // A worker that died would never answer: give up after a minute rather than hang.
        const state = Atomics.wait(view, slot * 2, 0, 60_000);
        if (state === 'timed-out') throw new Error('Checking signatures took too long; the import was stopped and nothing was changed.');
        const bad = Atomics.load(view, slot * 2 + 1);
        if (bad >= 0 && (first < 0 || bad < first)) first = bad;
      }
      return first;
    },
  };
}
