import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { changesetText, STORED_BODY_FORMAT, storedChangesetBody } from '../../../db/changeset-text';
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
const zlib = require('node:zlib');
parentPort.on('message', (message) => {
  if (message.kind === 'deflate') return deflate(message);
  if (message.kind === 'gzip') return gzip(message);
  if (message.kind === 'lines') return lines(message);
  verify(message);
});
// A bundle's changeset lines (bundle-format.ts bundleLines, byte for byte), each followed by a newline, as UTF-8.
function lines({ call, bodies, signatures, options, port, states, slot }) {
  const out = answerPort(call, port);
  const view = new Int32Array(states);
  if (Atomics.compareExchange(view, slot, 0, 1) !== 0) return;
  const dictionary = Buffer.from(options.dictionary);
  let bytes = null;
  try {
    let text = '';
    bodies.forEach((b, i) => {
      const body = zlib.inflateRawSync(b.subarray(1), { windowBits: options.windowBits, dictionary }).toString('utf8');
      text += JSON.stringify({ type: 'changeset', body, signature: signatures[i] }) + '\\n';
    });
    bytes = Buffer.from(text, 'utf8');
  } catch { bytes = null; }
  if (bytes && out) out.postMessage({ slot, bytes });
  Atomics.store(view, slot, bytes && out ? 2 : 4);
  Atomics.notify(view, slot);
}
function gzip({ part, level, port, states, slot }) {
  const view = new Int32Array(states);
  // Taken by the caller meanwhile: nothing to do (the port is closed with the call).
  if (Atomics.compareExchange(view, slot, 0, 1) !== 0) return port.close();
  let bytes = null;
  try { bytes = zlib.gzipSync(part, { level }); } catch { bytes = null; }
  if (bytes) port.postMessage(bytes);
  port.close();
  Atomics.store(view, slot, bytes ? 2 : 4);
  Atomics.notify(view, slot);
}
// Each call's port comes with its first job to this worker; its later jobs answer on it (a few calls kept).
const answerPorts = new Map();
function answerPort(call, port) {
  if (port) {
    answerPorts.set(call, port);
    if (answerPorts.size > 8) answerPorts.delete(answerPorts.keys().next().value);
  }
  return answerPorts.get(call);
}
function deflate({ call, texts, first, format, options, port, flags, slot }) {
  const out = answerPort(call, port);
  const view = new Int32Array(flags);
  // Taken by the caller meanwhile (it needed these before they were done here), or the call is over: nothing to do.
  if (Atomics.compareExchange(view, slot, 0, 1) !== 0) return;
  const parts = texts.map((text) => zlib.deflateRawSync(Buffer.from(text, 'utf8'), { windowBits: options.windowBits, memLevel: options.memLevel, dictionary: Buffer.from(options.dictionary) }));
  const lengths = new Int32Array(parts.length);
  let total = 0;
  parts.forEach((part, i) => { lengths[i] = part.length + 1; total += part.length + 1; });
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) { bytes[at] = format; bytes.set(part, at + 1); at += part.length + 1; }
  if (out) out.postMessage({ first, lengths, bytes }, [lengths.buffer, bytes.buffer]);
  Atomics.store(view, slot, out ? 2 : 4);
  Atomics.notify(view, slot);
}
function verify({ keys, jobs, flags, slot }) {
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
}
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

/**
 * Starts the worker pool ahead of a large import (`count` changesets), so that its threads have
 * started by the time the import's bodies are deflated there: a cold pool left the first thousand
 * or so to this thread. Nothing when the import is too small to use the pool.
 */
export function warmWorkers(count: number): void {
  if (count >= PARALLEL_THRESHOLD) workers();
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

/** Numbers each deflate or lines call, so a worker answers each job on its own call's port. */
let nextCall = 1;

/** Texts per deflate job: small enough that the first are ready almost at once. */
const DEFLATE_CHUNK = 200;

export interface PendingBodies {
  /** The stored form of text `index` (db/changeset-text.ts storedChangesetBody): from another core when ready, else made here. */
  stored(index: number): Buffer;
  /** Lets go of the channels (results still in flight are dropped). */
  close(): void;
}

/**
 * Deflates the signed texts an import is about to store on other cores (the same worker pool),
 * in the order they will be asked for, while this thread goes on storing and applying. Nothing
 * ever waits on a worker: a job no worker has started when one of its bodies is needed is taken
 * back and done here (a shared state per job, so none is done twice), and a body whose job is
 * under way is deflated here too, so a busy or missing worker costs only the time it would have
 * cost anyway. Jobs not started when the import ends are dropped. The bytes are the same
 * either way (the same zlib and parameters; test/sync/parallel-bodies.test.ts).
 */
export function deflateInParallel(texts: readonly string[]): PendingBodies {
  if (texts.length < PARALLEL_THRESHOLD) return { stored: (i) => storedChangesetBody(texts[i]!), close: () => {} };
  const pool = workers();
  const chunks = Math.ceil(texts.length / DEFLATE_CHUNK);
  const flags = new SharedArrayBuffer(chunks * 4);
  const view = new Int32Array(flags);
  const call = nextCall++;
  const channels = pool.map(() => new MessageChannel());
  for (const { port1 } of channels) port1.unref();
  const options = { windowBits: STORED_BODY_FORMAT.windowBits, memLevel: STORED_BODY_FORMAT.memLevel, dictionary: new Uint8Array(STORED_BODY_FORMAT.dictionary) };
  for (let chunk = 0; chunk < chunks; chunk++) {
    const w = chunk % pool.length;
    const first = chunk * DEFLATE_CHUNK;
    const port = chunk < pool.length ? channels[w]!.port2 : undefined;
    pool[w]!.postMessage(
      { kind: 'deflate', call, texts: texts.slice(first, first + DEFLATE_CHUNK), first, format: STORED_BODY_FORMAT.format, options, port: port ?? null, flags, slot: chunk },
      port ? [port] : [],
    );
  }
  // Ports go with a worker's first job; its later jobs answer on the port it already holds.
  const ready = new Map<number, Buffer>();
  const received = new Set<number>();
  // Per job: 0 waiting, 1 being done by its worker, 2 done and sent, 3 taken by this thread (the worker skips it), 4 not sent.
  const take = (chunk: number) => {
    if (received.has(chunk)) return;
    // A job no worker has started is taken here whole: never done twice.
    if (Atomics.compareExchange(view, chunk, 0, 3) === 0 || Atomics.load(view, chunk) !== 2) return;
    const port = channels[chunk % pool.length]!.port1;
    // A worker answers its jobs in order: read its port up to this chunk.
    for (;;) {
      const message = receiveMessageOnPort(port)?.message as { first: number; lengths: Int32Array; bytes: Uint8Array } | undefined;
      if (!message) return;
      const done = message.first / DEFLATE_CHUNK;
      received.add(done);
      let at = 0;
      const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
      message.lengths.forEach((length, i) => {
        ready.set(message.first + i, bytes.subarray(at, at + length));
        at += length;
      });
      if (done === chunk) return;
    }
  };
  return {
    stored(index) {
      take(Math.floor(index / DEFLATE_CHUNK));
      const made = ready.get(index);
      if (made === undefined) return storedChangesetBody(texts[index]!);
      ready.delete(index);
      return made;
    },
    close() {
      // Jobs not started are taken back, so no worker spends time on a finished (or failed) import.
      for (let chunk = 0; chunk < chunks; chunk++) Atomics.compareExchange(view, chunk, 0, 3);
      for (const { port1 } of channels) port1.close();
      ready.clear();
    },
  };
}

/** Below this many bytes a payload is compressed here, in one piece. */
const GZIP_PARALLEL_BYTES = 1 << 20;

/**
 * `gzipSync(payload, { level })`'s content, compressed on every core at once: the payload cut in
 * one part per worker plus one, each part its own gzip member, the members one after the other
 * (RFC 1952 §2.2: a gzip file is a series of members; gunzip, Node's zlib and every planner read
 * them as one stream). This thread compresses the first part, then any part no worker has started
 * (a shared state per part, so none is done twice and nothing waits on a busy worker); a worker
 * that fails leaves its part to this thread. The same bytes come out of gunzip either way.
 */
export function gzipInParallel(payload: Buffer, level: number): Buffer {
  if (payload.length < GZIP_PARALLEL_BYTES) return gzipSync(payload, { level });
  const pool = workers();
  const parts = pool.length + 1;
  const size = Math.ceil(payload.length / parts);
  const part = (i: number) => payload.subarray(i * size, (i + 1) * size);
  // Per part: 0 waiting, 1 being done by its worker, 2 done and sent, 3 taken by this thread, 4 failed there.
  const states = new SharedArrayBuffer(parts * 4);
  const view = new Int32Array(states);
  const channels = pool.map(() => new MessageChannel());
  pool.forEach((worker, w) => {
    const slot = w + 1;
    // A copy of the part alone, moved (not a view of the whole payload, which would copy all of it).
    const bytes = new Uint8Array(part(slot));
    worker.postMessage({ kind: 'gzip', part: bytes, level, port: channels[w]!.port2, states, slot }, [bytes.buffer, channels[w]!.port2]);
  });
  const members: Buffer[] = [gzipSync(part(0), { level })];
  try {
    for (let slot = 1; slot < parts; slot++) {
      if (Atomics.compareExchange(view, slot, 0, 3) === 0) {
        members.push(gzipSync(part(slot), { level }));
        continue;
      }
      while (Atomics.load(view, slot) === 1) {
        if (Atomics.wait(view, slot, 1, 60_000) === 'timed-out') throw new Error('Compressing the bundle took too long; nothing was written.');
      }
      const sent = Atomics.load(view, slot) === 2 ? (receiveMessageOnPort(channels[slot - 1]!.port1)?.message as Uint8Array | undefined) : undefined;
      members.push(sent ? Buffer.from(sent.buffer, sent.byteOffset, sent.byteLength) : gzipSync(part(slot), { level }));
    }
  } finally {
    for (const { port1 } of channels) port1.close();
  }
  return Buffer.concat(members);
}

/** Stored bodies per lines job. */
const LINES_CHUNK = 250;

/** One changeset's bundle line, as bundle-format.ts bundleLines writes it (the workers above write the same). */
export function changesetLine(body: string, signature: string): string {
  return JSON.stringify({ type: 'changeset', body, signature });
}

/**
 * The changeset lines of a bundle (bundleLines' lines for these changesets, each followed by a
 * newline) as UTF-8 bytes, made from their stored bodies on every core: each job inflates its
 * bodies, writes their lines and encodes them where it runs, so the export's own thread only puts
 * the parts together (a shared state per job: the workers take jobs from the front, this thread
 * from the back, each job once, so nothing waits on a busy worker). Bodies stored as text (before
 * migration 0006) are read here as they are. A body that does not inflate fails here as reading
 * it would (the worker that met it leaves its job to this thread). The bytes equal Buffer.from(lines.join('\n') + '\n') exactly
 * (test/sync/import-fast-paths.test.ts).
 */
export function changesetLineBytes(changesets: ReadonlyArray<{ body: Buffer | string; signature: string }>): Buffer {
  const here = (list: ReadonlyArray<{ body: Buffer | string; signature: string }>) =>
    Buffer.from(list.map((c) => `${changesetLine(changesetText(c.body), c.signature)}\n`).join(''), 'utf8');
  if (changesets.length < PARALLEL_THRESHOLD || !changesets.every((c) => typeof c.body !== 'string' && c.body[0] === STORED_BODY_FORMAT.format)) return here(changesets);
  const pool = workers();
  const chunks = Math.ceil(changesets.length / LINES_CHUNK);
  const states = new SharedArrayBuffer(chunks * 4);
  const view = new Int32Array(states);
  const options = { windowBits: STORED_BODY_FORMAT.windowBits, dictionary: new Uint8Array(STORED_BODY_FORMAT.dictionary) };
  const part = (chunk: number) => changesets.slice(chunk * LINES_CHUNK, (chunk + 1) * LINES_CHUNK);
  const call = nextCall++;
  const ports = pool.map(() => new MessageChannel());
  for (const { port1: p } of ports) p.unref();
  for (let chunk = 0; chunk < chunks; chunk++) {
    const w = chunk % pool.length;
    const first = chunk < pool.length;
    const rows = part(chunk);
    pool[w]!.postMessage(
      { kind: 'lines', call, bodies: rows.map((c) => c.body), signatures: rows.map((c) => c.signature), options, port: first ? ports[w]!.port2 : null, states, slot: chunk },
      first ? [ports[w]!.port2] : [],
    );
  }
  const parts = new Array<Buffer>(chunks);
  const receive = (w: number, until: number) => {
    while (parts[until] === undefined) {
      const message = receiveMessageOnPort(ports[w]!.port1)?.message as { slot: number; bytes: Uint8Array } | undefined;
      if (!message) throw new Error('A worker finished its part of the export without sending it; nothing was written.');
      parts[message.slot] = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
    }
  };
  try {
    for (let chunk = chunks - 1; chunk >= 0; chunk--) {
      if (Atomics.compareExchange(view, chunk, 0, 3) === 0) {
        parts[chunk] = here(part(chunk));
        continue;
      }
      // A worker has it: wait until it is done (a minute at most: a dead worker must not hang the export).
      while (Atomics.load(view, chunk) === 1) {
        if (Atomics.wait(view, chunk, 1, 60_000) === 'timed-out') throw new Error('Reading the change log took too long; the export was stopped and nothing was written.');
      }
      if (Atomics.load(view, chunk) === 2) receive(chunk % pool.length, chunk);
      else parts[chunk] = here(part(chunk));
    }
  } finally {
    for (const { port1: p } of ports) p.close();
  }
  return Buffer.concat(parts);
}
