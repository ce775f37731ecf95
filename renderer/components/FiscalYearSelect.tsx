import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { currentFiscalQuarter } from '../app/today';
import { Select } from './Field';

/** Years people plan and report on: a few back, the current one and the next. */
export function fiscalYearChoices(current = currentFiscalQuarter().fiscalYear): number[] {
  return [current + 1, current, current - 1, current - 2, current - 3, current - 4];
}

export function FiscalYearSelect({ value, onChange, label }: { value: number; onChange: (fy: number) => void; label?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const years = fiscalYearChoices();
  if (!years.includes(value)) years.push(value);
  return (
    <Select
      className="field--inline"
      label={label ?? t('common.fiscalYear')}
      value={String(value)}
      onChange={(event) => onChange(Number(event.target.value))}
      options={years.sort((a, b) => b - a).map((fy) => ({ value: String(fy), label: format.fiscalYear(fy) }))}
    />
  );
}
