/**
 * Installation ids come from other computers: one that is literally "constructor" or "toString"
 * (names every plain JavaScript object answers to) must travel, be acknowledged and converge like
 * any other. Real installations, real signed bundles, real SQLite.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../electron/core/changelog/clock';
import { idRecordSchema } from '../../shared/id-record';
import { z } from 'zod';
import { addCommunity, exportBundle, importBundle, makeInstallation, openTestCore, type TestCore } from '../support';

/** The installations of these tests start in August of fiscal year 2025. */
const AUGUST = '2025-08-10T12:00:00.000Z';

const open: Array<{ core: { close(): void } }> = [];
afterEach(() => open.splice(0).forEach((i) => i.core.close()));

/** An installation whose id (the first id it makes) is `installationId`. */
function installationWithId(installationId: string): TestCore {
  const sequence = sequentialIds('odd');
  let first = true;
  const ids = { newId: () => (first ? ((first = false), installationId) : sequence.newId()) };
  const t = openTestCore({ fileName: 'odd.db', now: AUGUST, ids, profile: { name: `Computer ${installationId}`, userName: 'User', role: 'coordinator' }, label: installationId });
  open.push(t);
  return t;
}

const digestOf = (i: TestCore) => i.must('sync:digest', {}).digest;

describe.each(['constructor', 'toString', 'hasOwnProperty'])('an origin whose id is "%s"', (oddId) => {
  it('is relayed with its key, acknowledged, and every installation converges', () => {
    const odd = installationWithId(oddId);
    expect(odd.must('sync:whoami', {}).installationId).toBe(oddId);
    addCommunity(odd, 'Aklavik');
    const relay = makeInstallation('Relay', { role: 'coordinator', idPrefix: 'r1', now: AUGUST });
    const last = makeInstallation('Last', { role: 'detachment', idPrefix: 'r2', now: AUGUST });
    open.push(relay, last);

    importBundle(relay, exportBundle(odd, null));
    // Vectors are kept per (origin, partition): "origin partition" (a community list is territory data).
    const key = `${oddId} territory`;
    expect(relay.must('sync:status', {}).versionVector).toEqual({ [key]: expect.any(Number) });
    // The relay holds the odd origin's changes and passes them on, with the key that signs them.
    importBundle(last, exportBundle(relay, null));
    expect(digestOf(last)).toBe(digestOf(odd));
    expect(last.must('communities:list', {}).map((c) => c.name)).toEqual(['Aklavik']);

    // The odd computer's bundle said what it holds: the relay records it and sends none of it back.
    const held = odd.must('sync:status', {}).versionVector[key];
    expect(held).toBeGreaterThan(0);
    const acknowledged = relay.must('peers:list', {}).find((p) => p.installationId === oddId)!.acknowledged;
    expect(Object.entries(acknowledged)).toEqual([[key, held]]);
    const back = path.join(relay.dir, 'back.planbundle');
    relay.must('bundles:export', { to: oddId, file: back, encrypt: false });
    expect(relay.must('bundles:inspect', { file: back }).manifest!.changesetCount).toBe(0);
    expect(importBundle(odd, back)).toMatchObject({ imported: false });
    expect(digestOf(relay)).toBe(digestOf(odd));
  });
});

describe('an origin whose id is "__proto__"', () => {
  it('keeps its key and its count through idRecordSchema, where z.record drops them', () => {
    const json = JSON.parse('{"__proto__": 3, "constructor": 2, "a": 1}') as unknown;
    expect(Object.keys(z.record(z.string(), z.number()).parse(json))).not.toContain('__proto__');
    const parsed = idRecordSchema(z.string().max(64), z.number().int().min(0)).parse(json);
    expect(Object.entries(parsed)).toEqual([['__proto__', 3], ['constructor', 2], ['a', 1]]);
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(idRecordSchema(z.string(), z.number()).safeParse([1]).success).toBe(false);
    expect(idRecordSchema(z.string(), z.number()).safeParse({ a: 'x' }).success).toBe(false);
  });

  // The manifest schema (bundles/bundle-format.ts) reads versionVector and keys with idRecordSchema:
  // z.record would drop "__proto__", and the bundle would be refused as carrying a change without its key.
  it('is relayed and converges', () => {
    const odd = installationWithId('__proto__');
    addCommunity(odd, 'Aklavik');
    const relay = makeInstallation('Relay', { role: 'coordinator', idPrefix: 'r1', now: AUGUST });
    open.push(relay);
    importBundle(relay, exportBundle(odd, null));
    expect(digestOf(relay)).toBe(digestOf(odd));
  });
});
