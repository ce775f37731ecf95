/**
 * Importing a bundle: if it is encrypted, the passphrase first (bundles:inspect tells); then the
 * preview (bundles:preview: who sent it, whether that computer is trusted, what changes, which
 * conflicts will arise, gaps, whether it was imported before); then the import itself, one
 * all-or-nothing call, with a progress bar while it runs; then what happened.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleInspection, ImportPreview, ImportResult } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { CheckboxGroup, TextField } from '../../components/Field';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { useExchangeCommands } from './exchange-commands';
import { useCall } from '../../app/store-context';
import { Fingerprint, TrustChip, TwoChoices, refusalReason } from './ExchangeParts';
import { byRecord, useFieldName } from './conflict-words';
import { ImportProgress } from './ImportProgress';

type Stage =
  | { name: 'inspecting' }
  | { name: 'passphrase'; inspection: BundleInspection }
  | { name: 'previewing' }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'importing'; preview: ImportPreview; startedAt: number }
  | { name: 'done'; result: ImportResult }
  | { name: 'failed' };

export function ImportDialog({ file, onClose }: { file: string; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useExchangeCommands();
  const [stage, setStage] = useState<Stage>({ name: 'inspecting' });
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [checkedFingerprint, setCheckedFingerprint] = useState(false);
  const [mustTick, setMustTick] = useState(false);
  // A computer met for the first time may change only the communities chosen here: never all by default.
  const [scope, setScope] = useState<NewSenderScope>({ all: false, communityIds: [] });
  const [mustScope, setMustScope] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [inspection, setInspection] = useState<BundleInspection | null>(null);
  const name = file.split(/[\\/]/).pop() ?? file;

  async function preview(withPassphrase: string | null) {
    setStage({ name: 'previewing' });
    setError(null);
    try {
      const p = await commands.previewBundle(file, withPassphrase);
      setPassphrase(withPassphrase);
      setStage({ name: 'preview', preview: p });
    } catch (e) {
      setError(e);
      // A wrong passphrase may be typed again; any other refusal ends here, with its sentence.
      setStage(inspection !== null && refusalReason(e) === 'wrong_passphrase' ? { name: 'passphrase', inspection } : { name: 'failed' });
    }
  }

  useEffect(() => {
    let cancelled = false;
    commands.inspectBundle(file).then(
      (inspection) => {
        if (cancelled) return;
        setInspection(inspection);
        if (inspection.encrypted && inspection.manifest === null) setStage({ name: 'passphrase', inspection });
        else void preview(null);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(e);
        setStage({ name: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [commands, file]);

  async function runImport(p: ImportPreview) {
    const unknownSender = p.sender.trust === 'unknown';
    const noScope = unknownSender && !scope.all && scope.communityIds.length === 0;
    setMustTick(unknownSender && !checkedFingerprint);
    setMustScope(noScope);
    if ((unknownSender && !checkedFingerprint) || noScope) return;
    setStage({ name: 'importing', preview: p, startedAt: Date.now() });
    setError(null);
    try {
      const trust = scope.all ? { trustNewSender: true, allCommunities: true } : { trustNewSender: true, scopeCommunityIds: scope.communityIds };
      const result = await commands.importBundle({ file, passphrase, ...(unknownSender ? trust : {}) });
      setStage({ name: 'done', result });
    } catch (e) {
      setError(e);
      setStage({ name: 'preview', preview: p });
    }
  }

  const busy = stage.name === 'importing' || stage.name === 'previewing' || stage.name === 'inspecting';
  let footer: React.ReactNode;
  let onSubmit: (() => void) | undefined;
  if (stage.name === 'passphrase') {
    onSubmit = () => {
      if (typed !== '') void preview(typed);
    };
    footer = (
      <>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('sync.import.unlock')}
        </Button>
      </>
    );
  } else if (stage.name === 'preview' || stage.name === 'importing') {
    const p = stage.preview;
    footer = (
      <>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        {p.alreadyImported ? null : (
          <Button variant="primary" busy={stage.name === 'importing'} onClick={() => void runImport(p)}>
            {t('sync.import.importButton')}
          </Button>
        )}
      </>
    );
  } else {
    footer = (
      <Button variant={stage.name === 'done' ? 'primary' : 'secondary'} onClick={onClose} disabled={busy}>
        {t('sync.import.close')}
      </Button>
    );
  }

  return (
    <Dialog title={t('sync.import.dialogTitle', { name })} onClose={onClose} busy={busy} wide footer={footer} onSubmit={onSubmit}>
      <ErrorBanner error={error} title={t('sync.import.refused')} />
      {stage.name === 'inspecting' || stage.name === 'previewing' ? <Loading label={t('sync.import.checking')} /> : null}
      {stage.name === 'passphrase' ? (
        <div className="stack">
          <p>{t('sync.import.encryptedIntro')}</p>
          <TextField label={t('sync.import.passphrase')} hint={t('sync.import.passphraseHint')} type="password" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={1024} data-autofocus />
        </div>
      ) : null}
      {stage.name === 'preview' || stage.name === 'importing' ? (
        <PreviewBody
          preview={stage.preview}
          checked={checkedFingerprint}
          onChecked={(v) => {
            setCheckedFingerprint(v);
            if (v) setMustTick(false);
          }}
          mustTick={mustTick}
          scope={scope}
          onScope={(next) => {
            setScope(next);
            if (next.all || next.communityIds.length > 0) setMustScope(false);
          }}
          mustScope={mustScope}
        />
      ) : null}
      {stage.name === 'importing' ? <ImportProgress preview={stage.preview} /> : null}
      {stage.name === 'done' ? <ResultBody result={stage.result} /> : null}
    </Dialog>
  );
}

interface NewSenderScope {
  all: boolean;
  communityIds: string[];
}

/** Which communities a computer met for the first time may change: some, ticked one by one, or all (said explicitly). */
function NewSenderScopeChoice({ scope, onScope, mustScope }: { scope: NewSenderScope; onScope: (scope: NewSenderScope) => void; mustScope: boolean }) {
  const { t } = useTranslation();
  const communities = useCall('communities:list', {}, { live: false });
  const options = (communities.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <div className="stack">
      <TwoChoices legend={t('sync.import.scopeLegend')} name="new-sender-scope" value={scope.all} onChange={(all) => onScope({ ...scope, all })} yes={t('sync.peers.allCommunities')} no={t('sync.peers.someCommunities')} />
      {scope.all ? (
        <p className="small">{t('sync.import.scopeAllHint')}</p>
      ) : (
        <CheckboxGroup legend={t('sync.peers.communities')} hint={t('sync.peers.communitiesHint')} options={options} value={scope.communityIds} onChange={(communityIds) => onScope({ ...scope, communityIds })} />
      )}
      {mustScope ? (
        <p id="sync-must-scope" className="field__error">
          {t('sync.import.mustScope')}
        </p>
      ) : null}
    </div>
  );
}

function PreviewBody({
  preview,
  checked,
  onChecked,
  mustTick,
  scope,
  onScope,
  mustScope,
}: {
  preview: ImportPreview;
  checked: boolean;
  onChecked: (v: boolean) => void;
  mustTick: boolean;
  scope: NewSenderScope;
  onScope: (scope: NewSenderScope) => void;
  mustScope: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const unknown = preview.sender.trust === 'unknown';
  return (
    <div className="stack">
      <h3>{t('sync.import.fromTitle')}</h3>
      <dl className="definition-list">
        <dt>{t('sync.import.sender')}</dt>
        <dd>
          {/* A name from the bundle: isolated, so a direction override in it cannot reverse what follows. */}
          <bdi>{preview.sender.name}</bdi> <TrustChip state={preview.sender.trust} />
        </dd>
        <dt>{t('sync.import.createdAt')}</dt>
        <dd>{format.dateTime(preview.createdAt)}</dd>
        <dt>{t('sync.import.changesets')}</dt>
        <dd>{t('sync.import.changesetsValue', { count: preview.changesetCount, fresh: t('sync.import.freshHere', { count: preview.newChangesetCount }) })}</dd>
      </dl>
      <div className="fingerprint-box">
        <p className="small muted">{t('sync.import.senderFingerprint')}</p>
        <Fingerprint value={preview.sender.fingerprint} label={t('sync.import.senderFingerprint')} />
      </div>
      {unknown ? (
        <Banner tone="warning" title={t('sync.import.unknownTitle')}>
          <p>{t('sync.import.unknownBody')}</p>
          <label className="choice">
            <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} aria-invalid={mustTick || undefined} aria-describedby={mustTick ? 'sync-must-tick' : undefined} />
            {t('sync.import.checkedFingerprint')}
          </label>
          {mustTick ? (
            <p id="sync-must-tick" className="field__error">
              {t('sync.import.mustTick')}
            </p>
          ) : null}
          <NewSenderScopeChoice scope={scope} onScope={onScope} mustScope={mustScope} />
        </Banner>
      ) : null}
      {preview.alreadyImported ? (
        <Banner tone="info" title={t('sync.import.alreadyTitle')}>
          <p>{t('sync.import.alreadyBody')}</p>
        </Banner>
      ) : null}
      {preview.setAside.length > 0 ? (
        <Banner tone="warning" title={t('sync.import.setAsideTitle')}>
          <p>{t('sync.import.setAsideBody')}</p>
          <ul>
            {preview.setAside.map((aside) => (
              <li key={aside.installationId}>
                {t('sync.import.setAsideItem', { name: aside.name, count: aside.changesets })} <Fingerprint value={aside.fingerprint} small />
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {preview.gaps.length > 0 ? (
        <Banner tone="warning" title={t('sync.import.gapsTitle')}>
          <p>{t('sync.import.gapsBody', { count: preview.gaps.length })}</p>
        </Banner>
      ) : null}
      <h3>{t('sync.import.changesTitle')}</h3>
      {preview.changesPerPlan.length === 0 && preview.otherChanges === 0 ? (
        <p className="muted">{t('sync.import.noChanges')}</p>
      ) : (
        <>
          {preview.changesPerPlan.length > 0 ? (
            <Table
              caption={t('sync.import.changesTitle')}
              hideCaption
              compact
              rows={preview.changesPerPlan}
              rowKey={(r) => r.planId}
              columns={[
                { key: 'plan', header: t('sync.import.plan'), rowHeader: true, render: (r) => `${r.communityName} — ${format.fiscalYear(r.fiscalYear)}` },
                { key: 'rows', header: t('sync.import.rowsChanged'), numeric: true, render: (r) => r.rows },
              ]}
            />
          ) : null}
          {preview.otherChanges > 0 ? <p>{t('sync.import.otherChanges', { count: preview.otherChanges })}</p> : null}
        </>
      )}
      <h3>{t('sync.import.conflictsTitle')}</h3>
      <NewConflicts conflicts={preview.newConflicts} />
    </div>
  );
}

/** The conflicts an import makes, one line per record (a status and a narrative of one entry are one thing changed twice). */
function NewConflicts({ conflicts }: { conflicts: ImportPreview['newConflicts'] }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const records = byRecord(conflicts);
  if (records.length === 0) return <p className="muted">{t('sync.import.noConflicts')}</p>;
  return (
    <>
      <p>{t('sync.import.conflictsBody', { count: records.length })}</p>
      <ul>
        {records.map((r) => (
          <li key={r.key}>
            <bdi>{r.label}</bdi> <span className="muted">({t('exchangeImport.preview.fields', { fields: r.conflicts.map((c) => fieldName(c.field)).join(', ') })})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function ResultBody({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <div className="stack" aria-live="polite">
      {result.imported ? (
        <Banner tone="success" title={t('sync.import.doneTitle')}>
          <p>{t('sync.import.doneBody', { count: result.newChangesetCount, name: result.sender.name })}</p>
          {result.backupFile ? <p className="small">{t('sync.import.backup', { file: result.backupFile.split(/[\\/]/).pop() ?? result.backupFile })}</p> : null}
        </Banner>
      ) : (
        <Banner tone="info" title={t('sync.import.nothingTitle')}>
          <p>{t('sync.import.nothingBody')}</p>
        </Banner>
      )}
      {result.newConflicts.length > 0 ? (
        <p>
          <a href="#/exchange/conflicts">{t('sync.import.toConflicts', { count: byRecord(result.newConflicts).length })}</a>
        </p>
      ) : null}
    </div>
  );
}
