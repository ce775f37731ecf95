/**
 * The territory's communities: official name in its own spelling, other names, region, policing.
 * Search is the core's (any name, with or without diacritics and apostrophes); retired communities
 * are listed apart, with Bring back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunitySummary } from '../../../shared/domain';
import { EmptyState, LoadedList, NoMatch } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Table, type Column } from '../../components/Table';
import { useCall } from '../../app/store-context';
import { CommunityDialog } from './CommunityDialog';
import { ImportDialog } from './ImportDialog';
import { AddAndImport, ListToolbar, RetireDialog, RetiredSection, RowActions, useCanAdminister } from './TerritoryParts';
import { useTerritoryCommands } from './territory-commands';

export function CommunitiesTab() {
  const { t } = useTranslation();
  const canAdminister = useCanAdminister();
  const commands = useTerritoryCommands();
  const [search, setSearch] = useState('');
  const communities = useCall('communities:list', { search: search.trim() === '' ? undefined : search, includeRetired: true });
  const regions = useCall('regions:list', { includeRetired: true });
  const detachments = useCall('detachments:list', { includeRetired: true });
  const [editing, setEditing] = useState<CommunitySummary | 'new' | null>(null);
  const [retiring, setRetiring] = useState<CommunitySummary | null>(null);
  const [importing, setImporting] = useState(false);

  const live = (communities.data ?? []).filter((c) => !c.retired);
  const retired = (communities.data ?? []).filter((c) => c.retired);

  const policing = (c: CommunitySummary) =>
    c.hasDetachment ? t('communities.ownDetachment') : c.servedByDetachmentName ? t('communities.servedBy', { name: c.servedByDetachmentName }) : t('communities.noDetachment');
  const columns: Array<Column<CommunitySummary>> = [
    { key: 'name', header: t('territoryAdmin.communities.name'), rowHeader: true, render: (c) => c.name },
    { key: 'other', header: t('territoryAdmin.communities.otherNamesColumn'), render: (c) => c.otherNames.join(', ') },
    { key: 'region', header: t('territoryAdmin.communities.region'), render: (c) => c.region },
    { key: 'policing', header: t('territoryAdmin.communities.policing'), render: policing },
  ];
  const liveColumns: Array<Column<CommunitySummary>> = canAdminister
    ? [...columns, { key: 'actions', header: <span className="visually-hidden">{t('territoryAdmin.common.actions')}</span>, render: (c) => <RowActions name={c.name} onEdit={() => setEditing(c)} onRetire={() => setRetiring(c)} /> }]
    : columns;

  return (
    <>
      <ListToolbar
        actions={
          canAdminister ? (
            <AddAndImport addLabel={t('territoryAdmin.communities.add')} onAdd={() => setEditing('new')} onImport={() => setImporting(true)} />
          ) : null
        }
      >
        <TextField className="field--inline" type="search" label={t('territoryAdmin.communities.search')} hint={t('territoryAdmin.communities.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} />
      </ListToolbar>
      <LoadedList
        call={{ ...communities, data: communities.data ? live : undefined }}
        empty={
          search.trim() !== '' && (communities.data?.length ?? 0) === 0 ? (
            <NoMatch />
          ) : (
            <EmptyState title={t('territoryAdmin.communities.emptyTitle')}>
              {(regions.data ?? []).length === 0 && canAdminister ? t('territoryAdmin.communities.emptyNeedsRegion') : t('territoryAdmin.communities.emptyBody')}
            </EmptyState>
          )
        }
      >
        {(rows) => <Table caption={t('territoryAdmin.communities.caption')} columns={liveColumns} rows={rows} rowKey={(c) => c.id} compact />}
      </LoadedList>
      <RetiredSection
        id="retired-communities"
        caption={t('territoryAdmin.communities.retiredCaption')}
        rows={retired}
        nameOf={(c) => c.name}
        columns={columns}
        canAdminister={canAdminister}
        onBringBack={(c) => commands.bringBack('communities', c.id, c.name)}
      />
      {editing ? (
        <CommunityDialog
          community={editing === 'new' ? undefined : editing}
          regions={(regions.data ?? []).filter((r) => !r.retired || (editing !== 'new' && r.id === editing.regionId))}
          detachments={(detachments.data ?? []).filter((d) => !d.retired || (editing !== 'new' && d.id === editing.servedByDetachmentId))}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {retiring ? (
        <RetireDialog
          title={t('territoryAdmin.communities.retireTitle', { name: retiring.name })}
          body={t('territoryAdmin.communities.retireBody', { name: retiring.name })}
          onConfirm={() => commands.retire('communities', retiring.id, retiring.name)}
          onClose={() => setRetiring(null)}
        />
      ) : null}
      {importing ? <ImportDialog list="communities" onClose={() => setImporting(false)} /> : null}
    </>
  );
}
