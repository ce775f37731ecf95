/**
 * Quarterly progress entry: one focused form per plan and quarter. Every action has a row; every
 * indicator a value; each saves itself on blur. "Submit the report" saves anything pending first,
 * then submits — the core refuses (with a sentence) while an action has no progress.
 */
import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTERS, quarterStart, type Quarter } from '../../../shared/fiscal-calendar';
import { mayRecordProgressOn, maySubmitOn, submissionOpensOn } from '../../../shared/rules/plan-cycle';
import { todayIso } from '../../app/today';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { saveStateOf } from './progress-slice';
import { href } from '../../app/routes';
import { usePlanner } from '../../app/store-context';
import { usePlanReference } from '../plans/plan-reference';
import { IndicatorValueRow } from './IndicatorValueRow';
import { ProgressRow } from './ProgressRow';
import { CommentsProvider } from '../reports/ActionComments';
import { usePermission } from '../../app/use-permission';

const FIRST_ROWS = 40;

export function ProgressScreen({ planId, quarter }: { planId: string; quarter: Quarter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = usePlanner((s) => (s.progressForm?.planId === planId && s.progressForm.quarter === quarter ? s.progressForm : null));
  const loading = usePlanner((s) => s.progressLoading);
  const loadError = usePlanner((s) => s.progressError);
  const load = usePlanner((s) => s.loadProgressForm);
  const saveAll = usePlanner((s) => s.saveAllProgress);
  const submit = usePlanner((s) => s.submitQuarterReport);
  const notify = usePlanner((s) => s.notify);
  const reference = usePlanReference(form?.plan.communityId ?? null);
  // Progress of a community this computer does not work for is read here, recorded by its own computers or the coordinator.
  const mayRecord = usePermission('progress:record', form ? { id: form.plan.communityId, name: form.plan.communityName } : null);
  const [confirming, setConfirming] = useState(false);
  // A plan with hundreds of actions: the first rows are shown at once, the rest right after the
  // first paint, in a transition React can interrupt, so the screen answers within its budget.
  const [shownRows, setShownRows] = useState(FIRST_ROWS);
  const totalRows = form?.rowOrder.length ?? 0;
  useEffect(() => {
    if (shownRows >= totalRows) return;
    const frame = requestAnimationFrame(() => startTransition(() => setShownRows(totalRows)));
    return () => cancelAnimationFrame(frame);
  }, [shownRows, totalRows]);

  useEffect(() => {
    void load(planId, quarter);
    // Leaving the screen keeps nothing unsaved that can be saved.
    return () => {
      void saveAll();
    };
  }, [planId, quarter, load, saveAll]);

  if (loadError && !form) return <ErrorBanner error={loadError} onRetry={() => void load(planId, quarter)} />;
  if (!form) return loading ? <Loading /> : null;

  const { plan, progress } = form;
  const report = progress.report;
  // The core's date rules, shown before they refuse: no progress before the quarter starts, no
  // submission before the last two weeks of the quarter.
  const today = todayIso();
  const notStarted = !mayRecordProgressOn(plan.fiscalYear, quarter, today);
  const submitOpensOn = report.submissionOpensOn ?? submissionOpensOn(plan.fiscalYear, quarter);
  const tooEarly = !maySubmitOn(plan.fiscalYear, quarter, today);
  const readOnly = plan.status === 'closed' || notStarted || !mayRecord.allowed;
  const recorded = form.rowOrder.filter((id) => {
    const row = form.rows[id];
    return row && row.saved !== null;
  }).length;
  const unsaved = form.rowOrder.filter((id) => {
    const row = form.rows[id];
    return row && ['unsaved', 'error'].includes(saveStateOf(row));
  }).length;
  const indicators = plan.priorities.flatMap((p) => p.indicators);
  const shown = new Set(form.rowOrder.slice(0, shownRows));
  const groups = plan.priorities
    .map((p) => ({ priority: p, rows: progress.rows.filter((r) => r.action.priorityId === p.id && shown.has(r.action.id)) }))
    .filter((g) => g.rows.length > 0);
  const quarterName = format.quarter(plan.fiscalYear, quarter);

  return (
    <CommentsProvider planId={planId} quarter={quarter} community={{ id: plan.communityId, name: plan.communityName }}>
      <PageHeader
        crumbs={[
          { label: t('nav.communities'), href: href.communities() },
          { label: plan.communityName, href: href.community(plan.communityId) },
          { label: format.fiscalYear(plan.fiscalYear), href: href.plan(plan.id) },
          { label: format.quarterShort(quarter) },
        ]}
        title={t('progress.title', { name: plan.communityName, quarter: quarterName })}
        status={<StatusChip kind="report" value={report.state} />}
        subtitle={report.state === 'submitted' ? t('progress.submittedOn', { date: format.date(report.submittedAt), who: report.submittedBy ?? '' }) : t('progress.dueOn', { date: format.date(report.dueDate) })}
        actions={
          <ButtonLink href={href.report(plan.id, quarter)} variant="secondary">
            {t('progress.viewReport')}
          </ButtonLink>
        }
      />

      <nav aria-label={t('progress.quarterNav')}>
        <ul className="quarter-tabs">
          {QUARTERS.map((q) => (
            <li key={q}>
              <a href={href.progress(plan.id, q)} aria-current={q === quarter ? 'page' : undefined}>
                {format.quarterShort(q)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {plan.status === 'draft' ? (
        <Banner tone="warning" title={t('progress.draftTitle')}>
          <p>{t('progress.draftBody')}</p>
        </Banner>
      ) : null}
      {plan.status === 'closed' ? (
        <Banner tone="info" title={t('progress.closedTitle')}>
          <p>{t('progress.closedBody')}</p>
        </Banner>
      ) : !mayRecord.allowed ? (
        <Banner tone="info" title={t('permissions.notYours')}>
          <p data-permission-reason="">{mayRecord.reason}</p>
        </Banner>
      ) : null}
      {notStarted && plan.status !== 'closed' ? (
        <Banner tone="info" title={t('cycle.dates.quarterNotStartedTitle')}>
          <p>{t('cycle.dates.quarterNotStarted', { quarter: quarterName, date: format.date(quarterStart(plan.fiscalYear, quarter)) })}</p>
        </Banner>
      ) : null}
      {report.state === 'submitted' ? (
        <Banner tone="success" title={t('cycle.amend.noticeTitle')}>
          <p>{t('cycle.amend.notice', { date: format.date(report.submittedAt), who: report.submittedBy ?? '' })}</p>
          {report.lastAmendment ? <p>{t('cycle.amend.lastAmended', { date: format.date(report.lastAmendment.amendedAt), who: report.lastAmendment.amendedBy })}</p> : null}
        </Banner>
      ) : null}

      {progress.rows.length === 0 ? (
        <EmptyState title={t('progress.noActionsTitle')} action={<ButtonLink href={href.plan(plan.id)}>{t('progress.openPlan')}</ButtonLink>}>
          {t('progress.noActionsBody')}
        </EmptyState>
      ) : (
        <>
          <p className="muted">{t('progress.howItSaves')}</p>
          {groups.map((group) => (
            <section key={group.priority.id} className="progress-group" aria-labelledby={`group-${group.priority.id}`}>
              <h2 id={`group-${group.priority.id}`}>{group.priority.title}</h2>
              {group.rows.map((r) => (
                <ProgressRow key={r.action.id} action={r.action} readOnly={readOnly} leadLabel={reference.personName(r.action.leadPersonId) ?? r.action.leadName} amendments={r.entry?.amendments ?? []} />
              ))}
            </section>
          ))}
        </>
      )}

      {indicators.length > 0 ? (
        <section className="panel" aria-labelledby="progress-indicators">
          <h2 id="progress-indicators">{t('progress.indicatorsTitle', { quarter: quarterName })}</h2>
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">{t('progress.indicatorsTitle', { quarter: quarterName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.indicator')}</th>
                  <th scope="col" className="numeric">
                    {t('plan.baseline')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('plan.target')}
                  </th>
                  <th scope="col">{t('plan.direction')}</th>
                  <th scope="col">{t('progress.value', { quarter: format.quarterShort(quarter) })}</th>
                  <th scope="col">{t('progress.saveStateColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((indicator) => (
                  <IndicatorValueRow key={indicator.id} indicator={indicator} readOnly={readOnly} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {progress.rows.length > 0 ? (
        <div className="sticky-actions">
          <span aria-live="polite">
            {t('progress.recordedCount', { count: recorded, total: form.rowOrder.length })}
            {unsaved > 0 ? ` · ${t('progress.unsavedCount', { count: unsaved })}` : ''}
          </span>
          {report.state !== 'submitted' && !readOnly ? (
            <span className="row">
              {tooEarly ? (
                <span id="progress-submit-from" className="muted small">
                  {t('cycle.dates.submitFrom', { date: format.date(submitOpensOn) })}
                </span>
              ) : null}
              <Button variant="primary" icon="check" disabled={tooEarly} aria-describedby={tooEarly ? 'progress-submit-from' : undefined} onClick={() => setConfirming(true)}>
                {t('progress.submit', { quarter: format.quarterShort(quarter) })}
              </Button>
            </span>
          ) : null}
        </div>
      ) : null}

      {confirming ? (
        <ConfirmDialog
          title={t('progress.submitTitle', { quarter: quarterName })}
          confirmLabel={t('progress.submitConfirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await submit();
            notify(t('progress.submittedNotice', { quarter: quarterName }));
          }}
        >
          <p>{t('progress.submitBody', { count: recorded, total: form.rowOrder.length, date: format.date(report.dueDate) })}</p>
        </ConfirmDialog>
      ) : null}
    </CommentsProvider>
  );
}
