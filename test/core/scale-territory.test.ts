import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScaleTerritory, type ScaleTerritorySummary } from '../../electron/demo/scale-territory';
import { bundlePath } from '../support';
import { type Computer, newComputer } from '../sync/support/territory';

/**
 * The scale benchmark's synthetic territory (scripts/bench-scale.ts), small: three communities,
 * two fiscal years, every community in the program. What the benchmark measures must be real
 * work: a change log of signed changesets that a second coordinator computer imports in full and
 * ends up with the same data.
 */
const NOW = '2026-11-24T17:00:00.000Z';
let source: Computer;
let receiver: Computer;
let summary: ScaleTerritorySummary;

beforeAll(() => {
  source = newComputer('scale-source', '2024-12-01T15:00:00.000Z');
  const started = source.must('territory:start', { territoryName: 'Scale territory', computerName: 'Justice HQ', userName: 'Territorial coordinator', locale: 'en' });
  // Enrolled while the territory is empty, as the benchmark does: the history then travels in one bundle.
  receiver = newComputer('scale-receiver', NOW);
  receiver.must('territory:join', { computerName: 'Second coordinator computer', userName: 'Deputy coordinator' });
  const requestFile = path.join(receiver.dir, 'request.json');
  receiver.must('enrolment:writeRequest', { file: requestFile });
  const request = source.must('enrolment:readRequest', { file: requestFile });
  const enrolment = bundlePath(source, 'enrol');
  source.must('enrolment:enrol', { requestId: request.requestId, role: 'coordinator', communityIds: null, file: enrolment, passphrase: 'correct horse battery' });
  receiver.must('enrolment:accept', { file: enrolment, passphrase: 'correct horse battery', territoryFingerprint: started.territory!.fingerprint });

  summary = seedScaleTerritory(source.core, { communities: 3, years: 2, plannedShare: 1, now: NOW, stepsPerTransaction: 50 });
});

afterAll(() => {
  source?.core.close();
  receiver?.core.close();
});

describe('the scale benchmark territory', () => {
  it('gives every community a plan each fiscal year, with priorities, actions, indicators and quarterly progress', () => {
    expect(summary).toMatchObject({ communities: 3, plannedCommunities: 3, fiscalYears: [2025, 2026], plans: 6 });
    const count = (sql: string) => source.core.context.sqlite.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM plans')).toBe(6);
    expect(count('SELECT count(DISTINCT community_id) FROM plans')).toBe(3);
    // Every plan holds 3 to 6 priorities, each with at least one action and one indicator.
    expect(count('SELECT count(*) FROM (SELECT plan_id, count(*) AS n FROM priorities GROUP BY plan_id HAVING n BETWEEN 3 AND 6)')).toBe(6);
    expect(count('SELECT count(*) FROM priorities p WHERE NOT EXISTS (SELECT 1 FROM actions a WHERE a.priority_id = p.id)')).toBe(0);
    expect(count('SELECT count(*) FROM priorities p WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.priority_id = p.id)')).toBe(0);
    // Last year's plans are closed and this year's copied forward from them; quarters already past have progress.
    expect(count("SELECT count(*) FROM plans WHERE fiscal_year = 2025 AND status = 'closed'")).toBe(3);
    expect(count("SELECT count(*) FROM plans WHERE fiscal_year = 2026 AND status = 'active' AND copied_from_plan_id IS NOT NULL")).toBe(3);
    expect(count('SELECT count(DISTINCT quarter) FROM progress_entries WHERE fiscal_year = 2025')).toBe(4);
    expect(count('SELECT count(*) FROM progress_entries WHERE fiscal_year = 2026 AND quarter = 4')).toBe(0);
    // One signed changeset per step, as the same steps made in the app would be.
    expect(summary.changesets).toBeGreaterThan(100);
    expect(source.must('completeness:matrix', { fiscalYear: 2025 }).rows).toHaveLength(3);
  });

  it('is a change log a second coordinator computer imports in full, every signature checked, ending with the same data', () => {
    const file = bundlePath(source, 'history');
    const exported = source.must('bundles:export', { to: receiver.must('sync:whoami', {}).installationId, file });
    const imported = receiver.must('bundles:import', { file });
    expect(imported.changesetCount).toBe(exported.changesetCount);
    expect(imported.changesetCount).toBeGreaterThanOrEqual(summary.changesets);
    expect(receiver.must('sync:digest', {}).digest).toBe(source.must('sync:digest', {}).digest);
    expect(receiver.must('plans:list', {})).toHaveLength(6);
  });
});
