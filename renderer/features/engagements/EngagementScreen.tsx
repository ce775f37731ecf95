/**
 * A community's engagement log (issue 14 §1): the meetings through which its priorities were set
 * and checked, year by year, with who took part and what they shaped. Reached from the community's
 * page and from each of its plans. Everyone may read it; whoever may change the community's plans
 * may record, change and remove engagements.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Engagement } from '../../../shared/domain';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { currentFiscalQuarter } from '../../app/today';
import { usePermission } from '../../app/use-permission';
import { Button } from '../../components/Button';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { fiscalYearChoices } from '../../components/FiscalYearSelect';
import { PageHeader } from '../../components/PageHeader';
import { Table } from '../../components/Table';
import { useTask } from '../../components/use-task';
import { AttachmentsPanel } from '../evidence/AttachmentsPanel';
import { useFormat } from '../../i18n/format';
import { EngagementDialog } from './EngagementDialog';
import { useEngagementCommands } from './engagement-commands';

/** "Name, Name and 3 others": who took part, in one line. */
export function participantsLine(e: Engagement): string {
  return [...e.people.map((p) => p.name ?? p.id), ...e.organisations.map((o) => o.name ?? o.id), ...(e.otherParticipants ? [e.otherParticipants] : [])].join(', ');
}

/** The priorities and actions it shaped, in one line. */
export function shapedLine(e: Engagement): string {
  return [...e.priorities.map((p) => p.name ?? p.id), ...e.actions.map((a) => a.name ?? a.id)].join(', ');
}

export function EngagementScreen({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useEngagementCommands();
  const [year, setYear] = useState<number | 'all'>(currentFiscalQuarter().fiscalYear);
  const [dialog, setDialog] = useState<{ engagement?: Engagement } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const task = useTask(setError);
  const community = useCall('communities:get', { communityId });
  const engagements = useCall('engagements:list', year === 'all' ? { communityId } : { communityId, fiscalYear: year });
  const may = usePermission('engagements:create', community.data ? { id: community.data.id, name: community.data.name } : null);

  if (community.error) return <ErrorBanner error={community.error} onRetry={community.reload} />;
  if (!community.data) return <Loading />;
  const c = community.data;
  const rows = [...(engagements.data ?? [])].reverse(); // newest first
  const years = fiscalYearChoices().sort((a, b) => b - a);

  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.communities'), href: href.communities() }, { label: c.name, href: href.community(c.id) }, { label: t('engagement.title') }]}
        title={`${t('engagement.title')} — ${c.name}`}
        subtitle={t('engagement.subtitle', { name: c.name })}
        actions={
          may.allowed ? (
            <Button variant="primary" icon="pencil" onClick={() => setDialog({})}>
              {t('engagement.add')}
            </Button>
          ) : null
        }
      />
      {may.allowed ? null : (
        <Banner tone="info" title={t('permissions.notYours')}>
          <p data-permission-reason="">{may.reason}</p>
        </Banner>
      )}
      <p className="muted">{t('engagement.intro')}</p>
      <div className="row">
        <Select
          className="field--inline"
          label={t('engagement.year')}
          value={String(year)}
          onChange={(e) => setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          options={[{ value: 'all', label: t('engagement.allYears') }, ...years.map((fy) => ({ value: String(fy), label: format.fiscalYear(fy) }))]}
        />
        {engagements.data ? <span className="muted" aria-live="polite">{t('engagement.count', { count: rows.length })}</span> : null}
      </div>
      <ErrorBanner error={error ?? engagements.error} onRetry={error ? undefined : engagements.reload} />
      {engagements.loading && !engagements.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('engagement.noneTitle')}>{t('engagement.noneBody')}</EmptyState>
      ) : (
        <Table
          caption={t('engagement.caption', { name: c.name })}
          rows={rows}
          rowKey={(e) => e.id}
          columns={[
            { key: 'date', header: t('engagement.column.date'), rowHeader: true, sortValue: (e) => e.date, render: (e) => format.date(e.date) },
            { key: 'kind', header: t('engagement.column.kind'), render: (e) => t(`engagement.kind.${e.kind}`) },
            { key: 'summary', header: t('engagement.column.summary'), render: (e) => <span className="engagement-summary">{e.summary}</span> },
            { key: 'who', header: t('engagement.column.participants'), render: (e) => participantsLine(e) || t('engagement.none') },
            { key: 'shaped', header: t('engagement.column.shaped'), render: (e) => shapedLine(e) || t('engagement.none') },
            ...(may.allowed
              ? [
                  {
                    key: 'change',
                    header: t('engagement.column.actions'),
                    sortable: false,
                    render: (e: Engagement) => (
                      <span className="row">
                        <Button size="small" icon="pencil" aria-label={t('engagement.editLabel', { date: format.date(e.date) })} onClick={() => setDialog({ engagement: e })}>
                          {t('engagement.edit')}
                        </Button>
                        <Button size="small" variant="danger" aria-label={t('engagement.removeLabel', { date: format.date(e.date) })} onClick={() => void task.run(() => commands.remove(e, format.date(e.date)))}>
                          {t('engagement.remove')}
                        </Button>
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {dialog ? <EngagementDialog
          community={{ id: c.id, name: c.name }}
          engagement={dialog.engagement}
          onClose={() => setDialog(null)}
          attachments={(e) => (
            <AttachmentsPanel recordKind="engagement" recordId={e.id} community={{ id: c.id, name: c.name }} what={`${e.date}: ${e.summary.length > 80 ? `${e.summary.slice(0, 79)}…` : e.summary}`} headingLevel={3} />
          )}
        /> : null}
    </>
  );
}
