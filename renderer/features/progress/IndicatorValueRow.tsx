import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain';
import { TextField } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { indicatorSaveStateOf } from './progress-slice';
import { usePlanner } from '../../app/store-context';
import { SaveStateLabel } from './SaveStateLabel';

/** One indicator's value for the quarter, saved on blur, shown against its baseline and target. */
export function IndicatorValueRow({ indicator, readOnly }: { indicator: Indicator; readOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entry = usePlanner((s) => s.progressForm?.indicators[indicator.id]);
  const edit = usePlanner((s) => s.editIndicatorValue);
  const save = usePlanner((s) => s.saveIndicatorValue);
  if (!entry) return null;
  const state = indicatorSaveStateOf(entry);
  return (
    <tr>
      <th scope="row">
        {indicator.name}
        <div className="muted small">{indicator.unit}</div>
      </th>
      <td className="numeric">{indicator.baseline === null ? '—' : format.number(indicator.baseline)}</td>
      <td className="numeric">{indicator.target === null ? '—' : format.number(indicator.target)}</td>
      <td>{t(`vocab.direction.${indicator.direction}`)}</td>
      <td>
        <TextField
          className="field--inline"
          hideLabel
          label={t('progress.valueFor', { name: indicator.name })}
          inputMode="decimal"
          value={entry.draft}
          readOnly={readOnly}
          onChange={(e) => edit(indicator.id, e.target.value)}
          onBlur={() => void save(indicator.id)}
          error={entry.error ?? undefined}
        />
      </td>
      <td>
        <SaveStateLabel state={state} />
      </td>
    </tr>
  );
}
