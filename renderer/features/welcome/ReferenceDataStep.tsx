/**
 * The coordinator's second step: the territory's reference data (themes, regions, communities).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';

export function ReferenceDataStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div className="page-header__text">
          <h1 tabIndex={-1}>{t('territory.reference.title')}</h1>
          <p className="page-header__subtitle">{t('territory.reference.intro')}</p>
        </div>
      </div>
      <div className="button-group">
        <Button variant="primary" onClick={onDone}>
          {t('territory.reference.next')}
        </Button>
      </div>
    </>
  );
}
