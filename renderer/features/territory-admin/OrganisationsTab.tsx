/** Partner organisations and people: edit, retire, territory-wide or of one community. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunitySummary, Organisation, Person } from '../../../shared/domain';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/vocabulary';
import { compareNames } from '../../../shared/text-search';
import { EmptyState, LoadedList } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { FormDialog, RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { Table, type Column } from '../../components/Table';
import { useCall, usePlanner } from '../../app/store-context';
import { ImportDialog } from './ImportDialog';
import { AddAndImport, ListToolbar, RetireDialog, RetiredSection, RowActions, useCanAdminister } from './TerritoryParts';
import { useTerritoryCommands } from './territory-commands';
import { useChanged } from '../../app/unsaved-edits';

const TERRITORY = '';

function CommunityChoice({ communities, value, onChange, label }: { communities: CommunitySummary[]; value: string; onChange: (v: string) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      hint={t('territoryAdmin.organisations.form.communityHint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[{ value: TERRITORY, label: t('territoryAdmin.common.territoryWide') }, ...communities.map((c) => ({ value: c.id, label: c.name }))]}
    />
  );
}

function OrganisationDialog({ organisation, communities, onClose }: { organisation?: Organisation; communities: CommunitySummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const [name, setName] = useState(organisation?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | ''>(organisation?.kind ?? '');
  const [communityId, setCommunityId] = useState(organisation?.communityId ?? TERRITORY);
  const fields = () => ({ name, kind: kind as OrganisationKind, communityId: communityId === TERRITORY ? null : communityId });
  const dirty = useChanged({ name, kind, communityId });
  return (
    <FormDialog dirty={dirty}
      title={organisation ? t('territoryAdmin.organisations.form.editTitle', { name: organisation.name }) : t('territoryAdmin.organisations.form.addTitle')}
      submitLabel={organisation ? t('common.save') : t('territoryAdmin.organisations.form.add')}
      onClose={onClose}
      isValid={() => filled(name, kind)}
      save={() => (organisation ? commands.updateOrganisation(organisation.id, fields()) : commands.createOrganisation(fields()))}
    >
      {(checked) => (
        <>
          <TextField label={t('territoryAdmin.organisations.form.name')} value={name} onChange={(e) => setName(e.target.value)} error={requiredError(checked, name, t('territoryAdmin.organisations.form.nameRequired'))} required maxLength={200} autoComplete="off" />
          <RequiredChoice checked={checked} label={t('territoryAdmin.organisations.form.kind')} value={kind} onChange={setKind} placeholder={t('territoryAdmin.organisations.form.chooseKind')} values={ORGANISATION_KINDS} labelOf={(k) => t(`vocab.organisationKind.${k}`)} missing={t('territoryAdmin.organisations.form.kindRequired')} />
          <CommunityChoice communities={communities} value={communityId} onChange={setCommunityId} label={t('territoryAdmin.organisations.form.community')} />
        </>
      )}
    </FormDialog>
  );
}

function PersonDialog({ person, communities, organisations, onClose }: { person?: Person; communities: CommunitySummary[]; organisations: Organisation[]; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const [name, setName] = useState(person?.name ?? '');
  const [title, setTitle] = useState(person?.title ?? '');
  const [organisationId, setOrganisationId] = useState(person?.organisationId ?? '');
  const [communityId, setCommunityId] = useState(person?.communityId ?? TERRITORY);
  const fields = () => ({ name, title: title.trim() === '' ? null : title, organisationId: organisationId === '' ? null : organisationId, communityId: communityId === TERRITORY ? null : communityId });
  const dirty = useChanged({ name, title, organisationId, communityId });
  return (
    <FormDialog dirty={dirty}
      title={person ? t('territoryAdmin.people.form.editTitle', { name: person.name }) : t('territoryAdmin.people.form.addTitle')}
      submitLabel={person ? t('common.save') : t('territoryAdmin.people.form.add')}
      onClose={onClose}
      isValid={() => filled(name)}
      save={() => (person ? commands.updatePerson(person.id, fields()) : commands.createPerson(fields()))}
    >
      {(checked) => (
        <>
          <TextField label={t('territoryAdmin.people.form.name')} value={name} onChange={(e) => setName(e.target.value)} error={requiredError(checked, name, t('territoryAdmin.people.form.nameRequired'))} required maxLength={200} autoComplete="off" />
          <TextField label={t('territoryAdmin.people.form.role')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
          <Select label={t('territoryAdmin.people.form.organisation')} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} placeholder={t('territoryAdmin.people.form.noOrganisation')} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
          <CommunityChoice communities={communities} value={communityId} onChange={setCommunityId} label={t('territoryAdmin.people.form.community')} />
        </>
      )}
    </FormDialog>
  );
}

export function OrganisationsTab() {
  const { t } = useTranslation();
  const canAdminister = useCanAdminister();
  const locale = usePlanner((s) => s.locale);
  const commands = useTerritoryCommands();
  const organisations = useCall('organisations:list', { includeRetired: true });
  const people = useCall('people:list', { includeRetired: true });
  const communities = useCall('communities:list', {});
  const [editingOrg, setEditingOrg] = useState<Organisation | 'new' | null>(null);
  const [editingPerson, setEditingPerson] = useState<Person | 'new' | null>(null);
  const [retiring, setRetiring] = useState<{ kind: 'organisations'; row: Organisation } | { kind: 'people'; row: Person } | null>(null);
  const [importing, setImporting] = useState<'organisations' | 'people' | null>(null);

  const compare = compareNames(locale);
  const liveCommunities = (communities.data ?? []).filter((c) => !c.retired).sort((a, b) => compare(a.name, b.name));
  const communityName = (id: string | null) => (id === null ? t('territoryAdmin.common.territoryWide') : (communities.data ?? []).find((c) => c.id === id)?.name ?? id);
  const liveOrganisations = (organisations.data ?? []).filter((o) => !o.retired);
  const organisationName = (id: string | null) => (id === null ? '' : (organisations.data ?? []).find((o) => o.id === id)?.name ?? '');

  const orgColumns: Array<Column<Organisation>> = [
    { key: 'name', header: t('territoryAdmin.organisations.name'), rowHeader: true, render: (o) => o.name },
    { key: 'kind', header: t('territoryAdmin.organisations.kind'), render: (o) => t(`vocab.organisationKind.${o.kind}`) },
    { key: 'community', header: t('territoryAdmin.organisations.community'), render: (o) => communityName(o.communityId) },
  ];
  const personColumns: Array<Column<Person>> = [
    { key: 'name', header: t('territoryAdmin.people.name'), rowHeader: true, render: (p) => p.name },
    { key: 'title', header: t('territoryAdmin.people.role'), render: (p) => p.title ?? '' },
    { key: 'organisation', header: t('territoryAdmin.people.organisation'), render: (p) => organisationName(p.organisationId) },
    { key: 'community', header: t('territoryAdmin.people.community'), render: (p) => communityName(p.communityId) },
  ];
  const actions = t('territoryAdmin.common.actions');

  return (
    <>
      <section aria-labelledby="territory-organisations">
        <div className="panel__header">
          <h2 id="territory-organisations">{t('territoryAdmin.organisations.title')}</h2>
        </div>
        <ListToolbar
          actions={
            canAdminister ? (
              <AddAndImport addLabel={t('territoryAdmin.organisations.add')} onAdd={() => setEditingOrg('new')} onImport={() => setImporting('organisations')} />
            ) : null
          }
        />
        <LoadedList call={{ ...organisations, data: organisations.data ? liveOrganisations : undefined }} empty={<EmptyState headingLevel={3} title={t('territoryAdmin.organisations.emptyTitle')}>{t('territoryAdmin.organisations.emptyBody')}</EmptyState>}>
          {(rows) => (
            <Table
              caption={t('territoryAdmin.organisations.caption')}
              hideCaption
              compact
              rows={rows}
              rowKey={(o) => o.id}
              columns={canAdminister ? [...orgColumns, { key: 'actions', header: <span className="visually-hidden">{actions}</span>, render: (o) => <RowActions name={o.name} onEdit={() => setEditingOrg(o)} onRetire={() => setRetiring({ kind: 'organisations', row: o })} /> }] : orgColumns}
            />
          )}
        </LoadedList>
        <RetiredSection id="retired-organisations" caption={t('territoryAdmin.organisations.retiredCaption')} rows={(organisations.data ?? []).filter((o) => o.retired)} nameOf={(o) => o.name} columns={orgColumns} canAdminister={canAdminister} onBringBack={(o) => commands.bringBack('organisations', o.id, o.name)} />
      </section>

      <section aria-labelledby="territory-people" className="section-gap">
        <div className="panel__header">
          <h2 id="territory-people">{t('territoryAdmin.people.title')}</h2>
        </div>
        <ListToolbar
          actions={
            canAdminister ? (
              <AddAndImport addLabel={t('territoryAdmin.people.add')} onAdd={() => setEditingPerson('new')} onImport={() => setImporting('people')} />
            ) : null
          }
        />
        <LoadedList call={{ ...people, data: people.data ? people.data.filter((p) => !p.retired) : undefined }} empty={<EmptyState headingLevel={3} title={t('territoryAdmin.people.emptyTitle')}>{t('territoryAdmin.people.emptyBody')}</EmptyState>}>
          {(rows) => (
            <Table
              caption={t('territoryAdmin.people.caption')}
              hideCaption
              compact
              rows={rows}
              rowKey={(p) => p.id}
              columns={canAdminister ? [...personColumns, { key: 'actions', header: <span className="visually-hidden">{actions}</span>, render: (p) => <RowActions name={p.name} onEdit={() => setEditingPerson(p)} onRetire={() => setRetiring({ kind: 'people', row: p })} /> }] : personColumns}
            />
          )}
        </LoadedList>
        <RetiredSection id="retired-people" caption={t('territoryAdmin.people.retiredCaption')} rows={(people.data ?? []).filter((p) => p.retired)} nameOf={(p) => p.name} columns={personColumns} canAdminister={canAdminister} onBringBack={(p) => commands.bringBack('people', p.id, p.name)} />
      </section>

      {editingOrg ? <OrganisationDialog organisation={editingOrg === 'new' ? undefined : editingOrg} communities={liveCommunities} onClose={() => setEditingOrg(null)} /> : null}
      {editingPerson ? <PersonDialog person={editingPerson === 'new' ? undefined : editingPerson} communities={liveCommunities} organisations={liveOrganisations} onClose={() => setEditingPerson(null)} /> : null}
      {retiring ? (
        <RetireDialog
          title={t(retiring.kind === 'organisations' ? 'territoryAdmin.organisations.retireTitle' : 'territoryAdmin.people.retireTitle', { name: retiring.row.name })}
          body={t(retiring.kind === 'organisations' ? 'territoryAdmin.organisations.retireBody' : 'territoryAdmin.people.retireBody')}
          onConfirm={() => commands.retire(retiring.kind, retiring.row.id, retiring.row.name)}
          onClose={() => setRetiring(null)}
        />
      ) : null}
      {importing ? <ImportDialog list={importing} onClose={() => setImporting(null)} /> : null}
    </>
  );
}
