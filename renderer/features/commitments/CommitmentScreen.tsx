/**
 * One commitment: its description, status, milestones, linked actions, plans by year. The
 * coordinator edits it (English and French), changes its status and adds or edits milestones.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../shared/domain';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { useCommitmentCommands } from './commitment-commands';
import { useUnsavedEdits } from '../../app/unsaved-edits';
import './commitments.css';
import { CommitmentDialog } from './CommitmentDialog';
import { MilestoneDialog } from './MilestoneDialog';

export function CommitmentScreen({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useCommitmentCommands();
  const role = usePlanner((s) => s.profile?.role);
  const locale = usePlanner((s) => s.locale);
  const detail = useCall('commitments:get', { commitmentId });
  const all = useCall('commitments:list', {}, { live: false });
  const [statusError, setStatusError] = useState<unknown>(null);
  // The status picked in the list, saved only with the Save button (a pick alone changes nothing).
  const [pickedStatus, setPickedStatus] = useState<CommitmentStatus | null>(null);
  const [savingStatus, setSavingStatus] = useState(false);
  useUnsavedEdits(pickedStatus !== null && pickedStatus !== detail.data?.status);
  const [editing, setEditing] = useState(false);
  const [milestone, setMilestone] = useState<Milestone | 'new' | null>(null);
  const isCoordinator = role === 'coordinator';

  if (detail.error && !detail.data) return <ErrorBanner error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const c = detail.data;
  const description = locale === 'fr' ? (c.descriptionFr ?? c.descriptionEn) : (c.descriptionEn ?? c.descriptionFr);

  const shownStatus = pickedStatus ?? c.status;
  const statusPending = shownStatus !== c.status;

  async function saveStatus() {
    if (!statusPending || savingStatus) return;
    setStatusError(null);
    setSavingStatus(true);
    try {
      await commands.changeStatus(commitmentId, shownStatus, c.status);
      setPickedStatus(null);
    } catch (e) {
      setStatusError(e);
    } finally {
      setSavingStatus(false);
    }
  }

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.commitments'), href: href.commitments() }, { label: c.number }]}
        title={`${c.number} — ${c.title}`}
        status={<StatusChip kind="commitment" value={c.status} />}
        subtitle={[t(`vocab.commitmentKind.${c.kind}`), c.leadDepartment, c.priorityArea].filter(Boolean).join(' · ')}
        actions={
          isCoordinator ? (
            <Button icon="pencil" onClick={() => setEditing(true)}>
              {t('territoryAdmin.commitments.edit')}
            </Button>
          ) : null
        }
      />
      {description ? (
        <section className="panel" aria-labelledby="commitment-description">
          <h2 id="commitment-description">{t('territoryAdmin.commitments.description')}</h2>
          <p className="pre-wrap">{description}</p>
        </section>
      ) : null}
      <ErrorBanner error={statusError} />
      {isCoordinator ? (
        <form
          className="panel commitment-status"
          onSubmit={(event) => {
            event.preventDefault();
            void saveStatus();
          }}
        >
          <Select
            className="field--inline"
            label={t('commitments.changeStatus')}
            hint={statusPending ? t('safeEdits.commitment.pending', { status: t(`vocab.commitmentStatus.${c.status}`) }) : undefined}
            value={shownStatus}
            onChange={(e) => setPickedStatus(e.target.value as CommitmentStatus)}
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`vocab.commitmentStatus.${s}`) }))}
          />
          <div className="commitment-status__buttons">
            <Button type="submit" variant="primary" busy={savingStatus} disabled={!statusPending}>
              {t('safeEdits.commitment.save')}
            </Button>
            {statusPending ? <Button onClick={() => setPickedStatus(null)}>{t('common.cancel')}</Button> : null}
          </div>
        </form>
      ) : null}

      <div className="grid-2">
        <section className="panel" aria-labelledby="commitment-milestones">
          <div className="panel__header">
            <h2 id="commitment-milestones">{t('commitments.milestones')}</h2>
            {isCoordinator ? (
              <Button size="small" icon="pencil" onClick={() => setMilestone('new')}>
                {t('territoryAdmin.milestones.add')}
              </Button>
            ) : null}
          </div>
          {c.milestones.length === 0 ? (
            <p className="muted">{t('commitments.noMilestones')}</p>
          ) : (
            <ul className="plain-list">
              {c.milestones.map((m) => (
                <li key={m.id} className="due-item">
                  <StatusChip kind="milestone" value={m.status} />
                  <span>
                    {m.title}
                    {m.dueDate ? (
                      <>
                        <br />
                        <span className="muted small">{t('commitments.due', { date: format.date(m.dueDate) })}</span>
                      </>
                    ) : null}
                  </span>
                  {isCoordinator ? (
                    <Button size="small" variant="ghost" icon="pencil" onClick={() => setMilestone(m)} aria-label={t('territoryAdmin.milestones.editNamed', { name: m.title })}>
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="commitment-years">
          <h2 id="commitment-years">{t('commitments.plansByYear')}</h2>
          {c.plansByYear.length === 0 ? (
            <p className="muted">{t('commitments.noPlansYet')}</p>
          ) : (
            <Table
              caption={t('commitments.plansByYear')}
              hideCaption
              compact
              rows={c.plansByYear}
              rowKey={(r) => String(r.fiscalYear)}
              columns={[
                { key: 'fy', header: t('common.fiscalYear'), rowHeader: true, render: (r) => format.fiscalYear(r.fiscalYear) },
                { key: 'agreed', header: t('commitments.withAgreedPlan'), numeric: true, render: (r) => t('commitments.ofCommunities', { count: r.communitiesWithAgreedPlan, total: r.communityCount }) },
              ]}
            />
          )}
        </section>
      </div>

      <section aria-labelledby="commitment-links">
        <h2 id="commitment-links">{t('commitments.linkedActions', { count: c.linkedActions.length })}</h2>
        {c.linkedActions.length === 0 ? (
          <EmptyState headingLevel={3} title={t('commitments.noLinksTitle')}>
            {t('commitments.noLinksBody')}
          </EmptyState>
        ) : (
          <Table
            caption={t('commitments.linkedActions', { count: c.linkedActions.length })}
            hideCaption
            compact
            rows={c.linkedActions}
            rowKey={(r) => r.actionId}
            columns={[
              { key: 'action', header: t('plan.action'), rowHeader: true, render: (r) => r.actionTitle },
              { key: 'community', header: t('communities.community'), render: (r) => r.communityName },
              { key: 'fy', header: t('common.fiscalYear'), render: (r) => <a href={href.plan(r.planId)}>{format.fiscalYear(r.fiscalYear)}</a> },
            ]}
          />
        )}
      </section>
      {c.relatedCommitmentIds.length > 0 ? (
        <Banner tone="info" title={t('commitments.related')}>
          <p>
            {c.relatedCommitmentIds.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <a href={href.commitment(id)}>{all.data?.find((x) => x.id === id)?.number ?? id}</a>
              </span>
            ))}
          </p>
        </Banner>
      ) : null}
      {editing ? <CommitmentDialog commitment={c} others={all.data ?? []} onClose={() => setEditing(false)} /> : null}
      {milestone ? <MilestoneDialog commitmentId={c.id} milestone={milestone === 'new' ? undefined : milestone} onClose={() => setMilestone(null)} /> : null}
    </>
  );
}
