import { eq } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import type { InstallationProfile, InstallationState } from '../../../shared/domain';
import { DEFAULT_REPORT_DUE_DAYS, type Locale, type Role } from '../../../shared/vocabulary';
import { type CoreContext, readProfile, today } from '../changelog/core-context';
import { installationRow } from '../queries/installation';

export interface InitialProfile {
  name: string;
  userName: string;
  role: Role;
  locale?: Locale;
  scopeCommunityIds?: string[];
  /** A demo database: marked everywhere it is open, never exchanged with a real territory. */
  isDemo?: boolean;
}

/** Creates this installation's identity once; later calls leave it as it is. */
export function ensureInstallation(ctx: CoreContext, initial: InitialProfile | null): InstallationProfile | null {
  const existing = installationRow(ctx);
  if (!existing) {
    // First start: nothing is written until the person starts a territory, joins one or opens the demo.
    if (initial === null) return null;
    ctx.db
      .insert(schema.installation)
      .values({
        key: 1,
        installationId: ctx.ids.newId(),
        name: initial.name,
        userName: initial.userName,
        role: initial.role,
        scopeCommunityIds: initial.scopeCommunityIds ?? [],
        locale: initial.locale ?? 'en',
        reportDueDays: DEFAULT_REPORT_DUE_DAYS,
        publicKey: ctx.keys.publicKey,
        createdAt: ctx.clock.now(),
        isDemo: initial.isDemo ?? false,
      })
      .run();
  } else if (existing.publicKey !== ctx.keys.publicKey) {
    // The key store answers for the key; the database only mirrors its public half. A different key
    // here means the key file was replaced: refuse rather than sign as someone else.
    if (existing.publicKey) {
      throw new Error('This database belongs to an installation whose signing key is missing or different. Restore its key file, or use a new database.');
    }
    ctx.db.update(schema.installation).set({ publicKey: ctx.keys.publicKey }).where(eq(schema.installation.key, 1)).run();
  }
  // The database mirrors the public half of the encryption key too (a key file that gained one on load included).
  const encryptionPublicKey = ctx.keys.encryptionPublicKey ?? null;
  if (encryptionPublicKey !== null && installationRow(ctx)?.encryptionPublicKey !== encryptionPublicKey) {
    ctx.db.update(schema.installation).set({ encryptionPublicKey }).where(eq(schema.installation.key, 1)).run();
  }
  return readProfile(ctx);
}

export function getInstallation(ctx: CoreContext): InstallationState {
  return { ...readProfile(ctx), today: today(ctx) };
}

/** The profile is this machine's own: it is not a replicated row and is not in the change log. */
export function updateInstallation(ctx: CoreContext, input: MethodInput<'installation:update'>): InstallationProfile {
  // An enrolled computer's role and communities come from its certificate: the permission check
  // before every call refuses to change them (shared/permissions.ts, rule 'profile').
  readProfile(ctx);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length > 0) {
    ctx.db.update(schema.installation).set(patch).where(eq(schema.installation.key, 1)).run();
  }
  return readProfile(ctx);
}
