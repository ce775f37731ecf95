import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, Organisation, Person } from '../../../shared/domain';
import { QUARTERS, type Quarter } from '../../../shared/fiscal-calendar';
import { OWNER_PARTIES, type OwnerParty } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { CheckboxGroup, MAX_LONG_TEXT, Select, TextArea, TextField } from '../../components/Field';
import { FormDialog, RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { usePlanCommands } from './plan-commands';
import type { PlanReference } from './plan-reference';
import { OrganisationDialog, PersonDialog, type PlanCommunity } from './ReferenceDialogs';
import { useChanged } from '../../app/unsaved-edits';
import { MatchingPractices } from '../practices/MatchingPractices';

/** Keeps the reference list's order; adds what was just created (until the list is read again). */
function withAdded<T extends { id: string; name: string }>(list: T[], added: T[], locale: string): T[] {
  const extra = added.filter((a) => !list.some((x) => x.id === a.id));
  return extra.length === 0 ? list : [...list, ...extra].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A small button under a field, to add a choice for it on the spot. */
function InlineAdd({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <p className="dialog__inline-add">
      <Button size="small" icon="pencil" onClick={onClick}>
        {label}
      </Button>
    </p>
  );
}

/**
 * Adds an action to a priority, or changes one: owner, lead, partners, quarters, commitments. The
 * lead and the partners can be added on the spot (a small dialog over this one).
 */
export function ActionDialog({
  priorityId,
  action,
  reference,
  community,
  onClose,
}: {
  priorityId: string;
  action?: Action;
  reference: PlanReference;
  community: PlanCommunity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const [title, setTitle] = useState(action?.title ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [owner, setOwner] = useState<OwnerParty | ''>(action?.owner ?? '');
  const [leadPersonId, setLeadPersonId] = useState(action?.leadPersonId ?? '');
  const [leadName, setLeadName] = useState(action?.leadName ?? '');
  const [partners, setPartners] = useState<string[]>(action?.partnerOrganisationIds ?? []);
  const [quarters, setQuarters] = useState<string[]>((action?.plannedQuarters ?? []).map(String));
  const [commitments, setCommitments] = useState<string[]>(action?.commitmentIds ?? []);
  const [adding, setAdding] = useState<'person' | 'organisation' | null>(null);
  const [addedPeople, setAddedPeople] = useState<Person[]>([]);
  const [addedOrganisations, setAddedOrganisations] = useState<Organisation[]>([]);
  // A lead or partner chosen earlier may belong to another community (the serving detachment's):
  // keep it in the choices so it shows by name and is not dropped on save.
  const chosenPeople = reference.allPeople.filter((p) => p.id === action?.leadPersonId);
  const chosenOrganisations = reference.allOrganisations.filter((o) => action?.partnerOrganisationIds.includes(o.id));
  const people = withAdded(reference.people, [...addedPeople, ...chosenPeople], reference.locale);
  const organisations = withAdded(reference.organisations, [...addedOrganisations, ...chosenOrganisations], reference.locale);

  const save = () =>
    commands.saveAction({ priorityId, action }, {
      title,
      description: description.trim() === '' ? null : description,
      owner: owner as OwnerParty,
      leadPersonId: leadPersonId === '' ? null : leadPersonId,
      leadName: leadPersonId === '' && leadName.trim() !== '' ? leadName : null,
      partnerOrganisationIds: partners,
      plannedQuarters: quarters.map(Number).sort() as Quarter[],
      commitmentIds: commitments,
    });

  function addPerson(person: Person) {
    setAddedPeople((list) => [...list, person]);
    setLeadPersonId(person.id);
    reference.reloadPeopleAndOrganisations();
  }
  function addOrganisation(organisation: Organisation) {
    setAddedOrganisations((list) => [...list, organisation]);
    setPartners((list) => [...list, organisation.id]);
    reference.reloadPeopleAndOrganisations();
  }

  const dirty = useChanged({ title, description, owner, leadPersonId, leadName, partners, quarters, commitments });
  return (
    <FormDialog dirty={dirty}
      wide
      title={action ? t('plan.actionForm.editTitle') : t('plan.actionForm.addTitle')}
      submitLabel={action ? t('common.save') : t('plan.actionForm.add')}
      onClose={onClose}
      isValid={() => filled(title, owner)}
      save={save}
    >
      {(checked) => (
        <>
          {action ? null : <MatchingPractices priorityId={priorityId} onUse={(p) => (setTitle(p.title), setDescription(p.whatWasDone))} />}
          <TextField label={t('plan.actionForm.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={requiredError(checked, title, t('plan.actionForm.titleRequired'))} required maxLength={200} />
          <TextArea label={t('plan.actionForm.description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={MAX_LONG_TEXT} />
          <div className="grid-3">
            <RequiredChoice checked={checked} label={t('plan.actionForm.owner')} value={owner} onChange={setOwner} placeholder={t('plan.actionForm.chooseOwner')} values={OWNER_PARTIES} labelOf={(o) => t(`vocab.owner.${o}`)} missing={t('plan.actionForm.ownerRequired')} />
            <Select
              label={t('plan.actionForm.leadPerson')}
              value={leadPersonId}
              onChange={(e) => setLeadPersonId(e.target.value)}
              placeholder={t('plan.actionForm.noLeadPerson')}
              options={people.map((p) => ({ value: p.id, label: p.title ? `${p.name} (${p.title})` : p.name }))}
            />
            <TextField
              label={t('plan.actionForm.leadName')}
              hint={t('plan.actionForm.leadNameHint')}
              value={leadPersonId === '' ? leadName : ''}
              disabled={leadPersonId !== ''}
              onChange={(e) => setLeadName(e.target.value)}
              maxLength={200}
            />
          </div>
          <InlineAdd label={t('plan.reference.addPerson')} onClick={() => setAdding('person')} />
          <CheckboxGroup
            legend={t('plan.actionForm.quarters')}
            options={QUARTERS.map((q) => ({ value: String(q), label: format.quarterShort(q) }))}
            value={quarters}
            onChange={setQuarters}
          />
          <CheckboxGroup
            legend={t('plan.actionForm.partners')}
            options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${t(`vocab.organisationKind.${o.kind}`)})` }))}
            value={partners}
            onChange={setPartners}
            emptyText={t('plan.actionForm.noPartners')}
          />
          <InlineAdd label={t('plan.reference.addOrganisation')} onClick={() => setAdding('organisation')} />
          <CheckboxGroup
            legend={t('plan.actionForm.commitments')}
            options={reference.commitments.map((c) => ({ value: c.id, label: `${c.number} — ${c.title}` }))}
            value={commitments}
            onChange={setCommitments}
            emptyText={t('plan.actionForm.noCommitments')}
          />
          {adding === 'person' ? <PersonDialog community={community} onClose={() => setAdding(null)} onCreated={addPerson} /> : null}
          {adding === 'organisation' ? <OrganisationDialog community={community} onClose={() => setAdding(null)} onCreated={addOrganisation} /> : null}
        </>
      )}
    </FormDialog>
  );
}
