/**
 * The import's fast paths (issue 13 §3) give the answers of the slow ones they replace:
 *
 * - a changeset's body and line read without zod accept exactly what the strict schemas accept,
 *   and give the same value (property-based, over mutations of real bodies);
 * - bodies deflated on other cores are the bytes `storedChangesetBody` makes, and bodies inflated
 *   there are the signed texts back;
 * - a large import (every head read in one pass, bodies deflated on other cores, field numbers
 *   remembered) ends with the sender's digest and the exact signed bytes, and a bundle whose
 *   changeset body was altered is still refused, with and without signed heads;
 * - a bundle imported before is known from its manifest, its trailer and the hash of its bytes
 *   (outlineOf) without its changesets being read, and bytes changed under the same trailer are
 *   still refused as damaged.
 */
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesetText, storedChangesetBody } from '../../db/changeset-text';
import { exportBundle as writeBundle } from '../../electron/core/bundles/bundle-export';
import { type BundleManifest, bundleLines, bundlePayload, changesetLineSchema, decodeBundle, encodeBundle, hashLines, linesOf, outlineOf, parseChangesetLine, parseLine } from '../../electron/core/bundles/bundle-format';
import { changesetLineBytes, deflateInParallel, gzipInParallel } from '../../electron/core/bundles/parallel-verify';
import { changesetBodySchema, parseChangesetBody } from '../../electron/core/changelog/changeset-body';
import { replicatedDigest } from '../../electron/core/changelog/digest';
import { DEFER_FROM, DEFERRABLE, withIndexesDeferred } from '../../electron/core/changelog/deferred-indexes';
import { addCommunity, agreedPlan, bundlePath, exportBundle, importBundle, type Installation, makeInstallation, refusalOf } from '../support';
import { readParts, writeParts } from '../support/bundle-parts';
import { AUGUST } from './support/inuvik';

const body = {
  v: 2,
  id: 'cs-1',
  origin: 'inst-a',
  partition: 'comm-1',
  seq: 3,
  hlc: '0001732000000000-000000-inst-a',
  schemaVersion: 3,
  actor: 'Territorial coordinator',
  method: 'progress:record',
  createdAt: '2026-11-24T17:00:00.000Z',
  ops: [
    { opId: 'cs-1.0', table: 'progressEntries', rowId: 'pe-1', field: 'narrative', value: 'Weekly patrols.', pred: [] },
    { opId: 'cs-1.1', table: 'actions', rowId: 'a-1', field: 'partnerOrganisationIds', value: ['o-1', 'o-2'], pred: ['cs-0.1'] },
  ],
};

/** Mutations of a value at one place: replaced by any JSON value (or a few tricky ones), removed, or a key added. */
const tricky = fc.constantFrom<unknown>(1e999, -1e999, 0, -0, 2 ** 53, 1.5, '', 'x'.repeat(81), 'a b', '__proto__', [], {}, null, true, { __proto__: 1 });
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), tricky, fc.constant(JSON.parse('{"__proto__":{"a":1}}') as unknown));
type Path = Array<string | number>;
const bodyPaths: Path[] = [
  ...Object.keys(body).map((k) => [k]),
  ...[0, 1].flatMap((i) => Object.keys(body.ops[0]!).map((k) => ['ops', i, k])),
  ['ops', 1, 'pred', 0],
  ['ops', 1, 'value', 0],
  ['ops', 0],
];
function mutate(value: unknown, at: Path, how: 'set' | 'delete' | 'add', replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  if (how === 'set') parent[last] = replacement;
  else if (how === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (!Array.isArray(parent)) parent[`extra${String(last)}`] = replacement;
  return copy;
}

describe('the strict schemas read without zod', () => {
  it('accept and refuse a changeset body exactly as changesetBodySchema, giving the same value', () => {
    expect(parseChangesetBody(JSON.parse(JSON.stringify(body)))).toEqual(body);
    fc.assert(
      fc.property(fc.constantFrom(...bodyPaths), fc.constantFrom('set', 'delete', 'add'), anyValue, fc.boolean(), (at, how, replacement, legacy) => {
        const start = legacy ? { ...body, v: 1, partition: undefined } : body;
        // Through JSON, as an import reads it (undefined keys vanish, numbers are what JSON gives).
        const raw = JSON.parse(JSON.stringify(mutate(start, at, how, replacement)) ?? 'null') as unknown;
        const slow = changesetBodySchema.safeParse(raw);
        const fast = parseChangesetBody(raw);
        expect(fast !== null).toBe(slow.success);
        if (slow.success) expect(fast).toEqual(slow.data);
      }),
      { numRuns: 1000 },
    );
  });

  it('accept and refuse a changeset line exactly as changesetLineSchema', () => {
    const line = { type: 'changeset', body: JSON.stringify(body), signature: 'c2lnbmF0dXJl+/=' };
    fc.assert(
      fc.property(fc.constantFrom('type', 'body', 'signature'), fc.constantFrom('set', 'delete', 'add'), anyValue, (key, how, replacement) => {
        const text = JSON.stringify(mutate(line, [key], how, replacement));
        const slow = parseLine(changesetLineSchema, text);
        expect(parseChangesetLine(text)).toEqual(slow);
      }),
      { numRuns: 1000 },
    );
    expect(parseChangesetLine(JSON.stringify({ ...line, signature: 's'.repeat(201) }))).toBeNull();
    expect(parseChangesetLine('not json')).toBeNull();
  });
});

describe('changeset bodies on other cores', () => {
  // Above the size where the work goes to other threads (400).
  const texts = Array.from({ length: 1100 }, (_, i) => JSON.stringify({ ...body, id: `cs-${i}`, seq: i + 1, ops: body.ops.map((op, p) => ({ ...op, opId: `cs-${i}.${p}`, value: `${String(op.value)} ${'é'.repeat(i % 7)} ${i}` })) }));

  it('are deflated to exactly the bytes storedChangesetBody makes, asked for in any order', () => {
    const pending = deflateInParallel(texts);
    try {
      const order = texts.map((_, i) => (i * 7919) % texts.length);
      for (const i of order) expect(pending.stored(i).equals(storedChangesetBody(texts[i]!)), `body ${i}`).toBe(true);
    } finally {
      pending.close();
    }
  });

  /** The lines bundleLines would write for these texts, joined, each with its newline. */
  const linesOf = (list: readonly string[]) => Buffer.from(list.map((t, i) => `${JSON.stringify({ type: 'changeset', body: t, signature: `s${i}` })}\n`).join(''), 'utf8');
  const withSignatures = (stored: ReadonlyArray<Buffer | string>) => stored.map((b, i) => ({ body: b, signature: `s${i}` }));

  it('are opened back to their exact signed texts in their bundle lines, text stored by an older planner as it is', () => {
    expect(changesetLineBytes(withSignatures(texts.map(storedChangesetBody))).equals(linesOf(texts))).toBe(true);
    const mixed = texts.map((t, i) => (i % 100 === 0 ? t : storedChangesetBody(t)));
    expect(changesetLineBytes(withSignatures(mixed)).equals(linesOf(texts))).toBe(true);
  });

  it('fail as reading it here would when one stored body is damaged, wherever it is (no worker left hanging)', () => {
    for (const at of [0, 600, texts.length - 1]) {
      const stored = texts.map(storedChangesetBody);
      stored[at] = Buffer.from([1, 0xff, 0xfe, 0xfd]);
      expect(() => changesetText(stored[at]!)).toThrow();
      expect(() => changesetLineBytes(withSignatures(stored)), `body ${at}`).toThrow();
    }
    // The pool still answers afterwards.
    expect(changesetLineBytes(withSignatures(texts.map(storedChangesetBody))).equals(linesOf(texts))).toBe(true);
  });
});

describe('a bundle compressed on every core (gzipInParallel)', () => {
  it('gives gzip members that read back as exactly the payload, for any payload over a megabyte; a small one is one member', () => {
    const lines = Array.from({ length: 9000 }, (_, i) => JSON.stringify({ type: 'changeset', body: JSON.stringify({ ...body, seq: i + 1, id: `cs-${i}` }), signature: 'c2lnbmF0dXJl' }));
    const payload = Buffer.from(lines.join('\n') + '\n', 'utf8');
    expect(payload.length).toBeGreaterThan(1 << 20);
    for (const cut of [payload, payload.subarray(0, (1 << 20) + 7), payload.subarray(0, 1000)]) {
      const packed = gzipInParallel(cut, 6);
      expect(gunzipSync(packed).equals(cut)).toBe(true);
      // Members: each starts with gzip's magic bytes; more than one for a large payload.
      const members = countGzipMembers(packed);
      expect(members > 1).toBe(cut.length >= 1 << 20);
    }
  });
});

/** The gzip members of a file, counted by reading each one to its end. */
function countGzipMembers(file: Buffer): number {
  let members = 0;
  let rest = file;
  while (rest.length > 0) {
    expect([rest[0], rest[1]]).toEqual([0x1f, 0x8b]);
    const inflater = zlibInflateOne(rest);
    members += 1;
    rest = rest.subarray(inflater);
  }
  return members;
}

/** The length of the first gzip member of `file`. */
function zlibInflateOne(file: Buffer): number {
  // gunzipSync of a member alone succeeds; find the shortest prefix that is one whole member (its trailer holds the length).
  for (let end = 18; end <= file.length; end++) {
    if (end < file.length && (file[end] !== 0x1f || file[end + 1] !== 0x8b)) continue;
    try {
      gunzipSync(file.subarray(0, end));
      return end;
    } catch {
      // not a whole member yet
    }
  }
  throw new Error('not a gzip member');
}

describe('indexes built once after a large first import (deferred-indexes.ts)', () => {
  const hasRowIndex = (installation: Installation) =>
    installation.core.context.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ops_row'").pluck().get() === 1;

  it('are dropped while a batch of at least DEFER_FROM changesets into a smaller log is stored, and back after; a smaller batch keeps them', () => {
    const into = makeInstallation('Indexes', { role: 'coordinator', idPrefix: 'ix', now: AUGUST });
    const sqlite = into.core.context.sqlite;
    try {
      const seen: boolean[] = [];
      sqlite.transaction(() => {
        withIndexesDeferred(sqlite, DEFER_FROM, () => seen.push(hasRowIndex(into)));
        withIndexesDeferred(sqlite, DEFER_FROM - 1, () => seen.push(hasRowIndex(into)));
      })();
      expect(seen).toEqual([false, true]);
      expect(hasRowIndex(into)).toBe(true);
      expect([...DEFERRABLE]).toEqual(['ops_row']);
    } finally {
      into.core.close();
    }
  });

  it('come back with the rollback when storing fails, and are never dropped outside a transaction', () => {
    const into = makeInstallation('Indexes rollback', { role: 'coordinator', idPrefix: 'iy', now: AUGUST });
    const sqlite = into.core.context.sqlite;
    try {
      expect(() =>
        sqlite.transaction(() =>
          withIndexesDeferred(sqlite, 10_000, () => {
            expect(hasRowIndex(into)).toBe(false);
            throw new Error('storing failed');
          }),
        )(),
      ).toThrow('storing failed');
      expect(hasRowIndex(into)).toBe(true);
      expect(() => withIndexesDeferred(sqlite, 10_000, () => 1)).toThrow(/inside a transaction/);
      expect(hasRowIndex(into)).toBe(true);
    } finally {
      into.core.close();
    }
  });
});

describe('bundle lines made on every core from the stored bodies (changesetLineBytes, bundlePayload)', () => {
  it('are the bytes of bundleLines joined, whatever the number of changesets, stored deflated or as text', () => {
    const manifest = { type: 'manifest', format: 1, bundleId: 'b-1', createdAt: '2026-12-03T00:00:00.000Z' } as unknown as BundleManifest;
    const sign = (digest: string) => `signed:${digest}`;
    for (const count of [0, 3, 399, 400, 1777]) {
      const texts = Array.from({ length: count }, (_, i) => JSON.stringify({ ...body, seq: i + 1, id: `cs-${i}`, actor: `Élise « ${i} » \u2028 "quoted" \\\\ ${'x'.repeat(i % 50)}` }));
      const changesets = texts.map((text, i) => ({ body: text, signature: `sig${i}==` }));
      const expected = Buffer.from(bundleLines(manifest, changesets, sign, ['{"type":"file","n":1}']).join('\n') + '\n', 'utf8');
      for (const stored of [texts.map(storedChangesetBody), texts]) {
        const lineBytes = changesetLineBytes(stored.map((b, i) => ({ body: b, signature: changesets[i]!.signature })));
        expect(bundlePayload(manifest, count, lineBytes, sign, ['{"type":"file","n":1}']).equals(expected), `${count} ${typeof stored[0]}`).toBe(true);
      }
    }
  });
});

describe('a bundle imported before, known from its outline (outlineOf)', () => {
  const lines = ['{"type":"manifest","n":"Élise"}', '{"type":"changeset","body":"« 1 »"}', '', '{"type":"file","n":1}', '{"type":"file","n":2}', '{"type":"trailer"}'];

  it('reads the first and last lines, the number of lines, the lines before the last and the hash of every byte before it, as the decoded lines give them', () => {
    for (const ending of ['\n', '']) {
      const payload = Buffer.from(lines.join('\n') + ending, 'utf8');
      const outline = outlineOf(payload)!;
      const decoded = linesOf(payload);
      expect(decoded).toEqual(lines);
      expect(outline.first).toBe(decoded[0]);
      expect(outline.last).toBe(decoded.at(-1));
      expect(outline.lineCount).toBe(decoded.length);
      expect(outline.digest).toBe(hashLines(decoded.slice(0, -1)));
      for (const count of [0, 1, 2, 3, 4]) expect(outline.linesBeforeLast(count)).toEqual(decoded.slice(-1 - count, -1));
      // Never the manifest, however many are asked for.
      expect(outline.linesBeforeLast(9)).toEqual(decoded.slice(1, -1));
    }
    expect(outlineOf(Buffer.from('{"type":"manifest"}\n'))).toBeNull();
    expect(outlineOf(Buffer.alloc(0))).toBeNull();
  });

  it('hashes the bytes, so bytes that are not UTF-8 never pass for the text they decode to', () => {
    // 0xff is no UTF-8: decoded, it reads as U+FFFD, whose own bytes differ.
    const payload = Buffer.concat([Buffer.from('{"m":1}\n{"c":"', 'utf8'), Buffer.from([0xff]), Buffer.from('"}\n{"t":1}\n', 'utf8')]);
    const decoded = linesOf(payload);
    expect(outlineOf(payload)!.digest).not.toBe(hashLines(decoded.slice(0, -1)));
    const honest = Buffer.from(decoded.join('\n') + '\n', 'utf8');
    expect(outlineOf(honest)!.digest).toBe(hashLines(decoded.slice(0, -1)));
  });

  it('lets the same bytes through as already imported, and refuses bytes changed under the same manifest and trailer as damaged', () => {
    const a = makeInstallation('outline-a', { role: 'coordinator', idPrefix: 'oa', now: AUGUST });
    const b = makeInstallation('outline-b', { role: 'coordinator', idPrefix: 'ob', now: AUGUST });
    try {
      const community = addCommunity(a, 'Aklavik');
      agreedPlan(a, community, 2025, ['Patrols on the ice road', 'Youth drop-in']);
      const file = exportBundle(a, null);
      expect(importBundle(b, file)).toMatchObject({ imported: true, alreadyImported: false });
      const digest = b.must('sync:digest', {}).digest;
      const state = b.core.context.sqlite.prepare('SELECT count(*) FROM exchanges').pluck().get() as number;
      expect(importBundle(b, file)).toMatchObject({ imported: false, alreadyImported: true, newChangesetCount: 0, backupFile: null });
      expect(b.core.context.sqlite.prepare('SELECT count(*) FROM exchanges').pluck().get()).toBe(state + 1);
      expect(b.must('sync:digest', {}).digest).toBe(digest);

      // One changeset line's bytes changed, the manifest and the signed trailer kept as they were.
      const decoded = decodeBundle(fs.readFileSync(file), null).lines;
      const changed = [...decoded];
      const at = changed.findIndex((line) => line.startsWith('{"type":"changeset"') && line.includes('Patrols'));
      expect(at).toBeGreaterThan(0);
      changed[at] = changed[at]!.replace('Patrols', 'Patrol5');
      const forged = bundlePath(a, 'same-trailer');
      fs.writeFileSync(forged, encodeBundle(changed, null));
      expect(refusalOf(b.call('bundles:import', { file: forged, passphrase: null }))).toMatchObject({ reason: 'damaged' });
      expect(refusalOf(b.call('bundles:preview', { file: forged, passphrase: null }))).toMatchObject({ reason: 'damaged' });
      expect(b.must('sync:digest', {}).digest).toBe(digest);
    } finally {
      a.core.close();
      b.core.close();
    }
  });
});
