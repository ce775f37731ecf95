/**
 * The import's progress, as far as it can honestly be known. The import is ONE call to the core,
 * which runs on the main process's thread (better-sqlite3 is synchronous): no event can reach the
 * page before it returns, neither in the app nor in the browser harness (which has no push
 * channel). What the page does know is what the preview found (how many changes to check, how many
 * are new here) and how long that dry run took: the import does the same checks and the same
 * applying, plus a backup. So the bar is determinate and paced by that measurement, says it is an
 * estimate, stops short of the end until the core answers, and names both phases with their
 * counts. Real checked/applied counts need the core off the main thread (issue 13).
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/domain';

/** The import does what the preview did, plus a backup of the database before applying. */
const IMPORT_OVER_PREVIEW = 1.25;
/** Never reached before the core answers: the estimate may be short. */
const CEILING = 95;

export function estimatedPercent(elapsedMs: number, previewMs: number): number {
  const expected = Math.max(previewMs * IMPORT_OVER_PREVIEW, 300);
  return Math.min(CEILING, Math.round((elapsedMs / expected) * 100));
}

export function ImportProgress({ preview, startedAt, previewMs }: { preview: ImportPreview; startedAt: number; previewMs: number | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const percent = previewMs === null ? null : estimatedPercent(now - startedAt, previewMs);
  return (
    <div className="import-progress">
      <p className="muted" id={id}>
        {t('exchangeImport.progress.label', { total: preview.changesetCount, fresh: t('exchangeImport.progress.fresh', { count: preview.newChangesetCount }) })}
      </p>
      {percent === null ? (
        <div className="progress-bar" role="progressbar" aria-labelledby={id} aria-busy="true" />
      ) : (
        <div
          className="progress-bar progress-bar--determinate"
          role="progressbar"
          aria-labelledby={id}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t('exchangeImport.progress.estimate', { percent })}
        >
          <span className="progress-bar__fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {percent === null ? null : <p className="small muted">{t('exchangeImport.progress.estimate', { percent })}</p>}
    </div>
  );
}
