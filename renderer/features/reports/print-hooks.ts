/** What both printed documents need beside their markup: numbers as printed, page chrome, Save as PDF. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
