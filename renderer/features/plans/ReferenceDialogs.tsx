/**
 * Small dialogs opened from the action dialog, so a detachment can add the person who leads an
 * action, or a partner organisation it works with, without leaving the action it is writing.
 * Both are for the plan's community unless the person chooses every community.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, Person } from '../../../shared/domain';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/vocabulary';
import { Select, TextField } from '../../components/Field';
import { FormDialog, RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { usePlanCommands } from './plan-commands';
import { useChanged } from '../../app/unsaved-edits';

export interface PlanCommunity {
  id: string;
  name: string;
}

const EVERY_COMMUNITY = '';
const communityOrEvery = (communityId: string) => (communityId === EVERY_COMMUNITY ? null : communityId);

function CommunityChoice({ community, value, onChange }: { community: PlanCommunity; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('plan.reference.community')}
      hint={t('plan.reference.communityHint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[
        { value: community.id, label: community.name },
        { value: EVERY_COMMUNITY, label: t('plan.reference.everyCommunity') },
      ]}
    />
  );
}

export function PersonDialog({ community, onCreated, onClose }: { community: PlanCommunity; onCreated: (person: Person) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePlanCommands();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [communityId, setCommunityId] = useState(community.id);
  const save = async () => onCreated(await commands.createPerson({ name, title: title.trim() === '' ? null : title, communityId: communityOrEvery(communityId) }));
  const dirty = useChanged({ name, title, communityId });
  return (
    <FormDialog dirty={dirty} title={t('plan.reference.personTitle')} submitLabel={t('plan.reference.personSubmit')} onClose={onClose} isValid={() => filled(name)} save={save}>
      {(checked) => (
        <>
          <TextField label={t('plan.reference.personName')} value={name} onChange={(e) => setName(e.target.value)} error={requiredError(checked, name, t('plan.reference.personNameRequired'))} required maxLength={200} autoComplete="off" />
          <TextField label={t('plan.reference.personRole')} hint={t('plan.reference.personRoleHint')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
          <CommunityChoice community={community} value={communityId} onChange={setCommunityId} />
        </>
      )}
    </FormDialog>
  );
}

export function OrganisationDialog({ community, onCreated, onClose }: { community: PlanCommunity; onCreated: (organisation: Organisation) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePlanCommands();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [communityId, setCommunityId] = useState(community.id);
  const save = async () => onCreated(await commands.createOrganisation({ name, kind: kind as OrganisationKind, communityId: communityOrEvery(communityId) }));
  const dirty = useChanged({ name, kind, communityId });
  return (
    <FormDialog dirty={dirty} title={t('plan.reference.organisationTitle')} submitLabel={t('plan.reference.organisationSubmit')} onClose={onClose} isValid={() => filled(name, kind)} save={save}>
      {(checked) => (
        <>
          <TextField label={t('plan.reference.organisationName')} value={name} onChange={(e) => setName(e.target.value)} error={requiredError(checked, name, t('plan.reference.organisationNameRequired'))} required maxLength={200} autoComplete="off" />
          <RequiredChoice checked={checked} label={t('plan.reference.organisationKind')} value={kind} onChange={setKind} placeholder={t('plan.reference.chooseKind')} values={ORGANISATION_KINDS} labelOf={(k) => t(`vocab.organisationKind.${k}`)} missing={t('plan.reference.organisationKindRequired')} />
          <CommunityChoice community={community} value={communityId} onChange={setCommunityId} />
        </>
      )}
    </FormDialog>
  );
}
