/**
 * The printed documents' route: the quarterly community report (QuarterlyReportDocument.tsx) and
 * the annual plan (AnnualPlanDocument.tsx), built from PrintedDocumentParts.tsx. This page is the
 * ONE way to print a document: every print button in the app links here (the report and plan
 * screens never print their own layout), and its toolbar (PrintToolbar.tsx, .no-print) holds the
 * print options — paper, language, public version, quarter — which rewrite this route's query, so
 * what is on screen is what prints. It prints from the app (window.print(), and "Save as PDF…":
 * Electron's printToPDF of this page through main, see electron/main/print-to-pdf.ts), from the
 * harness (window.print(): the browser's dialog, which can also save a PDF) and from the CLI
 * (Chromium's page.pdf), with the same print stylesheet, so the same layout. A page of its own,
 * without the app's header and navigation: running header and page numbers come from @page margin
 * boxes (reports.css) fed through CSS variables set on the root element, paper size from a named
 * page. The page's title and <html lang> are the document's own, in the print language, so the
 * PDF's Title and language are too (tagged PDFs: see print-to-pdf.ts and electron/cli/report-pdf.ts).
 */
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { fiscalYearLabel, type Quarter } from '../../../shared/fiscal-calendar';
import type { PrintOptions } from '../../../shared/report-routes';
import type { Locale } from '../../../shared/vocabulary';
import { createI18n } from '../../i18n/i18n';
import { useCall, usePlanner } from '../../app/store-context';
import { AnnualPlanDocument } from './AnnualPlanDocument';
import { QuarterlyReportDocument } from './QuarterlyReportDocument';
import { PrintTargetContext, usePrintDocumentMeta, type PrintTarget } from './print-hooks';
import '../../styles/reports.css';
import './print-options.css';

type PrintScreenProps = { kind: 'quarterly'; planId: string; quarter: Quarter; options: PrintOptions } | { kind: 'annual'; planId: string; options: PrintOptions };

/** The document in its own language when the route asks for one, else the app's. */
export function PrintScreen(props: PrintScreenProps) {
  const { i18n: appI18n } = useTranslation();
  const appLocale: Locale = appI18n.language === 'fr' ? 'fr' : 'en';
  const lang: Locale = props.options.lang ?? appLocale;
  // Always a provider of its own (never one only when the route names a language): switching the
  // language in the print options re-renders the document without remounting the options form.
  const instance = useMemo(() => createI18n(lang), [lang]);
  const quarter = props.kind === 'quarterly' ? props.quarter : null;
  const plan = useCall('plans:get', { planId: props.planId }, { live: false });
  const fiscalYear = plan.data?.fiscalYear ?? null;
  const title = plan.data ? documentTitle(instance.t, lang, props.kind, plan.data.communityName, plan.data.fiscalYear, quarter) : null;
  usePrintDocumentMeta(title, lang, props.options.paper);

  const target = useMemo<PrintTarget>(() => ({ kind: props.kind, planId: props.planId, quarter, fiscalYear, options: props.options, appI18n }), [props.kind, props.planId, quarter, fiscalYear, props.options, appI18n]);
  const body = props.kind === 'quarterly' ? <QuarterlyReportDocument planId={props.planId} quarter={props.quarter} options={props.options} /> : <AnnualPlanDocument planId={props.planId} options={props.options} />;
  return (
    <PrintTargetContext.Provider value={target}>
      <I18nextProvider i18n={instance}>
        <PrintedDemoMark />
        {body}
      </I18nextProvider>
    </PrintTargetContext.Provider>
  );
}

/**
 * On paper, a document from the demo territory says so in the document's own language (the app's
 * demo banner, in the planner's language, is left off the printed page: print-options.css).
 */
function PrintedDemoMark() {
  const { t } = useTranslation();
  const isDemo = usePlanner((s) => s.setup?.isDemo === true);
  if (!isDemo) return null;
  return (
    <p className="print-demo-mark">
      <strong>{t('territory.demo.banner')}</strong> {t('territory.demo.bannerBody')}
    </p>
  );
}

/** "Łutselk'e — quarterly report, Q2 FY 2026–27" / "Łutselk'e — rapport trimestriel, T2 EF 2026-2027". */
export function documentTitle(t: ReturnType<typeof createI18n>['t'], lang: Locale, kind: 'quarterly' | 'annual', community: string, fiscalYear: number, quarter: Quarter | null): string {
  const year = fiscalYearLabel(fiscalYear, lang);
  if (kind === 'quarterly' && quarter !== null) return t('printOptions.docTitleQuarterly', { community, quarter: `${lang === 'fr' ? 'T' : 'Q'}${quarter}`, year });
  return t('printOptions.docTitleAnnual', { community, year });
}
