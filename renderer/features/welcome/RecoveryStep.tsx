/**
 * The last step of starting a territory: the territory key, exported as a recovery file encrypted
 * with a recovery code shown once, to print and keep apart from the file. A lost coordinator
 * laptop then does not orphan the territory.
 */
import { PageHeader } from '../../components/PageHeader';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryExported } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Banner, ErrorBanner } from '../../components/Feedback';
import { useSubmit } from '../../components/use-submit';
import { fileNameOf, useSaveFile } from './file-choice';
import { useWelcomeCommands } from './welcome-commands';

/** The export and the code shown once; used on first start and on the Computers screen. */
export function RecoveryExport({ territoryName }: { territoryName: string }) {
  const { t } = useTranslation();
  const commands = useWelcomeCommands();
  const saver = useSaveFile();
  const [exported, setExported] = useState<RecoveryExported | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const result = await saver.save(`${fileNameOf(territoryName, 'territory')}-${fileNameOf(t('territory.recovery.fileName'), 'recovery')}.planbundle`, (file) => commands.exportRecovery(file));
    if (result) setExported(result);
  }, () => {});
  return (
    <>
      <ErrorBanner error={error} />
      <div className="button-group">
        <Button variant={exported ? 'secondary' : 'primary'} busy={busy} onClick={() => void submit()}>
          {t('territory.recovery.export')}
        </Button>
        {exported ? <Button onClick={() => window.print()}>{t('territory.recovery.print')}</Button> : null}
      </div>
      <div className="after-actions" aria-live="polite">
        {exported ? (
          <Banner tone="warning" title={t('territory.recovery.codeTitle')}>
            <p>{t('territory.recovery.writtenBody', { file: exported.file })}</p>
            <p className="recovery-code" data-testid="recovery-code">
              <code>{exported.recoveryCode}</code>
            </p>
            <p>{t('territory.recovery.codeBody')}</p>
          </Banner>
        ) : null}
      </div>
    </>
  );
}

export function RecoveryStep({ territoryName, onDone }: { territoryName: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('territory.recovery.title')} subtitle={t('territory.recovery.intro')} />
      <section className="panel" aria-labelledby="recovery-export">
        <h2 id="recovery-export">{t('territory.recovery.exportTitle')}</h2>
        <p>{t('territory.recovery.exportBody')}</p>
        <RecoveryExport territoryName={territoryName} />
      </section>
      <div className="button-group">
        <Button variant="primary" onClick={onDone}>
          {t('territory.recovery.continue')}
        </Button>
      </div>
      <p className="muted after-note">{t('territory.recovery.later')}</p>
    </>
  );
}
