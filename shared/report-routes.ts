/**
 * The reports' hash routes: the roll-up's tabs (#/rollup/<view>; the older #/reports/<view> and
 * #/coordinator lead to the same tabs) and the print routes of the
 * quarterly report and the annual plan (#/print/quarterly/<plan>/<quarter>, #/print/annual/<plan>),
 * whose options ride in the query: lang=en|fr, public=1, paper=a4|letter. The CLI prints these
 * same routes to PDF. parseReportRoute and reportHref are inverse functions (tested).
 */
import { isQuarter, type Quarter } from './fiscal-calendar';
import type { Locale } from './vocabulary';

export const ROLLUP_VIEWS = ['completeness', 'status', 'themes', 'indicators', 'commitment'] as const;
export type RollupView = (typeof ROLLUP_VIEWS)[number];

export interface PrintOptions {
  /** The document's language; null: the app's. */
  lang: Locale | null;
  public: boolean;
  paper: 'letter' | 'a4';
  /** The quarterly report's entries as they were submitted, before later amendments (query `as=submitted`). */
  asSubmitted?: boolean;
}

export type ReportRoute =
  | { name: 'rollup'; view: RollupView }
  | { name: 'printQuarterly'; planId: string; quarter: Quarter; options: PrintOptions }
  | { name: 'printAnnual'; planId: string; options: PrintOptions };

const ID = /^[0-9A-Za-z_-]{1,64}$/;

function optionsOf(query: string): PrintOptions {
  const params = new URLSearchParams(query);
  const lang = params.get('lang');
  return {
    lang: lang === 'en' || lang === 'fr' ? lang : null,
    public: params.get('public') === '1',
    paper: params.get('paper') === 'a4' ? 'a4' : 'letter',
    ...(params.get('as') === 'submitted' ? { asSubmitted: true } : {}),
  };
}

function queryOf(options: PrintOptions): string {
  const params = new URLSearchParams();
  if (options.lang) params.set('lang', options.lang);
  if (options.public) params.set('public', '1');
  if (options.paper === 'a4') params.set('paper', 'a4');
  if (options.asSubmitted) params.set('as', 'submitted');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function parseReportRoute(hash: string): ReportRoute | null {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const [first, second, third, fourth] = parts;
  // The roll-up's tabs; #/reports/<view> and #/coordinator are their older addresses, still followed.
  if ((first === 'rollup' || first === 'reports') && parts.length === 1) return { name: 'rollup', view: 'completeness' };
  if ((first === 'rollup' || first === 'reports') && parts.length === 2 && (ROLLUP_VIEWS as readonly string[]).includes(second!)) return { name: 'rollup', view: second as RollupView };
  if (first === 'coordinator' && parts.length === 1) return { name: 'rollup', view: 'completeness' };
  if (first === 'print' && second === 'quarterly' && parts.length === 4 && ID.test(third!) && isQuarter(Number(fourth))) {
    return { name: 'printQuarterly', planId: third!, quarter: Number(fourth) as Quarter, options: optionsOf(query) };
  }
  if (first === 'print' && second === 'annual' && parts.length === 3 && ID.test(third!)) return { name: 'printAnnual', planId: third!, options: optionsOf(query) };
  return null;
}

export function reportHref(route: ReportRoute): string {
  switch (route.name) {
    case 'rollup':
      return `#/rollup/${route.view}`;
    case 'printQuarterly':
      return `#/print/quarterly/${encodeURIComponent(route.planId)}/${route.quarter}${queryOf(route.options)}`;
    case 'printAnnual':
      return `#/print/annual/${encodeURIComponent(route.planId)}${queryOf(route.options)}`;
  }
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { lang: null, public: false, paper: 'letter' };

export function isPrintRoute(route: { name: string }): boolean {
  return route.name === 'printQuarterly' || route.name === 'printAnnual';
}
