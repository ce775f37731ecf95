/** The government's mandate commitments and initiatives, with their status and milestones. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../shared/text-search';
import { Button } from '../../components/Button';
import { EmptyState, LoadedList, NoMatch } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { CommitmentDialog } from './CommitmentDialog';

export function CommitmentsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCall('commitments:list', {});
  const [search, setSearch] = useState('');
  const isCoordinator = usePlanner((s) => s.profile?.role === 'coordinator');
  const [adding, setAdding] = useState(false);
  const rows = useMemo(() => (list.data ?? []).filter((c) => matchesSearch(`${c.number} ${c.title} ${c.leadDepartment}`, search)), [list.data, search]);
  return (
    <>
      <PageHeader
        title={t('commitments.title')}
        subtitle={t('commitments.subtitle')}
        actions={
          isCoordinator ? (
            <Button variant="primary" icon="pencil" onClick={() => setAdding(true)}>
              {t('territoryAdmin.commitments.add')}
            </Button>
          ) : null
        }
      />
      <div className="panel">
        <TextField className="field--inline" type="search" label={t('commitments.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <LoadedList call={list} empty={<EmptyState title={t('commitments.emptyTitle')}>{t('commitments.emptyBody')}</EmptyState>}>
        {() =>
          rows.length === 0 ? (
            <NoMatch />
          ) : (
            <Table
              caption={t('commitments.title')}
              hideCaption
              rows={rows}
              rowKey={(c) => c.id}
              columns={[
                { key: 'number', header: t('commitments.number'), rowHeader: true, render: (c) => <a href={href.commitment(c.id)}>{c.number}</a> },
                { key: 'title', header: t('commitments.commitment'), render: (c) => c.title },
                { key: 'kind', header: t('commitments.kind'), render: (c) => t(`vocab.commitmentKind.${c.kind}`) },
                { key: 'lead', header: t('commitments.leadDepartment'), render: (c) => c.leadDepartment },
                { key: 'status', header: t('commitments.status'), render: (c) => <StatusChip kind="commitment" value={c.status} /> },
                { key: 'milestones', header: t('commitments.milestones'), numeric: true, render: (c) => format.number(c.milestones.length) },
              ]}
            />
          )
        }
      </LoadedList>
      {adding ? <CommitmentDialog others={list.data ?? []} onClose={() => setAdding(false)} onCreated={(c) => (window.location.hash = href.commitment(c.id))} /> : null}
    </>
  );
}
