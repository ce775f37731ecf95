/**
 * One community: its plans year by year, and where next year's (or this year's missing) plan
 * starts: copied forward from the year before, or empty.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary, WithdrawnPlan } from '../../../shared/domain';
import { useTask } from '../../components/use-task';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { CopyForwardDialog } from '../plans/CopyForwardDialog';
import { usePlanCommands } from '../plans/plan-commands';

export function CommunityScreen({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const community = useCall('communities:get', { communityId });
  const plans = useCall('plans:list', { communityId });
  const withdrawn = useCall('plans:withdrawn', { communityId });
  const [copyFrom, setCopyFrom] = useState<PlanSummary | null>(null);
  const [startYear, setStartYear] = useState<number | null>(null);

  const now = currentFiscalQuarter().fiscalYear;
  const list = [...(plans.data ?? [])].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const byYear = new Map(list.map((p) => [p.fiscalYear, p]));
  // The years a plan may be started for now: this year (if it has none) and next year.
  const openYears = [now, now + 1].filter((fy) => !byYear.has(fy));

  if (community.error) return <ErrorBanner error={community.error} onRetry={community.reload} />;
  if (!community.data) return <Loading />;
  const c = community.data;

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.communities'), href: href.communities() }, { label: c.name }]}
        title={c.name}
        subtitle={[
          c.region,
          c.hasDetachment ? t('communities.ownDetachment') : c.servedByDetachmentName ? t('communities.servedBy', { name: c.servedByDetachmentName }) : t('communities.noDetachment'),
        ].join(' · ')}
        actions={<ButtonLink href={href.engagements(c.id)}>{t('engagement.navLabel')}</ButtonLink>}
      />

      {plans.data && openYears.length > 0 ? (
        <section className="panel" aria-labelledby="community-start">
          <h2 id="community-start">{t('community.startTitle')}</h2>
          {openYears.map((fy) => {
            const previous = byYear.get(fy - 1);
            return (
              <div key={fy} className="row spaced-row">
                <span>
                  <strong>{format.fiscalYear(fy)}</strong> — {t('community.noPlanYet')}
                </span>
                {previous ? (
                  <Button variant="primary" icon="arrow-right" onClick={() => setCopyFrom(previous)}>
                    {t('community.copyForward', { from: format.fiscalYear(previous.fiscalYear) })}
                  </Button>
                ) : null}
                <Button onClick={() => setStartYear(fy)}>{t('community.startEmpty', { year: format.fiscalYear(fy) })}</Button>
                {(withdrawn.data ?? []).some((w) => w.fiscalYear === fy) ? <p className="muted small">{t('cycle.withdrawn.startInstead', { year: format.fiscalYear(fy) })}</p> : null}
              </div>
            );
          })}
        </section>
      ) : null}

      <section aria-labelledby="community-plans">
        <h2 id="community-plans">{t('community.plansTitle')}</h2>
        <ErrorBanner error={plans.error} onRetry={plans.reload} />
        {plans.loading && !plans.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <EmptyState title={t('community.noPlansTitle')}>{t('community.noPlansBody')}</EmptyState>
        ) : (
          <Table
            caption={t('community.plansCaption', { name: c.name })}
            hideCaption
            rows={list}
            rowKey={(p) => p.id}
            columns={[
              { key: 'fy', header: t('common.fiscalYear'), rowHeader: true, render: (p) => <a href={href.plan(p.id)}>{format.fiscalYear(p.fiscalYear)}</a> },
              { key: 'title', header: t('plan.titleLabel'), render: (p) => p.title },
              { key: 'status', header: t('plan.status'), render: (p) => <StatusChip kind="plan" value={p.status} /> },
              { key: 'priorities', header: t('plan.priorityCount'), numeric: true, render: (p) => format.number(p.priorityCount) },
              { key: 'actions', header: t('plan.actionCount'), numeric: true, render: (p) => format.number(p.actionCount) },
              {
                key: 'open',
                header: t('common.open'),
                render: (p) => (
                  <ButtonLink size="small" href={href.plan(p.id)} aria-label={t('community.openPlanYear', { year: format.fiscalYear(p.fiscalYear) })}>
                    {t('common.open')}
                  </ButtonLink>
                ),
              },
            ]}
          />
        )}
      </section>

      <WithdrawnDrafts drafts={withdrawn.data ?? []} onReinstate={async (draft) => {
        const plan = await commands.reinstate(draft.id, format.fiscalYear(draft.fiscalYear));
        window.location.hash = href.plan(plan.id);
      }} />

      {copyFrom ? <CopyForwardDialog sourcePlanId={copyFrom.id} sourceFiscalYear={copyFrom.fiscalYear} onClose={() => setCopyFrom(null)} /> : null}
      {startYear !== null ? (
        <ConfirmDialog
          title={t('community.startEmptyTitle', { year: format.fiscalYear(startYear) })}
          confirmLabel={t('community.startEmptyConfirm')}
          onClose={() => setStartYear(null)}
          onConfirm={async () => {
            const plan = await commands.startPlan(communityId, startYear, format.fiscalYear(startYear));
            window.location.hash = href.plan(plan.id);
          }}
        >
          <p>{t('community.startEmptyBody', { name: c.name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** Drafts withdrawn by mistake stay findable here, each with the way back. */
function WithdrawnDrafts({ drafts, onReinstate }: { drafts: WithdrawnPlan[]; onReinstate: (draft: WithdrawnPlan) => Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<unknown>(null);
  const task = useTask(setError);
  if (drafts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="community-withdrawn">
      <h2 id="community-withdrawn">{t('cycle.withdrawn.heading')}</h2>
      <ErrorBanner error={error} />
      <ul className="plain-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="row spaced-row">
            <span>
              {t('cycle.withdrawn.row', {
                year: format.fiscalYear(draft.fiscalYear),
                title: draft.title,
                date: format.date(draft.withdrawnAt),
                priorities: t('cycle.withdrawn.priorities', { count: draft.priorityCount }),
              })}
            </span>
            <Button size="small" icon="arrow-right" aria-label={t('cycle.withdrawn.reinstateNamed', { year: format.fiscalYear(draft.fiscalYear) })} onClick={() => void task.run(() => onReinstate(draft))}>
              {t('cycle.withdrawn.reinstate')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
