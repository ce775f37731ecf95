/**
 * The wording of a practice as a person edits it (sharing an action, accepting a proposal): title,
 * what was done, the challenge, themes and zone, when, what came of it, a contact, the status.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeContent, Theme } from '../../../shared/domain';
import { PRACTICE_STATUSES, type PracticeStatus } from '../../../shared/practices';
import { CSWB_ZONES, type CswbZone } from '../../../shared/vocabulary';
import { DateField } from '../../components/DateField';
import { CheckboxGroup, MAX_LONG_TEXT, Select, TextArea, TextField } from '../../components/Field';
import { RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { usePlanner } from '../../app/store-context';

export interface PracticeFormState {
  title: string;
  whatWasDone: string;
  challenge: string;
  themeIds: string[];
  zone: CswbZone | '';
  fiscalYear: string;
  triedFrom: string;
  triedTo: string;
  outcome: string;
  contactText: string;
  status: PracticeStatus | '';
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The form's state from a practice's content; and back, as a contract input's content fields. */
export function usePracticeForm(initial: PracticeContent | null) {
  const [state, setState] = useState<PracticeFormState>(() => ({
    title: initial?.title ?? '',
    whatWasDone: initial?.whatWasDone ?? '',
    challenge: initial?.challenge ?? '',
    themeIds: initial?.themeIds ?? [],
    zone: initial?.zone ?? '',
    fiscalYear: initial?.fiscalYear ? String(initial.fiscalYear) : '',
    triedFrom: initial?.triedFrom ?? '',
    triedTo: initial?.triedTo ?? '',
    outcome: initial?.outcome ?? '',
    contactText: initial?.contactText ?? '',
    status: initial?.status ?? '',
  }));
  const set = <K extends keyof PracticeFormState>(key: K, value: PracticeFormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const valid = () => filled(state.title, state.whatWasDone, state.status);
  const content = () => ({
    title: state.title,
    whatWasDone: state.whatWasDone,
    challenge: orNull(state.challenge),
    themeIds: state.themeIds,
    zone: state.zone === '' ? null : state.zone,
    fiscalYear: state.fiscalYear === '' ? null : Number(state.fiscalYear),
    triedFrom: orNull(state.triedFrom),
    triedTo: orNull(state.triedTo),
    outcome: orNull(state.outcome),
    contactText: orNull(state.contactText),
    status: state.status as PracticeStatus,
  });
  return { state, set, valid, content };
}

export type PracticeForm = ReturnType<typeof usePracticeForm>;

export function PracticeFields({ form, checked, themes }: { form: PracticeForm; checked: boolean; themes: readonly Theme[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = usePlanner((s) => s.locale);
  const { state, set } = form;
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 8 }, (_, i) => now + 1 - i);
  }, []);
  return (
    <>
      <TextField label={t('practices.form.title')} value={state.title} onChange={(e) => set('title', e.target.value)} error={requiredError(checked, state.title, t('practices.form.titleRequired'))} required maxLength={200} />
      <TextArea
        label={t('practices.form.whatWasDone')}
        hint={t('practices.form.whatWasDoneHint')}
        value={state.whatWasDone}
        onChange={(e) => set('whatWasDone', e.target.value)}
        error={requiredError(checked, state.whatWasDone, t('practices.form.whatWasDoneRequired'))}
        required
        rows={3}
        maxLength={MAX_LONG_TEXT}
      />
      <TextArea label={t('practices.form.challenge')} value={state.challenge} onChange={(e) => set('challenge', e.target.value)} rows={2} maxLength={MAX_LONG_TEXT} />
      <CheckboxGroup
        legend={t('practices.form.themes')}
        options={themes.filter((th) => !th.retired || state.themeIds.includes(th.id)).map((th) => ({ value: th.id, label: locale === 'fr' ? th.nameFr : th.nameEn }))}
        value={state.themeIds}
        onChange={(next) => set('themeIds', next)}
        emptyText={t('practices.form.noThemes')}
      />
      <div className="grid-3">
        <Select label={t('practices.form.zone')} value={state.zone} onChange={(e) => set('zone', e.target.value as CswbZone | '')} placeholder={t('practices.form.noZone')} options={CSWB_ZONES.map((z) => ({ value: z, label: t(`vocab.zone.${z}`) }))} />
        <RequiredChoice checked={checked} label={t('practices.form.status')} value={state.status} onChange={(v) => set('status', v)} placeholder={t('practices.form.chooseStatus')} values={PRACTICE_STATUSES} labelOf={(s) => t(`practices.statusLabel.${s}`)} missing={t('practices.form.statusRequired')} />
        <Select label={t('practices.form.fiscalYear')} value={state.fiscalYear} onChange={(e) => set('fiscalYear', e.target.value)} placeholder={t('practices.form.noYear')} options={years.map((y) => ({ value: String(y), label: format.fiscalYear(y) }))} />
      </div>
      <div className="grid-3">
        <DateField label={t('practices.form.triedFrom')} value={state.triedFrom} onChange={(v) => set('triedFrom', v)} />
        <DateField label={t('practices.form.triedTo')} value={state.triedTo} onChange={(v) => set('triedTo', v)} />
      </div>
      <TextArea label={t('practices.form.outcome')} value={state.outcome} onChange={(e) => set('outcome', e.target.value)} rows={2} maxLength={MAX_LONG_TEXT} />
      <TextField label={t('practices.form.contactText')} hint={t('practices.form.contactHint')} value={state.contactText} onChange={(e) => set('contactText', e.target.value)} maxLength={200} />
    </>
  );
}
