/** The printed annual plan: priorities, actions, indicators, the year-end summary, revisions, signatures. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedPrintedPdfName } from '../../../shared/contract-files';
import type { AnnualPlanData } from '../../../shared/reports';
import { ErrorBanner } from '../../components/Feedback';
import { OperationProgress } from '../operations/OperationProgress';
import { useFormat, type Formatter } from '../../i18n/format';
import type { PrintOptions } from '../../../shared/report-routes';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { useShown } from './print-hooks';
import { PrintedEngagements, usePrintedEngagements } from '../engagements/PrintedEngagements';
import { DocumentFrame, GeneratedOn, OwnerText, PlanFacts, PrintedActionTable, PrintedPriorities, PublicMarking, type PrintedColumn } from './PrintedDocumentParts';
import { PrintedAttachments } from '../evidence/PrintedAttachments';

type AnnualAction = AnnualPlanData['priorities'][number]['actions'][number];

export function AnnualPlanDocument({ planId, options }: { planId: string; options: PrintOptions }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useCall('reports:annual', { planId, public: options.public }, { live: false });
  const data = report.data;
  const header = data ? t('reports.print.pageHeader', { community: data.plan.communityName, title: t('reports.print.annualTitle'), period: format.fiscalYear(data.plan.fiscalYear) }) : null;
  // Issue 14 §1: "How these priorities were set", from the engagement log (printed once read).
  const engagements = usePrintedEngagements(data ? { communityId: data.plan.communityId, fiscalYear: data.plan.fiscalYear, itemIds: data.priorities.flatMap((p) => [p.id, ...p.actions.map((a) => a.id)]) } : null);
  return (
    <DocumentFrame options={options} header={header} ready={!!data && engagements.ready} pdfName={data ? suggestedPrintedPdfName(data.plan.communityName, data.plan.fiscalYear, null) : null} back={href.plan(planId)}>
      {report.error && !data ? <ErrorBanner error={report.error} onRetry={report.reload} /> : null}
      {!data && !report.error ? <OperationProgress operation="reports:annual" label={t('operations.annual.label')} cancellable={false} /> : null}
      {data ? <AnnualBody data={data} format={format} engagements={<PrintedEngagements engagements={engagements.engagements} kind="annual" excludeNarratives={data.options.excludeNarratives} />} /> : null}
    </DocumentFrame>
  );
}

function AnnualBody({ data, format, engagements }: { data: AnnualPlanData; format: Formatter; engagements?: ReactNode }) {
  const { t } = useTranslation();
  const shown = useShown();
  const columns: Array<PrintedColumn<AnnualAction>> = [
    { header: t('reports.print.owner'), cell: (a) => <OwnerText owner={a.owner} lead={a.leadName} /> },
    { header: t('reports.print.plannedQuarters'), cell: (a) => a.plannedQuarters.map((q) => format.quarterShort(q)).join(', ') },
    { header: t('reports.print.partners'), cell: (a) => a.partnerNames.join(', ') },
    { header: t('reports.print.commitments'), cell: (a) => a.commitmentNumbers.join(', ') },
  ];
  const widths = ['print-col-action', 'print-col-owner', 'print-col-quarters', undefined, 'print-col-commitments'];
  // Counts are the plan's own, counted when printed: never a number kept in a text.
  const actionCount = data.priorities.reduce((n, p) => n + p.actions.length, 0);
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
        <p className="print-in-brief">
          {t('printContent.inBrief', { priorities: t('printContent.priorityCount', { count: data.priorities.length }), actions: t('printContent.actionCount', { count: actionCount }) })}
        </p>
        {data.plan.summary ? (
          <div className="print-summary">
            <h2>{t('reports.print.summary')}</h2>
            <p className="pre-wrap">{data.plan.summary}</p>
          </div>
        ) : null}
      </header>
      {engagements}

      <PrintedPriorities priorities={data.priorities} fiscalYear={data.plan.fiscalYear} latestLabel={t('reports.print.latestValue')}>
        {(p) => (
          <>
            {p.description ? <p className="pre-wrap">{p.description}</p> : null}
            <PrintedActionTable actions={p.actions} note={(a) => a.description} columns={columns} widths={widths} />
          </>
        )}
      </PrintedPriorities>

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
                    {i.title} <span className="muted">({i.priorityTitle}{i.lastStatus ? ` · ${t('printContent.lastStatus', { status: t(`vocab.progressStatus.${i.lastStatus}`), quarter: format.quarterShort(i.lastQuarter!) })}` : ''}{i.continuedInPlanId ? ` · ${t('reports.print.continued')}` : ''})</span>
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

      <PrintedAttachments planId={data.plan.id} />

      <section className="print-section print-signatures">
        <h2>{t('reports.print.signatures')}</h2>
        <div className="print-signatures__grid">
          {signature('Community', data.plan.communitySignatory, data.plan.communitySignedOn)}
          {signature('Detachment', data.plan.detachmentSignatory, data.plan.detachmentSignedOn)}
        </div>
      </section>
      <GeneratedOn at={data.generatedAt} />
    </>
  );
}
