/**
 * The plan editor: priorities (zone, themes, order), their actions and indicators, sign-off and
 * revisions. A draft, or an agreed plan with an open revision, is editable; otherwise the screen
 * says plainly that the plan is read-only and how to change it.
 */
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Action, Indicator, Plan, Priority } from '../../../shared/domain';
import { QUARTERS } from '../../../shared/fiscal-calendar';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { useTask } from '../../components/use-task';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { type Permission, usePermission } from '../../app/use-permission';
import { ActionDialog } from './ActionDialog';
import { CopyForwardDialog } from './CopyForwardDialog';
import { usePlanCommands, type PlanCommands } from './plan-commands';
import { IndicatorDialog } from './IndicatorDialog';
import { usePlanReference } from './plan-reference';
import { PlanDetailsDialog } from './PlanDetailsDialog';
import { NoPriorities, PriorityCard } from './PriorityCard';
import { AttachmentsPanel } from '../evidence/AttachmentsPanel';
import { PriorityDialog } from './PriorityDialog';
import { RevisionDialog } from './RevisionDialog';
import { SignOffDialog } from './SignOffDialog';
import { usePrintShortcut } from '../reports/print-hooks';
import { SharePracticeDialog } from '../practices/SharePracticeDialog';

type OpenDialog =
  | { kind: 'priority'; priority?: Priority }
  | { kind: 'removePriority'; priority: Priority }
  | { kind: 'action'; priorityId: string; action?: Action }
  | { kind: 'indicator'; priorityId: string; indicator?: Indicator }
  | { kind: 'signOff' }
  | { kind: 'activate' }
  | { kind: 'closePlan' }
  | { kind: 'openRevision' }
  | { kind: 'closeRevision' }
  | { kind: 'details' }
  | { kind: 'copyForward' }
  | { kind: 'withdraw' }
  | { kind: 'sharePractice'; action: Action };

export function PlanScreen({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const planCall = useCall('plans:get', { planId });
  // Ctrl+P opens the annual plan's print page: the screen's own layout is never what gets printed.
  usePrintShortcut(href.printAnnual(planId));
  const plan = planCall.data;
  const reference = usePlanReference(plan?.communityId ?? null);
  const nextYear = useCall('plans:list', plan ? { communityId: plan.communityId, fiscalYear: plan.fiscalYear + 1 } : null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const focusAfterMove = useRef<string | null>(null);
  const task = useTask(setActionError);
  // A plan of a community this computer does not work for is read here, changed by its own computers or the coordinator.
  const mayChange = usePermission('plans:update', plan ? { id: plan.communityId, name: plan.communityName } : null);
  // Sharing an action as a promising practice: the coordinator publishes, the plan's own community proposes (issue 14 §2).
  const mayShare = usePermission('practices:propose', plan ? { id: plan.communityId, name: plan.communityName } : null).allowed;

  // Moving a priority re-renders the list; put focus back on the button that was pressed.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id || !plan) return;
    const button = document.getElementById(id) as HTMLButtonElement | null;
    if (!button) return;
    focusAfterMove.current = null;
    if (!button.disabled) button.focus();
    else document.getElementById(id.startsWith('move-up') ? id.replace('move-up', 'move-down') : id.replace('move-down', 'move-up'))?.focus();
  }, [plan]);

  if (planCall.error && !plan) return <ErrorBanner error={planCall.error} onRetry={planCall.reload} />;
  if (!plan) return <Loading />;

  const close = () => setDialog(null);
  const editable = plan.editable && mayChange.allowed;
  const openRevision = plan.revisions.find((r) => r.closedAt === null) ?? null;
  const hasNextYear = (nextYear.data ?? []).length > 0;
  const currentQuarter = currentFiscalQuarter();
  const suggestedQuarter = plan.fiscalYear === currentQuarter.fiscalYear ? currentQuarter.quarter : plan.fiscalYear < currentQuarter.fiscalYear ? 4 : 1;

  const confirmation = dialog ? confirmationOf(dialog, plan, commands, t) ?? withdrawalOf(dialog, plan, commands, t, format.fiscalYear(plan.fiscalYear)) : null;

  function run(work: () => Promise<void>) {
    setActionError(null);
    return task.run(work);
  }

  function move(priority: Priority, direction: -1 | 1) {
    const ids = plan!.priorities.map((p) => p.id);
    const from = ids.indexOf(priority.id);
    const to = from + direction;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    focusAfterMove.current = `${direction < 0 ? 'move-up' : 'move-down'}-${priority.id}`;
    void run(() => commands.movePriority(plan!, ids, priority, to + 1));
  }

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t('nav.communities'), href: href.communities() },
          { label: plan.communityName, href: href.community(plan.communityId) },
          { label: format.fiscalYear(plan.fiscalYear) },
        ]}
        title={t('plan.heading', { name: plan.communityName, year: format.fiscalYear(plan.fiscalYear) })}
        status={<StatusChip kind="plan" value={plan.status} />}
        subtitle={plan.title}
        actions={<PlanActions plan={plan} mayChange={mayChange} hasNextYear={hasNextYear} openRevision={openRevision !== null} onOpen={setDialog} />}
      />

      <ErrorBanner error={actionError} />
      {mayChange.allowed ? (
        <ReadOnlyBanner plan={plan} onOpenRevision={() => setDialog({ kind: 'openRevision' })} />
      ) : (
        <Banner tone="info" title={t('permissions.notYours')}>
          <p data-permission-reason="">{mayChange.reason}</p>
        </Banner>
      )}
      {openRevision ? (
        <Banner
          tone="warning"
          title={t('plan.revision.openBannerTitle')}
          actions={
            <Button size="small" onClick={() => setDialog({ kind: 'closeRevision' })}>
              {t('plan.revision.close')}
            </Button>
          }
        >
          <p>{t('layout.revision.openBanner', { reason: asSentence(openRevision.reason), who: openRevision.openedBy, date: format.date(openRevision.openedAt) })}</p>
        </Banner>
      ) : null}

      {plan.summary ? (
        <section className="panel" aria-labelledby="plan-summary">
          <h2 id="plan-summary">{t('plan.details.summary')}</h2>
          <p className="pre-wrap">{plan.summary}</p>
        </section>
      ) : null}

      {plan.status !== 'draft' ? (
        <section className="panel" aria-labelledby="plan-quarters">
          <h2 id="plan-quarters">{t('plan.quarterlyProgress')}</h2>
          <div className="row">
            {QUARTERS.map((q) => (
              <span key={q} className="button-group">
                <ButtonLink href={href.progress(plan.id, q)} variant={q === suggestedQuarter ? 'primary' : 'secondary'} size="small">
                  {t('plan.recordQuarter', { quarter: format.quarterShort(q) })}
                </ButtonLink>
                <ButtonLink href={href.report(plan.id, q)} variant="ghost" size="small" aria-label={t('plan.viewReportNamed', { quarter: format.quarter(plan.fiscalYear, q) })}>
                  {t('plan.viewReport')}
                </ButtonLink>
              </span>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="plan-priorities">
        <div className="panel__header">
          <h2 id="plan-priorities">{t('plan.prioritiesHeading', { count: plan.priorities.length })}</h2>
          {editable ? (
            <Button variant="primary" icon="pencil" onClick={() => setDialog({ kind: 'priority' })}>
              {t('plan.addPriority')}
            </Button>
          ) : null}
        </div>
        {plan.priorities.length === 0 ? <NoPriorities editable={editable} onAdd={() => setDialog({ kind: 'priority' })} /> : null}
        {plan.priorities.map((priority, index) => (
          <PriorityCard
            key={priority.id}
            priority={priority}
            position={index}
            count={plan.priorities.length}
            editable={editable}
            reference={reference}
            onMove={(direction) => move(priority, direction)}
            onEdit={() => setDialog({ kind: 'priority', priority })}
            onRemove={() => setDialog({ kind: 'removePriority', priority })}
            onAddAction={() => setDialog({ kind: 'action', priorityId: priority.id })}
            onEditAction={(action) => setDialog({ kind: 'action', priorityId: priority.id, action })}
            onRemoveAction={(action) => void run(() => commands.removeAction(action))}
            onAddIndicator={() => setDialog({ kind: 'indicator', priorityId: priority.id })}
            onEditIndicator={(indicator) => setDialog({ kind: 'indicator', priorityId: priority.id, indicator })}
            onRemoveIndicator={(indicator) => void run(() => commands.removeIndicator(indicator))}
            onShareAction={mayShare ? (action) => setDialog({ kind: 'sharePractice', action }) : undefined}
          />
        ))}
      </section>

      <SignaturesAndRevisions plan={plan} />

      <div className="panel">
        <AttachmentsPanel recordKind="plan" recordId={plan.id} community={{ id: plan.communityId, name: plan.communityName }} what={t('evidence.printedPlan')} headingLevel={2} />
      </div>

      {dialog?.kind === 'priority' ? <PriorityDialog planId={plan.id} priority={dialog.priority} reference={reference} onClose={close} /> : null}
      {dialog?.kind === 'action' ? <ActionDialog priorityId={dialog.priorityId} action={dialog.action} reference={reference} community={{ id: plan.communityId, name: plan.communityName }} onClose={close} /> : null}
      {dialog?.kind === 'indicator' ? <IndicatorDialog priorityId={dialog.priorityId} indicator={dialog.indicator} onClose={close} /> : null}
      {dialog?.kind === 'signOff' ? <SignOffDialog plan={plan} onClose={close} /> : null}
      {dialog?.kind === 'openRevision' ? <RevisionDialog plan={plan} onClose={close} /> : null}
      {dialog?.kind === 'details' ? <PlanDetailsDialog plan={plan} onClose={close} /> : null}
      {dialog?.kind === 'sharePractice' ? <SharePracticeDialog action={dialog.action} onClose={close} /> : null}
      {dialog?.kind === 'copyForward' ? <CopyForwardDialog sourcePlanId={plan.id} sourceFiscalYear={plan.fiscalYear} onClose={close} /> : null}
      {confirmation ? (
        <ConfirmDialog danger={confirmation.danger} title={confirmation.title} confirmLabel={confirmation.confirmLabel} onClose={close} onConfirm={confirmation.run}>
          <p>{confirmation.body}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

interface Confirmation {
  danger: boolean;
  title: string;
  confirmLabel: string;
  body: string;
  run: () => Promise<void>;
}

/** The plan's "are you sure?" steps: what each says and does. */
function confirmationOf(dialog: OpenDialog, plan: Plan, commands: PlanCommands, t: TFunction): Confirmation | null {
  switch (dialog.kind) {
    case 'removePriority': {
      const { priority } = dialog;
      const body = t('plan.removePriorityBody', { title: priority.title, actions: t('plan.countedActions', { count: priority.actions.length }), indicators: t('plan.countedIndicators', { count: priority.indicators.length }) });
      return { danger: true, title: t('plan.removePriorityTitle'), confirmLabel: t('plan.removePriorityConfirm'), body, run: () => commands.removePriority(priority) };
    }
    case 'activate':
      return { danger: false, title: t('plan.activateTitle'), confirmLabel: t('plan.activate'), body: t('plan.activateBody'), run: () => commands.activate(plan) };
    case 'closePlan':
      return { danger: true, title: t('plan.closeTitle'), confirmLabel: t('plan.closePlan'), body: t('plan.closeBody'), run: () => commands.close(plan) };
    case 'closeRevision':
      return { danger: false, title: t('plan.revision.closeTitle'), confirmLabel: t('plan.revision.close'), body: t('plan.revision.closeBody'), run: () => commands.closeRevision(plan) };
    default:
      return null;
  }
}

/** Withdrawing an unsigned draft: what it does, and that it can be undone; then back to the community. */
function withdrawalOf(dialog: OpenDialog, plan: Plan, commands: PlanCommands, t: TFunction, year: string): Confirmation | null {
  if (dialog.kind !== 'withdraw') return null;
  return {
    danger: true,
    title: t('cycle.withdraw.title', { year }),
    confirmLabel: t('cycle.withdraw.confirm'),
    body: t('cycle.withdraw.body', { name: plan.communityName }),
    run: async () => {
      await commands.withdraw(plan, year);
      window.location.hash = href.community(plan.communityId);
    },
  };
}

/** Only a draft nobody has signed may be withdrawn (the core says the same). */
function isWithdrawable(plan: Plan): boolean {
  return plan.status === 'draft' && !plan.communitySignedOn && !plan.detachmentSignedOn && !plan.communitySignatory && !plan.detachmentSignatory;
}

function PlanActions({ plan, mayChange, hasNextYear, openRevision, onOpen }: { plan: Plan; mayChange: Permission; hasNextYear: boolean; openRevision: boolean; onOpen: (d: OpenDialog) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const printButton = (
    <>
      {/* The annual document ends with the year-end summary: one print route for both. */}
      <ButtonLink href={href.printAnnual(plan.id)} icon="printer" aria-describedby="plan-print-hint">
        {t('reports.print.printAnnualPlan')}
      </ButtonLink>
      <span id="plan-print-hint" hidden>
        {t('reports.print.printAnnualPlanHint')}
      </span>
      <ButtonLink href={href.engagements(plan.communityId)} aria-label={t('engagement.openFromPlanLabel', { name: plan.communityName })}>
        {t('engagement.openFromPlan')}
      </ButtonLink>
    </>
  );
  // Reading and printing stay open to every computer; changing is for the community's own computers and the coordinator.
  if (!mayChange.allowed) return printButton;
  return (
    <>
      {plan.editable ? (
        <Button onClick={() => onOpen({ kind: 'details' })} icon="pencil">
          {t('plan.editDetails')}
        </Button>
      ) : null}
      {plan.status === 'draft' ? (
        <Button variant="primary" icon="lock" onClick={() => onOpen({ kind: 'signOff' })}>
          {t('plan.signOff.open')}
        </Button>
      ) : null}
      {isWithdrawable(plan) ? (
        <Button variant="danger" icon="archive" onClick={() => onOpen({ kind: 'withdraw' })}>
          {t('cycle.withdraw.button')}
        </Button>
      ) : null}
      {plan.status === 'agreed' ? (
        <Button variant="primary" icon="play" onClick={() => onOpen({ kind: 'activate' })}>
          {t('plan.activate')}
        </Button>
      ) : null}
      {(plan.status === 'agreed' || plan.status === 'active') && !openRevision ? (
        <Button onClick={() => onOpen({ kind: 'closePlan' })} icon="archive">
          {t('plan.closePlan')}
        </Button>
      ) : null}
      {!hasNextYear ? (
        <Button onClick={() => onOpen({ kind: 'copyForward' })} icon="arrow-right">
          {t('plan.copyForwardTo', { year: format.fiscalYear(plan.fiscalYear + 1) })}
        </Button>
      ) : null}
      {printButton}
    </>
  );
}

function ReadOnlyBanner({ plan, onOpenRevision }: { plan: Plan; onOpenRevision: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (plan.editable) return null;
  if (plan.status === 'closed') {
    return (
      <Banner tone="info" title={t('plan.readOnlyTitle')}>
        <p>{t('plan.closedBody')}</p>
      </Banner>
    );
  }
  return (
    <Banner
      tone="info"
      title={t('plan.readOnlyTitle')}
      actions={
        <Button size="small" onClick={onOpenRevision} icon="pencil">
          {t('plan.revision.openButton')}
        </Button>
      }
    >
      <p>
        {t('plan.agreedBody', {
          community: plan.communitySignatory ?? '—',
          communityDate: format.date(plan.communitySignedOn),
          detachment: plan.detachmentSignatory ?? '—',
          detachmentDate: format.date(plan.detachmentSignedOn),
        })}
      </p>
    </Banner>
  );
}

function SignaturesAndRevisions({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const format = useFormat();
  // A draft shows the block one side has already signed (the plan is agreed once both are).
  if (plan.status === 'draft' && plan.revisions.length === 0 && !plan.communitySignatory && !plan.detachmentSignatory) return null;
  return (
    <section className="panel" aria-labelledby="plan-signoff">
      <h2 id="plan-signoff">{t('plan.signaturesHeading')}</h2>
      {plan.communitySignatory || plan.detachmentSignatory ? (
        <dl className="definition-list">
          <dt>{t('plan.signOff.communitySignatory')}</dt>
          <dd>{plan.communitySignatory ? `${plan.communitySignatory} — ${format.date(plan.communitySignedOn)}` : '—'}</dd>
          <dt>{t('plan.signOff.detachmentSignatory')}</dt>
          <dd>{plan.detachmentSignatory ? `${plan.detachmentSignatory} — ${format.date(plan.detachmentSignedOn)}` : '—'}</dd>
        </dl>
      ) : null}
      <h3 className="section-gap">
        {t('plan.revision.history')}
      </h3>
      {plan.revisions.length === 0 ? (
        <p className="muted small">{t('plan.revision.none')}</p>
      ) : (
        <ul className="plain-list">
          {plan.revisions.map((r) => (
            <li key={r.id}>
              <strong>{r.reason}</strong> — {t('plan.revision.openedBy', { who: r.openedBy, date: format.date(r.openedAt) })}
              {r.closedAt ? `; ${t('plan.revision.closedBy', { who: r.closedBy ?? '', date: format.date(r.closedAt) })}` : `; ${t('plan.revision.stillOpen')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A reason typed with or without its final stop, ended once ("source." stays "source.", never "source.."). */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…»”)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
