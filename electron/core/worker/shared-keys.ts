/**
 * Two connections to one database, one of them setting it up (territory:start, territory:join):
 * the other opened it before it had keys. Before each call it picks up the keys the first one
 * made, from the same key store, once the installation names its public key.
 */
import type { CoreContext } from '../changelog/core-context';
import { type KeyStore, loadOrCreateKeys } from '../bundles/identity';
import { installationPublicKey } from '../queries/installation';

/** True when keys were adopted. Never throws: a store that cannot give them leaves the core unable to sign, as before. */
export function adoptKeysMadeElsewhere(ctx: CoreContext, store: KeyStore): boolean {
  if (ctx.keys.publicKey !== '') return false;
  try {
    const existing = installationPublicKey(ctx.sqlite);
    if (!existing?.publicKey) return false;
    Object.assign(ctx.keys, loadOrCreateKeys(store, existing));
    return ctx.keys.publicKey !== '';
  } catch {
    return false;
  }
}
