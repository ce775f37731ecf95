/** Adds a community or changes one: official name, other names, region and policing. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunitySummary, Detachment, Region } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Select, TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { useTerritoryCommands } from './territory-commands';
import { useChanged } from '../../app/unsaved-edits';

/** A list of names to add to and remove from, each change announced to screen readers by the list itself. */
function OtherNames({ names, onChange }: { names: string[]; onChange: (names: string[]) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  function add() {
    const name = draft.trim();
    if (name === '') return;
    if (!names.some((n) => n.normalize('NFC') === name.normalize('NFC'))) onChange([...names, name]);
    setDraft('');
  }
  return (
    <fieldset className="choice-group" aria-describedby="other-names-hint">
      <legend>{t('territoryAdmin.communities.form.otherNames')}</legend>
      <p id="other-names-hint" className="field__hint">
        {t('territoryAdmin.communities.form.otherNamesHint')}
      </p>
      {names.length === 0 ? (
        <p className="muted small">{t('territoryAdmin.communities.form.noOtherNames')}</p>
      ) : (
        <ul className="other-names" aria-label={t('territoryAdmin.communities.form.otherNames')}>
          {names.map((name) => (
            <li key={name} className="tag">
              <span>{name}</span>
              <Button size="small" variant="ghost" icon="cross" onClick={() => onChange(names.filter((n) => n !== name))} aria-label={t('territoryAdmin.communities.form.removeOtherName', { name })}>
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="other-names__add">
        <TextField
          label={t('territoryAdmin.communities.form.otherName')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the name rather than submitting the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          maxLength={200}
          autoComplete="off"
        />
        <Button onClick={add} disabled={draft.trim() === ''}>
          {t('territoryAdmin.communities.form.addOtherName')}
        </Button>
      </div>
    </fieldset>
  );
}

export function CommunityDialog({ community, regions, detachments, onClose }: { community?: CommunitySummary; regions: Region[]; detachments: Detachment[]; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const [name, setName] = useState(community?.name ?? '');
  const [otherNames, setOtherNames] = useState<string[]>(community?.otherNames ?? []);
  const [region, setRegion] = useState(community?.regionId ?? '');
  const [hasDetachment, setHasDetachment] = useState(community?.hasDetachment ?? false);
  const [servedBy, setServedBy] = useState(community?.servedByDetachmentId ?? '');
  const fields = () => ({ name, otherNames, regionId: region, hasDetachment, servedByDetachmentId: servedBy === '' ? null : servedBy });

  const dirty = useChanged({ name, otherNames, region, hasDetachment, servedBy });
  return (
    <FormDialog dirty={dirty}
      wide
      title={community ? t('territoryAdmin.communities.form.editTitle', { name: community.name }) : t('territoryAdmin.communities.form.addTitle')}
      submitLabel={community ? t('common.save') : t('territoryAdmin.communities.form.add')}
      onClose={onClose}
      isValid={() => filled(name, region)}
      save={() => (community ? commands.updateCommunity(community.id, fields()) : commands.createCommunity(fields()))}
    >
      {(checked) => (
        <>
          <TextField
            label={t('territoryAdmin.communities.form.name')}
            hint={t('territoryAdmin.communities.form.nameHint')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={requiredError(checked, name, t('territoryAdmin.communities.form.nameRequired'))}
            required
            maxLength={200}
            autoComplete="off"
          />
          <OtherNames names={otherNames} onChange={setOtherNames} />
          <Select
            label={t('territoryAdmin.communities.form.region')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            placeholder={t('territoryAdmin.communities.form.chooseRegion')}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
            error={requiredError(checked, region, t('territoryAdmin.communities.form.regionRequired'))}
            required
          />
          <label className="choice">
            <input type="checkbox" checked={hasDetachment} onChange={(e) => setHasDetachment(e.target.checked)} />
            {t('territoryAdmin.communities.form.hasDetachment')}
          </label>
          <Select
            label={t('territoryAdmin.communities.form.servedBy')}
            hint={t('territoryAdmin.communities.form.servedByHint')}
            value={servedBy}
            onChange={(e) => setServedBy(e.target.value)}
            placeholder={t('territoryAdmin.communities.form.noServingDetachment')}
            options={detachments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </>
      )}
    </FormDialog>
  );
}
