/**
 * The exchange's calls: bundles (inspect, preview, import, export), peers (trust, revoke) and
 * conflicts (resolve). The screens keep their stages; the calls and notices live here.
 */
import type { MethodRawInput } from '../../../shared/contract';
import type { Conflict, Peer } from '../../../shared/domain';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function exchangeCommands({ client, notify, t }: CommandDeps) {
  return {
    inspectBundle: (file: string) => client.call('bundles:inspect', { file }),
    previewBundle: (file: string, passphrase: string | null) => client.call('bundles:preview', { file, passphrase }),
    importBundle: (input: MethodRawInput<'bundles:import'>) => client.call('bundles:import', input),
    exportBundle: (input: MethodRawInput<'bundles:export'>) => client.call('bundles:export', input),
    /** `scope` null: every community, said explicitly (trust never defaults to all). */
    async trustPeer(peer: Peer, scope: string[] | null) {
      await client.call('peers:trust', { fingerprint: peer.fingerprint, ...(scope === null ? { allCommunities: true } : { scopeCommunityIds: scope }) });
      notify(t('sync.peers.scopeSaved', { name: peer.name }));
    },
    async revokePeer(peer: Peer) {
      const revocation = await client.call('peers:revoke', { fingerprint: peer.fingerprint });
      const others = revocation.alsoRevoked.map((p) => p.name).join(', ');
      notify(others ? t('sync.peers.revokedWithIntroduced', { name: peer.name, count: revocation.alsoRevoked.length, others }) : t('sync.peers.revoked', { name: peer.name }));
    },
    async resolveConflict(conflict: Conflict, what: { pickOpId: string } | { value: string }) {
      await client.call('conflicts:resolve', { conflictId: conflict.id, ...what });
      notify(t('sync.conflicts.resolved', { label: conflict.label }));
    },
  };
}

export const useExchangeCommands = () => useCommands(exchangeCommands);
