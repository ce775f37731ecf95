import { useTranslation } from 'react-i18next';

/** Without a plan there is nothing to report: a quiet dash, read as "No plan". */
export function NoPlanCell() {
  const { t } = useTranslation();
  return (
    <span className="muted" data-status="no_plan">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('vocab.completeness.no_plan')}</span>
    </span>
  );
}
