/**
 * Exchanging plan bundles: who this computer is (its fingerprint, to read out by phone), what it
 * holds, sending a bundle (the export wizard), importing one (button, drag and drop, or a
 * double-clicked file: all lead to the preview) and the history of exchanges.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exchange } from '../../../shared/domain';
import { DefinitionList } from '../../components/DefinitionList';
import { Button, ButtonLink } from '../../components/Button';
import { ErrorBanner, LoadedList, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { ExportWizard } from './ExportWizard';
import { ImportDialog } from './ImportDialog';
import { Fingerprint, WorkingBar } from './ExchangeParts';
import { useBundleFiles } from './use-bundle-files';

export function ExchangeScreen() {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const opened = usePlanner((s) => s.openedBundle);
  const closeOpened = usePlanner((s) => s.closeOpenedBundle);
  const status = useCall('sync:status', {});
  return (
    <>
      <PageHeader
        title={t('sync.exchange.title')}
        subtitle={t('sync.exchange.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setExporting(true)}>
            {t('sync.exchange.send')}
          </Button>
        }
      />
      <SyncSubnav conflictCount={status.data?.conflictCount ?? 0} />
      <ImportPanel />
      <div className="grid-2">
        <IdentityPanel />
        <section className="panel" aria-labelledby="sync-status">
          <h2 id="sync-status">{t('sync.status.title')}</h2>
          <ErrorBanner error={status.error} onRetry={status.reload} />
          {status.data ? (
            <DefinitionList
              facts={[
                [t('sync.status.changesets'), status.data.changesetCount],
                // Vectors are kept per "origin partition": count the computers.
                [t('sync.status.origins'), new Set(Object.keys(status.data.versionVector).map((key) => key.split(' ')[0])).size],
                [t('sync.status.conflicts'), status.data.conflictCount === 0 ? t('sync.status.noConflicts') : <a href={href.conflicts()}>{t('sync.status.conflictsToResolve', { count: status.data.conflictCount })}</a>],
                [t('sync.status.waiting'), status.data.waitingRowCount === 0 ? t('sync.status.noneWaiting') : t('sync.status.waitingRows', { count: status.data.waitingRowCount })],
              ]}
            />
          ) : status.loading ? (
            <Loading />
          ) : null}
        </section>
      </div>
      <HistoryPanel />
      {exporting ? <ExportWizard onClose={() => setExporting(false)} /> : null}
      {opened ? <ImportDialog key={opened.key} file={opened.file} onClose={closeOpened} /> : null}
    </>
  );
}

/** Links between the three pages of the exchange section. */
export function SyncSubnav({ conflictCount }: { conflictCount: number }) {
  const { t } = useTranslation();
  const route = usePlanner((s) => s.route.name);
  const items = [
    { name: 'exchange', href: href.exchange(), label: t('sync.subnav.exchange') },
    { name: 'conflicts', href: href.conflicts(), label: conflictCount > 0 ? t('sync.subnav.conflictsCount', { count: conflictCount }) : t('sync.subnav.conflicts') },
    { name: 'peers', href: href.peers(), label: t('sync.subnav.peers') },
  ];
  return (
    <nav className="sync-subnav" aria-label={t('sync.subnav.label')}>
      {items.map((item) => (
        <ButtonLink key={item.name} href={item.href} size="small" variant={route === item.name ? 'primary' : 'secondary'} aria-current={route === item.name ? 'page' : undefined}>
          {item.label}
        </ButtonLink>
      ))}
    </nav>
  );
}

function IdentityPanel() {
  const { t } = useTranslation();
  const whoami = useCall('sync:whoami', {}, { live: false });
  return (
    <section className="panel" aria-labelledby="sync-identity">
      <h2 id="sync-identity">{t('sync.identity.title')}</h2>
      <ErrorBanner error={whoami.error} onRetry={whoami.reload} />
      {whoami.data ? (
        <>
          <dl className="definition-list">
            <dt>{t('sync.identity.name')}</dt>
            <dd>{whoami.data.name}</dd>
          </dl>
          <div className="fingerprint-box">
            <p className="small muted">{t('sync.identity.fingerprint')}</p>
            <Fingerprint value={whoami.data.fingerprint} label={t('sync.identity.fingerprint')} />
          </div>
          <p className="small muted">{t('sync.identity.fingerprintHint')}</p>
        </>
      ) : whoami.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}

/**
 * Importing: a button (file dialog in the app, a file picker in the browser preview) and a drop
 * zone. In the app a file dropped on the window reaches main, which opens it like a double-click;
 * in the browser the page uploads it to the preview server first.
 */
function ImportPanel() {
  const { t } = useTranslation();
  const files = useBundleFiles();
  const openBundle = usePlanner((s) => s.openBundle);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);

  async function run(get: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    try {
      const file = await get();
      if (file) openBundle(file);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const choose = () => {
    if (files.mode === 'browser') input.current?.click();
    else void run(files.chooseToOpen);
  };
  const browserDrop = files.mode === 'browser';

  return (
    <section
      className={over ? 'drop-zone drop-zone--active' : 'drop-zone'}
      aria-labelledby="sync-import"
      onDragEnter={() => setOver(true)}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDragOver={(e) => {
        // In the app the drop goes on to main (see bundle-file-dialogs.ts); in the browser, to us.
        if (browserDrop) e.preventDefault();
      }}
      onDrop={(e) => {
        setOver(false);
        if (!browserDrop) return;
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (file) void run(() => files.upload(file));
      }}
    >
      <h2 id="sync-import">{t('sync.import.title')}</h2>
      <p>{t('sync.import.dropHint')}</p>
      <Button variant="primary" busy={busy} onClick={choose}>
        {t('sync.import.choose')}
      </Button>
      {browserDrop ? (
        <input
          ref={input}
          type="file"
          accept=".planbundle"
          hidden
          data-testid="bundle-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(() => files.upload(file));
          }}
        />
      ) : null}
      {busy ? <WorkingBar label={t('sync.import.receiving')} /> : null}
      <ErrorBanner error={error} />
    </section>
  );
}

function HistoryPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useCall('bundles:history', {});
  return (
    <section className="panel" aria-labelledby="sync-history">
      <h2 id="sync-history">{t('sync.history.title')}</h2>
      <LoadedList call={history} empty={<p className="muted">{t('sync.history.empty')}</p>}>
        {(rows) => (
          <Table<Exchange>
            caption={t('sync.history.title')}
            hideCaption
            compact
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { key: 'at', header: t('sync.history.when'), rowHeader: true, render: (r) => format.dateTime(r.at) },
              { key: 'direction', header: t('sync.history.direction'), render: (r) => (r.direction === 'export' ? t('sync.history.sent') : t('sync.history.received')) },
              { key: 'peer', header: t('sync.history.peer'), render: (r) => r.peerName ?? (r.direction === 'export' ? t('sync.history.anyone') : t('sync.history.unknownPeer')) },
              { key: 'changesets', header: t('sync.history.changesets'), numeric: true, render: (r) => r.changesetCount },
              { key: 'new', header: t('sync.history.new'), numeric: true, render: (r) => (r.direction === 'import' ? r.newChangesetCount : '—') },
              { key: 'encrypted', header: t('sync.history.encrypted'), render: (r) => (r.encrypted ? t('sync.history.yes') : t('sync.history.no')) },
              { key: 'file', header: t('sync.history.file'), render: (r) => <code>{r.file.split(/[\\/]/).pop()}</code> },
            ]}
          />
        )}
      </LoadedList>
    </section>
  );
}
