/** The Regions and Themes lists: English and French names, edit, retire and bring back, import. */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region, Theme } from '../../../shared/domain';
import { EmptyState, LoadedList } from '../../components/Feedback';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { useCall } from '../../app/store-context';
import { RegionDialog, ThemeDialog, useBilingualName } from './BilingualDialogs';
import { ImportDialog } from './ImportDialog';
import { AddAndImport, ListToolbar, RetireDialog, RetiredSection, RowActions, useCanAdminister } from './TerritoryParts';
import { useTerritoryCommands } from './territory-commands';

/** A code such as "mental_health_addictions" may wrap after its underscores, not in the middle of a word. */
const breakableCode = (code: string) => code.split('_').map((part, i) => (i === 0 ? part : <Fragment key={i}>_<wbr />{part}</Fragment>));

const actionsHeader = (label: string) => <span className="visually-hidden">{label}</span>;

export function RegionsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const canAdminister = useCanAdminister();
  const commands = useTerritoryCommands();
  const nameOf = useBilingualName();
  const regions = useCall('regions:list', { includeRetired: true });
  const communities = useCall('communities:list', { includeRetired: true });
  const [editing, setEditing] = useState<Region | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Region | null>(null);
  const [importing, setImporting] = useState(false);
  const countIn = (r: Region) => (communities.data ?? []).filter((c) => c.regionId === r.id && !c.retired).length;

  const columns: Array<Column<Region>> = [
    { key: 'en', header: t('territoryAdmin.common.english'), rowHeader: true, render: (r) => <span lang="en-CA">{r.nameEn}</span> },
    { key: 'fr', header: t('territoryAdmin.common.french'), render: (r) => <span lang="fr-CA">{r.nameFr}</span> },
    { key: 'count', header: t('territoryAdmin.regions.communityCount'), numeric: true, render: (r) => format.number(countIn(r)) },
  ];
  const live = (regions.data ?? []).filter((r) => !r.retired);
  return (
    <>
      <ListToolbar actions={canAdminister ? <AddAndImport addLabel={t('territoryAdmin.regions.add')} onAdd={() => setEditing('new')} onImport={() => setImporting(true)} /> : null} />
      <LoadedList call={{ ...regions, data: regions.data ? live : undefined }} empty={<EmptyState title={t('territoryAdmin.regions.emptyTitle')}>{t('territoryAdmin.regions.emptyBody')}</EmptyState>}>
        {(rows) => (
          <Table
            caption={t('territoryAdmin.regions.caption')}
            compact
            rows={rows}
            rowKey={(r) => r.id}
            columns={canAdminister ? [...columns, { key: 'actions', header: actionsHeader(t('territoryAdmin.common.actions')), render: (r) => <RowActions name={nameOf(r)} onEdit={() => setEditing(r)} onRetire={() => setRetiring(r)} /> }] : columns}
          />
        )}
      </LoadedList>
      <RetiredSection id="retired-regions" caption={t('territoryAdmin.regions.retiredCaption')} rows={(regions.data ?? []).filter((r) => r.retired)} nameOf={nameOf} columns={columns} canAdminister={canAdminister} onBringBack={(r) => commands.bringBack('regions', r.id, nameOf(r))} />
      {editing ? <RegionDialog region={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {retiring ? (
        <RetireDialog title={t('territoryAdmin.regions.retireTitle', { name: nameOf(retiring) })} body={t('territoryAdmin.regions.retireBody')} onConfirm={() => commands.retire('regions', retiring.id, nameOf(retiring))} onClose={() => setRetiring(null)} />
      ) : null}
      {importing ? <ImportDialog list="regions" onClose={() => setImporting(false)} /> : null}
    </>
  );
}

export function ThemesTab() {
  const { t } = useTranslation();
  const canAdminister = useCanAdminister();
  const commands = useTerritoryCommands();
  const nameOf = useBilingualName();
  const themes = useCall('themes:list', { includeRetired: true });
  const [editing, setEditing] = useState<Theme | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Theme | null>(null);
  const [importing, setImporting] = useState(false);

  const columns: Array<Column<Theme>> = [
    { key: 'en', header: t('territoryAdmin.common.english'), rowHeader: true, render: (r) => <span lang="en-CA">{r.nameEn}</span> },
    { key: 'fr', header: t('territoryAdmin.common.french'), render: (r) => <span lang="fr-CA">{r.nameFr}</span> },
    { key: 'code', header: t('territoryAdmin.themes.code'), render: (r) => <code>{breakableCode(r.code)}</code> },
  ];
  const live = (themes.data ?? []).filter((r) => !r.retired);
  return (
    <>
      <ListToolbar actions={canAdminister ? <AddAndImport addLabel={t('territoryAdmin.themes.add')} onAdd={() => setEditing('new')} onImport={() => setImporting(true)} /> : null} />
      <LoadedList call={{ ...themes, data: themes.data ? live : undefined }} empty={<EmptyState title={t('territoryAdmin.themes.emptyTitle')}>{t('territoryAdmin.themes.emptyBody')}</EmptyState>}>
        {(rows) => (
          <Table
            caption={t('territoryAdmin.themes.caption')}
            compact
            rows={rows}
            rowKey={(r) => r.id}
            columns={canAdminister ? [...columns, { key: 'actions', header: actionsHeader(t('territoryAdmin.common.actions')), render: (r) => <RowActions name={nameOf(r)} onEdit={() => setEditing(r)} onRetire={() => setRetiring(r)} /> }] : columns}
          />
        )}
      </LoadedList>
      <RetiredSection id="retired-themes" caption={t('territoryAdmin.themes.retiredCaption')} rows={(themes.data ?? []).filter((r) => r.retired)} nameOf={nameOf} columns={columns} canAdminister={canAdminister} onBringBack={(r) => commands.bringBack('themes', r.id, nameOf(r))} />
      {editing ? <ThemeDialog theme={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {retiring ? (
        <RetireDialog title={t('territoryAdmin.themes.retireTitle', { name: nameOf(retiring) })} body={t('territoryAdmin.themes.retireBody')} onConfirm={() => commands.retire('themes', retiring.id, nameOf(retiring))} onClose={() => setRetiring(null)} />
      ) : null}
      {importing ? <ImportDialog list="themes" onClose={() => setImporting(false)} /> : null}
    </>
  );
}
