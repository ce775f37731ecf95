import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertPrivateFile, FileRefused, makePrivateFolder, replaceWithPrivateFile } from '../../../db/private-files';
import { msg } from '../../../shared/core-messages';
import type { Identity } from '../../../shared/domain';
import { type CoreContext, readProfile, type SigningKeys } from '../changelog/core-context';
import { generateEncryptionKeys } from './bundle-crypto';

/**
 * Each installation's Ed25519 identity. Keys are DER bytes in base64 (SPKI for public, PKCS#8 for
 * private). Node's own crypto does the work; nothing here is a hand-written primitive.
 */
export interface IdentityKeys {
  publicKey: string;
  privateKey: string;
  /** The X25519 pair bundles are encrypted to (bundle-crypto.ts); a key file written before it has none, and gets one when loaded. */
  encryptionPublicKey?: string;
  encryptionPrivateKey?: string;
}

/** Where the private key lives: a protected file for the CLI, Electron's safeStorage in the app. */
export interface KeyStore {
  /**
   * `newDatabase`: the database has no installation yet. A store kept in a file then refuses a key
   * it already holds (see refuseKeyForNewDatabase); a store given its keys in code adopts them.
   */
  load(context?: { newDatabase: boolean }): IdentityKeys | null;
  save(keys: IdentityKeys): void;
}

export const KEY_FILE = 'signing key file';

/**
 * A key file found beside a database that has no installation yet is never adopted: another user
 * may have planted it (to know the new installation's private key), or it belongs to a database
 * that is gone. It is left where it is, for the person to move.
 */
export function refuseKeyForNewDatabase(file: string): never {
  throw new FileRefused(
    `A ${KEY_FILE} already exists at ${file}, but its database is new: the planner never takes an existing key for a new database (someone else may have put it there, or its database is gone). ` +
      'Move the key file away (keep it if you may restore its database), then start again.',
  );
}

export function generateIdentityKeys(): IdentityKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const encryption = generateEncryptionKeys();
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    encryptionPublicKey: encryption.publicKey,
    encryptionPrivateKey: encryption.privateKey,
  };
}

/** The keys read from a key file or store: the two halves of each pair, when present as text. */
export function parsedKeys(parsed: Partial<IdentityKeys>): IdentityKeys | null {
  if (typeof parsed.publicKey !== 'string' || typeof parsed.privateKey !== 'string') return null;
  const keys: IdentityKeys = { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
  if (typeof parsed.encryptionPublicKey === 'string' && typeof parsed.encryptionPrivateKey === 'string') {
    keys.encryptionPublicKey = parsed.encryptionPublicKey;
    keys.encryptionPrivateKey = parsed.encryptionPrivateKey;
  }
  return keys;
}

const privateKeys = new Map<string, KeyObject>();
export function signText(privateKey: string, text: string): string {
  let key = privateKeys.get(privateKey);
  if (!key) {
    key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    privateKeys.clear();
    privateKeys.set(privateKey, key);
  }
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

// Parsing a key costs more than verifying with it; an import checks thousands of signatures by a few keys.
const publicKeys = new Map<string, KeyObject>();
function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (publicKeys.size > 256) publicKeys.clear();
    publicKeys.set(publicKey, key);
  }
  return key;
}

/** False for a wrong signature, a malformed key or signature: never throws on hostile input. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const key = publicKeyObject(publicKey);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short, readable fingerprint of a public key, to compare by phone: "K7QD-3MZP-…" (16 groups of 4 would be too long; 8 suffice). */
export function fingerprintOf(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  let chars = '';
  for (let i = 0; i < 32; i++) chars += BASE32[digest[i]! % 32];
  return chars.match(/.{4}/g)!.join('-');
}

/** Keeps the key pair in a file only its owner may read (0600); refuses one that others may read. */
export function fileKeyStore(file: string): KeyStore {
  return {
    load(context) {
      if (!fs.existsSync(file)) return null;
      assertPrivateFile(file, KEY_FILE);
      if (context?.newDatabase) refuseKeyForNewDatabase(file);
      const keys = parsedKeys(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<IdentityKeys>);
      if (keys === null) throw new Error(`The identity key file ${file} is damaged.`);
      return keys;
    },
    save(keys) {
      makePrivateFolder(path.dirname(file));
      replaceWithPrivateFile(file, JSON.stringify(keys));
    },
  };
}

export function memoryKeyStore(initial: IdentityKeys | null = null): KeyStore {
  let keys = initial;
  return {
    load: () => keys,
    save: (k) => {
      keys = k;
    },
  };
}

/**
 * The identity this process works with. A database that already has an identity whose private key
 * this key store cannot give (the desktop app keeps it in the system keychain; a command line on
 * the same database cannot read it) opens without signing: it can read and check, but not change.
 */
export type WorkingIdentity = SigningKeys;

/** `installation`: the database's installation row (its public key), or null for a new database. */
export function loadOrCreateKeys(store: KeyStore, installation: { publicKey: string | null } | null): WorkingIdentity {
  const existing = store.load({ newDatabase: installation === null });
  if (existing) {
    if (existing.encryptionPublicKey !== undefined && existing.encryptionPrivateKey !== undefined) return workingKeys(existing);
    // A key kept before bundles were encrypted to their recipients: it gains its encryption pair, saved beside it.
    const encryption = generateEncryptionKeys();
    const completed: IdentityKeys = { ...existing, encryptionPublicKey: encryption.publicKey, encryptionPrivateKey: encryption.privateKey };
    store.save(completed);
    return workingKeys(completed);
  }
  if (installation?.publicKey) return { publicKey: installation.publicKey, privateKey: null, encryptionPublicKey: null, encryptionPrivateKey: null };
  const keys = generateIdentityKeys();
  store.save(keys);
  return workingKeys(keys);
}

function workingKeys(keys: IdentityKeys): WorkingIdentity {
  return { publicKey: keys.publicKey, privateKey: keys.privateKey, encryptionPublicKey: keys.encryptionPublicKey ?? null, encryptionPrivateKey: keys.encryptionPrivateKey ?? null };
}

export const SIGNING_KEY_UNAVAILABLE = msg('sync.signingKeyUnavailable');

/** This installation's id, name and key, with the fingerprint people compare. */
export function whoami(ctx: CoreContext): Identity {
  const profile = readProfile(ctx);
  return { installationId: profile.installationId, name: profile.name, publicKey: ctx.keys.publicKey, fingerprint: fingerprintOf(ctx.keys.publicKey) };
}
