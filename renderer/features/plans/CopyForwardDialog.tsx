/**
 * Copy forward with a preview: what will be carried into next year's draft (priorities,
 * indicators, unfinished actions with their history) and what stays behind (finished actions).
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isProgressStatus } from '../../app/vocabulary-guards';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { ConfirmFooter, Dialog } from '../../components/Dialog';
import { useSubmit } from '../../components/use-submit';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { usePlanCommands } from './plan-commands';
import '../../components/safe-edits.css';

export function CopyForwardDialog({ sourcePlanId, sourceFiscalYear, onClose }: { sourcePlanId: string; sourceFiscalYear: number; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = usePlanCommands();
  const preview = useCall('plans:previewCopyForward', { planId: sourcePlanId }, { live: false });
  const copied = useRef<string | null>(null);
  const { busy, error, submit } = useSubmit(
    async () => {
      copied.current = (await commands.copyForward(sourcePlanId, format.fiscalYear)).id;
    },
    () => {
      onClose();
      window.location.hash = href.plan(copied.current!);
    },
  );

  const target = format.fiscalYear(sourceFiscalYear + 1);
  return (
    <Dialog
      wide
      title={t('copyForward.title', { from: format.fiscalYear(sourceFiscalYear), to: target })}
      onClose={onClose}
      busy={busy}
      footer={<ConfirmFooter confirmLabel={t('copyForward.confirm', { year: target })} busy={busy} disabled={!preview.data} onCancel={onClose} onConfirm={() => void submit()} />}
    >
      <ErrorBanner error={error ?? preview.error} />
      <p>{t('copyForward.explain')}</p>
      {preview.loading && !preview.data ? (
        <Loading />
      ) : preview.data ? (
        // Scrolls on its own when long: focusable (Tab, then the arrow keys) and named, so a keyboard can read it all.
        <div className="grid-2 scroll-region" tabIndex={0} role="region" aria-label={t('safeEdits.copyForward.region')}>
          <CopyList id="copy-carried" heading={t('copyForward.carried', { count: preview.data.carried.length })} empty={t('copyForward.noneCarried')} items={preview.data.carried} status={(a) => (a.lastStatus && isProgressStatus(a.lastStatus) ? <StatusChip kind="progress" value={a.lastStatus} /> : <span className="muted small">{t('copyForward.noProgress')}</span>)} />
          <CopyList id="copy-left" heading={t('copyForward.left', { count: preview.data.left.length })} empty={t('copyForward.noneLeft')} items={preview.data.left} status={(a) => (isProgressStatus(a.lastStatus) ? <StatusChip kind="progress" value={a.lastStatus} /> : null)} />
        </div>
      ) : null}
    </Dialog>
  );
}

/** What is carried, or what stays behind: each action with its last status. */
function CopyList<A extends { actionId: string; title: string }>({ id, heading, empty, items, status }: { id: string; heading: string; empty: string; items: A[]; status: (action: A) => ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {items.map((a) => (
            <li key={a.actionId}>
              {a.title} {status(a)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
