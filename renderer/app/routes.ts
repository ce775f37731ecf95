/**
 * Hash routes: the page never reloads and works the same from app://planner/ and from the
 * harness. `parseRoute` and `hrefOf` are inverse functions (tested).
 */
import { isQuarter, type Quarter } from '../../shared/fiscal-calendar';
import { DEFAULT_PRINT_OPTIONS, parseReportRoute, reportHref, type ReportRoute, type RollupView } from '../../shared/report-routes';

export type Route =
  | { name: 'home' }
  | { name: 'communities' }
  | { name: 'community'; communityId: string }
  | { name: 'plan'; planId: string }
  | { name: 'progress'; planId: string; quarter: Quarter }
  | { name: 'report'; planId: string; quarter: Quarter }
  | { name: 'completenessHistory' }
  | { name: 'exports' }
  | { name: 'commitments' }
  | { name: 'commitment'; commitmentId: string }
  | { name: 'settings' }
  | { name: 'computers' }
  | { name: 'exchange' }
  | { name: 'conflicts' }
  | { name: 'peers' }
  | { name: 'territory'; tab: TerritoryTab }
  | { name: 'practices' }

  | { name: 'engagements'; communityId: string }
  | ReportRoute
  | { name: 'notFound'; path: string };

export type RouteName = Route['name'];

/** The pages of the Territory section: the coordinator's reference lists. */
export const TERRITORY_TABS = ['communities', 'regions', 'detachments', 'themes', 'organisations'] as const;
export type TerritoryTab = (typeof TERRITORY_TABS)[number];
const isTerritoryTab = (s: string | undefined): s is TerritoryTab => (TERRITORY_TABS as readonly string[]).includes(s ?? '');

const ID = /^[0-9A-Za-z_-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const report = parseReportRoute(hash);
  if (report) return report;
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  const [first, second, third, fourth] = parts;
  const idOk = (s: string | undefined): s is string => s !== undefined && ID.test(s);
  const quarterOf = (s: string | undefined): Quarter | null => {
    const n = Number(s);
    return isQuarter(n) ? n : null;
  };
  if (parts.length === 0) return { name: 'home' };
  if (first === 'communities' && parts.length === 1) return { name: 'communities' };
  if (first === 'communities' && parts.length === 2 && idOk(second)) return { name: 'community', communityId: second };
  if (first === 'communities' && parts.length === 3 && idOk(second) && third === 'engagements') return { name: 'engagements', communityId: second };
  if (first === 'plans' && parts.length === 2 && idOk(second)) return { name: 'plan', planId: second };
  if (first === 'plans' && parts.length === 4 && idOk(second) && (third === 'progress' || third === 'report')) {
    const quarter = quarterOf(fourth);
    if (quarter) return { name: third, planId: second, quarter };
  }
  if (first === 'coordinator' && parts.length === 2 && second === 'history') return { name: 'completenessHistory' };
  if (first === 'exports' && parts.length === 1) return { name: 'exports' };
  if (first === 'commitments' && parts.length === 1) return { name: 'commitments' };
  if (first === 'commitments' && parts.length === 2 && idOk(second)) return { name: 'commitment', commitmentId: second };
  if (first === 'territory' && parts.length === 1) return { name: 'territory', tab: 'communities' };
  if (first === 'territory' && parts.length === 2 && isTerritoryTab(second)) return { name: 'territory', tab: second };
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  if (first === 'computers' && parts.length === 1) return { name: 'computers' };
  if (first === 'exchange' && parts.length === 1) return { name: 'exchange' };
  if (first === 'exchange' && parts.length === 2 && (second === 'conflicts' || second === 'peers')) return { name: second };
  if (first === 'practices' && parts.length === 1) return { name: 'practices' };
  return { name: 'notFound', path };
}

/**
 * One entry per route name, given that route with its own fields. A table of these (an address, a
 * screen) does not compile while a route lacks its entry.
 */
export type PerRoute<T> = { [N in RouteName]: (route: Extract<Route, { name: N }>) => T };

/** The table's entry for a route, applied to it. */
export function byRoute<T>(table: PerRoute<T>, route: Route): T {
  // TypeScript cannot pair a member of the union with the entry of the same name by itself.
  return (table[route.name] as (route: Route) => T)(route);
}

const HREFS: PerRoute<string> = {
  home: () => '#/',
  communities: () => '#/communities',
  community: (r) => `#/communities/${encodeURIComponent(r.communityId)}`,
  plan: (r) => `#/plans/${encodeURIComponent(r.planId)}`,
  progress: (r) => `#/plans/${encodeURIComponent(r.planId)}/progress/${r.quarter}`,
  report: (r) => `#/plans/${encodeURIComponent(r.planId)}/report/${r.quarter}`,
  completenessHistory: () => '#/coordinator/history',
  exports: () => '#/exports',
  commitments: () => '#/commitments',
  commitment: (r) => `#/commitments/${encodeURIComponent(r.commitmentId)}`,
  settings: () => '#/settings',
  computers: () => '#/computers',
  exchange: () => '#/exchange',
  conflicts: () => '#/exchange/conflicts',
  peers: () => '#/exchange/peers',
  territory: (r) => (r.tab === 'communities' ? '#/territory' : `#/territory/${r.tab}`),
  rollup: reportHref,
  printQuarterly: reportHref,
  printAnnual: reportHref,
  notFound: (r) => `#/${r.path}`,
  practices: () => '#/practices',

  engagements: (r) => `#/communities/${encodeURIComponent(r.communityId)}/engagements`,
};

export function hrefOf(route: Route): string {
  return byRoute(HREFS, route);
}

/** Shorthands for links. */
export const href = {
  home: () => hrefOf({ name: 'home' }),
  communities: () => hrefOf({ name: 'communities' }),
  community: (communityId: string) => hrefOf({ name: 'community', communityId }),
  plan: (planId: string) => hrefOf({ name: 'plan', planId }),
  progress: (planId: string, quarter: Quarter) => hrefOf({ name: 'progress', planId, quarter }),
  report: (planId: string, quarter: Quarter) => hrefOf({ name: 'report', planId, quarter }),
  /** The territorial roll-up: its completeness tab. */
  coordinator: () => hrefOf({ name: 'rollup', view: 'completeness' }),
  rollup: (view: RollupView = 'completeness') => hrefOf({ name: 'rollup', view }),
  completenessHistory: () => hrefOf({ name: 'completenessHistory' }),
  /** Printing and exports: the one place for the printed documents and the CSV/XLSX files. */
  exports: () => hrefOf({ name: 'exports' }),
  commitments: () => hrefOf({ name: 'commitments' }),
  commitment: (commitmentId: string) => hrefOf({ name: 'commitment', commitmentId }),
  settings: () => hrefOf({ name: 'settings' }),
  computers: () => hrefOf({ name: 'computers' }),
  exchange: () => hrefOf({ name: 'exchange' }),
  conflicts: () => hrefOf({ name: 'conflicts' }),
  peers: () => hrefOf({ name: 'peers' }),
  territory: (tab: TerritoryTab = 'communities') => hrefOf({ name: 'territory', tab }),
  reports: () => hrefOf({ name: 'exports' }),
  printAnnual: (planId: string) => hrefOf({ name: 'printAnnual', planId, options: DEFAULT_PRINT_OPTIONS }),
  practices: () => hrefOf({ name: 'practices' }),

  /** A community's engagement log (issue 14 §1). */
  engagements: (communityId: string) => hrefOf({ name: 'engagements', communityId }),
};

/**
 * The sections of the main navigation: 'coordinator' is the territorial roll-up (its tabs),
 * 'reports' the one place for printing and exports.
 */
export type Section = 'home' | 'communities' | 'coordinator' | 'reports' | 'commitments' | 'territory' | 'exchange' | 'computers' | 'settings' | 'practices';

const SECTIONS: Record<RouteName, Section | null> = {
  home: 'home',
  communities: 'communities',
  community: 'communities',
  plan: 'communities',
  progress: 'communities',
  report: 'coordinator',
  rollup: 'coordinator',
  completenessHistory: 'coordinator',
  exports: 'reports',
  printQuarterly: 'reports',
  printAnnual: 'reports',
  commitments: 'commitments',
  commitment: 'commitments',
  settings: 'settings',
  computers: 'computers',
  exchange: 'exchange',
  conflicts: 'exchange',
  peers: 'exchange',
  territory: 'territory',
  notFound: null,
  practices: 'practices',

  engagements: 'communities',
};

/** The section of the navigation a route belongs to. */
export function sectionOf(route: Route): Section | null {
  return SECTIONS[route.name];
}
