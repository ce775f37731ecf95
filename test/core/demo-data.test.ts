import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import { demoCoreOptions, DemoSeedRefused, seedDemoTerritory } from '../../electron/demo/demo-data';
import { generateIdentityKeys, memoryKeyStore } from '../../electron/core/bundles/identity';
import { digestOf, tableContents } from '../cli/table-digest';

/**
 * The demo territory. Seeded with demoCoreOptions() (a fixed clock and ULIDs drawn from the seed)
 * and the same signing key, two databases come out identical, every table, every row.
 */
const KEYS = generateIdentityKeys();
const NOW = '2026-11-24';
const dirs: string[] = [];
const cores: Core[] = [];

function seeded(seed: number, scale = 1): Core {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-demo-'));
  dirs.push(dir);
  const core = createCore({ dbFile: path.join(dir, 'planner.db'), ...demoCoreOptions({ seed, scale, now: NOW }), keyStore: memoryKeyStore(KEYS), log: () => {} });
  cores.push(core);
  seedDemoTerritory(core, { seed, scale, now: NOW });
  return core;
}

const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const EXPECTED_NAMES = [
  'Aklavik', 'Behchokǫ̀', 'Colville Lake', 'Délı̨nę', 'Dettah', 'Enterprise', 'Fort Good Hope', 'Fort Liard', 'Fort McPherson',
  'Fort Providence', 'Fort Resolution', 'Fort Simpson', 'Fort Smith', 'Gamètì', 'Hay River', "K'átł'odeeche",
  'Inuvik', 'Jean Marie River', 'Kakisa', "Łutselk'e", 'Nahanni Butte', 'Norman Wells', 'Paulatuk', 'Sachs Harbour', "Sambaa K'e",
  'Tsiigehtchic', 'Tuktoyaktuk', 'Ulukhaktok', 'Wekweètì', 'Whatì', 'Wrigley', 'Yellowknife', "N'dilo",
].map((n) => n.normalize('NFC'));

let first: Core;
let second: Core;

beforeAll(() => {
  first = seeded(1);
  second = seeded(1);
}, 60_000);

afterAll(() => {
  for (const core of cores) core.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo territory', () => {
  it('is the same, table for table and row for row, when seeded twice with the same seed', () => {
    const a = tableContents(first.context.sqlite);
    const b = tableContents(second.context.sqlite);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
    expect(digestOf(first.context.sqlite)).toBe(digestOf(second.context.sqlite));
  });

  it('differs with another seed', () => {
    expect(digestOf(seeded(2).context.sqlite)).not.toBe(digestOf(first.context.sqlite));
  }, 30_000);

  it('has exactly the 33 communities, spelled in their own way, in five regions', () => {
    const communities = must(first.invoke('communities:list', {}));
    expect(communities).toHaveLength(33);
    expect(new Set(communities.map((c) => c.name))).toEqual(new Set(EXPECTED_NAMES));
    expect(new Set(communities.map((c) => c.region))).toEqual(new Set(['Beaufort Delta', 'Sahtu', 'Dehcho', 'South Slave', 'North Slave']));
  });

  it('has communities without a detachment, each served by a neighbouring one', () => {
    const communities = must(first.invoke('communities:list', {}));
    const detachments = must(first.invoke('detachments:list', {}));
    const without = communities.filter((c) => !c.hasDetachment);
    expect(without.length).toBeGreaterThan(5);
    expect(detachments.length).toBeGreaterThanOrEqual(15);
    for (const c of without) {
      expect(c.servedByDetachmentName, c.name).toBeTruthy();
      expect(c.servedByDetachmentName!.startsWith(c.name), c.name).toBe(false);
    }
  });

  it('has the themes in English and French', () => {
    const themes = must(first.invoke('themes:list', {}));
    expect(themes.map((t) => t.code).sort()).toEqual(
      ['community_involvement', 'drugs_alcohol', 'family_violence', 'impaired_driving', 'mental_health_addictions', 'property_crime', 'traffic_safety', 'visibility_engagement', 'vulnerable_persons', 'youth'],
    );
    expect(themes.find((t) => t.code === 'traffic_safety')!.nameFr).toBe('Sécurité routière');
  });

  it('has commitment 4.4.2 with its milestone, and plans linked to it', () => {
    const commitments = must(first.invoke('commitments:list', {}));
    const plans442 = commitments.find((c) => c.number === '4.4.2')!;
    expect(plans442).toMatchObject({ kind: 'commitment', leadDepartment: 'Justice', status: 'underway_on_track' });
    expect(plans442.title).toMatch(/^Support the police and communities to develop policing action plans in each community/);
    expect(plans442.milestones.map((m) => m.title)).toContain('A policing priorities action plan for every community, every year');
    expect(commitments.length).toBeGreaterThanOrEqual(3);
    const detail = must(first.invoke('commitments:get', { commitmentId: plans442.id }));
    expect(detail.linkedActions.length).toBeGreaterThan(0);
    expect(detail.plansByYear.map((y) => y.fiscalYear)).toEqual([2024, 2025, 2026]);
  });

  it("has this year's plans agreed and active, with last year's copied forward", () => {
    const current = must(first.invoke('plans:list', { fiscalYear: 2026 }));
    expect(current.length).toBe(12);
    expect(new Set(current.map((p) => p.status))).toEqual(new Set(['active']));
    expect(current.filter((p) => p.copiedFromPlanId !== null).length).toBeGreaterThanOrEqual(8);
    for (const plan of current) expect(plan.priorityCount, plan.communityName).toBeGreaterThanOrEqual(3);
    const past = must(first.invoke('plans:list', { fiscalYear: 2025 }));
    expect(new Set(past.map((p) => p.status))).toEqual(new Set(['closed']));
    const carried = first.context.sqlite.prepare('SELECT count(*) FROM actions WHERE continues_action_id IS NOT NULL').pluck().get() as number;
    expect(carried).toBeGreaterThan(20);
  });

  it('shows on-time, late and missing reports for each past quarter of the current year', () => {
    const matrix = must(first.invoke('completeness:matrix', { fiscalYear: 2026, asOf: NOW }));
    for (const quarter of [1, 2]) {
      const totals = matrix.totals.find((t) => t.quarter === quarter)!;
      expect(totals.on_time, `Q${quarter}`).toBeGreaterThan(0);
      expect(totals.late, `Q${quarter}`).toBeGreaterThan(0);
      expect(totals.missing, `Q${quarter}`).toBeGreaterThan(0);
      expect(totals.no_plan).toBe(21);
    }
    expect(matrix.totals.find((t) => t.quarter === 3)!.upcoming).toBe(12);
  });

  it('shows a correction or two made after submission, marked amended in the matrix', () => {
    const matrix = must(first.invoke('completeness:matrix', { fiscalYear: 2026, asOf: NOW }));
    const amended = matrix.rows.flatMap((r) => r.cells.filter((c) => c.amended));
    expect(amended.length).toBe(2);
    expect(amended.every((c) => c.state === 'on_time' || c.state === 'late')).toBe(true);
  });

  it('was written through the contract: the change log holds the methods, by several people', () => {
    const methods = new Set(first.context.sqlite.prepare('SELECT DISTINCT method FROM changesets').pluck().all() as string[]);
    for (const m of ['demo:seed', 'organisations:create', 'people:create', 'plans:create', 'plans:copyForward', 'priorities:add', 'actions:add', 'indicators:add', 'plans:agree', 'plans:activate', 'progress:record', 'indicators:recordValue', 'reports:submit', 'reports:comment', 'plans:close']) {
      expect(methods.has(m), m).toBe(true);
    }
    const actors = first.context.sqlite.prepare('SELECT count(DISTINCT actor) FROM changesets').pluck().get() as number;
    expect(actors).toBeGreaterThan(10);
  });

  it('refuses to seed a database that already has communities', () => {
    expect(() => seedDemoTerritory(first, { seed: 1, now: NOW })).toThrow(DemoSeedRefused);
  });
});
