/**
 * The import's progress, as the core reports it (issue 13 §1): the import runs in the core's
 * worker for long operations, which pushes how many changes it has checked, then backs up the
 * database, then how many it has applied. The bar is the shared OperationProgress, with a Stop
 * button: a stopped import writes nothing (its call answers "Cancelled: nothing was changed.").
 */
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/domain';
import { OperationProgress } from '../operations/OperationProgress';

export function ImportProgress({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <div className="import-progress">
      <OperationProgress operation="bundles:import" label={t('exchangeImport.progress.label', { total: preview.changesetCount, fresh: t('exchangeImport.progress.fresh', { count: preview.newChangesetCount }) })} />
    </div>
  );
}
