import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { PlannerDb } from '../../../db/open-database';
import * as schema from '../../../db/schema';
import type { InstallationProfile } from '../../../shared/domain';
import type { Locale, Role } from '../../../shared/vocabulary';
import type { ProgressStep } from '../../../shared/contract-operations';
import type { ChangeRecorder, ChangeWriter } from './change-recorder';
import type { Clock, IdGenerator } from './clock';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';

/**
 * The keys this installation signs its changesets and bundles with (Ed25519, DER in base64). The
 * private key is null when this process may read and check but not sign (see bundles/identity.ts).
 */
export interface SigningKeys {
  publicKey: string;
  privateKey: string | null;
  /**
   * The X25519 pair bundles are encrypted to (SPKI / PKCS#8 DER, base64): named in this
   * installation's certificate, kept in installation.encryption_public_key. Null when this process
   * cannot read the key store (see above), or before the database is set up.
   */
  encryptionPublicKey?: string | null;
  encryptionPrivateKey?: string | null;
}

/** What every service receives: the database, the one change recorder, clocks and ids. */
export interface CoreContext {
  db: PlannerDb;
  sqlite: Database.Database;
  clock: Clock;
  ids: IdGenerator;
  dbFile: string;
  backupDir: string;
  recorder: ChangeRecorder;
  /** This installation's signing keys (empty until a new database is set up: see createIdentity). */
  keys: SigningKeys;
  /** Makes this installation's signing keys, once, when a new database is set up (first start). */
  createIdentity?: () => void;
  /** Where the territory key's private half is kept (the coordinator's computer only). */
  territoryKeyStore?: { load(): { publicKey: string; privateKey: string } | null; save(keys: { publicKey: string; privateKey: string }): void; readonly where?: string };
  /**
   * Set by createCore for restoring a backup (services/backups.ts): closes the connection, runs
   * `swap` (which replaces the files), and opens the database again — migrated, a restored copy
   * continued under a new id — putting the new connection into this same context.
   */
  reopenAfter?: (swap: () => void) => { appliedMigrations: string[] };
  /** The committed migrations this planner knows (a backup with others was made by a newer planner). */
  migrationsFolder?: string;
  /**
   * Long operations report how far they are (issue 13 §1: electron/core/worker/progress.ts): a
   * no-op when absent. May throw DomainError('cancelled') when the person cancelled: called only
   * where nothing is written yet, or inside the transaction that the throw rolls back.
   */
  progress?: (step: ProgressStep, done: number, total: number) => void;
}

export function readProfile(ctx: Pick<CoreContext, 'db'>): InstallationProfile {
  const row = ctx.db.select().from(schema.installation).where(eq(schema.installation.key, 1)).get();
  if (!row) {
    throw new DomainError('forbidden', msg('core.notSetUp'));
  }
  const { installationId, name, userName, role, scopeCommunityIds, locale, reportDueDays } = row;
  return { installationId, name, userName, role: role as Role, scopeCommunityIds, locale: locale as Locale, reportDueDays };
}

/** Runs a change in one transaction, recorded as one changeset by this installation's user. */
export function change<T>(ctx: CoreContext, method: string, work: (writer: ChangeWriter) => T): T {
  const profile = readProfile(ctx);
  return ctx.recorder.change({ installationId: profile.installationId, userName: profile.userName }, method, work);
}

/** Today's date (YYYY-MM-DD) by the injected clock. */
export function today(ctx: Pick<CoreContext, 'clock'>): string {
  return ctx.clock.now().slice(0, 10);
}
