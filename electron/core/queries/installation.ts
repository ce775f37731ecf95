/** The installation's own row (not replicated): its identity, profile and public key. */
import { eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { CoreContext } from '../changelog/core-context';

/** The one row of the installation table, once this installation has been set up. */
export function installationRow(ctx: Pick<CoreContext, 'db'>) {
  return ctx.db.select().from(schema.installation).where(eq(schema.installation.key, 1)).get();
}

/** The installation's public key before the core's context exists (null: no installation yet). */
export function installationPublicKey(sqlite: CoreContext['sqlite']): { publicKey: string | null } | null {
  return (sqlite.prepare('SELECT public_key AS publicKey FROM installation WHERE key = 1').get() as { publicKey: string | null } | undefined) ?? null;
}

/** The installation's language, English until it is set up or when it says otherwise. */
export function installationLocale(sqlite: CoreContext['sqlite']): 'en' | 'fr' {
  return sqlite.prepare('SELECT locale FROM installation WHERE key = 1').pluck().get() === 'fr' ? 'fr' : 'en';
}
