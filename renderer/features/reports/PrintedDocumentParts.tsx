/**
 * The pieces both printed documents are made of (QuarterlyReportDocument, AnnualPlanDocument): the
 * page frame with its toolbar, the plan's facts, the public marking, each priority's section with
 * its one action table and its indicator table.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CswbZone, Locale, OwnerParty } from '../../../shared/vocabulary';
import { generatedPlanTitle, planDisplayTitle } from '../../../shared/plan-title';
import type { ReportIndicator, ReportPlanHeader } from '../../../shared/reports';
import { useFormat } from '../../i18n/format';
import type { PrintOptions } from '../../../shared/report-routes';
import { themeLabel } from '../plans/plan-reference';
import { TrendSparkline } from '../rollup/charts';
import { usePageChrome, useShown } from './print-hooks';
import { PrintToolbar } from './PrintToolbar';

export function DocumentFrame({ options, header, ready, pdfName, back, children }: { options: PrintOptions; header: string | null; ready: boolean; pdfName: string | null; back: string; children: ReactNode }) {
  const { i18n } = useTranslation();
  usePageChrome(header);
  usePaper(options.paper);
  return (
    <article className={`print-doc print-doc--${options.paper}`} lang={i18n.language === 'fr' ? 'fr-CA' : 'en-CA'} data-print-ready={ready ? 'true' : undefined}>
      {/* Back, Print, Save as PDF and the print options (A2's PrintToolbar.tsx); never printed. */}
      <PrintToolbar ready={ready} pdfName={pdfName} back={back} />
      {children}
    </article>
  );
}

/**
 * The paper of the whole printed document. A named page (reports.css, `@page a4`) is not enough:
 * Chromium lays the document out for the first @page's size and only then cuts A4 pages from
 * it, clipping the right edge of every table. So for A4 the page's own size rule is added as a
 * constructed style sheet (allowed by the Content-Security-Policy, which forbids inline
 * <style>), after the app's; the root element also names the paper for the stylesheet.
 */
const PAPER_SHEETS: Partial<Record<PrintOptions['paper'], string>> = { a4: '@page { size: A4; }' };

function usePaper(paper: PrintOptions['paper']) {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.paper = paper;
    const rule = PAPER_SHEETS[paper];
    let sheet: CSSStyleSheet | null = null;
    if (rule && typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(rule);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    return () => {
      delete root.dataset.paper;
      if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [paper]);
}

/**
 * The plan's title in the document's language: the core composes a generated title in the
 * installation's language, which may not be the one the document is printed in.
 */
function printedPlanTitle(plan: ReportPlanHeader, locale: Locale): string {
  const generated = (['en', 'fr'] as const).some((l) => generatedPlanTitle(plan.communityName, plan.fiscalYear, l) === plan.title);
  return generated ? generatedPlanTitle(plan.communityName, plan.fiscalYear, locale) : planDisplayTitle(plan.title, plan.communityName, plan.fiscalYear, locale);
}

export function PlanFacts({ plan, extra }: { plan: ReportPlanHeader; extra?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: Array<[string, ReactNode]> = [
    [t('reports.print.planTitle'), printedPlanTitle(plan, format.locale)],
    [t('reports.print.detachment'), plan.detachmentName ?? t('reports.none')],
    [t('reports.print.region'), plan.region],
    [t('reports.print.planStatus'), t(`vocab.planStatus.${plan.status}`)],
  ];
  return (
    <dl className="print-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {extra}
    </dl>
  );
}

export function PublicMarking({ options }: { options: { public: boolean; threshold: number } }) {
  const { t } = useTranslation();
  return options.public ? <p className="print-marking">{t('reports.print.publicMarking', { n: options.threshold })}</p> : null;
}

function IndicatorRows({ indicators, fiscalYear, latestLabel }: { indicators: ReportIndicator[]; fiscalYear: number; latestLabel: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useShown();
  return (
    <table className="print-table print-table--indicators">
      <caption className="visually-hidden">{t('reports.print.indicators')}</caption>
      <colgroup>
        <col className="print-col-indicator" />
        <col className="print-col-number" />
        <col className="print-col-number" />
        <col className="print-col-number" />
        <col className="print-col-assessment" />
        <col className="print-col-trend" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('reports.print.indicator')}</th>
          <th scope="col" className="numeric">{t('reports.print.baseline')}</th>
          <th scope="col" className="numeric">{t('reports.print.target')}</th>
          <th scope="col" className="numeric">{latestLabel}</th>
          <th scope="col">{t('reports.print.assessment')}</th>
          <th scope="col">{t('reports.print.trend')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => {
          const points = i.trend.map((p) => ({ label: p.fiscalYear === fiscalYear ? format.quarterShort(p.quarter) : `${format.quarterShort(p.quarter)}’${String(p.fiscalYear).slice(2)}`, value: typeof p.value === 'number' ? p.value : null }));
          const values = i.trend.map((p) => `${format.quarter(p.fiscalYear, p.quarter)}: ${p.value === null ? t('reports.print.noValue') : shown(p.value)}`).join('; ');
          return (
            <tr key={i.id}>
              <th scope="row">
                {i.name}
                <span className="print-unit"> ({i.unit}; {t(`vocab.direction.${i.direction}`).toLowerCase()})</span>
              </th>
              <td className="numeric">{shown(i.baseline)}</td>
              <td className="numeric">{shown(i.target)}</td>
              <td className="numeric">{shown(i.current)}</td>
              <td>{t(`vocab.assessment.${i.assessment}`)}</td>
              <td className="print-trend">
                <TrendSparkline points={points} target={typeof i.target === 'number' ? i.target : null} />
                <span className="visually-hidden">{t('reports.print.trendAlt', { name: i.name, values })}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * "Owner and lead": the owning party, then the lead by name (the person chosen from the people
 * list, else the name typed in: report-data.ts reads both through one helper), then the partners
 * when asked for.
 */
export function OwnerText({ owner, lead, partners = [] }: { owner: OwnerParty; lead: string | null; partners?: string[] }) {
  const { t } = useTranslation();
  const party = t(`vocab.owner.${owner}`);
  return (
    <>
      {lead ? `${party} — ${lead}` : party}
      {partners.length ? <span className="print-partners">{t('printContent.withPartners', { names: partners.join(', ') })}</span> : null}
    </>
  );
}

/** A priority's heading and its zone and themes line, the same in both documents. */
function PriorityHeading({ priority, rank }: { priority: { title: string; zone: CswbZone; themes: Array<{ nameEn: string; nameFr: string }> }; rank: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h2>{t('reports.print.priority', { rank, title: priority.title })}</h2>
      <p className="print-meta">
        {t('reports.print.zoneThemes', { zone: t(`vocab.zone.${priority.zone}`) })}
        {priority.themes.length ? ` · ${t('reports.print.themes', { themes: priority.themes.map((th) => themeLabel(th, format.locale)).join(', ') })}` : ''}
      </p>
    </>
  );
}

export interface PrintedColumn<A> {
  header: string;
  cell: (action: A) => ReactNode;
  /** The cell's class (pre-wrap for narratives). */
  className?: string;
}

/**
 * A priority's actions as one table, the same in both documents: the title (with a line under it)
 * as the row header, then the document's own columns. `widths`, when given, fixes the columns
 * (one class, or none, per column, the title's first).
 */
export function PrintedActionTable<A extends { id: string; title: string }>({ actions, note, columns, widths }: { actions: A[]; note: (action: A) => ReactNode; columns: Array<PrintedColumn<A>>; widths?: Array<string | undefined> }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p className="muted">{t('reports.print.noActions')}</p>;
  return (
    <table className="print-table">
      <caption className="visually-hidden">{t('reports.print.actions')}</caption>
      {widths ? (
        <colgroup>
          {widths.map((width, i) => (
            <col key={i} className={width} />
          ))}
        </colgroup>
      ) : null}
      <thead>
        <tr>
          <th scope="col">{t('reports.print.action')}</th>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => {
          const line = note(a);
          return (
            <tr key={a.id}>
              <th scope="row">
                {a.title}
                {line ? <span className="print-unit">{line}</span> : null}
              </th>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(a)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type PrintedPriorityShape = { id: string; title: string; zone: CswbZone; themes: Array<{ nameEn: string; nameFr: string }>; indicators: ReportIndicator[] };

/** Each priority's section, or a line saying there is none; the document fills in the actions. */
export function PrintedPriorities<P extends PrintedPriorityShape>({ priorities, fiscalYear, latestLabel, children }: { priorities: P[]; fiscalYear: number; latestLabel: string; children: (priority: P) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {priorities.length === 0 ? <p>{t('reports.print.noPriorities')}</p> : null}
      {priorities.map((p, index) => (
        <section key={p.id} className="print-section print-priority">
          <PriorityHeading priority={p} rank={index + 1} />
          {children(p)}
          {p.indicators.length ? <IndicatorRows indicators={p.indicators} fiscalYear={fiscalYear} latestLabel={latestLabel} /> : null}
        </section>
      ))}
    </>
  );
}

export function GeneratedOn({ at }: { at: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return <p className="print-generated muted small">{t('reports.print.generated', { date: format.dateTime(at) })}</p>;
}
