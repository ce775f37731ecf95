import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { demoCoreOptions, seedDemoTerritory } from '../../electron/demo/demo-data';
import { replicatedTables, type ReplicatedTableName } from '../../electron/core/changelog/replicated-tables';
import { jsonDepthWithin } from '../../electron/core/bundles/bundle-format';
import { type ChangesetBody, changesetBodySchema } from '../../electron/core/changelog/changeset-body';
import { newerVersionOfChangeset, problemWithChangeset } from '../../electron/core/changelog/changeset-validation';
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
      const bodies = core.context.sqlite.prepare('SELECT body FROM changesets').pluck().all() as string[];
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
  });
});

describe('versions', () => {
  it('tells a newer changeset from a damaged one before reading its shape', () => {
    expect(newerVersionOfChangeset({ schemaVersion: 3 })).toMatchObject({ key: 'import.newerChange' });
    expect(newerVersionOfChangeset({ v: 3, whatever: true })).toMatchObject({ key: 'import.newerChange' });
    expect(newerVersionOfChangeset({ v: 1, schemaVersion: 1 })).toBeNull();
    expect(newerVersionOfChangeset({ schemaVersion: '999' })).toBeNull();
    expect(newerVersionOfChangeset(null)).toBeNull();
    expect(newerVersionOfChangeset([2])).toBeNull();
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
