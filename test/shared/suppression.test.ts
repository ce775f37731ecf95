import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../shared/reports';
import { isCountUnit, publicOptions, suppressCount, suppressMeasure, suppressTable } from '../../shared/suppression';

const PUBLIC = publicOptions({ public: true });
const labels = { fewerThan: (n: number) => `fewer than ${n}` };

describe('small-number suppression', () => {
  it('shows counts below the threshold (default 5), zero included, as "fewer than 5" in public outputs only', () => {
    expect(PUBLIC).toEqual({ public: true, threshold: 5, excludeNarratives: true });
    expect([0, 1, 4, 5, 6, 120].map((n) => suppressCount(n, PUBLIC))).toEqual([{ fewerThan: 5 }, { fewerThan: 5 }, { fewerThan: 5 }, 5, 6, 120]);
    expect([0, 1, 4].map((n) => suppressCount(n, publicOptions()))).toEqual([0, 1, 4]);
    expect(suppressCount(9, publicOptions({ public: true, threshold: 10 }))).toEqual({ fewerThan: 10 });
  });

  it('keeps narratives in public outputs only when asked to', () => {
    expect(publicOptions({ public: true, includeNarratives: true }).excludeNarratives).toBe(false);
    expect(publicOptions({ public: false }).excludeNarratives).toBe(false);
  });

  it('suppresses measures only when they count people or events', () => {
    expect(['charges', 'calls for service', 'youth', 'incidents', 'appels'].every(isCountUnit)).toBe(true);
    expect(['%', 'percent', 'pour cent', 'rate per 1,000', 'taux', 'score', '$', 'days', 'hours per month'].some(isCountUnit)).toBe(false);
    expect(suppressMeasure(3, true, PUBLIC)).toEqual({ fewerThan: 5 });
    expect(suppressMeasure(3, false, PUBLIC)).toBe(3);
    expect(suppressMeasure(2.5, true, PUBLIC)).toBe(2.5);
    expect(suppressMeasure(null, true, PUBLIC)).toBeNull();
  });

  it('rewrites a table: small counts, small flagged measures, rates over small denominators, narratives dropped', () => {
    const table: DataTable = {
      id: 't',
      title: 'T',
      columns: [
        { key: 'name', label: 'Community', kind: 'text' },
        { key: 'n', label: 'Reports due', kind: 'count' },
        { key: 'rate', label: 'Rate', kind: 'rate', denominator: 'n' },
        { key: 'value', label: 'Value', kind: 'number', countFlag: '_count' },
        { key: 'story', label: 'Narrative', kind: 'narrative' },
      ],
      rows: [
        { name: 'Aklavik', n: 3, rate: 66.7, value: 2, _count: true, story: 'Cst. X met the family' },
        { name: 'Inuvik', n: 12, rate: 75, value: 2, _count: false, story: 'ok' },
        { name: 'Délı̨nę', n: 0, rate: null, value: 40, _count: true, story: '' },
      ],
    };
    const out = suppressTable(table, PUBLIC, labels);
    expect(out.columns.map((c) => c.key)).toEqual(['name', 'n', 'rate', 'value']);
    expect(out.rows).toEqual([
      { name: 'Aklavik', n: 'fewer than 5', rate: 'fewer than 5', value: 'fewer than 5', _count: true },
      { name: 'Inuvik', n: 12, rate: 75, value: 2, _count: false },
      { name: 'Délı̨nę', n: 'fewer than 5', rate: null, value: 40, _count: true },
    ]);
    expect(suppressTable(table, publicOptions(), labels)).toBe(table);
    expect(suppressTable(table, publicOptions({ public: true, includeNarratives: true }), labels).columns).toHaveLength(5);
  });
});
