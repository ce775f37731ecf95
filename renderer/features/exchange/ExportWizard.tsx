/**
 * Sending a bundle, in steps (issue 11 §4): to whom — a computer chosen by its name from the
 * enrolled ones (user, role, communities), with more computers of the same communities if wanted,
 * or a full bundle; what it will contain per community and how it is encrypted — to the
 * recipients' own keys, or with a passphrase only where no key is known (a computer not enrolled,
 * a full bundle); where the file goes — USB drives first, then Documents and home, or another place
 * in the save dialog (a download in the browser preview); then what was written.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedBundleName } from '../../../shared/contract-files';
import type { BundleEncryption, ExportResult } from '../../../shared/domain';
import { DefinitionList } from '../../components/DefinitionList';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { useCall } from '../../app/store-context';
import { useExchangeCommands } from './exchange-commands';
import { Fingerprint, TwoChoices } from './ExchangeParts';
import { OperationProgress } from '../operations/OperationProgress';
import { ContentsTable, ELSEWHERE, EncryptionStatement, RecipientStep, WhereStep } from './ExportSteps';
import { useBundleFiles } from './use-bundle-files';
import { WithoutFiles } from '../evidence/WithoutFiles';

export const MIN_PASSPHRASE = 8;
type Step = 'to' | 'contents' | 'where' | 'done';
const STEPS: Step[] = ['to', 'contents', 'where', 'done'];

export function ExportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useExchangeCommands();
  const files = useBundleFiles();
  const recipients = useCall('bundles:exportRecipients', {}, { live: false });
  const whoami = useCall('sync:whoami', {}, { live: false });
  const [step, setStep] = useState<Step>('to');
  const [to, setTo] = useState<string>('full');
  const [also, setAlso] = useState<string[]>([]);
  const [encrypt, setEncrypt] = useState(true);
  // Evidence files left out (a small USB stick, an email limit): their records travel, the files with the next bundle.
  const [withoutFiles, setWithoutFiles] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [checked, setChecked] = useState(false);
  const [where, setWhere] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [downloaded, setDownloaded] = useState(false);

  const list = recipients.data ?? [];
  const recipient = list.find((r) => r.installationId === to) ?? null;
  const alsoTo = recipient ? also.filter((id) => list.some((r) => r.installationId === id)) : [];
  const names = recipient ? [recipient, ...list.filter((r) => alsoTo.includes(r.installationId))].map((r) => r.name) : [];
  const target = recipient ? { to: recipient.installationId, ...(alsoTo.length ? { alsoTo } : {}) } : { full: true };
  const contents = useCall('bundles:exportContents', step === 'to' ? null : target, { live: false });
  const suggested = suggestedBundleName(whoami.data?.name ?? 'planner', recipient ? recipient.name : null, new Date().toISOString());
  const destinations = useCall('files:bundleDestinations', step === 'where' ? { suggestedName: suggested } : null, { live: false });
  const places = destinations.data?.destinations ?? [];
  const canChooseElsewhere = files.mode === 'dialogs';
  // A choice no longer listed (the stick was pulled out and the list read again) falls back to the first place.
  const stillListed = where !== null && (where === ELSEWHERE ? canChooseElsewhere : places.some((p) => p.file === where));
  const chosenPlace = (stillListed ? where : null) ?? places[0]?.file ?? (canChooseElsewhere ? ELSEWHERE : null);

  const needsPassphrase = contents.data?.encryption === 'passphrase';
  const tooShort = passphrase.length < MIN_PASSPHRASE;
  const mismatch = confirm !== passphrase;

  function chooseTo(id: string) {
    setTo(id);
    setAlso([]);
  }

  function next() {
    setError(null);
    if (step === 'to') setStep('contents');
    else if (step === 'contents') {
      if (!contents.data) return;
      setChecked(true);
      if (!needsPassphrase || !encrypt || (!tooShort && !mismatch)) setStep('where');
    }
  }
  function back() {
    setError(null);
    if (step === 'contents') setStep('to');
    else if (step === 'where') setStep('contents');
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const file = chosenPlace === ELSEWHERE || chosenPlace === null ? await files.chooseDestination(suggested) : chosenPlace;
      if (!file) return;
      const protection = !needsPassphrase ? {} : encrypt ? { passphrase, encrypt: true } : { encrypt: false };
      const written = await commands.exportBundle({ ...target, file, ...protection, ...(withoutFiles ? { withoutFiles: true } : {}) });
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

  // How it was encrypted: ExportResult.encryption (recipients' keys, passphrase, none) once the export says it, else from `encrypted`.
  const said = (result as (ExportResult & { encryption?: BundleEncryption }) | null)?.encryption;
  const encryption: BundleEncryption | null = result ? (said ?? (result.encrypted ? 'passphrase' : 'none')) : null;
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
          <Button variant="primary" busy={busy} onClick={() => void save()} disabled={destinations.loading}>
            {chosenPlace === ELSEWHERE ? t('sync.export.chooseWhere') : t('sync.export.write')}
          </Button>
        ) : (
          <Button type="submit" variant="primary" disabled={step === 'contents' && !contents.data}>
            {t('sync.export.next')}
          </Button>
        )}
      </>
    );

  return (
    <Dialog title={t('sync.export.title')} onClose={onClose} busy={busy} wide footer={footer} onSubmit={step === 'to' || step === 'contents' ? next : undefined}>
      <ol className="wizard-steps" aria-label={t('sync.export.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t('sync.export.stepN', { n: i + 1, name: t(`exchangeExport.step.${s}`) })}
          </li>
        ))}
      </ol>
      <ErrorBanner error={error} />

      {step === 'to' ? (
        recipients.data ? (
          <RecipientStep recipients={list} to={to} onTo={chooseTo} also={alsoTo} onAlso={setAlso} />
        ) : (
          <>
            <ErrorBanner error={recipients.error} onRetry={recipients.reload} />
            {recipients.loading ? <Loading /> : null}
          </>
        )
      ) : null}

      {step === 'contents' ? (
        <div className="stack">
          <dl className="definition-list">
            <dt>{t('sync.export.summaryTo')}</dt>
            <dd>{recipient ? names.join(', ') : t('exchangeExport.full')}</dd>
          </dl>
          <h3 className="h4">{t('exchangeExport.contentsTitle')}</h3>
          <ErrorBanner error={contents.error} onRetry={contents.reload} />
          {contents.data ? (
            <>
              <ContentsTable contents={contents.data} />
              <EncryptionStatement contents={contents.data} names={names} full={!recipient} />
            </>
          ) : contents.loading ? (
            <Loading label={t('exchangeExport.contentsLoading')} />
          ) : null}
          {needsPassphrase ? passphraseFields() : null}
        </div>
      ) : null}

      {step === 'where' ? (
        <div className="stack">
          <dl className="definition-list">
            <dt>{t('sync.export.summaryTo')}</dt>
            <dd>{recipient ? names.join(', ') : t('exchangeExport.full')}</dd>
            <dt>{t('exchangeExport.summaryEncryption')}</dt>
            <dd>{!needsPassphrase ? t('exchangeExport.summaryRecipients') : encrypt ? t('sync.export.summaryEncrypted') : t('sync.export.summaryUnencrypted')}</dd>
          </dl>
          <WithoutFiles checked={withoutFiles} onChange={setWithoutFiles} />
          <ErrorBanner error={destinations.error} onRetry={destinations.reload} />
          {destinations.loading ? <Loading /> : <WhereStep destinations={places} chosen={chosenPlace ?? ''} onChoose={setWhere} canChooseElsewhere={canChooseElsewhere} onLookAgain={destinations.reload} />}
          {files.mode === 'browser' ? <p>{t('sync.export.whereBrowser')}</p> : null}
          {busy ? <OperationProgress operation="bundles:export" label={t('sync.export.writing')} /> : null}
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
                [
                  t('exchangeExport.summaryEncryption'),
                  encryption === 'recipients'
                    ? t('exchangeExport.doneEncryption.recipients', { names: names.join(', ') })
                    : encryption === 'passphrase'
                      ? t('exchangeExport.doneEncryption.passphrase')
                      : t('exchangeExport.doneEncryption.none'),
                ],
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
            <p>{encryption === 'recipients' ? t('exchangeExport.emailRecipients') : encryption === 'passphrase' ? t('sync.export.emailEncrypted') : t('sync.export.emailUnencrypted')}</p>
          </Banner>
          {whoami.data && encryption !== 'recipients' ? (
            <>
              <p className="small">{t('sync.export.yourFingerprint')}</p>
              <Fingerprint value={whoami.data.fingerprint} small label={t('sync.identity.fingerprint')} />
            </>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );

  /** Asked only when no recipient key is known (a plain function, not a component, so typing keeps the focus). */
  function passphraseFields() {
    return (
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
    );
  }
}
