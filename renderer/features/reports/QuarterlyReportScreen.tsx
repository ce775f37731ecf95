/**
 * A quarterly report as the council and the coordinator read it: each action's status, narrative
 * and next steps, indicator values, and the comments on each action and on the whole report
 * (ActionComments.tsx).
 * Printed through its print page only (the "Print or save as PDF" link, or Ctrl+P): see PrintScreen.tsx.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quarter } from '../../../shared/fiscal-calendar';
import { Button, ButtonLink } from '../../components/Button';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { DEFAULT_PRINT_OPTIONS, reportHref } from '../../../shared/report-routes';
import { useCall } from '../../app/store-context';
import { ActionComments, CommentsProvider, ReportComments } from './ActionComments';
import { AmendmentNote } from '../progress/ProgressRow';
import { usePrintShortcut } from './print-hooks';
import { ReviewPanel } from '../quarter-review/ReviewPanel';

export function QuarterlyReportScreen({ planId, quarter }: { planId: string; quarter: Quarter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const plan = useCall('plans:get', { planId });
  const progress = useCall('progress:get', { planId, quarter });
  const printHref = reportHref({ name: 'printQuarterly', planId, quarter, options: DEFAULT_PRINT_OPTIONS });
  // Ctrl+P opens the print page too: this screen's own layout is never what gets printed.
  usePrintShortcut(printHref);

  const error = plan.error ?? progress.error;
  if (error && (!plan.data || !progress.data)) return <ErrorBanner error={error} onRetry={() => { plan.reload(); progress.reload(); }} />;
  if (!plan.data || !progress.data) return <Loading />;
  const p = plan.data;
  const q = progress.data;
  const quarterName = format.quarter(p.fiscalYear, quarter);
  const valueOf = (indicatorId: string) => q.indicatorValues.find((v) => v.indicatorId === indicatorId);

  return (
    <CommentsProvider planId={planId} quarter={quarter} community={{ id: p.communityId, name: p.communityName }}>
      <PageHeader
        crumbs={[
          { label: t('nav.coordinator'), href: href.coordinator() },
          { label: p.communityName, href: href.community(p.communityId) },
          { label: quarterName },
        ]}
        title={t('report.title', { name: p.communityName, quarter: quarterName })}
        status={
          <StatusChip
            kind="report"
            value={q.report.state}
            // Where the coordinator's review stands (issue 14 §4), beside the report's state.
            detail={q.report.review && q.report.review.status !== 'draft' && q.report.review.status !== 'submitted' ? t(`quarterReview.status.${q.report.review.status}`) : undefined}
          />
        }
        subtitle={q.report.state === 'submitted' ? t('progress.submittedOn', { date: format.date(q.report.submittedAt), who: q.report.submittedBy ?? '' }) : t('progress.dueOn', { date: format.date(q.report.dueDate) })}
        actions={
          <>
            <ButtonLink href={href.progress(p.id, quarter)}>{t('report.editProgress')}</ButtonLink>
            {/* The one way to print: the print page, in its print layout, with its options. */}
            <ButtonLink href={printHref} icon="printer">
              {t('reports.print.printButton')}
            </ButtonLink>
            {q.report.lastAmendment ? (
              <ButtonLink href={reportHref({ name: 'printQuarterly', planId: p.id, quarter, options: { ...DEFAULT_PRINT_OPTIONS, asSubmitted: true } })}>{t('cycle.amend.printAsSubmitted')}</ButtonLink>
            ) : null}
          </>
        }
      />

      {q.report.lastAmendment ? (
        <Banner tone="info" title={t('cycle.amend.printedMarker')}>
          <p>{t('cycle.amend.lastAmended', { date: format.date(q.report.lastAmendment.amendedAt), who: q.report.lastAmendment.amendedBy })}</p>
        </Banner>
      ) : null}

      <ReviewPanel planId={p.id} quarter={quarter} community={{ id: p.communityId, name: p.communityName }} quarterName={quarterName} />

      {q.rows.length === 0 ? (
        <EmptyState title={t('progress.noActionsTitle')}>{t('progress.noActionsBody')}</EmptyState>
      ) : (
        p.priorities
          .filter((pr) => q.rows.some((r) => r.action.priorityId === pr.id))
          .map((pr) => (
            <section key={pr.id} className="panel" aria-labelledby={`report-${pr.id}`}>
              <h2 id={`report-${pr.id}`}>{pr.title}</h2>
              <div className="table-wrap">
                <table className="table report-table">
                  <caption className="visually-hidden">{t('report.actionsCaption', { title: pr.title })}</caption>
                  <colgroup>
                    <col className="report-table__action" />
                    <col className="report-table__status" />
                    <col />
                    <col className="report-table__next" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.action')}</th>
                      <th scope="col">{t('progress.status')}</th>
                      <th scope="col">{t('progress.narrative')}</th>
                      <th scope="col">{t('progress.nextSteps')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.rows
                      .filter((r) => r.action.priorityId === pr.id)
                      .map((r) => (
                        <Fragment key={r.action.id}>
                        <tr>
                          <th scope="row">{r.action.title}</th>
                          <td>{r.entry ? <StatusChip kind="progress" value={r.entry.status} /> : <span className="muted">{t('vocab.progressStatus.not_recorded')}</span>}</td>
                          <td className="pre-wrap">
                            {r.entry?.narrative}
                            <AmendmentNote amendments={r.entry?.amendments ?? []} />
                          </td>
                          <td className="pre-wrap">{r.entry?.nextSteps}</td>
                        </tr>
                        <tr className="action-comments-row"><td colSpan={4}><ActionComments actionId={r.action.id} actionTitle={r.action.title} /></td></tr>
                        </Fragment>
                      ))}
                  </tbody>
                </table>
              </div>
              {pr.indicators.length > 0 ? (
                <ul className="plain-list small">
                  {pr.indicators.map((i) => {
                    const v = valueOf(i.id);
                    return (
                      <li key={i.id}>
                        <strong>{i.name}</strong>: {v ? `${format.number(v.value)} ${i.unit}` : t('report.noValue')}{' '}
                        <span className="muted">
                          ({t('report.baselineTarget', { baseline: i.baseline === null ? '—' : format.number(i.baseline), target: i.target === null ? '—' : format.number(i.target) })})
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </section>
          ))
      )}

      <ReportComments />
    </CommentsProvider>
  );
}
