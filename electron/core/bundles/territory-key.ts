/**
 * First start and the territory key: starting a territory (the coordinator), joining one, the
 * recovery file of the territory key, and its rotation with a handover signed by the old key.
 * Local tables only (installation, territory, certificates): nothing here is a changeset.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { replaceWithPrivateFile } from '../../../db/private-files';
import { msg } from '../../../shared/core-messages';
import type { MethodInput } from '../../../shared/contract';
import type { CertificateBody, RecoveryExported, SetupState, TerritoryKeyRotated } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { DEFAULT_REPORT_DUE_DAYS, type Role } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { installationRow } from '../queries/installation';
import { setupState, territoryRow } from '../queries/territory';
import { fingerprintOf, generateIdentityKeys, signText } from './identity';
import { certificateText, handoverText, keyHistorySchema } from './territory-crypto';
import { z } from 'zod';

/** Creates the installation row of a new database (first start). */
export function createProfile(ctx: CoreContext, profile: { name: string; userName: string; role: Role; locale?: 'en' | 'fr' | undefined }): string {
  if (installationRow(ctx)) {
    throw new DomainError('conflict', msg('setup.alreadySetUp', { name: installationRow(ctx)!.name }));
  }
  ctx.createIdentity?.();
  if (ctx.keys.publicKey === '') throw new Error('No signing key could be made for this installation.');
  const installationId = ctx.ids.newId();
  ctx.sqlite
    .prepare(
      `INSERT INTO installation (key, installation_id, name, user_name, role, scope_community_ids, locale, report_due_days, public_key, created_at)
       VALUES (1, ?, ?, ?, ?, '[]', ?, ?, ?, ?)`,
    )
    .run(installationId, profile.name, profile.userName, profile.role, profile.locale ?? 'en', DEFAULT_REPORT_DUE_DAYS, ctx.keys.publicKey, ctx.clock.now());
  ctx.sqlite.prepare('UPDATE installation SET encryption_public_key = ? WHERE key = 1').run(ctx.keys.encryptionPublicKey ?? null);
  return installationId;
}

/** The territory key's private half, on the coordinator's computer; refuses with a sentence elsewhere. */
export function territoryPrivateKey(ctx: CoreContext): { publicKey: string; privateKey: string } {
  const territory = territoryRow(ctx);
  if (!territory) throw new DomainError('forbidden', msg('territory.notEnrolled'));
  let keys: { publicKey: string; privateKey: string } | null = null;
  try {
    keys = ctx.territoryKeyStore?.load() ?? null;
  } catch {
    keys = null;
  }
  if (!keys || keys.publicKey !== territory.publicKey) throw new DomainError('forbidden', msg('territory.coordinatorOnly'));
  return keys;
}

/** Signs and stores a certificate; returns its body. */
export function issueCertificate(ctx: CoreContext, privateKey: string, body: CertificateBody): { body: string; signature: string } {
  const text = certificateText(body);
  const signature = signText(privateKey, text);
  ctx.sqlite
    .prepare('INSERT INTO certificates (serial, installation_id, territory_id, body, signature, issued_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(body.serial, body.installationId, body.territoryId, text, signature, body.issuedAt, ctx.clock.now());
  return { body: text, signature };
}

/** The coordinator's own certificate (all communities), and the installation set from it. */
function selfCertify(ctx: CoreContext, territory: { territoryId: string; name: string }, privateKey: string): void {
  const me = installationRow(ctx)!;
  const serial = ctx.ids.newId();
  issueCertificate(ctx, privateKey, {
    kind: 'certificate',
    version: 1,
    serial,
    territoryId: territory.territoryId,
    territoryName: territory.name,
    installationId: me.installationId,
    name: me.name,
    userName: me.userName,
    role: 'coordinator',
    communityIds: null,
    signingKey: ctx.keys.publicKey,
    issuedAt: ctx.clock.now(),
    replacesSerial: null,
    ...(ctx.keys.encryptionPublicKey ? { encryptionKey: ctx.keys.encryptionPublicKey } : {}),
  });
  ctx.sqlite
    .prepare("UPDATE installation SET territory_id = ?, certificate_serial = ?, role = 'coordinator', scope_community_ids = '[]' WHERE key = 1")
    .run(territory.territoryId, serial);
  ctx.sqlite.prepare('UPDATE enrolment_requests SET certificate_serial = ? WHERE installation_id = ? AND certificate_serial IS NULL').run(serial, me.installationId);
}

export function startTerritory(ctx: CoreContext, input: MethodInput<'territory:start'>): SetupState {
  const store = ctx.territoryKeyStore;
  if (!store) throw new Error('No territory key store.');
  ctx.sqlite.transaction(() => {
    createProfile(ctx, { name: input.computerName, userName: input.userName, role: 'coordinator', locale: input.locale });
    const key = generateIdentityKeys();
    const territory = { territoryId: ctx.ids.newId(), name: input.territoryName };
    ctx.sqlite
      .prepare("INSERT INTO territory (key, territory_id, name, public_key, key_history, created_at) VALUES (1, ?, ?, ?, '[]', ?)")
      .run(territory.territoryId, territory.name, key.publicKey, ctx.clock.now());
    selfCertify(ctx, territory, key.privateKey);
    // Last: if the key cannot be kept, nothing of the territory is.
    store.save(key);
  })();
  return setupState(ctx);
}

/** A joining computer: its profile, and its enrolment request kept until the coordinator answers. */
export function joinTerritory(ctx: CoreContext, input: MethodInput<'territory:join'>): SetupState {
  ctx.sqlite.transaction(() => {
    const installationId = createProfile(ctx, { name: input.computerName, userName: input.userName, role: 'liaison', locale: input.locale });
    const text = requestFileText(ctx, { installationId, computerName: input.computerName, userName: input.userName });
    ctx.sqlite
      .prepare('INSERT INTO enrolment_requests (request_id, installation_id, body, received_at) VALUES (?, ?, ?, ?)')
      .run((JSON.parse(text) as { request: { requestId: string } }).request.requestId, installationId, text, ctx.clock.now());
  })();
  return setupState(ctx);
}

/** An enrolment request file's text: who, with which key, signed by that key to prove it is held. */
export function requestFileText(ctx: CoreContext, who: { installationId: string; computerName: string; userName: string }): string {
  if (ctx.keys.privateKey === null) throw new DomainError('forbidden', msg('sync.signingKeyUnavailable'));
  const request = {
    kind: 'enrolment-request' as const,
    version: 1 as const,
    requestId: ctx.ids.newId(),
    installationId: who.installationId,
    computerName: who.computerName,
    userName: who.userName,
    signingKey: ctx.keys.publicKey,
    ...(ctx.keys.encryptionPublicKey ? { encryptionKey: ctx.keys.encryptionPublicKey } : {}),
    createdAt: ctx.clock.now(),
  };
  return `${JSON.stringify({ request, signature: signText(ctx.keys.privateKey, JSON.stringify(request)) }, null, 2)}\n`;
}

// --- Recovery --------------------------------------------------------------------------------

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 24;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % 32];
  return code.match(/.{4}/g)!.join('-');
}

/** What a person types: case, spaces and dashes do not matter. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const recoveryFileSchema = z.strictObject({
  kind: z.literal('territory-recovery'),
  version: z.literal(1),
  territoryId: z.string().min(1).max(64),
  name: z.string().max(200),
  publicKey: z.string().max(200),
  keyHistory: keyHistorySchema,
  salt: z.string().max(64),
  iv: z.string().max(64),
  ciphertext: z.string().max(4096),
  tag: z.string().max(64),
});

function recoveryKey(code: string, salt: Buffer): Buffer {
  return scryptSync(normalizeCode(code), salt, 32, { ...SCRYPT, maxmem: 256 * 1024 * 1024 });
}

export function exportRecovery(ctx: CoreContext, input: MethodInput<'territory:exportRecovery'>): RecoveryExported {
  const keys = territoryPrivateKey(ctx);
  const territory = territoryRow(ctx)!;
  const code = newRecoveryCode();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', recoveryKey(code, salt), iv);
  cipher.setAAD(Buffer.from(`${territory.territoryId}\n${keys.publicKey}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()]);
  const file = {
    kind: 'territory-recovery' as const,
    version: 1 as const,
    territoryId: territory.territoryId,
    name: territory.name,
    publicKey: keys.publicKey,
    keyHistory: territory.keyHistory,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  const target = path.resolve(input.file);
  try {
    replaceWithPrivateFile(target, `${JSON.stringify(file, null, 2)}\n`);
  } catch {
    throw new DomainError('forbidden', msg('export.notWritable', { target }));
  }
  return { file: target, recoveryCode: code, fingerprint: fingerprintOf(keys.publicKey) };
}

export function recoverTerritory(ctx: CoreContext, input: MethodInput<'territory:recover'>): SetupState {
  let parsed: z.infer<typeof recoveryFileSchema>;
  try {
    const text = fs.readFileSync(path.resolve(input.file), 'utf8');
    if (text.length > 64 * 1024) throw new Error('too big');
    parsed = recoveryFileSchema.parse(JSON.parse(text));
  } catch {
    throw new DomainError('invalid_input', msg('territory.recoveryUnreadable'));
  }
  let keys: { publicKey: string; privateKey: string };
  try {
    const decipher = createDecipheriv('aes-256-gcm', recoveryKey(input.recoveryCode, Buffer.from(parsed.salt, 'base64')), Buffer.from(parsed.iv, 'base64'));
    decipher.setAAD(Buffer.from(`${parsed.territoryId}\n${parsed.publicKey}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
    keys = JSON.parse(Buffer.concat([decipher.update(Buffer.from(parsed.ciphertext, 'base64')), decipher.final()]).toString('utf8')) as typeof keys;
  } catch {
    throw new DomainError('invalid_input', msg('territory.recoveryWrongCode'));
  }
  if (keys.publicKey !== parsed.publicKey) throw new DomainError('invalid_input', msg('territory.recoveryUnreadable'));
  const known = territoryRow(ctx);
  if (known && known.territoryId !== parsed.territoryId) throw new DomainError('forbidden', msg('territory.recoveryOtherTerritory', { name: parsed.name }));
  if (known && known.publicKey !== parsed.publicKey) throw new DomainError('forbidden', msg('territory.recoveryOldKey'));
  ctx.sqlite.transaction(() => {
    if (!known) {
      ctx.sqlite
        .prepare('INSERT INTO territory (key, territory_id, name, public_key, key_history, created_at) VALUES (1, ?, ?, ?, ?, ?)')
        .run(parsed.territoryId, parsed.name, parsed.publicKey, JSON.stringify(parsed.keyHistory), ctx.clock.now());
    }
    const me = installationRow(ctx)!;
    if (me.role !== 'coordinator' || me.certificateSerial === null) selfCertify(ctx, { territoryId: parsed.territoryId, name: parsed.name }, keys.privateKey);
    ctx.territoryKeyStore!.save(keys);
  })();
  return setupState(ctx);
}

export function rotateTerritoryKey(ctx: CoreContext): TerritoryKeyRotated {
  const old = territoryPrivateKey(ctx);
  const territory = territoryRow(ctx)!;
  const next = generateIdentityKeys();
  const at = ctx.clock.now();
  const handover = signText(old.privateKey, handoverText(territory.territoryId, old.publicKey, next.publicKey, at));
  const history = [...territory.keyHistory, { publicKey: old.publicKey, replacedAt: at, handover }];
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('UPDATE territory SET public_key = ?, key_history = ? WHERE key = 1').run(next.publicKey, JSON.stringify(history));
    ctx.territoryKeyStore!.save(next);
  })();
  return { fingerprint: fingerprintOf(next.publicKey), formerFingerprint: fingerprintOf(old.publicKey), rotatedAt: at };
}
