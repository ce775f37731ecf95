/**
 * Sending a bundle, in steps: to whom (a known computer gets only what it has not acknowledged;
 * a full bundle holds everything), the passphrase (on by default), where to save it (a save
 * dialog that suits a USB stick, or a download in the browser preview), then what was written.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedBundleName } from '../../../shared/contract-files';
import type { ExportResult } from '../../../shared/domain';
import { DefinitionList } from '../../components/DefinitionList';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { useCall } from '../../app/store-context';
import { useExchangeCommands } from './exchange-commands';
import { Fingerprint, TwoChoices, WorkingBar } from './ExchangeParts';
import { useBundleFiles } from './use-bundle-files';

export const MIN_PASSPHRASE = 8;
type Step = 'to' | 'protect' | 'where' | 'done';
const STEPS: Step[] = ['to', 'protect', 'where', 'done'];

export function ExportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useExchangeCommands();
  const files = useBundleFiles();
  const peers = useCall('peers:list', {}, { live: false });
  const whoami = useCall('sync:whoami', {}, { live: false });
  const [step, setStep] = useState<Step>('to');
  const [to, setTo] = useState<string>('full');
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [downloaded, setDownloaded] = useState(false);

  const candidates = (peers.data ?? []).filter((p) => p.revokedAt === null);
  const recipient = candidates.find((p) => p.installationId === to) ?? null;
  const tooShort = passphrase.length < MIN_PASSPHRASE;
  const mismatch = confirm !== passphrase;

  function next() {
    setError(null);
    if (step === 'to') setStep('protect');
    else if (step === 'protect') {
      setChecked(true);
      if (!encrypt || (!tooShort && !mismatch)) setStep('where');
    }
  }
  function back() {
    setError(null);
    if (step === 'protect') setStep('to');
    else if (step === 'where') setStep('protect');
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const today = new Date().toISOString();
      const file = await files.chooseDestination(suggestedBundleName(whoami.data?.name ?? 'planner', recipient ? recipient.name : null, today));
      if (!file) return;
      const written = await commands.exportBundle({
        ...(recipient ? { to: recipient.installationId } : { full: true }),
        file,
        ...(encrypt ? { passphrase, encrypt: true } : { encrypt: false }),
      });
      setResult(written);
      setStep('done');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    if (!result) return;
    setError(null);
    try {
      await files.download(result.file);
      setDownloaded(true);
    } catch (e) {
      setError(e);
    }
  }

  const footer =
    step === 'done' ? (
      <Button variant="primary" onClick={onClose}>
        {t('sync.export.close')}
      </Button>
    ) : (
      <>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        {step !== 'to' ? (
          <Button onClick={back} disabled={busy}>
            {t('sync.export.back')}
          </Button>
        ) : null}
        {step === 'where' ? (
          <Button variant="primary" busy={busy} onClick={() => void save()}>
            {files.mode === 'browser' ? t('sync.export.write') : t('sync.export.chooseWhere')}
          </Button>
        ) : (
          <Button type="submit" variant="primary">
            {t('sync.export.next')}
          </Button>
        )}
      </>
    );

  return (
    <Dialog title={t('sync.export.title')} onClose={onClose} busy={busy} wide footer={footer} onSubmit={step === 'to' || step === 'protect' ? next : undefined}>
      <ol className="wizard-steps" aria-label={t('sync.export.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t('sync.export.stepN', { n: i + 1, name: t(`sync.export.step.${s}`) })}
          </li>
        ))}
      </ol>
      <ErrorBanner error={error} />

      {step === 'to' ? (
        peers.data ? (
          <fieldset className="choice-group">
            <legend>{t('sync.export.toLegend')}</legend>
            <div className="sync-choices">
              {candidates.map((p) => (
                <label key={p.installationId} className="choice">
                  <input type="radio" name="export-to" value={p.installationId} checked={to === p.installationId} onChange={() => setTo(p.installationId)} />
                  <span>
                    <strong>{p.name}</strong> — {t('sync.export.toPeerHint')}
                  </span>
                </label>
              ))}
              <label className="choice">
                <input type="radio" name="export-to" value="full" checked={to === 'full'} onChange={() => setTo('full')} />
                <span>
                  <strong>{t('sync.export.full')}</strong> — {t('sync.export.fullHint')}
                </span>
              </label>
            </div>
            {candidates.length === 0 ? <p className="field__hint">{t('sync.export.noPeers')}</p> : null}
          </fieldset>
        ) : (
          <>
            <ErrorBanner error={peers.error} onRetry={peers.reload} />
            {peers.loading ? <Loading /> : null}
          </>
        )
      ) : null}

      {step === 'protect' ? (
        <div className="stack">
          <TwoChoices legend={t('sync.export.protectLegend')} name="export-encrypt" value={encrypt} onChange={setEncrypt} yes={t('sync.export.encrypt')} no={t('sync.export.noEncryption')} />
          {encrypt ? (
            <>
              <div className="grid-2">
                <TextField
                  label={t('sync.export.passphrase')}
                  hint={t('sync.export.passphraseHint', { min: MIN_PASSPHRASE })}
                  type={show ? 'text' : 'password'}
                  autoComplete="new-password"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                  error={checked && tooShort ? t('sync.export.passphraseTooShort', { min: MIN_PASSPHRASE }) : undefined}
                  maxLength={1024}
                  data-autofocus
                />
                <TextField
                  label={t('sync.export.confirm')}
                  type={show ? 'text' : 'password'}
                  autoComplete="new-password"
                  value={confirm}
                  onChange={(e) => setConfirm(e.target.value)}
                  error={checked && !tooShort && mismatch ? t('sync.export.mismatch') : undefined}
                  maxLength={1024}
                />
              </div>
              <label className="choice">
                <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
                {t('sync.export.show')}
              </label>
              <Banner tone="info" title={t('sync.export.phoneTitle')}>
                <p>{t('sync.export.phoneBody')}</p>
              </Banner>
            </>
          ) : (
            <Banner tone="warning" title={t('sync.export.unencryptedTitle')}>
              <p>{t('sync.export.unencryptedBody')}</p>
            </Banner>
          )}
        </div>
      ) : null}

      {step === 'where' ? (
        <div className="stack">
          <dl className="definition-list">
            <dt>{t('sync.export.summaryTo')}</dt>
            <dd>{recipient ? t('sync.export.summaryPeer', { name: recipient.name }) : t('sync.export.full')}</dd>
            <dt>{t('sync.export.summaryProtection')}</dt>
            <dd>{encrypt ? t('sync.export.summaryEncrypted') : t('sync.export.summaryUnencrypted')}</dd>
          </dl>
          <p>{files.mode === 'browser' ? t('sync.export.whereBrowser') : t('sync.export.whereDialog')}</p>
          {busy ? <WorkingBar label={t('sync.export.writing')} /> : null}
        </div>
      ) : null}

      {step === 'done' && result ? (
        <div className="stack" aria-live="polite">
          <Banner tone="success" title={t('sync.export.doneTitle')}>
            <DefinitionList
              facts={[
                [t('sync.export.doneFile'), <code>{result.file}</code>],
                [t('sync.export.doneSize'), format.bytes(result.bytes)],
                [t('sync.export.doneChangesets'), result.changesetCount],
                [t('sync.export.summaryProtection'), result.encrypted ? t('sync.export.summaryEncrypted') : t('sync.export.summaryUnencrypted')],
              ]}
            />
          </Banner>
          {result.changesetCount === 0 ? <p>{t('sync.export.nothingNew')}</p> : null}
          {files.mode === 'browser' ? (
            <p>
              <Button variant="primary" onClick={() => void download()}>
                {t('sync.export.download')}
              </Button>{' '}
              {downloaded ? <span role="status">{t('sync.export.downloaded')}</span> : null}
            </p>
          ) : null}
          <Banner tone="info" title={t('sync.export.emailTitle')}>
            <p>{result.encrypted ? t('sync.export.emailEncrypted') : t('sync.export.emailUnencrypted')}</p>
          </Banner>
          {whoami.data ? (
            <>
              <p className="small">{t('sync.export.yourFingerprint')}</p>
              <Fingerprint value={whoami.data.fingerprint} small label={t('sync.identity.fingerprint')} />
            </>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
