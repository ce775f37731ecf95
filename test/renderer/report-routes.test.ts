import { describe, expect, it } from 'vitest';
import { parseReportRoute, reportHref, type ReportRoute } from '../../shared/report-routes';
import { hrefOf, parseRoute } from '../../renderer/app/routes';

describe('report routes', () => {
  it('parse and write the roll-up views and the print routes with their options', () => {
    const routes: ReportRoute[] = [
      { name: 'rollup', view: 'completeness' },
      { name: 'rollup', view: 'commitment' },
      { name: 'printQuarterly', planId: 'pla_1', quarter: 2, options: { lang: 'fr', public: true, paper: 'a4' } },
      { name: 'printQuarterly', planId: 'pla_1', quarter: 4, options: { lang: null, public: false, paper: 'letter' } },
      { name: 'printAnnual', planId: 'pla_2', options: { lang: 'en', public: false, paper: 'letter' } },
    ];
    for (const route of routes) {
      expect(parseReportRoute(reportHref(route))).toEqual(route);
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
    expect(reportHref(routes[2]!)).toBe('#/print/quarterly/pla_1/2?lang=fr&public=1&paper=a4');
    expect(reportHref(routes[1]!)).toBe('#/rollup/commitment');
    expect(parseRoute('#/rollup')).toEqual({ name: 'rollup', view: 'completeness' });
    // The roll-up's older addresses still lead to its tabs.
    expect(parseRoute('#/reports')).toEqual({ name: 'rollup', view: 'completeness' });
    expect(parseRoute('#/reports/themes')).toEqual({ name: 'rollup', view: 'themes' });
    expect(parseRoute('#/coordinator')).toEqual({ name: 'rollup', view: 'completeness' });
    expect(parseRoute('#/rollup/nothing').name).toBe('notFound');
    expect(parseRoute('#/print/quarterly/pla_1/5').name).toBe('notFound');
    expect(parseRoute('#/reports/nothing').name).toBe('notFound');
  });
});
