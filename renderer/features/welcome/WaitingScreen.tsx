/**
 * A computer joining a territory (setup state 'joining'): it writes its enrolment request file for
 * the coordinator, then opens the enrolment bundle that comes back and checks the territory's
 * fingerprint, read to the person by phone, before accepting it.
 */
import { PageHeader } from '../../components/PageHeader';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentRequestWritten } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Banner, ErrorBanner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { usePlanner } from '../../app/store-context';
import { fileNameOf, OpenFileButton, useSaveFile } from './file-choice';
import { useWelcomeCommands } from './welcome-commands';

/** What a person types from the phone: 32 letters and digits, dashes and spaces ignored. */
export function looksLikeFingerprint(text: string): boolean {
  return /^[A-Z2-9]{32}$/.test(text.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}

export function WaitingScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('territory.waiting.title')} subtitle={t('territory.waiting.intro')} />
      <RequestPanel />
      <AcceptPanel />
    </>
  );
}

function RequestPanel() {
  const { t } = useTranslation();
  const commands = useWelcomeCommands();
  const saver = useSaveFile();
  const [written, setWritten] = useState<EnrolmentRequestWritten | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const result = await saver.save(`${fileNameOf(t('territory.waiting.requestFileName'), 'enrolment-request')}.planbundle`, (file) => commands.writeRequest(file));
    if (result) setWritten(result);
  }, () => {});
  return (
    <section className="panel" aria-labelledby="waiting-request">
      <h2 id="waiting-request">{t('territory.waiting.requestTitle')}</h2>
      <p>{t('territory.waiting.requestBody')}</p>
      <ErrorBanner error={error} />
      <Button variant={written ? 'secondary' : 'primary'} busy={busy} onClick={() => void submit()}>
        {written ? t('territory.waiting.writeAgain') : t('territory.waiting.write')}
      </Button>
      <div className="after-actions" aria-live="polite">
        {written ? (
          <Banner tone="success" title={t('territory.waiting.written')}>
            <p>{t('territory.waiting.writtenBody', { file: written.file })}</p>
            <p>
              {t('territory.waiting.ownFingerprint')}
              <br />
              <code className="fingerprint">{written.fingerprint}</code>
            </p>
          </Banner>
        ) : null}
      </div>
    </section>
  );
}

function AcceptPanel() {
  const { t } = useTranslation();
  const commands = useWelcomeCommands();
  const setupChanged = usePlanner((s) => s.setupChanged);
  const notify = usePlanner((s) => s.notify);
  const [file, setFile] = useState<string | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState(false);
  const fingerprintOk = looksLikeFingerprint(fingerprint);
  const { busy, error, submit } = useSubmit(async () => {
    const accepted = await commands.accept(file!, fingerprint, passphrase === '' ? null : passphrase);
    await setupChanged(accepted.setup);
    notify(t('territory.waiting.accepted', { territory: accepted.setup.territory?.name ?? '' }));
  }, () => {});
  return (
    <section className="panel" aria-labelledby="waiting-accept">
      <h2 id="waiting-accept">{t('territory.waiting.acceptTitle')}</h2>
      <p>{t('territory.waiting.acceptBody')}</p>
      <ErrorBanner error={openError} />
      <OpenFileButton label={file ? t('territory.waiting.chooseOther') : t('territory.waiting.choose')} variant={file ? 'secondary' : 'primary'} onChosen={setFile} onError={setOpenError} testId="enrolment-bundle-input" />
      {file ? (
        <form
          className="after-actions"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
            if (fingerprintOk) void submit();
          }}
        >
          <p>{t('territory.waiting.chosen', { file: file.split(/[\\/]/).pop() })}</p>
          <ErrorBanner error={error} />
          <TextField
            label={t('territory.waiting.fingerprint')}
            hint={t('territory.waiting.fingerprintHint')}
            value={fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
            error={checked && !fingerprintOk ? t('territory.waiting.fingerprintInvalid') : undefined}
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={60}
          />
          <TextField
            label={t('territory.waiting.passphrase')}
            hint={t('territory.waiting.passphraseHint')}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="off"
            maxLength={1024}
          />
          <Button type="submit" variant="primary" busy={busy}>
            {t('territory.waiting.accept')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
