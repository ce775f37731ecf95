/** The detachments: English and French names and the communities each serves. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunitySummary, Detachment } from '../../../shared/domain';
import { compareNames } from '../../../shared/text-search';
import { EmptyState, LoadedList } from '../../components/Feedback';
import { CheckboxGroup } from '../../components/Field';
import { FormDialog, filled } from '../../components/FormDialog';
import { Table, type Column } from '../../components/Table';
import { useCall, usePlanner } from '../../app/store-context';
import { BilingualNames } from './BilingualDialogs';
import { ImportDialog } from './ImportDialog';
import { AddAndImport, ListToolbar, RetireDialog, RetiredSection, RowActions, useCanAdminister } from './TerritoryParts';
import { useTerritoryCommands } from './territory-commands';
import { useChanged } from '../../app/unsaved-edits';

export function useDetachmentName() {
  const locale = usePlanner((s) => s.locale);
  return (d: Pick<Detachment, 'nameEn' | 'nameFr'>) => (locale === 'fr' && d.nameFr ? d.nameFr : d.nameEn);
}

function DetachmentDialog({ detachment, communities, onClose }: { detachment?: Detachment; communities: CommunitySummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const nameOf = useDetachmentName();
  const [nameEn, setNameEn] = useState(detachment?.nameEn ?? '');
  const [nameFr, setNameFr] = useState(detachment?.nameFr ?? '');
  const [served, setServed] = useState<string[]>(detachment?.servedCommunityIds ?? []);
  const fields = () => ({ name: nameEn, nameFr, servesCommunityIds: served });
  const dirty = useChanged({ nameEn, nameFr, served });
  return (
    <FormDialog dirty={dirty}
      wide
      title={detachment ? t('territoryAdmin.detachments.form.editTitle', { name: nameOf(detachment) }) : t('territoryAdmin.detachments.form.addTitle')}
      submitLabel={detachment ? t('common.save') : t('territoryAdmin.detachments.form.add')}
      onClose={onClose}
      isValid={() => filled(nameEn, nameFr)}
      save={() => (detachment ? commands.updateDetachment(detachment.id, fields()) : commands.createDetachment(fields()))}
    >
      {(checked) => (
        <>
          <BilingualNames checked={checked} nameEn={nameEn} nameFr={nameFr} onEn={setNameEn} onFr={setNameFr} hintEn={t('territoryAdmin.detachments.form.nameEnHint')} hintFr={t('territoryAdmin.detachments.form.nameFrHint')} />
          <CheckboxGroup
            legend={t('territoryAdmin.detachments.form.serves')}
            hint={t('territoryAdmin.detachments.form.servesHint')}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            value={served}
            onChange={setServed}
            emptyText={t('territoryAdmin.detachments.form.noCommunities')}
          />
        </>
      )}
    </FormDialog>
  );
}

export function DetachmentsTab() {
  const { t } = useTranslation();
  const canAdminister = useCanAdminister();
  const locale = usePlanner((s) => s.locale);
  const commands = useTerritoryCommands();
  const nameOf = useDetachmentName();
  const detachments = useCall('detachments:list', { includeRetired: true });
  const communities = useCall('communities:list', {});
  const [editing, setEditing] = useState<Detachment | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Detachment | null>(null);
  const [importing, setImporting] = useState(false);
  const liveCommunities = [...(communities.data ?? [])].filter((c) => !c.retired).sort((a, b) => compareNames(locale)(a.name, b.name));
  const served = (d: Detachment) => liveCommunities.filter((c) => d.servedCommunityIds.includes(c.id)).map((c) => c.name);

  const columns: Array<Column<Detachment>> = [
    { key: 'en', header: t('territoryAdmin.common.nameEn'), rowHeader: true, render: (d) => <span lang="en-CA">{d.nameEn}</span> },
    { key: 'fr', header: t('territoryAdmin.common.nameFr'), render: (d) => <span lang="fr-CA">{d.nameFr ?? d.nameEn}</span> },
    { key: 'serves', header: t('territoryAdmin.detachments.serves'), render: (d) => served(d).join(', ') || t('territoryAdmin.detachments.servesNone') },
  ];
  const live = (detachments.data ?? []).filter((d) => !d.retired);
  return (
    <>
      <ListToolbar
        actions={
          canAdminister ? (
            <AddAndImport addLabel={t('territoryAdmin.detachments.add')} onAdd={() => setEditing('new')} onImport={() => setImporting(true)} />
          ) : null
        }
      />
      <LoadedList call={{ ...detachments, data: detachments.data ? live : undefined }} empty={<EmptyState title={t('territoryAdmin.detachments.emptyTitle')}>{t('territoryAdmin.detachments.emptyBody')}</EmptyState>}>
        {(rows) => (
          <Table
            caption={t('territoryAdmin.detachments.caption')}
            compact
            rows={rows}
            rowKey={(d) => d.id}
            columns={canAdminister ? [...columns, { key: 'actions', header: <span className="visually-hidden">{t('territoryAdmin.common.actions')}</span>, render: (d) => <RowActions name={nameOf(d)} onEdit={() => setEditing(d)} onRetire={() => setRetiring(d)} /> }] : columns}
          />
        )}
      </LoadedList>
      <RetiredSection id="retired-detachments" caption={t('territoryAdmin.detachments.retiredCaption')} rows={(detachments.data ?? []).filter((d) => d.retired)} nameOf={nameOf} columns={columns} canAdminister={canAdminister} onBringBack={(d) => commands.bringBack('detachments', d.id, nameOf(d))} />
      {editing ? <DetachmentDialog detachment={editing === 'new' ? undefined : editing} communities={liveCommunities} onClose={() => setEditing(null)} /> : null}
      {retiring ? (
        <RetireDialog title={t('territoryAdmin.detachments.retireTitle', { name: nameOf(retiring) })} body={t('territoryAdmin.detachments.retireBody')} onConfirm={() => commands.retire('detachments', retiring.id, nameOf(retiring))} onClose={() => setRetiring(null)} />
      ) : null}
      {importing ? <ImportDialog list="detachments" onClose={() => setImporting(false)} /> : null}
    </>
  );
}
