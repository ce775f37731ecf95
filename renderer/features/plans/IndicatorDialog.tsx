import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain';
import { INDICATOR_DIRECTIONS, type IndicatorDirection } from '../../../shared/vocabulary';
import { Select, TextField } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { parseAmount } from '../progress/progress-slice';
import { usePlanCommands } from './plan-commands';
import { useChanged } from '../../app/unsaved-edits';

const blankOr = <T,>(text: string, value: (text: string) => T): T | null => (text.trim() === '' ? null : value(text));

/** Adds an indicator to a priority, or changes one: unit, baseline, target, direction, source. */
export function IndicatorDialog({ priorityId, indicator, onClose }: { priorityId: string; indicator?: Indicator; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [baseline, setBaseline] = useState(indicator?.baseline != null ? format.number(indicator.baseline, 4).replace(/\s/g, '') : '');
  const [target, setTarget] = useState(indicator?.target != null ? format.number(indicator.target, 4).replace(/\s/g, '') : '');
  const [direction, setDirection] = useState<IndicatorDirection>(indicator?.direction ?? 'decrease');
  const [source, setSource] = useState(indicator?.source ?? '');

  const valid = () => filled(name, unit) && [baseline, target].every((v) => v.trim() === '' || parseAmount(v) !== null);
  const save = () =>
    commands.saveIndicator(
      { priorityId, indicator },
      { name, unit, baseline: blankOr(baseline, parseAmount), target: blankOr(target, parseAmount), direction, source: blankOr(source, (s) => s) },
    );

  const dirty = useChanged({ name, unit, baseline, target, direction, source });
  return (
    <FormDialog dirty={dirty}
      title={indicator ? t('plan.indicatorForm.editTitle') : t('plan.indicatorForm.addTitle')}
      submitLabel={indicator ? t('common.save') : t('plan.indicatorForm.add')}
      onClose={onClose}
      isValid={valid}
      save={save}
    >
      {(checked) => {
        const numberError = (text: string) => (checked && text.trim() !== '' && parseAmount(text) === null ? t('plan.indicatorForm.notANumber') : undefined);
        return (
          <>
            <TextField label={t('plan.indicatorForm.name')} value={name} onChange={(e) => setName(e.target.value)} error={requiredError(checked, name, t('plan.indicatorForm.nameRequired'))} required maxLength={200} />
            <div className="grid-2">
              <TextField label={t('plan.indicatorForm.unit')} hint={t('plan.indicatorForm.unitHint')} value={unit} onChange={(e) => setUnit(e.target.value)} error={requiredError(checked, unit, t('plan.indicatorForm.unitRequired'))} required maxLength={200} />
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
          </>
        );
      }}
    </FormDialog>
  );
}
