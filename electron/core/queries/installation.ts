/** The installation's own row (not replicated): its identity, profile and public key. */
import { eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { CoreContext } from '../changelog/core-context';

/** The one row of the installation table, once this installation has been set up. */
export function installationRow(ctx: Pick<CoreContext, 'db'>) {
  return ctx.db.select().from(schema.installation).where(eq(schema.installation.key, 1)).get();
}
