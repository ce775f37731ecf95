/**
 * Settings → Backups (issue 12, §6): make one now, where they go (a USB stick, with the default
 * folder when it is not there), a backup when the planner closes, how many to keep, and the list
 * of backups, each of which can be restored after a preview (RestoreDialog).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupMade, BackupSettings, RestoreResult } from '../../../shared/domain';
import { KEEP_BACKUPS_DEFAULT } from '../../../shared/contract-backups';
import { Button } from '../../components/Button';
import { Banner, ErrorBanner, LoadedList } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { Table } from '../../components/Table';
import { useTask } from '../../components/use-task';
import { useCall, usePlanner } from '../../app/store-context';
import { useFormat } from '../../i18n/format';
import { useBackupCommands } from './backup-commands';
import { RestoreDialog } from './RestoreDialog';
import './backups.css';

const KEEP_CHOICES = [3, 5, KEEP_BACKUPS_DEFAULT, 20, 50];
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function BackupsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useBackupCommands();
  const list = useCall('backups:list', {});
  const loadSetup = usePlanner((s) => s.loadSetup);
  const [made, setMade] = useState<BackupMade | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<unknown>(null);
  const making = useTask(setError);

  function makeNow() {
    setError(null);
    setRestored(null);
    return making.run(async () => setMade(await commands.make()));
  }

  function afterRestore(result: RestoreResult) {
    setMade(null);
    setRestored(result);
    // The restored database may speak another language, name the person differently, or be from
    // before this computer was enrolled: the session is read again (every screen's reads reload
    // on the core's data:changed).
    void loadSetup();
  }

  const settings = list.data?.settings;
  return (
    <section className="panel backups" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('backups.title')}</h2>
      <p>{t('backups.intro')}</p>
      <ErrorBanner error={error} />
      <div className="row spaced-row">
        <Button variant="primary" busy={making.busy} onClick={() => void makeNow()}>
          {making.busy ? t('backups.making') : t('backups.makeNow')}
        </Button>
      </div>
      <div aria-live="polite" className="backups__notices">
        {made ? (
          <Banner tone={made.fellBackFrom ? 'warning' : 'success'} title={t('backups.made')}>
            {made.fellBackFrom ? <p>{t('backups.fellBack', { folder: made.fellBackFrom })}</p> : null}
            <p>{t('backups.madeBody', { file: fileName(made.file), size: format.bytes(made.bytes), folder: made.file.slice(0, made.file.length - fileName(made.file).length - 1) })}</p>
          </Banner>
        ) : null}
        {restored ? (
          <Banner tone="success" title={t('backups.restored')}>
            <p>{t('backups.restoredBody', { date: format.dateTime(restored.restored.createdAt), file: fileName(restored.preRestoreBackup) })}</p>
            <p>{t('backups.restoredBundles')}</p>
          </Banner>
        ) : null}
      </div>
      {settings ? <FolderSettings settings={settings} onError={setError} /> : null}
      <h3>{t('backups.listTitle')}</h3>
      <LoadedList call={{ ...list, data: list.data?.backups }} empty={<p className="muted">{t('backups.none')}</p>}>
        {(rows) => (
          <Table
            caption={t('backups.listTitle')}
            hideCaption
            compact
            className="backups__table"
            rows={rows}
            rowKey={(b) => b.file}
            columns={[
              { key: 'date', header: t('backups.date'), rowHeader: true, render: (b) => format.dateTime(b.createdAt) },
              { key: 'reason', header: t('backups.reasonColumn'), render: (b) => t(`backups.reason.${b.reason}`) },
              { key: 'where', header: t('backups.where'), render: (b) => <span title={b.file}>{t(`backups.place.${b.place}`)}</span> },
              { key: 'size', header: t('backups.size'), numeric: true, render: (b) => format.bytes(b.bytes) },
              {
                key: 'actions',
                header: t('backups.actions'),
                render: (b) => (
                  <Button size="small" onClick={() => setRestoring(b)} aria-label={t('backups.restoreLabel', { date: format.dateTime(b.createdAt) })}>
                    {t('backups.restore')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </LoadedList>
      <OtherBackup onError={setError} onCheck={setRestoring} />
      {restoring ? <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} onRestored={afterRestore} /> : null}
    </section>
  );
}

/** Where backups go, the backup on exit and how many are kept: this computer's own settings. */
function FolderSettings({ settings, onError }: { settings: BackupSettings; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const commands = useBackupCommands();
  const notify = usePlanner((s) => s.notify);
  const [folder, setFolder] = useState(settings.folder ?? '');
  const saving = useTask(onError);
  useEffect(() => setFolder(settings.folder ?? ''), [settings.folder]);

  function save(patch: Parameters<typeof commands.updateSettings>[0], message: string) {
    onError(null);
    return saving.run(async () => {
      await commands.updateSettings(patch);
      notify(message);
    });
  }
  function saveFolder(chosen: string) {
    return save({ folder: chosen }, t('backups.folderSaved', { folder: chosen }));
  }
  function choose() {
    onError(null);
    return saving.run(async () => {
      const answer = await commands.chooseFolder();
      if (answer.folder) {
        setFolder(answer.folder);
        await commands.updateSettings({ folder: answer.folder });
        notify(t('backups.folderSaved', { folder: answer.folder }));
      }
    });
  }

  return (
    <div className="backups__settings">
      <h3>{t('backups.folderTitle')}</h3>
      {settings.folderAvailable ? (
        <p>{t('backups.folderNow', { folder: settings.folder ?? t('backups.folderDefault') })}</p>
      ) : (
        <Banner tone="warning">
          <p>{t('backups.folderMissing', { folder: settings.folder ?? '', defaultFolder: settings.defaultFolder })}</p>
        </Banner>
      )}
      <form
        className="backups__folder"
        onSubmit={(event) => {
          event.preventDefault();
          if (folder.trim()) void saveFolder(folder.trim());
        }}
      >
        <TextField label={t('backups.folderLabel')} hint={t('backups.folderHint')} value={folder} placeholder={settings.defaultFolder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
        <div className="row spaced-row">
          <Button type="submit" disabled={saving.busy || !folder.trim()}>
            {t('backups.useFolder')}
          </Button>
          <Button onClick={() => void choose()} disabled={saving.busy}>
            {t('backups.chooseFolder')}
          </Button>
          {settings.folder ? (
            <Button variant="ghost" disabled={saving.busy} onClick={() => void save({ folder: null }, t('backups.folderDefaultSaved'))}>
              {t('backups.useDefault')}
            </Button>
          ) : null}
        </div>
      </form>
      <label className="choice backups__on-exit">
        <input type="checkbox" checked={settings.onExit} disabled={saving.busy} onChange={(e) => void save({ onExit: e.target.checked }, t('backups.settingsSaved'))} />
        {t('backups.onExit')}
      </label>
      <Select
        className="field--inline"
        label={t('backups.keep')}
        hint={t('backups.keepHint')}
        value={String(settings.keep)}
        disabled={saving.busy}
        onChange={(e) => void save({ keep: Number(e.target.value) }, t('backups.settingsSaved'))}
        options={[...new Set([...KEEP_CHOICES, settings.keep])].sort((a, b) => a - b).map((n) => ({ value: String(n), label: String(n) }))}
      />
    </div>
  );
}

/** A backup that is not in the lists (another folder, a stick): chosen with a dialog or typed, then previewed. */
function OtherBackup({ onError, onCheck }: { onError: (error: unknown) => void; onCheck: (backup: BackupEntry) => void }) {
  const { t } = useTranslation();
  const commands = useBackupCommands();
  const [file, setFile] = useState('');
  const choosing = useTask(onError);
  const check = (path: string) => onCheck({ file: path, createdAt: '', bytes: 0, reason: 'other', place: 'default' });
  function choose() {
    onError(null);
    return choosing.run(async () => {
      const answer = await commands.chooseFile();
      if (answer.file) {
        setFile(answer.file);
        check(answer.file);
      }
    });
  }
  return (
    <form
      className="backups__other"
      aria-labelledby="backups-other"
      onSubmit={(event) => {
        event.preventDefault();
        if (file.trim()) check(file.trim());
      }}
    >
      <h3 id="backups-other">{t('backups.otherTitle')}</h3>
      <TextField label={t('backups.fileLabel')} hint={t('backups.otherHint')} value={file} onChange={(e) => setFile(e.target.value)} spellCheck={false} />
      <div className="row spaced-row">
        <Button type="submit" disabled={!file.trim()}>
          {t('backups.checkFile')}
        </Button>
        <Button onClick={() => void choose()} busy={choosing.busy}>
          {t('backups.chooseFile')}
        </Button>
      </div>
    </form>
  );
}
