/**
 * Copy forward with a preview: what will be carried into next year's draft (priorities,
 * indicators, unfinished actions with their history) and what stays behind (finished actions).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProgressStatus } from '../../app/vocabulary-guards';
import { Button } from '../../components/Button';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { Dialog } from '../../components/Dialog';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { usePlanCommands } from './plan-commands';

export function CopyForwardDialog({ sourcePlanId, sourceFiscalYear, onClose }: { sourcePlanId: string; sourceFiscalYear: number; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const notify = usePlanner((s) => s.notify);
  const preview = useCall('plans:previewCopyForward', { planId: sourcePlanId }, { live: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function copy() {
    setBusy(true);
    setError(null);
    try {
      const plan = await commands.copyForward(sourcePlanId);
      notify(t('copyForward.done', { year: format.fiscalYear(plan.fiscalYear) }));
      onClose();
      window.location.hash = href.plan(plan.id);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const target = format.fiscalYear(sourceFiscalYear + 1);
  return (
    <Dialog
      wide
      title={t('copyForward.title', { from: format.fiscalYear(sourceFiscalYear), to: target })}
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" busy={busy} disabled={!preview.data} onClick={copy}>
            {t('copyForward.confirm', { year: target })}
          </Button>
        </>
      }
    >
      <ErrorBanner error={error ?? preview.error} />
      <p>{t('copyForward.explain')}</p>
      {preview.loading && !preview.data ? (
        <Loading />
      ) : preview.data ? (
        <div className="grid-2">
          <section aria-labelledby="copy-carried">
            <h3 id="copy-carried">{t('copyForward.carried', { count: preview.data.carried.length })}</h3>
            {preview.data.carried.length === 0 ? (
              <p className="muted">{t('copyForward.noneCarried')}</p>
            ) : (
              <ul className="plain-list">
                {preview.data.carried.map((a) => (
                  <li key={a.actionId}>
                    {a.title}{' '}
                    {a.lastStatus && isProgressStatus(a.lastStatus) ? <StatusChip kind="progress" value={a.lastStatus} /> : <span className="muted small">{t('copyForward.noProgress')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="copy-left">
            <h3 id="copy-left">{t('copyForward.left', { count: preview.data.left.length })}</h3>
            {preview.data.left.length === 0 ? (
              <p className="muted">{t('copyForward.noneLeft')}</p>
            ) : (
              <ul className="plain-list">
                {preview.data.left.map((a) => (
                  <li key={a.actionId}>
                    {a.title} {isProgressStatus(a.lastStatus) ? <StatusChip kind="progress" value={a.lastStatus} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </Dialog>
  );
}
