/**
 * The print page's toolbar (never printed): Back, "Save as PDF…" where the adapter can (Electron),
 * "Print…", and the print options — paper size, the document's language (independent of the
 * planner's), the public version (small-number suppression, shared/suppression.ts) and, for the
 * quarterly report, which quarter. Each option rewrites the print route's query (replacing the
 * history entry), so the document below is always exactly what prints, and a link to the page
 * keeps its options. The toolbar speaks the planner's language, even when the document below is in
 * the other one (it is wrapped in the app's own i18n instance, from PrintTargetContext).
 */
import { useContext, useId, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { fiscalYearLabel, quarterLabel, QUARTERS, type Quarter } from '../../../shared/fiscal-calendar';
import type { PrintOptions } from '../../../shared/report-routes';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../../shared/suppression';
import type { Locale } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { Banner, ErrorBanner } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { PrintTargetContext, printTargetHref, useSavePdf, type PrintTarget } from './print-hooks';
import './print-options.css';

export function PrintToolbar({ ready, pdfName, back }: { ready: boolean; pdfName: string | null; back: string }) {
  const target = useContext(PrintTargetContext);
  const body = <ToolbarBody ready={ready} pdfName={pdfName} back={back} target={target} />;
  return target ? <I18nextProvider i18n={target.appI18n}>{body}</I18nextProvider> : body;
}

function ToolbarBody({ ready, pdfName, back, target }: { ready: boolean; pdfName: string | null; back: string; target: PrintTarget | null }) {
  const { t, i18n } = useTranslation();
  const pdf = useSavePdf(pdfName);
  const hintId = useId();
  return (
    <div className="print-controls no-print" lang={i18n.language === 'fr' ? 'fr-CA' : 'en-CA'}>
      <div className="print-toolbar">
        <a href={back}>{t('reports.print.back')}</a>
        <div className="button-group">
          {pdf ? (
            <Button icon="printer" busy={pdf.busy} disabled={!ready || pdfName === null} onClick={() => void pdf.run()}>
              {t('reports.print.savePdfButton')}
            </Button>
          ) : null}
          <Button variant="primary" icon={pdf ? undefined : 'printer'} disabled={!ready} aria-describedby={hintId} onClick={() => window.print()}>
            {pdf ? t('reports.print.printOnlyButton') : t('reports.print.printButton')}
          </Button>
        </div>
      </div>
      <p id={hintId} className="print-controls__hint">
        {t('printOptions.printHint')} {pdf ? null : t('printOptions.printHintPdf')}
      </p>
      {target ? <PrintOptionsForm target={target} /> : null}
      {pdf ? (
        <div role="status">
          {pdf.saved ? (
            <Banner tone="success">
              <p>{t('reports.print.savedPdf', { file: pdf.saved })}</p>
            </Banner>
          ) : null}
        </div>
      ) : null}
      {pdf?.failure ? <ErrorBanner error={pdf.failure} title={t('reports.print.savePdfFailed')} /> : null}
    </div>
  );
}

/** The options as a small form: each change goes to the print route with the new options. */
function PrintOptionsForm({ target }: { target: PrintTarget }) {
  const { t, i18n } = useTranslation();
  const appLocale: Locale = i18n.language === 'fr' ? 'fr' : 'en';
  const options = target.options;
  const lang: Locale = options.lang ?? appLocale;
  const legendId = useId();
  const publicId = useId();
  const [announced, setAnnounced] = useState('');

  const go = (next: PrintOptions, quarter: Quarter | null = target.quarter) => {
    const summary = [
      next.paper === 'a4' ? t('printOptions.paperA4') : t('printOptions.paperLetter'),
      (next.lang ?? appLocale) === 'fr' ? t('printOptions.french') : t('printOptions.english'),
      ...(quarter !== null && target.fiscalYear !== null ? [quarterLabel(target.fiscalYear, quarter, appLocale)] : []),
      next.public ? t('printOptions.summaryPublic') : t('printOptions.summaryFull'),
    ].join(', ');
    setAnnounced(t('printOptions.updated', { summary }));
    window.location.replace(printTargetHref(target, next, quarter));
  };

  const quarterName = (q: Quarter) => (target.fiscalYear !== null ? quarterLabel(target.fiscalYear, q, appLocale) : `${appLocale === 'fr' ? 'T' : 'Q'}${q}`);
  return (
    <form className="print-options" aria-labelledby={legendId} onSubmit={(event) => event.preventDefault()}>
      <fieldset className="print-options__fields">
        <legend id={legendId} className="print-options__legend">
          {t('printOptions.legend')}
          {target.fiscalYear !== null && target.kind === 'annual' ? <span className="visually-hidden"> — {fiscalYearLabel(target.fiscalYear, appLocale)}</span> : null}
        </legend>
        <Select
          label={t('printOptions.paper')}
          value={options.paper}
          onChange={(event) => go({ ...options, paper: event.target.value === 'a4' ? 'a4' : 'letter' })}
          options={[
            { value: 'letter', label: t('printOptions.paperLetter') },
            { value: 'a4', label: t('printOptions.paperA4') },
          ]}
        />
        <Select
          label={t('printOptions.language')}
          hint={t('printOptions.languageHint')}
          value={lang}
          onChange={(event) => go({ ...options, lang: event.target.value === 'fr' ? 'fr' : 'en' })}
          options={[
            { value: 'en', label: t('printOptions.english') },
            { value: 'fr', label: t('printOptions.french') },
          ]}
        />
        {target.kind === 'quarterly' && target.quarter !== null ? (
          <Select
            label={t('printOptions.quarter')}
            value={String(target.quarter)}
            // "As submitted" belongs to the amended quarter it was asked for: another quarter prints as it stands.
            onChange={(event) => go(withoutAsSubmitted(options), Number(event.target.value) as Quarter)}
            options={QUARTERS.map((q) => ({ value: String(q), label: quarterName(q) }))}
          />
        ) : null}
        <div className="field print-options__public">
          <label className="choice" htmlFor={publicId}>
            <input id={publicId} type="checkbox" checked={options.public} aria-describedby={`${publicId}-hint`} onChange={(event) => go({ ...options, public: event.target.checked })} />
            {t('printOptions.publicVersion')}
          </label>
          <span id={`${publicId}-hint`} className="field__hint">
            {t('printOptions.publicHint', { n: DEFAULT_SUPPRESSION_THRESHOLD })}
          </span>
        </div>
      </fieldset>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </form>
  );
}

function withoutAsSubmitted({ asSubmitted: _dropped, ...rest }: PrintOptions): PrintOptions {
  return rest;
}
