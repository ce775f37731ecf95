/**
 * Quarterly progress entry: one focused form per plan and quarter. Every action has a row; every
 * indicator a value; each saves itself on blur. "Submit the report" saves anything pending first
 * and checks the rows: while one holds the report back, it is marked and focus moves to it; else
 * the report is submitted (the core refuses with a sentence while a planned action has no
 * progress) and focus lands on the confirmation.
 *
 * Filters (issue 12 §2): by owner, with one click for this computer's side (detachment: police
 * and joint; community office: community and joint), and only the actions planned for the
 * quarter. All are shown on opening, so nothing the report waits for is hidden. The screen reads the form's parts that do not change while
 * someone types, so a keystroke re-renders only its own row.
 *
 * A plan of hundreds of actions (issue 13 §4): past VIRTUAL_FROM headings and rows, only those
 * near the screen are rendered (virtual-rows.ts), each measured as it is drawn (a row's height
 * follows its texts and comments); the row being typed in, and any row typed in, stay rendered.
 */
import { Fragment, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUARTERS, quarterStart, type Quarter } from '../../../shared/fiscal-calendar';
import { mayRecordProgressOn, maySubmitOn, submissionOpensOn } from '../../../shared/rules/plan-cycle';
import { todayIso } from '../../app/today';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { ReviewPanel } from '../quarter-review/ReviewPanel';
import { StatusChip } from '../../components/StatusChip';
import { useVirtualRows, type ShownRow } from '../../components/virtual-rows';
import { GapBlock } from '../../components/VirtualRows';
import type { Priority } from '../../../shared/domain';
import { useFormat } from '../../i18n/format';
import { progressFieldId, saveStateOf, type ProgressForm, type ProgressProblem } from './progress-slice';
import { OWNER_PARTIES, type OwnerParty, type Role } from '../../../shared/vocabulary';
import type { PlannerState } from '../../app/planner-store';
import { href } from '../../app/routes';
import { usePlanner, usePlannerStore } from '../../app/store-context';
import { usePlanReference } from '../plans/plan-reference';
import { IndicatorValueRow } from './IndicatorValueRow';
import { ProgressRow } from './ProgressRow';
import { CommentsProvider } from '../reports/ActionComments';
import { usePermission } from '../../app/use-permission';
import { progressLossCheck, useUnsavedEditsCheck } from '../../app/unsaved-edits';

const FIRST_ROWS = 40;

type ProgressRowData = ProgressForm['progress']['rows'][number];
/** One line of the long form: a priority's heading or one of its actions. */
type FormItem = { key: string; priority: Priority; row: ProgressRowData | null };
const ROW_HEIGHT = 330;
const HEADING_HEIGHT = 60;

/** The actions this computer's side answers for: the detachment police and joint, the community office community and joint. */
export function defaultOwners(role: Role | undefined): OwnerParty[] {
  if (role === 'detachment') return ['police', 'joint'];
  if (role === 'liaison') return ['community', 'joint'];
  return [...OWNER_PARTIES];
}

function formOf(s: PlannerState, planId: string, quarter: Quarter): ProgressForm | null {
  return s.progressForm?.planId === planId && s.progressForm.quarter === quarter ? s.progressForm : null;
}

function countRows(form: ProgressForm | null, test: (row: ProgressForm['rows'][string]) => boolean): number {
  if (!form) return 0;
  let n = 0;
  for (const id of form.rowOrder) {
    const row = form.rows[id];
    if (row && test(row)) n++;
  }
  return n;
}

export function ProgressScreen({ planId, quarter }: { planId: string; quarter: Quarter }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Only the parts that stay the same while someone types (the rows' drafts are read by each row).
  const plan = usePlanner((s) => formOf(s, planId, quarter)?.plan ?? null);
  const progress = usePlanner((s) => formOf(s, planId, quarter)?.progress ?? null);
  const rowOrder = usePlanner((s) => formOf(s, planId, quarter)?.rowOrder ?? null);
  const recorded = usePlanner((s) => countRows(formOf(s, planId, quarter), (row) => row.saved !== null));
  const unsaved = usePlanner((s) => countRows(formOf(s, planId, quarter), (row) => ['unsaved', 'error', 'tooLong'].includes(saveStateOf(row))));
  const role = usePlanner((s) => s.profile?.role);
  const check = usePlanner((s) => s.checkBeforeSubmit);
  const loading = usePlanner((s) => s.progressLoading);
  const loadError = usePlanner((s) => s.progressError);
  const load = usePlanner((s) => s.loadProgressForm);
  const saveAll = usePlanner((s) => s.saveAllProgress);
  const submit = usePlanner((s) => s.submitQuarterReport);
  const notify = usePlanner((s) => s.notify);
  useUnsavedEditsCheck('progress', progressLossCheck(usePlannerStore())); // Leaving saves every row (below); a row or value the core refused would be lost: ask first.
  const reference = usePlanReference(plan?.communityId ?? null);
  // Progress of a community this computer does not work for is read here, recorded by its own computers or the coordinator.
  const mayRecord = usePermission('progress:record', plan ? { id: plan.communityId, name: plan.communityName } : null);
  const [confirming, setConfirming] = useState(false);
  const [owners, setOwners] = useState<OwnerParty[] | null>(null);
  const [plannedOnly, setPlannedOnly] = useState(false);
  const [problems, setProblems] = useState<ProgressProblem[]>([]);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);
  // Everything at first (nothing the report waits for is hidden on opening); the role's side is one click away.
  const shownOwners = owners ?? [...OWNER_PARTIES];
  const mySide = defaultOwners(role);
  // A plan with hundreds of actions: the first rows are shown at once, the rest right after the
  // first paint, in a transition React can interrupt, so the screen answers within its budget.
  const [shownRows, setShownRows] = useState(FIRST_ROWS);
  const totalRows = rowOrder?.length ?? 0;
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

  // A new plan or quarter starts with no marks and the role's owners.
  useEffect(() => {
    setProblems([]);
    setJustSubmitted(false);
  }, [planId, quarter]);

  // Focus moves once the field (or the confirmation) is on screen: after a refused submission to
  // the first field in error, after a submission to the confirmation, not to the page body.
  useEffect(() => {
    // Not while a dialog is open: it holds focus, and gives it back when it closes, before this.
    if (!focusTarget || confirming) return;
    const el = focusTarget === 'confirmation' ? confirmation.current : document.getElementById(focusTarget);
    if (el) {
      el.focus();
      setFocusTarget(null);
    }
  });

  // Derived once per load or filter change, never per keystroke.
  const indicators = useMemo(() => plan?.priorities.flatMap((p) => p.indicators) ?? [], [plan]);
  const ownersKey = shownOwners.join(',');
  const visible = useMemo(() => {
    if (!progress) return [];
    const ownerSet = new Set(ownersKey.split(','));
    return progress.rows.filter((r) => ownerSet.has(r.action.owner) && (!plannedOnly || r.plannedThisQuarter !== false));
  }, [progress, ownersKey, plannedOnly]);
  // The same groups as one list of headings and rows, for a form too long to render whole.
  const items = useMemo(() => {
    const out: FormItem[] = [];
    if (!plan) return out;
    for (const p of plan.priorities) {
      const rows = visible.filter((r) => r.action.priorityId === p.id);
      if (rows.length === 0) continue;
      out.push({ key: `group-${p.id}`, priority: p, row: null });
      for (const r of rows) out.push({ key: r.action.id, priority: p, row: r });
    }
    return out;
  }, [plan, visible]);
  const itemKeys = useMemo(() => items.map((item) => item.key), [items]);
  const estimateSize = useCallback((index: number) => (items[index]?.row ? ROW_HEIGHT : HEADING_HEIGHT), [items]);
  const list = useVirtualRows({ keys: itemKeys, estimateSize, overscan: 3 });
  const groups = useMemo(() => {
    if (!plan || !rowOrder) return [];
    const shown = new Set(rowOrder.slice(0, shownRows));
    return plan.priorities.map((p) => ({ priority: p, rows: visible.filter((r) => r.action.priorityId === p.id && shown.has(r.action.id)) })).filter((g) => g.rows.length > 0);
  }, [plan, rowOrder, shownRows, visible]);

  if (loadError && !plan) return <ErrorBanner error={loadError} onRetry={() => void load(planId, quarter)} />;
  if (!plan || !progress || !rowOrder) return loading ? <Loading /> : null;

  const report = progress.report;
  // The core's date rules, shown before they refuse: no progress before the quarter starts, no
  // submission before the last two weeks of the quarter.
  const today = todayIso();
  const notStarted = !mayRecordProgressOn(plan.fiscalYear, quarter, today);
  const submitOpensOn = report.submissionOpensOn ?? submissionOpensOn(plan.fiscalYear, quarter);
  const tooEarly = !maySubmitOn(plan.fiscalYear, quarter, today);
  const readOnly = plan.status === 'closed' || notStarted || !mayRecord.allowed;
  const quarterName = format.quarter(plan.fiscalYear, quarter);
  const ownerCounts = new Map<OwnerParty, number>();
  for (const r of progress.rows) ownerCounts.set(r.action.owner, (ownerCounts.get(r.action.owner) ?? 0) + 1);

  // "Submit": save and check first; a row that holds the report back is shown (filters give way)
  // and focused, else the confirmation is asked.
  const onSubmitClick = async () => {
    const found = await check();
    setProblems(found);
    const first = found[0];
    if (!first) {
      setConfirming(true);
      return;
    }
    const row = progress.rows.find((r) => r.action.id === first.actionId);
    if (row && (!shownOwners.includes(row.action.owner) || (plannedOnly && row.plannedThisQuarter === false))) {
      setOwners([...OWNER_PARTIES]);
      setPlannedOnly(false);
    }
    setShownRows(rowOrder.length);
    list.reveal(first.actionId);
    setFocusTarget(progressFieldId(first.actionId, first.field));
  };

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

      <ReviewPanel planId={plan.id} quarter={quarter} community={{ id: plan.communityId, name: plan.communityName }} quarterName={quarterName} />

      {justSubmitted && report.state === 'submitted' ? (
        <div className="banner banner--success progress-submitted-banner" role="status">
          <div className="banner__body">
            <h2 className="progress-submitted" tabIndex={-1} ref={confirmation}>
              {t('progressForm.submittedHeading', { quarter: format.quarterShort(quarter) })}
            </h2>
            <p>{t('progressForm.submittedBody')}</p>
          </div>
        </div>
      ) : null}

      {problems.length > 0 ? (
        <Banner tone="error" title={t('progressForm.cannotSubmitTitle')}>
          <p>{t('progressForm.cannotSubmit', { count: problems.length })}</p>
        </Banner>
      ) : null}

      {progress.rows.length > 0 ? (
        <fieldset className="progress-filters">
          <legend>{t('progressForm.filtersLegend')}</legend>
          <fieldset className="progress-filters__owners" aria-describedby="progress-owners-hint">
            <legend>{t('progressForm.owners')}</legend>
            {OWNER_PARTIES.filter((o) => (ownerCounts.get(o) ?? 0) > 0 || shownOwners.includes(o)).map((o) => (
              <label key={o}>
                <input
                  type="checkbox"
                  checked={shownOwners.includes(o)}
                  onChange={(e) => setOwners(e.target.checked ? [...shownOwners, o] : shownOwners.filter((x) => x !== o))}
                />
                {t(`vocab.owner.${o}`)} ({format.number(ownerCounts.get(o) ?? 0)})
              </label>
            ))}
          </fieldset>
          {mySide.length < OWNER_PARTIES.length ? (
            <Button variant="secondary" onClick={() => setOwners(mySide)} aria-pressed={ownersKey === mySide.join(',')}>
              {t('progressForm.mySide', { owners: mySide.map((o) => t(`vocab.owner.${o}`)).join(', ') })}
            </Button>
          ) : null}
          <label>
            <input type="checkbox" checked={plannedOnly} onChange={(e) => setPlannedOnly(e.target.checked)} />
            {t('progressForm.plannedOnly', { quarter: format.quarterShort(quarter) })}
          </label>
          <p className="muted small progress-filters__count" id="progress-owners-hint">
            {t('progressForm.showing', { count: visible.length, total: progress.rows.length })} {t('progressForm.ownersHint')}
          </p>
        </fieldset>
      ) : null}

      {progress.rows.length === 0 ? (
        <EmptyState title={t('progress.noActionsTitle')} action={<ButtonLink href={href.plan(plan.id)}>{t('progress.openPlan')}</ButtonLink>}>
          {t('progress.noActionsBody')}
        </EmptyState>
      ) : (
        <>
          <p className="muted">{t('progress.howItSaves')}</p>
          {visible.length === 0 ? (
            <EmptyState
              title={t('progressForm.noneShownTitle')}
              action={
                <Button
                  onClick={() => {
                    setOwners([...OWNER_PARTIES]);
                    setPlannedOnly(false);
                  }}
                >
                  {t('progressForm.showAll')}
                </Button>
              }
            >
              {t('progressForm.noneShownBody')}
            </EmptyState>
          ) : null}
          {list.virtual ? (
            <div className="progress-rows progress-rows--virtual" ref={list.containerRef} {...list.containerProps}>
              {runsOf(list.rows, items).map((run) => (
                <Fragment key={run.key}>
                  <GapBlock height={run.gapBefore} />
                  <section
                    className="progress-group"
                    aria-labelledby={run.rows[0]!.key === `group-${run.priority.id}` ? `group-${run.priority.id}` : undefined}
                    aria-label={run.rows[0]!.key === `group-${run.priority.id}` ? undefined : run.priority.title}
                  >
                    {run.rows.map(({ index, key }) => {
                      const r = items[index]!.row;
                      return (
                        <div key={key} data-index={index} ref={list.measureRef} className="virtual-list__item">
                          {r ? (
                            <ProgressRow
                              action={r.action}
                              readOnly={readOnly}
                              leadLabel={reference.personName(r.action.leadPersonId) ?? r.action.leadName}
                              amendments={r.entry?.amendments}
                              planned={r.plannedThisQuarter !== false}
                              previous={r.previous ?? null}
                            />
                          ) : (
                            <h2 id={key}>{run.priority.title}</h2>
                          )}
                        </div>
                      );
                    })}
                  </section>
                </Fragment>
              ))}
              <GapBlock height={list.gapAfter} />
            </div>
          ) : null}
          {list.virtual ? null : groups.map((group) => (
            <section key={group.priority.id} className="progress-group" aria-labelledby={`group-${group.priority.id}`}>
              <h2 id={`group-${group.priority.id}`}>{group.priority.title}</h2>
              {group.rows.map((r) => (
                <ProgressRow
                  key={r.action.id}
                  action={r.action}
                  readOnly={readOnly}
                  leadLabel={reference.personName(r.action.leadPersonId) ?? r.action.leadName}
                  amendments={r.entry?.amendments}
                  planned={r.plannedThisQuarter !== false}
                  previous={r.previous ?? null}
                />
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
        <div className="sticky-actions progress-sticky">
          <span aria-live="polite" className="progress-sticky__count">
            {t('progress.recordedCount', { count: recorded, total: rowOrder.length })}
            {unsaved > 0 ? ` · ${t('progress.unsavedCount', { count: unsaved })}` : ''}
          </span>
          {report.state !== 'submitted' && !readOnly ? (
            <span className="row">
              {tooEarly ? (
                <span id="progress-submit-from" className="muted small">
                  {t('cycle.dates.submitFrom', { date: format.date(submitOpensOn) })}
                </span>
              ) : null}
              <Button variant="primary" icon="check" disabled={tooEarly} aria-describedby={tooEarly ? 'progress-submit-from' : undefined} onClick={() => void onSubmitClick()}>
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
            setProblems([]);
            setJustSubmitted(true);
            setFocusTarget('confirmation');
            notify(t('progress.submittedNotice', { quarter: quarterName }));
          }}
        >
          <p>{t('progress.submitBody', { count: recorded, total: rowOrder.length, date: format.date(report.dueDate) })}</p>
        </ConfirmDialog>
      ) : null}
    </CommentsProvider>
  );
}

/**
 * The rendered lines cut into runs, each in its priority's section: a new run where the priority
 * changes or where lines are left out (a kept row far from the screen). A run is keyed by its
 * priority and its rank among that priority's runs, so scrolling keeps the same section.
 */
function runsOf(rows: ShownRow[], items: FormItem[]): Array<{ key: string; priority: Priority; gapBefore: number; rows: ShownRow[] }> {
  const runs: Array<{ key: string; priority: Priority; gapBefore: number; rows: ShownRow[] }> = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const priority = items[row.index]!.priority;
    const last = runs.at(-1);
    if (last && last.priority.id === priority.id && row.gapBefore === 0) {
      last.rows.push(row);
      continue;
    }
    const rank = seen.get(priority.id) ?? 0;
    seen.set(priority.id, rank + 1);
    runs.push({ key: `${priority.id}:${rank}`, priority, gapBefore: row.gapBefore, rows: [row] });
  }
  return runs;
}
