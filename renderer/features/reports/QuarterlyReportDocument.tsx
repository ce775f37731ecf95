/** The printed quarterly community report: the quarter's progress on each action and indicator. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedPrintedPdfName } from '../../../shared/contract-files';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { QuarterlyReportData } from '../../../shared/reports';
import { isSuppressed } from '../../../shared/suppression';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { useFormat, type Formatter } from '../../i18n/format';
import type { PrintOptions } from '../../../shared/report-routes';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { useShown } from './print-hooks';
import { PrintedEngagements, usePrintedEngagements } from '../engagements/PrintedEngagements';
import { DocumentFrame, GeneratedOn, OwnerText, PlanFacts, PrintedActionTable, PrintedPriorities, PublicMarking, type PrintedColumn } from './PrintedDocumentParts';
import { PrintedAttachments } from '../evidence/PrintedAttachments';

type QuarterlyAction = QuarterlyReportData['priorities'][number]['actions'][number];

export function QuarterlyReportDocument({ planId, quarter, options }: { planId: string; quarter: Quarter; options: PrintOptions }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useCall('reports:quarterly', { planId, quarter, public: options.public, ...(options.asSubmitted ? { asSubmitted: true } : {}) }, { live: false });
  const data = report.data;
  const period = data ? format.quarter(data.plan.fiscalYear, quarter) : '';
  const header = data ? t('reports.print.pageHeader', { community: data.plan.communityName, title: t('reports.print.quarterlyTitle'), period }) : null;
  // Issue 14 §1: the quarter's engagements with the community (printed once read).
  const engagements = usePrintedEngagements(data ? { communityId: data.plan.communityId, fiscalYear: data.plan.fiscalYear, itemIds: [] } : null, quarter);
  return (
    <DocumentFrame options={options} header={header} ready={!!data && engagements.ready} pdfName={data ? suggestedPrintedPdfName(data.plan.communityName, data.plan.fiscalYear, quarter) : null} back={href.report(planId, quarter)}>
      {report.error && !data ? <ErrorBanner error={report.error} onRetry={report.reload} /> : null}
      {!data ? <Loading /> : <QuarterlyBody data={data} format={format} period={period} engagements={<PrintedEngagements engagements={engagements.engagements} kind="quarterly" excludeNarratives={data.options.excludeNarratives} />} />}
    </DocumentFrame>
  );
}

function QuarterlyBody({ data, format, period, engagements }: { data: QuarterlyReportData; format: Formatter; period: string; engagements?: ReactNode }) {
  const { t } = useTranslation();
  const shown = useShown();
  const narratives = !data.options.excludeNarratives;
  const columns: Array<PrintedColumn<QuarterlyAction>> = [
    {
      header: t('reports.print.status'),
      cell: (a) => (
        <>
          {a.entry ? <StatusChip kind="progress" value={a.entry.status} /> : <span className="muted">{t('vocab.progressStatus.not_recorded')}</span>}
          <PrintedAmendment entry={a.entry} asSubmitted={data.asSubmitted === true} format={format} />
        </>
      ),
    },
    ...(narratives
      ? [
          { header: t('reports.print.narrative'), className: 'pre-wrap', cell: (a: QuarterlyAction) => a.entry?.narrative },
          { header: t('reports.print.nextSteps'), className: 'pre-wrap', cell: (a: QuarterlyAction) => a.entry?.nextSteps },
        ]
      : []),
  ];
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
        {data.asSubmitted && data.report.submittedAt ? <p className="print-doc__note">{t('cycle.amend.asSubmittedNote', { date: format.date(data.report.submittedAt.slice(0, 10)) })}</p> : null}
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

      <PrintedPriorities priorities={data.priorities} fiscalYear={data.plan.fiscalYear} latestLabel={t('reports.print.thisQuarter')}>
        {(p) => <PrintedActionTable actions={p.actions} note={(a) => <OwnerText owner={a.owner} lead={a.leadName} partners={a.partnerNames} />} columns={columns} widths={narratives ? ['print-col-action', 'print-col-status', undefined, 'print-col-next'] : ['print-col-action', 'print-col-status']} />}
      </PrintedPriorities>
      <PrintedAttachments planId={data.plan.id} quarter={data.quarter} />

      {engagements}
      <GeneratedOn at={data.generatedAt} />
    </>
  );
}

/** An amended entry says so in print: as it reads now, when and by whom it was last amended. */
function PrintedAmendment({ entry, asSubmitted, format }: { entry: QuarterlyAction['entry']; asSubmitted: boolean; format: Formatter }) {
  const { t } = useTranslation();
  const last = entry?.amendments?.at(-1);
  if (!last || asSubmitted) return null;
  return (
    <span className="print-amended small" data-amended="true">
      {' '}
      {t('cycle.amend.marker', { date: format.date(last.amendedAt.slice(0, 10)), who: last.amendedBy })}
    </span>
  );
}
