import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../electron/cli/call-command';
import { change } from '../../electron/core/changelog/core-context';
import type { ReplicatedTableName } from '../../electron/core/changelog/replicated-tables';
import { encodeBundle, hashLines, MANIFEST_FORMAT } from '../../electron/core/bundles/bundle-format';
import { CHANGESET_SCHEMA_VERSION, CHANGESET_TEXT_VERSION, type ChangesetBody, serialiseChangeset } from '../../electron/core/changelog/changeset-body';
import { storeChangeset } from '../../electron/core/changelog/changeset-store';
import { signText } from '../../electron/core/bundles/identity';
import type { Result } from '../../shared/result';
import { addCommunity, agreedPlan, bundlePath, databaseState, exportBundle, importBundle, type Installation, isPlainSentence, makeInstallation, readParts, refusalOf } from '../support';

/**
 * Issue 8, part 2 (and the deep-nesting half of part 7): what a trusted peer sends must obey the
 * same rules as a local call. F is a field installation V trusts for everything; F holds its real
 * signing key, so each hostile bundle here is what a buggy or compromised F could really send.
 */

let F: Installation;
let V: Installation;
let planId: string;
let priorityId: string;
let actionId: string;
let indicatorId: string;
let entryId: string;
let valueId: string;

beforeEach(() => {
  F = makeInstallation('field', { idPrefix: 'f' });
  V = makeInstallation('victim', { idPrefix: 'v' });
  const community = addCommunity(F, 'Dettah');
  const made = agreedPlan(F, community, 2025, ['Patrols']);
  planId = made.plan.id;
  priorityId = made.priority.id;
  actionId = made.actions[0]!.id;
  indicatorId = made.indicator.id;
  entryId = F.must('progress:record', { actionId, quarter: 1, status: 'on_track', narrative: 'Patrols started' }).id;
  valueId = F.must('indicators:recordValue', { indicatorId, quarter: 1, value: 9 }).id;
  importBundle(V, exportBundle(F, null));
});

afterEach(() => {
  for (const inst of [F, V]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

/** Imports into V and previews: both refuse for `reason`, with a sentence, and V is left exactly as it was. */
function expectRefused(file: string, reason: string, opts: { into?: Installation } = {}) {
  const into = opts.into ?? V;
  const before = databaseState(into);
  const importing = into.call('bundles:import', { file, passphrase: null, trustNewSender: true });
  const refusal = refusalOf(importing);
  expect(refusal.reason, refusal.message).toBe(reason);
  expect(refusal.code).toBe('invalid_input');
  expect(exitCodeOf(importing as Result<unknown>)).toBe(2);
  expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
  const preview = refusalOf(into.call('bundles:preview', { file, passphrase: null }));
  expect(preview.reason, preview.message).toBe(reason);
  const after = databaseState(into);
  expect(after.tables).toBe(before.tables);
  expect(after.fileSha256).toBe(before.fileSha256);
  return refusal;
}

/** F writes `value` into a field through its own change log (as a buggy F would), then exports everything. */
function bundleSetting(table: ReplicatedTableName, rowId: string, field: string, value: unknown): string {
  change(F.core.context, 'test:hostile', (w) => w.update(table, rowId, { [field]: value } as never));
  return exportBundle(F, null);
}

/** F's latest changeset, rewritten by `edit` (as text) and signed again with F's real key, in a bundle signed by F. */
function bundleWithRewrittenChangeset(edit: (body: ChangesetBody) => string, opts: { manifest?: (m: Record<string, unknown>) => string } = {}): string {
  F.must('progress:record', { actionId, quarter: 1, status: 'on_track', narrative: `Harmless ${++harmless}` });
  const parts = readParts(exportBundle(F, null));
  // The harmless change just made (with partitions, the bundle's last line may be another partition's).
  const index = parts.changesets.findIndex((c) => c.body.includes(`Harmless ${harmless}`));
  const text = edit(JSON.parse(parts.changesets[index]!.body) as ChangesetBody);
  const changesets = [...parts.changesets.filter((_, i) => i !== index), { type: 'changeset', body: text, signature: signText(F.keys.privateKey, text) }];
  const manifest = { ...parts.manifest, changesetCount: changesets.length };
  const lines = [opts.manifest ? opts.manifest(manifest) : JSON.stringify(manifest), ...changesets.map((c) => JSON.stringify(c))];
  const digest = hashLines(lines);
  lines.push(JSON.stringify({ type: 'trailer', count: changesets.length, digest, signature: signText(F.keys.privateKey, digest) }));
  const file = bundlePath(F, 'rewritten');
  fs.writeFileSync(file, encodeBundle(lines, null));
  return file;
}

let harmless = 0;
const DEPTH = 10_000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

describe('values a local call would refuse', () => {
  it('refuses fiscal year 1e308, and the plan stays in its year with its progress readable', () => {
    const refusal = expectRefused(bundleSetting('plans', planId, 'fiscalYear', 1e308), 'damaged');
    expect(refusal.message).toMatch(/\(plans\.fiscalYear\)\. The fiscal year must be a whole year such as 2025/);
    expect(V.must('plans:list', { fiscalYear: 2025 }).map((p) => p.id)).toContain(planId);
    expect(V.must('progress:get', { planId, quarter: 1 }).rows[0]?.entry?.status).toBe('on_track');
  });

  it.each<[string, ReplicatedTableName, () => string, string, unknown, RegExp]>([
    ['quarter 99 on a progress entry', 'progressEntries', () => entryId, 'quarter', 99, /Quarter 99 does not exist/],
    ['quarter 0 on an indicator value', 'indicatorValues', () => valueId, 'quarter', 0, /Quarter 0 does not exist/],
    ['fiscal year 1999.5 on an indicator value', 'indicatorValues', () => valueId, 'fiscalYear', 1999.5, /fiscal year/],
    ['rank −2 147 483 649 on a priority', 'priorities', () => priorityId, 'rank', -2_147_483_649, /position/],
    ['rank 2^53 on an action', 'actions', () => actionId, 'rank', 2 ** 53, /position/],
    ['status "pwned" on a progress entry', 'progressEntries', () => entryId, 'status', 'pwned', /The status must be one of: not_started/],
    ['status "pwned" on a plan', 'plans', () => planId, 'status', 'pwned', /must be one of: draft, agreed, active, closed/],
    ['zone "pwned" on a priority', 'priorities', () => priorityId, 'zone', 'pwned', /The zone must be one of/],
    ['owner "pwned" on an action', 'actions', () => actionId, 'owner', 'pwned', /The owner must be one of/],
    ['direction "pwned" on an indicator', 'indicators', () => indicatorId, 'direction', 'pwned', /The direction must be one of/],
    ['a 201-character plan title', 'plans', () => planId, 'title', 'x'.repeat(201), /at most 200 characters/],
    ['a blank action title', 'actions', () => actionId, 'title', '   ', /cannot be empty/],
    ['a 10 001-character narrative', 'progressEntries', () => entryId, 'narrative', 'x'.repeat(10_001), /at most 10,000 characters/],
    ['a signing date that is not a date', 'plans', () => planId, 'communitySignedOn', 'next Tuesday', /YYYY-MM-DD/],
    ['a theme id that is not an id', 'priorities', () => priorityId, 'themeIds', ['../../etc/passwd'], /theme id is not valid/],
    ['a continued action id that is not an id', 'actions', () => actionId, 'continuesActionId', 'x'.repeat(65), /action id is not valid/],
    ['planned quarter 5', 'actions', () => actionId, 'plannedQuarters', [1, 5], /Quarter 5 does not exist/],
    ['a removal time that is not a time', 'priorities', () => priorityId, 'deletedAt', 'soon', /time/],
    ['an update time that is not a time', 'progressEntries', () => entryId, 'updatedAt', '1e308', /time/],
  ])('refuses %s', (_, table, rowId, field, value, sentence) => {
    const refusal = expectRefused(bundleSetting(table, rowId(), field, value), 'damaged');
    expect(refusal.message).toMatch(sentence);
    expect(refusal.message).toContain(`${table}.${field}`);
  });

  it('still accepts values at the edges of every rule (fiscal year 2100, quarter 4, a 200-character title)', () => {
    change(F.core.context, 'test:edges', (w) => {
      w.update('plans', planId, { title: 'x'.repeat(200), communitySignedOn: '2025-02-28' });
      w.update('progressEntries', entryId, { quarter: 4, nextSteps: null });
      w.update('indicatorValues', valueId, { fiscalYear: 2100, value: -1.5 });
      w.update('priorities', priorityId, { rank: 0, themeIds: [] });
    });
    const result = V.must('bundles:import', { file: exportBundle(F, null), passphrase: null });
    expect(result.imported).toBe(true);
    expect(V.must('plans:get', { planId }).title).toBe('x'.repeat(200));
  });
});

describe('changes already here', () => {
  it('are skipped, not refused again, when a bundle carries one accepted before these rules existed', () => {
    // V took F's rank -1 when the import checked only the column's kind; bundles still carry it.
    const parts = readParts(bundleSetting('priorities', priorityId, 'rank', -1));
    // The changeset that set it (a bundle lists changesets per origin and partition, not newest last).
    const old = parts.changesets.find((c) => (JSON.parse(c.body) as ChangesetBody).ops.some((op) => op.field === 'rank' && op.value === -1))!;
    const ctx = V.core.context;
    ctx.sqlite.transaction(() => storeChangeset(ctx.sqlite, ctx.recorder.register, JSON.parse(old.body) as ChangesetBody, old.body, old.signature, ctx.clock.now()))();
    F.must('progress:record', { actionId, quarter: 1, status: 'on_track', narrative: 'After the old change' });
    const result = V.must('bundles:import', { file: exportBundle(F, null), passphrase: null });
    expect(result).toMatchObject({ imported: true, newChangesetCount: 1 });
  });
});

describe('versions this planner does not know', () => {
  it('refuses a change written in a newer form of changeset text, saying to update this computer', () => {
    const file = bundleWithRewrittenChangeset((body) => JSON.stringify({ ...body, v: CHANGESET_TEXT_VERSION + 1 }));
    const refusal = expectRefused(file, 'newer_version');
    expect(refusal.message).toMatch(/newer version of the planner/);
    expect(refusal.message).toMatch(/[Uu]pdate/);
  });

  it('refuses a newer changeset text even when its ops have a shape this version cannot read', () => {
    const file = bundleWithRewrittenChangeset((body) => JSON.stringify({ ...body, v: CHANGESET_TEXT_VERSION + 1, ops: body.ops.map((op) => ({ ...op, lww: true })) }));
    expect(expectRefused(file, 'newer_version').message).toMatch(/newer version/);
  });

  it('accepts a newer schema version whose changes use only fields this version knows (version-compat.test.ts covers the others)', () => {
    const file = bundleWithRewrittenChangeset((body) => serialiseChangeset({ ...body, schemaVersion: CHANGESET_SCHEMA_VERSION + 1 }));
    expect(V.must('bundles:import', { file, passphrase: null })).toMatchObject({ imported: true });
  });

  it('refuses, as damaged, a newer schema version whose ops have a shape changeset text does not allow', () => {
    const file = bundleWithRewrittenChangeset((body) => JSON.stringify({ ...body, schemaVersion: CHANGESET_SCHEMA_VERSION + 1, ops: body.ops.map((op) => ({ ...op, lww: true })) }));
    expectRefused(file, 'damaged');
  });

  it('refuses schema version 0 as damaged (no older version ever existed)', () => {
    const file = bundleWithRewrittenChangeset((body) => serialiseChangeset({ ...body, schemaVersion: 0 }));
    expectRefused(file, 'damaged');
  });

  it('refuses a manifest of a newer format as "newer version", not "damaged", even when its other fields changed', () => {
    for (const manifest of [
      (m: Record<string, unknown>) => JSON.stringify({ ...m, format: MANIFEST_FORMAT + 1 }),
      (m: Record<string, unknown>) => JSON.stringify({ ...m, format: MANIFEST_FORMAT + 2, recipients: ['x'], keys: undefined, partitions: { all: true } }),
    ]) {
      const refusal = expectRefused(bundleWithRewrittenChangeset((body) => serialiseChangeset(body), { manifest }), 'newer_version');
      expect(refusal.message).toMatch(/newer version of the planner/);
      expect(refusal.message).not.toMatch(/damaged/);
    }
  });
});

describe('JSON nested 10 000 levels deep', () => {
  const withDeepValue = (deep: string) => (body: ChangesetBody) => serialiseChangeset({ ...body, ops: [{ ...body.ops[0]!, value: '@deep@' }] }).replace('"@deep@"', deep);

  it.each([
    ['an array as an op value', withDeepValue(deepArray)],
    ['an object as an op value', withDeepValue(deepObject)],
    ['an array in the changeset’s actor', (body: ChangesetBody) => serialiseChangeset({ ...body, actor: '@deep@' }).replace('"@deep@"', deepArray)],
    ['an array as an extra field of the changeset', (body: ChangesetBody) => serialiseChangeset(body).replace(/}$/, `,"extra":${deepArray}}`)],
  ])('is refused as damaged when it is %s, by import and by preview', (_, edit) => {
    const refusal = expectRefused(bundleWithRewrittenChangeset(edit), 'damaged');
    expect(refusal.message).toMatch(/nested/);
  });

  it('is refused as damaged when it is in the manifest', () => {
    const file = bundleWithRewrittenChangeset((body) => serialiseChangeset(body), { manifest: (m) => JSON.stringify(m).replace(/}$/, `,"extra":${deepObject}}`) });
    expect(expectRefused(file, 'damaged').message).toMatch(/nested/);
  });

  it('is refused in the preview of a sender nobody trusts yet (and inspect does not fail)', () => {
    const S = makeInstallation('stranger', { idPrefix: 's' });
    try {
      const community = addCommunity(S, 'Behchoko');
      S.must('plans:create', { communityId: community, fiscalYear: 2025 });
      const parts = readParts(exportBundle(S, null));
      const last = parts.changesets.at(-1)!;
      const body = JSON.parse(last.body) as ChangesetBody;
      const text = withDeepValue(deepArray)(body);
      const changesets = [...parts.changesets.slice(0, -1), { type: 'changeset', body: text, signature: signText(S.keys.privateKey, text) }];
      const lines = [JSON.stringify(parts.manifest), ...changesets.map((c) => JSON.stringify(c))];
      const digest = hashLines(lines);
      lines.push(JSON.stringify({ type: 'trailer', count: changesets.length, digest, signature: signText(S.keys.privateKey, digest) }));
      const file = bundlePath(S, 'deep-stranger');
      fs.writeFileSync(file, encodeBundle(lines, null));

      const before = databaseState(V);
      const preview = V.call('bundles:preview', { file, passphrase: null });
      expect(refusalOf(preview)).toMatchObject({ code: 'invalid_input', reason: 'damaged' });
      expect(exitCodeOf(preview as Result<unknown>)).toBe(2);
      expect(refusalOf(V.call('bundles:import', { file, passphrase: null, trustNewSender: false })).reason).toBe('untrusted_sender');
      expect(refusalOf(V.call('bundles:import', { file, passphrase: null, trustNewSender: true }))).toMatchObject({ code: 'invalid_input', reason: 'damaged' });
      const inspected = V.call('bundles:inspect', { file, passphrase: null });
      expect(inspected.ok ? 'shown' : inspected.error.code).not.toBe('internal');
      expect(databaseState(V)).toEqual(before);
    } finally {
      S.core.close();
      fs.rmSync(S.dir, { recursive: true, force: true });
    }
  });
});

describe('a typed merge of a conflict (a local write that travels)', () => {
  it('obeys the field’s rule too, so other computers never refuse the resolution', () => {
    F.must('plans:openRevision', { planId, reason: 'Mid-year review' });
    importBundle(V, exportBundle(F, null));
    F.must('priorities:update', { priorityId, title: 'Impaired driving (F)' });
    V.must('priorities:update', { priorityId, title: 'Impaired driving (V)' });
    importBundle(V, exportBundle(F, null));
    const conflict = V.must('conflicts:list', {}).find((c) => c.table === 'priorities' && c.field === 'title')!;
    expect(conflict).toBeDefined();

    const tooLong = refusalOf(V.call('conflicts:resolve', { conflictId: conflict.id, value: 'x'.repeat(201) }));
    expect(tooLong).toMatchObject({ code: 'invalid_input' });
    expect(tooLong.message).toMatch(/at most 200 characters/);
    expect(refusalOf(V.call('conflicts:resolve', { conflictId: conflict.id, value: '   ' })).message).toMatch(/cannot be empty/);

    V.must('conflicts:resolve', { conflictId: conflict.id, value: 'Impaired driving' });
    expect(importBundle(F, exportBundle(V, null)).imported).toBe(true);
    expect(F.must('plans:get', { planId }).priorities[0]!.title).toBe('Impaired driving');
  });
});
