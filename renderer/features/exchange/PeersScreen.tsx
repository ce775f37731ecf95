/**
 * The computers whose bundles are accepted here: name, fingerprint, which communities they may
 * change, trusted or revoked, who introduced them. The scope can be changed and a computer revoked
 * (after a confirmation); a revoked one can be trusted again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/DialogFooter';
import { EmptyPanel, ErrorBanner, LoadedList } from '../../components/Feedback';
import { CheckboxGroup } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Table } from '../../components/Table';
import { useSubmit } from '../../components/use-submit';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { useExchangeCommands } from './exchange-commands';
import { SyncSubnav } from './ExchangeScreen';
import { Fingerprint, TrustChip, TwoChoices } from './ExchangeParts';
import { useChanged } from '../../app/unsaved-edits';

export function PeersScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const peers = useCall('peers:list', {});
  const communities = useCall('communities:list', {}, { live: false });
  const status = useCall('sync:status', {});
  const [scoping, setScoping] = useState<Peer | null>(null);
  const [revoking, setRevoking] = useState<Peer | null>(null);
  const commands = useExchangeCommands();
  const list = peers.data ?? [];
  const nameOf = (id: string) => list.find((p) => p.installationId === id)?.name ?? id;
  const communityName = (id: string) => communities.data?.find((c) => c.id === id)?.name ?? id;

  return (
    <>
      <PageHeader title={t('sync.peers.title')} subtitle={t('sync.peers.subtitle')} crumbs={[{ label: t('sync.exchange.title'), href: href.exchange() }, { label: t('sync.peers.title') }]} />
      <SyncSubnav conflictCount={status.data?.conflictCount ?? 0} />
      <LoadedList call={peers} empty={<EmptyPanel title={t('sync.peers.emptyTitle')}>{t('sync.peers.emptyBody')}</EmptyPanel>}>
        {(list) => (
          <section className="panel" aria-labelledby="sync-peers">
            <h2 id="sync-peers">{t('sync.peers.listTitle', { count: list.length })}</h2>
            <Table<Peer>
              caption={t('sync.peers.title')}
              hideCaption
              rows={list}
              rowKey={(p) => p.installationId}
              columns={[
                { key: 'name', header: t('sync.peers.name'), rowHeader: true, render: (p) => <bdi>{p.name}</bdi> },
                { key: 'fingerprint', header: t('sync.peers.fingerprint'), render: (p) => <Fingerprint value={p.fingerprint} small /> },
                {
                  key: 'scope',
                  header: t('sync.peers.scope'),
                  render: (p) => (p.scopeCommunityIds === null ? t('sync.peers.allCommunities') : p.scopeCommunityIds.length === 0 ? t('sync.peers.noCommunities') : p.scopeCommunityIds.map(communityName).join(', ')),
                },
                {
                  key: 'status',
                  header: t('sync.peers.status'),
                  render: (p) => (
                    <>
                      <TrustChip state={p.revokedAt ? 'revoked' : 'trusted'} />
                      <span className="small muted"> {p.revokedAt ? format.date(p.revokedAt.slice(0, 10)) : p.trustedAt ? format.date(p.trustedAt.slice(0, 10)) : ''}</span>
                    </>
                  ),
                },
                { key: 'introducedBy', header: t('sync.peers.introducedBy'), render: (p) => (p.introducedBy ? nameOf(p.introducedBy) : t('sync.peers.direct')) },
                {
                  key: 'actions',
                  header: t('sync.peers.actions'),
                  render: (p) => (
                    <div className="button-group">
                      <Button size="small" onClick={() => setScoping(p)}>
                        {p.revokedAt ? t('sync.peers.trustAgain') : t('sync.peers.changeScope')}
                        <span className="visually-hidden"> — {p.name}</span>
                      </Button>
                      {p.revokedAt ? null : (
                        <Button size="small" variant="danger" onClick={() => setRevoking(p)}>
                          {t('sync.peers.revoke')}
                          <span className="visually-hidden"> — {p.name}</span>
                        </Button>
                      )}
                    </div>
                  ),
                },
              ]}
            />
          </section>
        )}
      </LoadedList>
      {scoping ? <ScopeDialog peer={scoping} communities={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} onClose={() => setScoping(null)} /> : null}
      {revoking ? (
        <ConfirmDialog
          title={t('sync.peers.revokeTitle', { name: revoking.name })}
          confirmLabel={t('sync.peers.revokeConfirm')}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={() => commands.revokePeer(revoking)}
        >
          <p>{t('sync.peers.revokeBody')}</p>
          <Fingerprint value={revoking.fingerprint} small />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function ScopeDialog({ peer, communities, onClose }: { peer: Peer; communities: Array<{ value: string; label: string }>; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useExchangeCommands();
  const [all, setAll] = useState(peer.scopeCommunityIds === null);
  const [scope, setScope] = useState<string[]>(peer.scopeCommunityIds ?? []);
  const { busy, error, submit } = useSubmit(() => commands.trustPeer(peer, all ? null : scope), onClose);
  const dirty = useChanged({ all, scope });
  return (
    <Dialog title={t('sync.peers.scopeTitle', { name: peer.name })} onClose={onClose} busy={busy} dirty={dirty} onSubmit={() => void submit()} footer={(requestClose) => <FormDialogFooter submitLabel={t('sync.peers.saveScope')} busy={busy} onCancel={requestClose} />}>
      <ErrorBanner error={error} />
      <TwoChoices legend={t('sync.peers.scopeLegend')} name="peer-scope" value={all} onChange={setAll} yes={t('sync.peers.allCommunities')} no={t('sync.peers.someCommunities')} />
      {all ? null : <CheckboxGroup legend={t('sync.peers.communities')} hint={t('sync.peers.communitiesHint')} options={communities} value={scope} onChange={setScope} />}
    </Dialog>
  );
}
