/** One commitment: status (the coordinator may change it), milestones, linked actions, plans by year. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/vocabulary';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { useCommitmentCommands } from './commitment-commands';

export function CommitmentScreen({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useCommitmentCommands();
  const role = usePlanner((s) => s.profile?.role);
  const detail = useCall('commitments:get', { commitmentId });
  const all = useCall('commitments:list', {}, { live: false });
  const [statusError, setStatusError] = useState<unknown>(null);

  if (detail.error && !detail.data) return <ErrorBanner error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const c = detail.data;

  async function changeStatus(status: CommitmentStatus) {
    setStatusError(null);
    try {
      await commands.changeStatus(commitmentId, status);
    } catch (e) {
      setStatusError(e);
    }
  }

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.commitments'), href: href.commitments() }, { label: c.number }]}
        title={`${c.number} — ${c.title}`}
        status={<StatusChip kind="commitment" value={c.status} />}
        subtitle={[t(`vocab.commitmentKind.${c.kind}`), c.leadDepartment, c.priorityArea].filter(Boolean).join(' · ')}
      />
      <ErrorBanner error={statusError} />
      {role === 'coordinator' ? (
        <div className="panel">
          <Select
            className="field--inline"
            label={t('commitments.changeStatus')}
            value={c.status}
            onChange={(e) => void changeStatus(e.target.value as CommitmentStatus)}
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`vocab.commitmentStatus.${s}`) }))}
          />
        </div>
      ) : null}

      <div className="grid-2">
        <section className="panel" aria-labelledby="commitment-milestones">
          <h2 id="commitment-milestones">{t('commitments.milestones')}</h2>
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
    </>
  );
}
