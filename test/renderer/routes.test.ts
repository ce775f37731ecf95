import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, sectionOf, type Route } from '../../renderer/app/routes';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'communities' },
    { name: 'community', communityId: 'com_01' },
    { name: 'plan', planId: 'pla_abc' },
    { name: 'progress', planId: 'pla_abc', quarter: 2 },
    { name: 'report', planId: 'pla_abc', quarter: 4 },
    { name: 'rollup', view: 'indicators' },
    { name: 'completenessHistory' },
    { name: 'exports' },
    { name: 'commitments' },
    { name: 'commitment', commitmentId: 'com_442' },
    { name: 'settings' },
    { name: 'exchange' },
    { name: 'conflicts' },
    { name: 'peers' },
    { name: 'engagements', communityId: 'com_01' },
  ];

  it('read back every address they write', () => {
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('send unknown or malformed addresses to "not found" rather than guessing', () => {
    expect(parseRoute('#/plans/pla_abc/progress/5').name).toBe('notFound');
    expect(parseRoute('#/plans/<script>').name).toBe('notFound');
    expect(parseRoute('#/nowhere').name).toBe('notFound');
    expect(parseRoute('').name).toBe('home');
  });

  it('light the navigation section a screen belongs to, and none for an unknown address', () => {
    expect(sectionOf({ name: 'progress', planId: 'pla_abc', quarter: 2 })).toBe('communities');
    expect(sectionOf({ name: 'report', planId: 'pla_abc', quarter: 4 })).toBe('coordinator');
    // The roll-up's tabs are one section; printing and exports another.
    expect(sectionOf({ name: 'rollup', view: 'themes' })).toBe('coordinator');
    expect(sectionOf({ name: 'completenessHistory' })).toBe('coordinator');
    expect(sectionOf({ name: 'exports' })).toBe('reports');
    expect(sectionOf({ name: 'printAnnual', planId: 'pla_abc', options: { lang: null, public: false, paper: 'letter' } })).toBe('reports');
    expect(sectionOf({ name: 'peers' })).toBe('exchange');
    expect(sectionOf({ name: 'notFound', path: 'nowhere' })).toBeNull();
  });
});
