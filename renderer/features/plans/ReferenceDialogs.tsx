/**
 * Small dialogs opened from the action dialog, so a detachment can add the person who leads an
 * action, or a partner organisation it works with, without leaving the action it is writing.
 * Both are for the plan's community unless the person chooses every community.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, Person } from '../../../shared/domain';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../shared/vocabulary';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { ErrorBanner } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useClient } from '../../app/store-context';

export interface PlanCommunity {
  id: string;
  name: string;
}

const EVERY_COMMUNITY = '';

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
  const client = useClient();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [communityId, setCommunityId] = useState(community.id);
  const [checked, setChecked] = useState(false);
  const nameError = checked && name.trim() === '' ? t('plan.reference.personNameRequired') : undefined;
  const { busy, error, submit } = useSubmit(async () => {
    const person = await client.call('people:create', {
      name,
      title: title.trim() === '' ? null : title,
      communityId: communityId === EVERY_COMMUNITY ? null : communityId,
    });
    onCreated(person);
  }, onClose);
  return (
    <Dialog
      title={t('plan.reference.personTitle')}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (name.trim() !== '') void submit();
      }}
      footer={<FormDialogFooter submitLabel={t('plan.reference.personSubmit')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <TextField label={t('plan.reference.personName')} value={name} onChange={(e) => setName(e.target.value)} error={nameError} required maxLength={200} autoComplete="off" />
      <TextField label={t('plan.reference.personRole')} hint={t('plan.reference.personRoleHint')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoComplete="off" />
      <CommunityChoice community={community} value={communityId} onChange={setCommunityId} />
    </Dialog>
  );
}

export function OrganisationDialog({ community, onCreated, onClose }: { community: PlanCommunity; onCreated: (organisation: Organisation) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [communityId, setCommunityId] = useState(community.id);
  const [checked, setChecked] = useState(false);
  const nameError = checked && name.trim() === '' ? t('plan.reference.organisationNameRequired') : undefined;
  const kindError = checked && kind === '' ? t('plan.reference.organisationKindRequired') : undefined;
  const { busy, error, submit } = useSubmit(async () => {
    const organisation = await client.call('organisations:create', {
      name,
      kind: kind as OrganisationKind,
      communityId: communityId === EVERY_COMMUNITY ? null : communityId,
    });
    onCreated(organisation);
  }, onClose);
  return (
    <Dialog
      title={t('plan.reference.organisationTitle')}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (name.trim() !== '' && kind !== '') void submit();
      }}
      footer={<FormDialogFooter submitLabel={t('plan.reference.organisationSubmit')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <TextField label={t('plan.reference.organisationName')} value={name} onChange={(e) => setName(e.target.value)} error={nameError} required maxLength={200} autoComplete="off" />
      <Select
        label={t('plan.reference.organisationKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as OrganisationKind)}
        placeholder={t('plan.reference.chooseKind')}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`vocab.organisationKind.${k}`) }))}
        error={kindError}
        required
      />
      <CommunityChoice community={community} value={communityId} onChange={setCommunityId} />
    </Dialog>
  );
}
