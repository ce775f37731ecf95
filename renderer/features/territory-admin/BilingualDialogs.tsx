/** The small forms of the lists that have an English and a French name: regions and themes. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region, Theme } from '../../../shared/domain';
import { TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { usePlanner } from '../../app/store-context';
import { useTerritoryCommands } from './territory-commands';
import { useChanged } from '../../app/unsaved-edits';

/** The English and French names, each required, each marked with its language for screen readers. */
export function BilingualNames({ checked, nameEn, nameFr, onEn, onFr, hintEn, hintFr }: { checked: boolean; nameEn: string; nameFr: string; onEn: (v: string) => void; onFr: (v: string) => void; hintEn?: string; hintFr?: string }) {
  const { t } = useTranslation();
  return (
    <div className="grid-2">
      <TextField label={t('territoryAdmin.common.nameEn')} hint={hintEn} lang="en-CA" value={nameEn} onChange={(e) => onEn(e.target.value)} error={requiredError(checked, nameEn, t('territoryAdmin.common.nameEnRequired'))} required maxLength={200} autoComplete="off" />
      <TextField label={t('territoryAdmin.common.nameFr')} hint={hintFr} lang="fr-CA" value={nameFr} onChange={(e) => onFr(e.target.value)} error={requiredError(checked, nameFr, t('territoryAdmin.common.nameFrRequired'))} required maxLength={200} autoComplete="off" />
    </div>
  );
}

/** The name of a record with an English and a French name, in the language on screen. */
export function useBilingualName() {
  const locale = usePlanner((s) => s.locale);
  return (r: { nameEn: string; nameFr: string }) => (locale === 'fr' ? r.nameFr : r.nameEn);
}

export function RegionDialog({ region, onClose }: { region?: Region; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const nameOf = useBilingualName();
  const [nameEn, setNameEn] = useState(region?.nameEn ?? '');
  const [nameFr, setNameFr] = useState(region?.nameFr ?? '');
  const dirty = useChanged({ nameEn, nameFr });
  return (
    <FormDialog dirty={dirty}
      title={region ? t('territoryAdmin.regions.form.editTitle', { name: nameOf(region) }) : t('territoryAdmin.regions.form.addTitle')}
      submitLabel={region ? t('common.save') : t('territoryAdmin.regions.form.add')}
      onClose={onClose}
      isValid={() => filled(nameEn, nameFr)}
      save={() => (region ? commands.updateRegion(region.id, { nameEn, nameFr }) : commands.createRegion({ nameEn, nameFr }))}
    >
      {(checked) => <BilingualNames checked={checked} nameEn={nameEn} nameFr={nameFr} onEn={setNameEn} onFr={setNameFr} />}
    </FormDialog>
  );
}

export function ThemeDialog({ theme, onClose }: { theme?: Theme; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const nameOf = useBilingualName();
  const [code, setCode] = useState(theme?.code ?? '');
  const [nameEn, setNameEn] = useState(theme?.nameEn ?? '');
  const [nameFr, setNameFr] = useState(theme?.nameFr ?? '');
  const dirty = useChanged({ code, nameEn, nameFr });
  return (
    <FormDialog dirty={dirty}
      title={theme ? t('territoryAdmin.themes.form.editTitle', { name: nameOf(theme) }) : t('territoryAdmin.themes.form.addTitle')}
      submitLabel={theme ? t('common.save') : t('territoryAdmin.themes.form.add')}
      onClose={onClose}
      isValid={() => filled(code, nameEn, nameFr)}
      save={() => (theme ? commands.updateTheme(theme.id, { nameEn, nameFr }, nameOf({ nameEn, nameFr })) : commands.createTheme({ code, nameEn, nameFr }, nameOf({ nameEn, nameFr })))}
    >
      {(checked) => (
        <>
          {/* The code identifies the theme on every computer: set once, not changed afterwards. */}
          <TextField label={t('territoryAdmin.themes.form.code')} hint={t('territoryAdmin.themes.form.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={requiredError(checked, code, t('territoryAdmin.themes.form.codeRequired'))} required readOnly={theme !== undefined} maxLength={60} autoComplete="off" />
          <BilingualNames checked={checked} nameEn={nameEn} nameFr={nameFr} onEn={setNameEn} onFr={setNameFr} />
        </>
      )}
    </FormDialog>
  );
}
