import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { demoCoreOptions, seedDemoTerritory } from '../../electron/demo/demo-data';
import { fieldKnownAt, fieldsKnownAt, replicatedTables, type ReplicatedTableName, SCHEMA_V1, SCHEMA_V2, tableKnownAt } from '../../electron/core/changelog/replicated-tables';
import { jsonDepthWithin } from '../../electron/core/bundles/bundle-format';
import { CHANGESET_SCHEMA_VERSION, CHANGESET_TEXT_VERSION, type ChangesetBody, changesetBodySchema } from '../../electron/core/changelog/changeset-body';
import { MAX_UNKNOWN_VALUE_BYTES, newerVersionOfChangeset, opsForLater, problemWithChangeset } from '../../electron/core/changelog/changeset-validation';
import { generateIdentityKeys, memoryKeyStore } from '../../electron/core/bundles/identity';
import { fieldRule, fieldRules } from '../../shared/field-rules';

/** The import's checks of what a changeset says, apart from bundles (see hostile-values.test.ts for whole bundles). */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('every replicated field has one rule', () => {
  it('gives a rule to each field of the registry, and to nothing else', () => {
    for (const [table, entry] of Object.entries(replicatedTables)) {
      for (const field of entry.fields) expect(fieldRule(table, field), `${table}.${field}`).toBeDefined();
      expect(Object.keys(fieldRules[table as ReplicatedTableName]).sort(), table).toEqual([...entry.fields].sort());
    }
    expect(Object.keys(fieldRules).sort()).toEqual(Object.keys(replicatedTables).sort());
    expect(fieldRule('installation', 'lastSeq')).toBeUndefined();
    expect(fieldRule('plans', 'constructor')).toBeUndefined();
    expect(fieldRule('__proto__', 'x')).toBeUndefined();
  });

  it('refuses null for a field whose column requires a value, and accepts it where the column allows empty', () => {
    const body = (field: string, value: unknown): ChangesetBody => ({
      v: 1, id: 'cs1', origin: 'o', seq: 1, hlc: 'h', schemaVersion: 1, actor: 'a', method: 'm', createdAt: 'c',
      ops: [{ opId: 'cs1.0', table: 'plans', rowId: 'p1', field, value: value as never, pred: [] }],
    });
    const columns = getTableColumns(replicatedTables.plans.table) as Record<string, { notNull: boolean }>;
    for (const field of replicatedTables.plans.fields) {
      expect(problemWithChangeset(body(field, null)) === null, field).toBe(!columns[field]!.notNull);
    }
  });
});

describe('what the planner itself writes', () => {
  it('passes every rule: every op of a seeded demo territory (plans, progress, reports, reference data)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-rules-'));
    dirs.push(dir);
    const core = createCore({ dbFile: path.join(dir, 'planner.db'), ...demoCoreOptions({ seed: 3, scale: 1, now: '2026-11-24' }), keyStore: memoryKeyStore(generateIdentityKeys()), log: () => {} });
    try {
      seedDemoTerritory(core, { seed: 3, scale: 1, now: '2026-11-24' });
      const bodies = core.context.sqlite.prepare('SELECT changeset_body(body) FROM changesets').pluck().all() as string[];
      const fields = new Set<string>();
      for (const text of bodies) {
        const body = changesetBodySchema.parse(JSON.parse(text));
        expect(problemWithChangeset(body), text.slice(0, 300)).toBeNull();
        for (const op of body.ops) fields.add(`${op.table}.${op.field}`);
      }
      // The demo touches most fields, so this says something about the rules, not about an empty log.
      expect(fields.size).toBeGreaterThan(60);
    } finally {
      core.close();
    }
    // Seeds a whole demo territory: a minute on a busy two-core machine.
  }, 120_000);
});

describe('versions', () => {
  it('tells a newer changeset from a damaged one before reading its shape', () => {
    expect(newerVersionOfChangeset({ v: CHANGESET_TEXT_VERSION + 1, whatever: true })).toMatchObject({ key: 'import.newerChange' });
    expect(newerVersionOfChangeset({ v: CHANGESET_TEXT_VERSION, schemaVersion: CHANGESET_SCHEMA_VERSION })).toBeNull();
    // A newer schema version reads like ours: its unknown fields are kept, not refused (below).
    expect(newerVersionOfChangeset({ v: CHANGESET_TEXT_VERSION, schemaVersion: CHANGESET_SCHEMA_VERSION + 1 })).toBeNull();
    expect(newerVersionOfChangeset({ schemaVersion: '999' })).toBeNull();
    expect(newerVersionOfChangeset(null)).toBeNull();
    expect(newerVersionOfChangeset([2])).toBeNull();
  });
});

describe('fields this version does not know', () => {
  const CURRENT = CHANGESET_SCHEMA_VERSION;
  const body = (schemaVersion: number, ops: Array<{ table: string; field: string; value: unknown }>): ChangesetBody => ({
    v: CHANGESET_TEXT_VERSION, id: 'cs1', origin: 'o', seq: 1, hlc: 'h', schemaVersion, actor: 'a', method: 'm', createdAt: 'c',
    ops: ops.map((op, i) => ({ opId: `cs1.${i}`, rowId: 'r1', pred: [], ...op, value: op.value as never })),
  });
  const key = (ref: ReturnType<typeof problemWithChangeset>) => (ref?.params as { problem?: { key: string } } | undefined)?.problem?.key ?? ref?.key ?? null;

  it('records the version that introduced each field: every version knows the fields of the ones before it', () => {
    expect(fieldKnownAt('plans', 'title', SCHEMA_V1)).toBe(true);
    expect(fieldKnownAt('organisations', 'retiredAt', SCHEMA_V1)).toBe(false);
    expect(fieldKnownAt('organisations', 'retiredAt', SCHEMA_V2)).toBe(true);
    expect(tableKnownAt('regions', SCHEMA_V1)).toBe(false);
    expect(tableKnownAt('regions', SCHEMA_V2)).toBe(true);
    expect(fieldKnownAt('plans', 'id', CURRENT)).toBe(false);
    expect(fieldKnownAt('__proto__', 'x', CURRENT)).toBe(false);
    for (const table of Object.keys(replicatedTables) as ReplicatedTableName[]) {
      // The current planner knows every field of its registry; each version's fields include the last one's.
      expect(fieldsKnownAt(table, CURRENT)).toEqual(replicatedTables[table].fields);
      for (let v = SCHEMA_V1; v < CURRENT; v++) expect(fieldsKnownAt(table, v + 1)).toEqual(expect.arrayContaining([...fieldsKnownAt(table, v)]));
      for (const field of Object.keys(replicatedTables[table].since)) expect(replicatedTables[table].fields, `${table}.${field}`).toContain(field);
    }
  });

  it('keeps the ops of a newer version on fields and kinds of record it does not know, within bounds', () => {
    const newer = body(CURRENT + 1, [
      { table: 'progressEntries', field: 'status', value: 'delayed' },
      { table: 'progressEntries', field: 'confidence', value: { level: 3, note: 'Elders agree' } },
      { table: 'safetyWalks', field: 'route', value: ['school', 'arena'] },
    ]);
    expect(problemWithChangeset(newer)).toBeNull();
    expect(opsForLater(newer, CURRENT)).toEqual([
      { table: 'progressEntries', field: 'confidence' },
      { table: 'safetyWalks', field: 'route' },
    ]);
    // Its ops on known fields are held to today's rules all the same.
    expect(key(problemWithChangeset(body(CURRENT + 1, [{ table: 'progressEntries', field: 'quarter', value: 99 }])))).toBe('import.valueRejected');
  });

  it('refuses a newer version’s unknown op whose names are not of the registry’s form, or whose value is too large', () => {
    expect(key(problemWithChangeset(body(CURRENT + 1, [{ table: 'plans', field: 'x"; DROP TABLE plans', value: 1 }])))).toBe('change.badName');
    expect(key(problemWithChangeset(body(CURRENT + 1, [{ table: '__proto__', field: 'x', value: 1 }])))).toBe('change.badName');
    expect(key(problemWithChangeset(body(CURRENT + 1, [{ table: 'plans', field: 'id', value: 'other' }])))).toBe('change.unknownField');
    expect(key(problemWithChangeset(body(CURRENT + 1, [{ table: 'plans', field: 'essay', value: 'x'.repeat(MAX_UNKNOWN_VALUE_BYTES) }])))).toBe('change.futureValueTooLarge');
    expect(problemWithChangeset(body(CURRENT + 1, [{ table: 'plans', field: 'essay', value: 'x'.repeat(MAX_UNKNOWN_VALUE_BYTES - 2) }]))).toBeNull();
  });

  it('refuses as damaged an unknown field in a changeset of this version or an older one', () => {
    for (const version of [CURRENT, SCHEMA_V1]) {
      expect(key(problemWithChangeset(body(version, [{ table: 'progressEntries', field: 'confidence', value: 3 }])))).toBe('change.unknownField');
      expect(key(problemWithChangeset(body(version, [{ table: 'safetyWalks', field: 'route', value: [] }])))).toBe('change.unknownTable');
    }
  });

  it('judges by the version the planner is built for: an older planner keeps what a newer one wrote', () => {
    const current = body(CURRENT, [{ table: 'organisations', field: 'retiredAt', value: '2025-06-01T00:00:00.000Z' }]);
    expect(problemWithChangeset(current, CURRENT)).toBeNull();
    expect(opsForLater(current, CURRENT)).toEqual([]);
    expect(problemWithChangeset(current, SCHEMA_V1)).toBeNull();
    expect(opsForLater(current, SCHEMA_V1)).toEqual([{ table: 'organisations', field: 'retiredAt' }]);
    // The same field in a changeset of the old planner's own version is damage there.
    expect(key(problemWithChangeset({ ...current, schemaVersion: SCHEMA_V1 }, SCHEMA_V1))).toBe('change.unknownField');
  });
});

describe('jsonDepthWithin', () => {
  it('counts nested arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthWithin('1', 0)).toBe(true);
    expect(jsonDepthWithin('[[1]]', 2)).toBe(true);
    expect(jsonDepthWithin('[[1]]', 1)).toBe(false);
    expect(jsonDepthWithin('{"a":{"b":[]}}', 3)).toBe(true);
    expect(jsonDepthWithin('{"a":{"b":[]}}', 2)).toBe(false);
    expect(jsonDepthWithin('["[[[[[[", "{{{{"]', 1)).toBe(true);
    expect(jsonDepthWithin('["\\"[[[[", "\\\\", []]', 1)).toBe(false);
    expect(jsonDepthWithin('[1],[2],[3]', 1)).toBe(true);
  });

  it('finds 10 000 levels quickly, and agrees with JSON.parse on what it measures', () => {
    expect(jsonDepthWithin('['.repeat(10_000) + ']'.repeat(10_000), 32)).toBe(false);
    const value = { a: [{ b: ['x]]]', { c: 1 }] }] };
    const text = JSON.stringify(value);
    expect(jsonDepthWithin(text, 5)).toBe(true);
    expect(jsonDepthWithin(text, 4)).toBe(false);
  });
});
