/**
 * The printable quarterly community report and annual plan document. The same route prints from
 * the app (window.print(), and "Save as PDF…": Electron's printToPDF of this page through main,
 * see electron/main/print-to-pdf.ts), from the harness (window.print(): the browser's dialog,
 * which can also save a PDF) and from the CLI (Chromium's page.pdf), with the same print
 * stylesheet, so the same layout; the toolbar is .no-print. A page of its own, without the app's header and navigation:
 * running header and page numbers come from @page margin boxes (reports.css) fed through CSS
 * variables set on the root element, paper size from a named page.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { suggestedPrintedPdfName } from '../../../shared/contract-files';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { CswbZone, OwnerParty } from '../../../shared/vocabulary';
import type { AnnualPlanData, QuarterlyReportData, ReportIndicator, ReportPlanHeader, ShownCount } from '../../../shared/reports';
import { isSuppressed } from '../../../shared/suppression';
import { Button } from '../../components/Button';
import { createSavePrintedPdf } from '../../api/printed-pdf';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { createI18n } from '../../i18n/i18n';
import { useFormat, type Formatter } from '../../i18n/format';
import type { PrintOptions } from '../../../shared/report-routes';
import { themeLabel } from '../plans/plan-reference';
import { href } from '../../app/routes';
import { useCall, useClient } from '../../app/store-context';
import { TrendSparkline } from '../rollup/charts';
import '../../styles/reports.css';

/** The document in its own language when the route asks for one, else the app's. */
export function PrintScreen(props: { kind: 'quarterly'; planId: string; quarter: Quarter; options: PrintOptions } | { kind: 'annual'; planId: string; options: PrintOptions }) {
  const lang = props.options.lang;
  const instance = useMemo(() => (lang ? createI18n(lang) : null), [lang]);
  const body = props.kind === 'quarterly' ? <QuarterlyDocument planId={props.planId} quarter={props.quarter} options={props.options} /> : <AnnualDocument planId={props.planId} options={props.options} />;
  return instance ? <I18nextProvider i18n={instance}>{body}</I18nextProvider> : body;
}

function useShown() {
  const { t } = useTranslation();
  const format = useFormat();
  return (value: ShownCount | null, unit = '') => {
    if (value === null) return t('reports.none');
    if (isSuppressed(value)) return t('reports.fewerThan', { n: value.fewerThan });
    return unit ? `${format.number(value)} ${unit}` : format.number(value);
  };
}

/** Sets the running header and the page-number words for @page margin boxes, and the paper. */
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
function useSavePdf(pdfName: string | null) {
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

function DocumentFrame({ options, header, ready, pdfName, back, children }: { options: PrintOptions; header: string | null; ready: boolean; pdfName: string | null; back: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  usePageChrome(header);
  const pdf = useSavePdf(pdfName);
  return (
    <article className={`print-doc print-doc--${options.paper}`} lang={i18n.language === 'fr' ? 'fr-CA' : 'en-CA'} data-print-ready={ready ? 'true' : undefined}>
      <div className="print-toolbar no-print">
        <a href={back}>{t('reports.print.back')}</a>
        <div className="button-group">
          {pdf ? (
            <Button icon="printer" busy={pdf.busy} disabled={!ready || pdfName === null} onClick={() => void pdf.run()}>
              {t('reports.print.savePdfButton')}
            </Button>
          ) : null}
          <Button variant="primary" onClick={() => window.print()}>
            {pdf ? t('reports.print.printOnlyButton') : t('reports.print.printButton')}
          </Button>
        </div>
      </div>
      {pdf ? (
        <div className="no-print" role="status">
          {pdf.saved ? (
            <Banner tone="success">
              <p>{t('reports.print.savedPdf', { file: pdf.saved })}</p>
            </Banner>
          ) : null}
        </div>
      ) : null}
      {pdf?.failure ? (
        <div className="no-print">
          <ErrorBanner error={pdf.failure} title={t('reports.print.savePdfFailed')} />
        </div>
      ) : null}
      {children}
    </article>
  );
}

function PlanFacts({ plan, extra }: { plan: ReportPlanHeader; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <dl className="print-facts">
      <div>
        <dt>{t('reports.print.planTitle')}</dt>
        <dd>{plan.title}</dd>
      </div>
      <div>
        <dt>{t('reports.print.detachment')}</dt>
        <dd>{plan.detachmentName ?? t('reports.none')}</dd>
      </div>
      <div>
        <dt>{t('reports.print.region')}</dt>
        <dd>{plan.region}</dd>
      </div>
      <div>
        <dt>{t('reports.print.planStatus')}</dt>
        <dd>{t(`vocab.planStatus.${plan.status}`)}</dd>
      </div>
      {extra}
    </dl>
  );
}

function PublicMarking({ options }: { options: { public: boolean; threshold: number } }) {
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

function OwnerText({ owner, lead }: { owner: OwnerParty; lead: string | null }) {
  const { t } = useTranslation();
  const party = t(`vocab.owner.${owner}`);
  return <>{lead ? `${party} — ${lead}` : party}</>;
}

function QuarterlyDocument({ planId, quarter, options }: { planId: string; quarter: Quarter; options: PrintOptions }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useCall('reports:quarterly', { planId, quarter, public: options.public }, { live: false });
  const data = report.data;
  const period = data ? format.quarter(data.plan.fiscalYear, quarter) : '';
  const header = data ? t('reports.print.pageHeader', { community: data.plan.communityName, title: t('reports.print.quarterlyTitle'), period }) : null;
  return (
    <DocumentFrame options={options} header={header} ready={!!data} pdfName={data ? suggestedPrintedPdfName(data.plan.communityName, data.plan.fiscalYear, quarter) : null} back={href.report(planId, quarter)}>
      {report.error && !data ? <ErrorBanner error={report.error} onRetry={report.reload} /> : null}
      {!data ? <Loading /> : <QuarterlyBody data={data} format={format} period={period} />}
    </DocumentFrame>
  );
}

function QuarterlyBody({ data, format, period }: { data: QuarterlyReportData; format: Formatter; period: string }) {
  const { t } = useTranslation();
  const shown = useShown();
  return (
    <>
      <header className="print-doc__title">
        <p className="print-doc__kicker">{t('reports.print.quarterlyTitle')}</p>
        <h1>
          {data.plan.communityName} — {period}
        </h1>
        <PlanFacts
          plan={data.plan}
          extra={
            <div>
              <dt>{t('reports.print.reportState')}</dt>
              <dd>
                {data.report.submittedAt ? t('reports.print.submitted', { date: format.date(data.report.submittedAt.slice(0, 10)), who: data.report.submittedBy ?? '' }) : t('reports.print.due', { date: format.date(data.report.dueDate) })}
              </dd>
            </div>
          }
        />
        <PublicMarking options={data.options} />
      </header>

      <section className="print-section print-glance">
        <h2>{t('reports.print.atAGlance')}</h2>
        <ul className="print-glance__list">
          {data.statusCounts
            .filter((s) => isSuppressed(s.count) || s.count > 0)
            .map((s) => (
              <li key={s.status}>
                <strong>{shown(s.count)}</strong> {t(`vocab.progressStatus.${s.status}`)}
              </li>
            ))}
        </ul>
      </section>

      {data.priorities.length === 0 ? <p>{t('reports.print.noPriorities')}</p> : null}
      {data.priorities.map((p, index) => (
        <section key={p.id} className="print-section print-priority">
          <PriorityHeading priority={p} rank={index + 1} />
          {p.actions.length === 0 ? (
            <p className="muted">{t('reports.print.noActions')}</p>
          ) : (
            <table className="print-table">
              <caption className="visually-hidden">{t('reports.print.actions')}</caption>
              <colgroup>
                <col className="print-col-action" />
                <col className="print-col-status" />
                {data.options.excludeNarratives ? null : (
                  <>
                    <col />
                    <col className="print-col-next" />
                  </>
                )}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('reports.print.action')}</th>
                  <th scope="col">{t('reports.print.status')}</th>
                  {data.options.excludeNarratives ? null : (
                    <>
                      <th scope="col">{t('reports.print.narrative')}</th>
                      <th scope="col">{t('reports.print.nextSteps')}</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {p.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.title}
                      <span className="print-unit"><OwnerText owner={a.owner} lead={a.leadName} /></span>
                    </th>
                    <td>{a.entry ? <StatusChip kind="progress" value={a.entry.status} /> : <span className="muted">{t('vocab.progressStatus.not_recorded')}</span>}</td>
                    {data.options.excludeNarratives ? null : (
                      <>
                        <td className="pre-wrap">{a.entry?.narrative}</td>
                        <td className="pre-wrap">{a.entry?.nextSteps}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.indicators.length ? <IndicatorRows indicators={p.indicators} fiscalYear={data.plan.fiscalYear} latestLabel={t('reports.print.thisQuarter')} /> : null}
        </section>
      ))}
      <p className="print-generated muted small">{t('reports.print.generated', { date: format.dateTime(data.generatedAt) })}</p>
    </>
  );
}

function AnnualDocument({ planId, options }: { planId: string; options: PrintOptions }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useCall('reports:annual', { planId, public: options.public }, { live: false });
  const data = report.data;
  const header = data ? t('reports.print.pageHeader', { community: data.plan.communityName, title: t('reports.print.annualTitle'), period: format.fiscalYear(data.plan.fiscalYear) }) : null;
  return (
    <DocumentFrame options={options} header={header} ready={!!data} pdfName={data ? suggestedPrintedPdfName(data.plan.communityName, data.plan.fiscalYear, null) : null} back={href.plan(planId)}>
      {report.error && !data ? <ErrorBanner error={report.error} onRetry={report.reload} /> : null}
      {!data ? <Loading /> : <AnnualBody data={data} format={format} />}
    </DocumentFrame>
  );
}

function AnnualBody({ data, format }: { data: AnnualPlanData; format: Formatter }) {
  const { t } = useTranslation();
  const shown = useShown();
  const signature = (who: 'Community' | 'Detachment', name: string | null, date: string | null) => (
    <div className="print-signature">
      <h3>{who === 'Community' ? t('reports.print.signatureCommunity') : t('reports.print.signatureDetachment')}</h3>
      <p>
        <span className="print-signature__label">{t('reports.print.signatureName')}</span> <span className="print-signature__value">{name ?? ''}</span>
      </p>
      <p className="print-signature__line">
        <span className="print-signature__label">{t('reports.print.signatureLine')}</span>
      </p>
      <p>
        <span className="print-signature__label">{t('reports.print.signatureDate')}</span> <span className="print-signature__value">{date ? format.date(date) : ''}</span>
      </p>
    </div>
  );
  return (
    <>
      <header className="print-doc__title">
        <p className="print-doc__kicker">{t('reports.print.annualTitle')}</p>
        <h1>
          {data.plan.communityName} — {format.fiscalYear(data.plan.fiscalYear)}
        </h1>
        <PlanFacts plan={data.plan} />
        <PublicMarking options={data.options} />
        {data.plan.summary ? (
          <div className="print-summary">
            <h2>{t('reports.print.summary')}</h2>
            <p className="pre-wrap">{data.plan.summary}</p>
          </div>
        ) : null}
      </header>

      {data.priorities.length === 0 ? <p>{t('reports.print.noPriorities')}</p> : null}
      {data.priorities.map((p, index) => (
        <section key={p.id} className="print-section print-priority">
          <PriorityHeading priority={p} rank={index + 1} />
          {p.description ? <p className="pre-wrap">{p.description}</p> : null}
          {p.actions.length === 0 ? (
            <p className="muted">{t('reports.print.noActions')}</p>
          ) : (
            <table className="print-table">
              <caption className="visually-hidden">{t('reports.print.actions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.print.action')}</th>
                  <th scope="col">{t('reports.print.owner')}</th>
                  <th scope="col">{t('reports.print.plannedQuarters')}</th>
                  <th scope="col">{t('reports.print.partners')}</th>
                  <th scope="col">{t('reports.print.commitments')}</th>
                </tr>
              </thead>
              <tbody>
                {p.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.title}
                      {a.description ? <span className="print-unit">{a.description}</span> : null}
                    </th>
                    <td><OwnerText owner={a.owner} lead={a.leadName} /></td>
                    <td>{a.plannedQuarters.map((q) => format.quarterShort(q)).join(', ')}</td>
                    <td>{a.partnerNames.join(', ')}</td>
                    <td>{a.commitmentNumbers.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.indicators.length ? <IndicatorRows indicators={p.indicators} fiscalYear={data.plan.fiscalYear} latestLabel={t('reports.print.latestValue')} /> : null}
        </section>
      ))}

      <section className="print-section print-year-end">
        <h2>{t('reports.print.yearEnd')}</h2>
        <p>{data.yearEnd.throughQuarter ? t('reports.print.yearEndThrough', { quarter: format.quarter(data.plan.fiscalYear, data.yearEnd.throughQuarter) }) : t('reports.print.yearEndNothing')}</p>
        <ul className="print-glance__list">
          {(['completed', 'carried_forward', 'discontinued'] as const).map((o) => (
            <li key={o}>
              <strong>{shown(data.yearEnd.counts[o])}</strong> {t(`reports.print.outcome.${o}`)}
            </li>
          ))}
        </ul>
        {(['completed', 'carried_forward', 'discontinued'] as const).map((o) => {
          const items = data.yearEnd.items.filter((i) => i.outcome === o);
          return items.length ? (
            <div key={o} className="print-keep">
              <h3>{t(`reports.print.outcome.${o}`)}</h3>
              <ul className="print-list">
                {items.map((i) => (
                  <li key={i.actionId}>
                    {i.title} <span className="muted">({i.priorityTitle}{i.lastStatus ? ` · ${t('reports.print.lastStatus')}: ${t(`vocab.progressStatus.${i.lastStatus}`)}, ${format.quarterShort(i.lastQuarter!)}` : ''}{i.continuedInPlanId ? ` · ${t('reports.print.continued')}` : ''})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null;
        })}
      </section>

      {data.revisions.length ? (
        <section className="print-section">
          <h2>{t('reports.print.revisions')}</h2>
          <ul className="print-list">
            {data.revisions.map((r) => (
              <li key={r.openedAt}>
                {format.date(r.openedAt.slice(0, 10))} — {r.reason} ({r.openedBy})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="print-section print-signatures">
        <h2>{t('reports.print.signatures')}</h2>
        <div className="print-signatures__grid">
          {signature('Community', data.plan.communitySignatory, data.plan.communitySignedOn)}
          {signature('Detachment', data.plan.detachmentSignatory, data.plan.detachmentSignedOn)}
        </div>
      </section>
      <p className="print-generated muted small">{t('reports.print.generated', { date: format.dateTime(data.generatedAt) })}</p>
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
