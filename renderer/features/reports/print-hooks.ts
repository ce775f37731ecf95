/** What both printed documents need beside their markup: numbers as printed, page chrome, Save as PDF. */
import { createContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Quarter } from '../../../shared/fiscal-calendar';
import { reportHref, type PrintOptions } from '../../../shared/report-routes';
import type { Locale } from '../../../shared/vocabulary';
import type { ShownCount } from '../../../shared/reports';
import { isSuppressed } from '../../../shared/suppression';
import { createSavePrintedPdf } from '../../api/printed-pdf';
import { useFormat } from '../../i18n/format';
import { useClient } from '../../app/store-context';

/** A count as printed: "fewer than n" when suppressed, with its unit when given. */
export function useShown() {
  const { t } = useTranslation();
  const format = useFormat();
  return (value: ShownCount | null, unit = '') => {
    if (value === null) return t('reports.none');
    if (isSuppressed(value)) return t('reports.fewerThan', { n: value.fewerThan });
    return unit ? `${format.number(value)} ${unit}` : format.number(value);
  };
}

export /** Sets the running header and the page-number words for @page margin boxes, and the paper. */
function usePageChrome(header: string | null) {
  const { t } = useTranslation();
  useEffect(() => {
    const root = document.documentElement;
    const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
    if (header !== null) root.style.setProperty('--print-header', quote(header));
    root.style.setProperty('--print-page', quote(t('reports.print.page')));
    root.style.setProperty('--print-of', quote(t('reports.print.of')));
    return () => {
      for (const name of ['--print-header', '--print-page', '--print-of']) root.style.removeProperty(name);
    };
  }, [header, t]);
}

/**
 * "Save as PDF…" where the adapter can (Electron); null in the harness, where window.print() is
 * the way to a PDF. Busy while the dialog is open and the page prints; then the path, or why not.
 */
export function useSavePdf(pdfName: string | null) {
  const client = useClient();
  const save = useMemo(() => createSavePrintedPdf(client), [client]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (save === null) return null;
  const run = async () => {
    if (busy || pdfName === null) return;
    setBusy(true);
    setSaved(null);
    setFailure(null);
    try {
      const file = await save(pdfName);
      if (file !== null) setSaved(file);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, saved, failure, dismiss: () => setFailure(null) };
}

/**
 * What the print screen knows about the document being printed, for the print options form: the
 * route (kind, plan, quarter, options), the plan's fiscal year once known, and the app's own i18n
 * instance (the form speaks the planner's language even when the document is in the other one).
 */
export interface PrintTarget {
  kind: 'quarterly' | 'annual';
  planId: string;
  quarter: Quarter | null;
  fiscalYear: number | null;
  options: PrintOptions;
  appI18n: I18n;
}

export const PrintTargetContext = createContext<PrintTarget | null>(null);

/** The print route with other options (and, for the quarterly report, another quarter). */
export function printTargetHref(target: Pick<PrintTarget, 'kind' | 'planId' | 'quarter'>, options: PrintOptions, quarter: Quarter | null = target.quarter): string {
  return target.kind === 'quarterly' && quarter !== null ? reportHref({ name: 'printQuarterly', planId: target.planId, quarter, options }) : reportHref({ name: 'printAnnual', planId: target.planId, options });
}

/**
 * The page's own title and language while the print page is open, in the print language:
 * Chromium's PDF printing (Electron's printToPDF, the CLI's page.pdf, the browser's "Save as PDF")
 * takes the PDF's Title from document.title and its language from <html lang>. Restored on leaving.
 * `data-print-title` on the root tells the CLI the title is in place; `data-print-paper` sets the
 * paper of every page, the first included.
 */
export function usePrintDocumentMeta(title: string | null, lang: Locale, paper: PrintOptions['paper'] = 'letter') {
  useEffect(() => {
    const root = document.documentElement;
    const before = { title: document.title, lang: root.lang };
    root.lang = lang === 'fr' ? 'fr-CA' : 'en-CA';
    // The paper from the very first page on (print-options.css names the whole page, not only the document's box).
    root.dataset.printPaper = paper;
    if (title !== null) {
      document.title = title;
      root.dataset.printTitle = title;
    }
    return () => {
      document.title = before.title;
      root.lang = before.lang;
      delete root.dataset.printTitle;
      delete root.dataset.printPaper;
    };
  }, [title, lang, paper]);
}

/**
 * Ctrl+P (⌘P) on a screen that has a printed document goes to that document's print page instead
 * of printing the screen's layout (where status chips overlap the text): one way to print.
 */
export function usePrintShortcut(printHref: string | null) {
  useEffect(() => {
    if (printHref === null) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        window.location.hash = printHref;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [printHref]);
}
