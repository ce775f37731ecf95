/** Plan bundles, peers and conflicts: the handlers of the sync methods (contract: shared/contract-sync.ts). */
import type { syncMethods } from '../../../shared/contract-sync';
import { exportBundle } from '../bundles/bundle-export';
import { importBundle, previewImport } from '../bundles/bundle-import';
import { inspectBundle } from '../bundles/bundle-inspect';
import { exchangeHistory } from '../bundles/exchanges';
import { whoami } from '../bundles/identity';
import { listPeers, revokePeer, trustPeer } from '../bundles/peers';
import { listConflicts, resolveConflict } from '../changelog/conflicts';
import { replicatedDigests } from '../changelog/digest';
import { logStatus } from '../changelog/log-status';
import type { DomainHandlers } from './handler-types';

export const bundleHandlers: DomainHandlers<typeof syncMethods> = {
  'sync:whoami': (ctx) => whoami(ctx),
  'sync:digest': (ctx) => replicatedDigests(ctx),
  'sync:status': (ctx) => logStatus(ctx),
  'bundles:export': (ctx, input) => exportBundle(ctx, input),
  'bundles:inspect': (_ctx, input) => inspectBundle(input.file, input.passphrase ?? null),
  'bundles:preview': (ctx, input) => previewImport(ctx, input),
  'bundles:import': (ctx, input) => importBundle(ctx, input),
  'bundles:history': (ctx) => exchangeHistory(ctx),
  'peers:list': (ctx) => listPeers(ctx),
  'peers:trust': (ctx, input) => trustPeer(ctx, input),
  'peers:revoke': (ctx, input) => revokePeer(ctx, input),
  'conflicts:list': (ctx) => listConflicts(ctx),
  'conflicts:resolve': (ctx, input) => resolveConflict(ctx, input),
};
