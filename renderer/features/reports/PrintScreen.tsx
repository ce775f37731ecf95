/**
 * The printed documents' route: the quarterly community report (QuarterlyReportDocument.tsx) and
 * the annual plan (AnnualPlanDocument.tsx), built from PrintedDocumentParts.tsx. The same route prints from
 * the app (window.print(), and "Save as PDF…": Electron's printToPDF of this page through main,
 * see electron/main/print-to-pdf.ts), from the harness (window.print(): the browser's dialog,
 * which can also save a PDF) and from the CLI (Chromium's page.pdf), with the same print
 * stylesheet, so the same layout; the toolbar is .no-print. A page of its own, without the app's header and navigation:
 * running header and page numbers come from @page margin boxes (reports.css) fed through CSS
 * variables set on the root element, paper size from a named page.
 */
import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Quarter } from '../../../shared/fiscal-calendar';
import { createI18n } from '../../i18n/i18n';
import type { PrintOptions } from '../../../shared/report-routes';
import { AnnualPlanDocument } from './AnnualPlanDocument';
import { QuarterlyReportDocument } from './QuarterlyReportDocument';
import '../../styles/reports.css';

/** The document in its own language when the route asks for one, else the app's. */
export function PrintScreen(props: { kind: 'quarterly'; planId: string; quarter: Quarter; options: PrintOptions } | { kind: 'annual'; planId: string; options: PrintOptions }) {
  const lang = props.options.lang;
  const instance = useMemo(() => (lang ? createI18n(lang) : null), [lang]);
  const body = props.kind === 'quarterly' ? <QuarterlyReportDocument planId={props.planId} quarter={props.quarter} options={props.options} /> : <AnnualPlanDocument planId={props.planId} options={props.options} />;
  return instance ? <I18nextProvider i18n={instance}>{body}</I18nextProvider> : body;
}
