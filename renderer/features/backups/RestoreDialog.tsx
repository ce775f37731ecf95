/**
 * Restoring a backup: what it holds (checked by the core before anything changes), what restoring
 * does — a backup of now first, the data back to that date, later changes back from peers through
 * plan bundles — and the button that does it. A backup the core refuses shows its sentence and
 * cannot be restored.
 */
import { useTranslation } from 'react-i18next';
import type { BackupEntry, RestoreResult } from '../../../shared/domain';
import { Dialog, ConfirmFooter } from '../../components/Dialog';
import { DefinitionList } from '../../components/DefinitionList';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { useSubmit } from '../../components/use-submit';
import { useCall } from '../../app/store-context';
import { useFormat } from '../../i18n/format';
import { fiscalYearLabel } from '../../../shared/fiscal-calendar';
import { useBackupCommands } from './backup-commands';

export function RestoreDialog({ backup, onClose, onRestored }: { backup: BackupEntry; onClose: () => void; onRestored: (result: RestoreResult) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const commands = useBackupCommands();
  // Not live: the restore itself changes the data, and the dialog is closing by then.
  const preview = useCall('backups:preview', { file: backup.file }, { live: false });
  const { busy, error, submit } = useSubmit(async () => onRestored(await commands.restore(backup.file)), onClose);
  const p = preview.data;
  // A file typed or chosen has no date until its preview is read.
  const date = p || backup.createdAt ? format.dateTime(p?.createdAt ?? backup.createdAt) : backup.file.split(/[\\/]/).pop() ?? backup.file;
  const locale = i18n.language === 'fr' ? 'fr' : 'en';

  return (
    <Dialog
      title={t('backups.restoreTitle', { date })}
      onClose={onClose}
      busy={busy}
      wide
      footer={<ConfirmFooter confirmLabel={busy ? t('backups.restoring') : t('backups.confirm')} danger busy={busy} disabled={!p} onCancel={onClose} onConfirm={() => void submit()} />}
    >
      <ErrorBanner error={error ?? preview.error} />
      {preview.loading && !p ? <Loading label={t('backups.checking')} /> : null}
      {p ? (
        <>
          <h3>{t('backups.holds')}</h3>
          <DefinitionList
            facts={[
              [t('backups.date'), date],
              [t('backups.reasonColumn'), t(`backups.reason.${p.reason}`)],
              [t('backups.computer'), p.installationName],
              [t('backups.territory'), p.territoryName ?? t('backups.noTerritory')],
              [t('backups.communities'), format.number(p.communities)],
              [
                t('backups.plans'),
                p.plansByYear.length
                  ? p.plansByYear.map((y) => t('backups.plansInYear', { year: fiscalYearLabel(y.fiscalYear, locale), count: y.plans })).join(' · ')
                  : t('backups.noPlans'),
              ],
              [t('backups.changesets'), format.number(p.changesets)],
              [t('backups.size'), format.bytes(p.bytes)],
            ]}
          />
          {p.olderVersion ? <p>{t('backups.olderVersion')}</p> : null}
          <Banner tone="warning" title={t('backups.whatHappens')}>
            <ol className="backups__steps">
              <li>{t('backups.step1')}</li>
              <li>{t('backups.step2', { date })}</li>
              <li>{p.changesetsSince > 0 ? t('backups.step3', { count: p.changesetsSince }) : t('backups.step3None')}</li>
            </ol>
          </Banner>
        </>
      ) : null}
    </Dialog>
  );
}
