import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '../../../shared/vocabulary';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { ErrorBanner } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useFormat } from '../../i18n/format';
import { parseAmount } from '../progress/progress-slice';
import { useClient } from '../../app/store-context';

/** Adds an indicator to a priority, or changes one: unit, baseline, target, direction, source. */
export function IndicatorDialog({ priorityId, indicator, onClose }: { priorityId: string; indicator?: Indicator; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [baseline, setBaseline] = useState(indicator?.baseline != null ? format.number(indicator.baseline, 4).replace(/\s/g, '') : '');
  const [target, setTarget] = useState(indicator?.target != null ? format.number(indicator.target, 4).replace(/\s/g, '') : '');
  const [direction, setDirection] = useState<IndicatorDirection>(indicator?.direction ?? 'decrease');
  const [source, setSource] = useState(indicator?.source ?? '');
  const [checked, setChecked] = useState(false);

  const numberError = (text: string) => (checked && text.trim() !== '' && parseAmount(text) === null ? t('plan.indicatorForm.notANumber') : undefined);
  const nameError = checked && name.trim() === '' ? t('plan.indicatorForm.nameRequired') : undefined;
  const unitError = checked && unit.trim() === '' ? t('plan.indicatorForm.unitRequired') : undefined;
  const valid = () => name.trim() !== '' && unit.trim() !== '' && [baseline, target].every((v) => v.trim() === '' || parseAmount(v) !== null);

  const { busy, error, submit } = useSubmit(async () => {
    const fields = {
      name,
      unit,
      baseline: baseline.trim() === '' ? null : parseAmount(baseline),
      target: target.trim() === '' ? null : parseAmount(target),
      direction,
      source: source.trim() === '' ? null : source,
    };
    if (indicator) await client.call('indicators:update', { indicatorId: indicator.id, ...fields });
    else await client.call('indicators:add', { priorityId, ...fields });
  }, onClose);

  return (
    <Dialog
      title={indicator ? t('plan.indicatorForm.editTitle') : t('plan.indicatorForm.addTitle')}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (valid()) void submit();
      }}
      footer={<FormDialogFooter submitLabel={indicator ? t('common.save') : t('plan.indicatorForm.add')} busy={busy} onCancel={onClose} />}
    >
      <ErrorBanner error={error} />
      <TextField label={t('plan.indicatorForm.name')} value={name} onChange={(e) => setName(e.target.value)} error={nameError} required maxLength={200} />
      <div className="grid-2">
        <TextField label={t('plan.indicatorForm.unit')} hint={t('plan.indicatorForm.unitHint')} value={unit} onChange={(e) => setUnit(e.target.value)} error={unitError} required maxLength={200} />
        <Select
          label={t('plan.indicatorForm.direction')}
          value={direction}
          onChange={(e) => setDirection(e.target.value as IndicatorDirection)}
          options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`vocab.direction.${d}`) }))}
        />
        <TextField label={t('plan.indicatorForm.baseline')} inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} error={numberError(baseline)} />
        <TextField label={t('plan.indicatorForm.target')} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} error={numberError(target)} />
      </div>
      <TextField label={t('plan.indicatorForm.source')} hint={t('plan.indicatorForm.sourceHint')} value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} />
    </Dialog>
  );
}
